"""Word families: the suffix pairs of concepts.yaml join the forms of one word."""

from __future__ import annotations

from redline.position.en.families import Families, load_concept_lexicon


def _related(a: str, b: str) -> bool:
    families = Families(load_concept_lexicon())
    return not families.roots(a).isdisjoint(families.roots(b))


def test_families_noun_of_the_act_meets_its_verb() -> None:
    assert [_related(a, b) for a, b in [("deployment", "deploy"), ("withdrawal", "withdraw"),
                                        ("entry", "enter"), ("expansion", "expand"), ("defence", "defend")]] \
        == [True, True, True, True, True]


def test_families_agent_noun_and_gerund_meet_their_verb() -> None:
    assert [_related(a, b) for a, b in [("inspector", "inspect"), ("ceding", "cede"), ("capping", "cap"),
                                        ("guarantor", "guarantee")]] == [True, True, True, True]


def test_families_spellings_meet() -> None:
    assert _related("recognise", "recognition") is True


def test_families_fixed_words_stay_apart() -> None:
    assert [_related(a, b) for a, b in [("station", "state"), ("member", "membership"), ("nation", "national")]] \
        == [False, False, False]


def test_families_roots_of_a_word() -> None:
    assert sorted(Families(load_concept_lexicon()).roots("withdrawal")) == ["withdraw", "withdrawal"]
