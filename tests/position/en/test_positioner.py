"""Issues carried from context: a noun phrase naming a move refers to the last issue named."""

from __future__ import annotations

import pytest

from redline.models import Document, Position
from redline.position import load_pack
from redline.position.en.positioner import EnglishPositioner


@pytest.fixture(scope="module")
def positioner() -> EnglishPositioner:
    return EnglishPositioner(load_pack("ukraine-security"))


def _read(positioner: EnglishPositioner, text: str) -> list[Position]:
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    return positioner.positions(document, [])[1]


def _stances(positions: list[Position]) -> set[tuple[str, str, str]]:
    return {(p.actor, p.issue, p.stance) for p in positions}


def test_positioner_object_noun_phrase_takes_the_last_issue(positioner: EnglishPositioner) -> None:
    text = ("Moscow proposed a non-aggression pact with the European Union on Monday. "
            "Brussels dismissed the offer.")
    positions = _read(positioner, text)
    assert ("European Union", "non-aggression-europe", "oppose") in _stances(positions)
    evidence = next(p for p in positions if p.actor == "European Union")
    assert evidence.evidence == "dismissed the offer"


def test_positioner_negated_cue_on_noun_phrase_flips(positioner: EnglishPositioner) -> None:
    text = "Kyiv asked for a ceasefire along the front line. Moscow did not welcome the proposal."
    assert ("Russia", "ceasefire", "oppose") in _stances(_read(positioner, text))


def test_positioner_noun_phrase_out_of_reach_carries_nothing(positioner: EnglishPositioner) -> None:
    text = ("Kyiv asked for a ceasefire along the front line. The talks went on late. "
            "The delegations had dinner. Nobody spoke to the press. Moscow rejected the proposal.")
    assert _stances(_read(positioner, text)) == {("Ukraine", "ceasefire", "support")}


def test_positioner_noun_phrase_as_subject_carries_nothing(positioner: EnglishPositioner) -> None:
    text = "Kyiv asked for a ceasefire along the front line. The proposal was rejected by Moscow."
    assert _stances(_read(positioner, text)) == {("Ukraine", "ceasefire", "support")}


def test_positioner_direct_reading_outweighs_noun_phrase(positioner: EnglishPositioner) -> None:
    text = "Paris backed a ceasefire along the front line. Paris later rejected the proposal."
    assert _stances(_read(positioner, text)) == {("France", "ceasefire", "support")}


def test_positioner_free_relative_refers_back(positioner: EnglishPositioner) -> None:
    text = ("Washington offered security guarantees to Ukraine. "
            "Zelensky welcomed what he called a decisive step.")
    positions = _read(positioner, text)
    assert ("Ukraine", "guarantees-for-ukraine", "support") in _stances(positions)
    evidence = next(p for p in positions if p.actor == "Ukraine")
    assert evidence.evidence == "welcomed what he called"


def test_positioner_naming_verb_lets_the_later_cue_decide(positioner: EnglishPositioner) -> None:
    text = ("Britain and France pledged to deploy troops in Ukraine after a ceasefire. "
            "Zelensky called the pledge a historic step.")
    positions = _read(positioner, text)
    assert ("Ukraine", "foreign-troops-in-ukraine", "support") in _stances(positions)
    evidence = next(p for p in positions if p.actor == "Ukraine")
    assert evidence.evidence == "the pledge a historic step"
