"""Holders in an article's own reporting: descriptions, group pronouns, everyday stance verbs."""

from __future__ import annotations

import pytest

from redline.models import Document
from redline.position import load_pack
from redline.position.en import EnglishPositioner


@pytest.fixture(scope="module")
def positioner() -> EnglishPositioner:
    return EnglishPositioner(load_pack("ukraine-security"))


def _stances(positioner: EnglishPositioner, text: str) -> set[tuple[str, str, str]]:
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    return {(p.actor, p.issue, p.stance) for p in positioner.positions(document, [])[1]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow balks at any deployment of foreign troops in Ukraine.",
         ("Russia", "foreign-troops-in-ukraine", "oppose")),
        ("Kyiv is pressing for more Patriot batteries.", ("Ukraine", "weapons-for-ukraine", "support")),
        ("Washington is reluctant to extend Article 5-style protection.",
         ("United States", "guarantees-for-ukraine", "oppose")),
        ("Berlin has lobbied for a multinational force on the Dnipro.",
         ("Germany", "foreign-troops-in-ukraine", "support")),
        ("Paris is weighing a truce over the holidays.", ("France", "ceasefire", "neutral")),
        ("London is sceptical of any land swap.", ("United Kingdom", "territorial-concessions", "oppose")),
        ("Ankara praised the moratorium on energy strikes.", ("Turkey", "ceasefire", "support")),
    ],
)
def test_holders_everyday_stance_verbs(positioner: EnglishPositioner, text: str,
                                       expected: tuple[str, str, str]) -> None:
    assert _stances(positioner, text) == {expected}


def test_holders_would_consider_with_a_proviso_is_conditional(positioner: EnglishPositioner) -> None:
    text = "Beijing would consider joining a peacekeeping mission so long as Moscow agrees."
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    positions = positioner.positions(document, [])[1]
    assert [(p.actor, p.issue, p.stance, p.condition) for p in positions] == [
        ("China", "foreign-troops-in-ukraine", "conditional", "so long as Moscow agrees"),
    ]


def test_holders_description_refers_to_the_actor_named_last(positioner: EnglishPositioner) -> None:
    text = "NATO ministers met on Tuesday. The alliance backs a reassurance force for Ukraine."
    assert _stances(positioner, text) == {("NATO", "foreign-troops-in-ukraine", "support")}


def test_holders_shared_description_without_antecedent_goes_to_first_actor(positioner: EnglishPositioner) -> None:
    assert _stances(positioner, "The bloc backs a truce.") == {("European Union", "ceasefire", "support")}


def test_holders_group_pronoun_subject_takes_last_party(positioner: EnglishPositioner) -> None:
    text = "Russia answered the letter on Monday. It also opposes any peacekeeping force."
    assert _stances(positioner, text) == {("Russia", "foreign-troops-in-ukraine", "oppose")}


def test_holders_group_pronoun_with_copula_is_not_a_party(positioner: EnglishPositioner) -> None:
    text = "Russia answered the letter on Monday. It is unclear whether a truce is acceptable."
    assert _stances(positioner, text) == set()


def test_holders_inverse_term_territorial_integrity_opposes_concessions(positioner: EnglishPositioner) -> None:
    text = "Kyiv insists on its territorial integrity within the 1991 borders."
    assert _stances(positioner, text) == {("Ukraine", "territorial-concessions", "oppose")}


def test_holders_euro_atlantic_integration_is_nato_membership(positioner: EnglishPositioner) -> None:
    text = "Kyiv reaffirmed its commitment to Euro-Atlantic integration."
    assert _stances(positioner, text) == {("Ukraine", "ukraine-nato-membership", "support")}


def test_holders_object_of_a_verb_holds_no_stance(positioner: EnglishPositioner) -> None:
    text = "Paris warned against forcing Kyiv to give up land."
    assert _stances(positioner, text) == {("France", "territorial-concessions", "oppose")}


def test_holders_opposing_an_exclusion_supports_the_thing(positioner: EnglishPositioner) -> None:
    text = "Kyiv is reluctant to accept a ban on joining NATO."
    assert _stances(positioner, text) == {("Ukraine", "ukraine-nato-membership", "support")}


def test_holders_could_live_with_is_neutral(positioner: EnglishPositioner) -> None:
    text = "Washington can live with a reassurance force."
    assert _stances(positioner, text) == {("United States", "foreign-troops-in-ukraine", "neutral")}



def test_holders_document_speaks_for_its_author(positioner: EnglishPositioner) -> None:
    text = ("The plan, drafted by Washington, was sent to Kyiv on Friday. "
            "The draft would have Ukraine withdraw from the Donetsk region.")
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    positions = positioner.positions(document, [])[1]
    assert [(p.actor, p.issue, p.stance, p.evidence) for p in positions] == [
        ("United States", "territorial-concessions", "support",
         "would have Ukraine withdraw from the Donetsk region"),
    ]


def test_holders_document_with_adjective_author(positioner: EnglishPositioner) -> None:
    text = "The American draft would have Ukraine renounce NATO membership."
    assert _stances(positioner, text) == {("United States", "ukraine-nato-membership", "oppose")}


def test_holders_document_without_author_holds_nothing(positioner: EnglishPositioner) -> None:
    text = "The draft would have Ukraine withdraw from the Donetsk region."
    assert _stances(positioner, text) == set()
