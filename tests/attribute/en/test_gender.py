"""Gender comes from titles, role nouns and a general first-name dictionary."""

from __future__ import annotations

from redline.attribute.en.gender import given_name_gender, name_parts, person_gender
from redline.attribute.en.lexicon import load_lexicon


def test_gender_given_name_from_the_dictionary() -> None:
    assert given_name_gender("Jane") == "feminine"
    assert given_name_gender("Ivan") == "masculine"
    # Names the dictionary calls "mostly" one gender, or unisex, tell nothing.
    assert given_name_gender("Sam") is None
    assert given_name_gender("O'Neil") is None


def test_gender_title_wins_over_the_given_name() -> None:
    lexicon = load_lexicon()
    assert person_gender(lexicon, "Jane Roe", "Mr") == "masculine"
    assert person_gender(lexicon, "Robin Vale", "", "spokeswoman") == "feminine"


def test_gender_needs_a_full_name_for_the_dictionary() -> None:
    lexicon = load_lexicon()
    assert person_gender(lexicon, "Jane Roe") == "feminine"
    # A surname alone is not a given name: "Jordan" could be either.
    assert person_gender(lexicon, "Roe") is None


def test_gender_name_parts_are_parsed_once_per_name() -> None:
    name_parts.cache_clear()
    assert name_parts("Sir Keir Starmer") == ("Sir", "Keir")
    assert name_parts("Dr. Jane Roe") == ("Dr.", "Jane")
    assert name_parts("Roe") == ("", "Roe")
    assert name_parts("Sir Keir Starmer") == ("Sir", "Keir")
    assert name_parts.cache_info().hits == 1


def test_gender_dictionary_read_in_one_go_is_the_packages_own() -> None:
    from gender_guesser.detector import Detector

    from redline.attribute.en.gender import _Dictionary

    # Same names, genders and country values, in the same order (ties go to the first).
    ours, theirs = _Dictionary(case_sensitive=False).names, Detector(case_sensitive=False).names
    assert [(k, list(v.items())) for k, v in ours.items()] == [(k, list(v.items())) for k, v in theirs.items()]
