"""Names: the fullest form of a name the article gives."""

from __future__ import annotations

from spacy.language import Language

from redline.attribute.en.lexicon import load_lexicon
from redline.attribute.en.parse import Parsed
from redline.attribute.en.resolve import Names, Resolver
from redline.attribute.en.speakers import Mention


def _names(persons: list[str], others: list[str]) -> Names:
    names = Names(load_lexicon())
    for name in persons:
        names.add(name, True)
    for name in others:
        names.add(name, False)
    return names


def test_resolve_surname_lengthens_to_full_name() -> None:
    names = _names(["Dmitry Peskov", "Peskov"], [])
    assert names.fullest("Peskov") == ("Dmitry Peskov", True)
    assert names.fullest("Mr Peskov") == ("Dmitry Peskov", True)


def test_resolve_transliterations_are_one_person() -> None:
    names = _names(["Sergei Lavrov", "Sergey Lavrov"], [])
    assert names.fullest("Sergey Lavrov") == ("Sergei Lavrov", True)


def test_resolve_organisation_lengthens_by_its_ending() -> None:
    names = _names([], ["Polish Foreign Ministry", "the Kremlin"])
    assert names.fullest("Foreign Ministry") == ("Polish Foreign Ministry", False)
    assert names.fullest("the Kremlin") == ("Kremlin", False)


def test_resolve_a_place_is_not_a_body_of_that_place() -> None:
    names = _names([], ["Norway", "Foreign Ministry of Norway"])
    assert names.fullest("Norway") == ("Norway", False)


def test_resolve_dateline_capitals_give_way_to_the_written_name() -> None:
    names = _names([], ["MOSCOW", "Moscow"])
    assert names.fullest("Moscow") == ("Moscow", False)


def test_resolve_unknown_name_is_kept() -> None:
    assert _names([], []).fullest("Reuters") == ("Reuters", None)


def test_resolve_organisation_name_keeps_a_leading_role_word() -> None:
    from redline.attribute.en.lexicon import load_lexicon
    from redline.attribute.en.resolve import Names

    names = Names(load_lexicon())
    names.add("General Mills", person=False)
    names.add("Mayor Ana Ruiz", person=True)
    assert names.fullest("General Mills") == ("General Mills", False)
    assert names.fullest("Ruiz") == ("Ana Ruiz", True)


def test_resolve_lone_surname_spelt_another_way_is_the_person_named_in_full() -> None:
    names = _names(["Oksana Kovalenko", "Kovalinko", "Kovalenco"], [])
    assert names.fullest("Kovalinko") == ("Oksana Kovalenko", True)
    assert names.fullest("Kovalenco") == ("Oksana Kovalenko", True)


def test_resolve_spelling_variant_with_two_candidates_is_left_alone() -> None:
    names = _names(["Oksana Kovalenko", "Petro Kovalchuk", "Kovalinko"], [])
    assert names.fullest("Kovalinko") == ("Kovalinko", True)


def test_resolve_spelling_variant_needs_the_same_opening_letters() -> None:
    names = _names(["Oksana Kovalenko", "Marenko"], [])
    assert names.fullest("Marenko") == ("Marenko", True)


def test_resolve_he_is_a_mistagged_two_word_name_that_spoke(nlp: Language) -> None:
    # The recogniser may take an unfamiliar person's name for an organisation's: the speaker
    # is recorded as one, and "he" has no one else to be.
    text = "Progress was made, she said. He said more talks would follow."
    resolver = Resolver(Parsed(text, nlp), load_lexicon(), lambda _: False)
    resolver.add(19, "Tavo Kessel", "organisation", None, "Tavo Kessel", (0, 17))
    assert resolver.speaker(Mention("He", 28, 30, "pronoun", refer="person")) == (
        "Tavo Kessel", "organisation", None, 0.85 * 0.85)


def test_resolve_he_is_not_a_body_of_the_lexicon(nlp: Language) -> None:
    text = "Progress was made, she said. He said more talks would follow."
    resolver = Resolver(Parsed(text, nlp), load_lexicon(), lambda _: False)
    resolver.add(19, "Foreign Ministry", "organisation", None, "Foreign Ministry", (0, 17))
    assert resolver.speaker(Mention("He", 28, 30, "pronoun", refer="person")) is None


def test_resolve_given_name_lengthens_to_the_one_person() -> None:
    names = _names(["Ian Hale", "Ian"], [])
    assert names.fullest("Sir Ian") == ("Ian Hale", True)
    assert names.fullest("Ian") == ("Ian Hale", True)


def test_resolve_given_name_of_two_people_or_a_surname_stays() -> None:
    assert _names(["Ian Hale", "Ian Moss", "Ian"], []).fullest("Ian") == ("Ian", True)
    assert _names(["Ian Hale", "Tom Ian"], []).fullest("Ian") == ("Tom Ian", True)


def test_resolve_a_title_inside_a_headline_entity_ends_what_precedes_it() -> None:
    # Invented: a headline's place and abbreviated title run into the entity.
    names = _names(["Tomas Vela", "Lisk Prez Vela", "Velaa"], [])
    assert names.fullest("Lisk Prez Vela") == ("Tomas Vela", True)
    assert names.fullest("Velaa") == ("Tomas Vela", True)
