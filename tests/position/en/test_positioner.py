"""Issues carried from context: a noun phrase naming a move refers to the last issue named."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.models import Document, Position, Statement
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


@pytest.mark.parametrize("text", [
    "Paris said security guarantees from allies could deter future aggression.",
    "London wants guarantees for Ukraine to prevent a new invasion.",
])
def test_positioner_warding_off_a_harm_favours_the_issue(positioner: EnglishPositioner, text: str) -> None:
    assert ("guarantees-for-ukraine", "support") in {(p.issue, p.stance) for p in _read(positioner, text)}


def test_positioner_warding_verb_before_the_issue_opposes_it(positioner: EnglishPositioner) -> None:
    text = "Berlin moved to prevent the deployment of foreign troops in Ukraine."
    assert _stances(_read(positioner, text)) == {("Germany", "foreign-troops-in-ukraine", "oppose")}


@pytest.mark.parametrize("text", [
    "London accused Moscow of violating the ceasefire.",
    "London accused Moscow of “playing games” with the truce.",
    "London blamed Moscow for stalling the ceasefire.",
])
def test_positioner_accusing_a_party_of_working_against_the_issue_supports_it(
        positioner: EnglishPositioner, text: str) -> None:
    assert ("United Kingdom", "ceasefire", "support") in _stances(_read(positioner, text))


def test_positioner_blaming_a_party_for_backing_the_issue_opposes_it(positioner: EnglishPositioner) -> None:
    text = "Paris blamed Moscow for backing the deployment of foreign troops."
    assert ("France", "foreign-troops-in-ukraine", "oppose") in _stances(_read(positioner, text))


@pytest.mark.parametrize("text", [
    "European allies said they are ready to deploy peacekeepers once a ceasefire is reached.",
    "Berlin said Ukraine must be strong enough, after any ceasefire, to deter another attack.",
])
def test_positioner_issue_dating_another_act_is_no_stance_on_it(positioner: EnglishPositioner, text: str) -> None:
    assert "ceasefire" not in {p.issue for p in _read(positioner, text)}


def test_positioner_time_frame_conditions_the_act_but_asks_for_nothing(positioner: EnglishPositioner) -> None:
    text = "Paris offered security guarantees to Ukraine in the event of a ceasefire."
    assert _stances(_read(positioner, text)) == {("France", "guarantees-for-ukraine", "conditional")}


def test_positioner_condition_naming_an_issue_still_asks_for_it(positioner: EnglishPositioner) -> None:
    text = "Paris offered security guarantees to Ukraine if a ceasefire holds."
    assert _stances(_read(positioner, text)) == {("France", "guarantees-for-ukraine", "conditional"),
                                                 ("France", "ceasefire", "support")}


@pytest.mark.parametrize("text", [
    "Moscow turned down Kyiv's ceasefire offer.",
    "Moscow turned down the US-Ukrainian 30-day ceasefire proposal agreed on Monday.",
])
def test_positioner_party_modifying_an_offered_issue_supports_it(positioner: EnglishPositioner, text: str) -> None:
    stances = _stances(_read(positioner, text))
    assert {("Russia", "ceasefire", "oppose"), ("Ukraine", "ceasefire", "support")} <= stances


def test_positioner_party_modifying_a_bare_issue_holds_nothing(positioner: EnglishPositioner) -> None:
    text = "Moscow backed the Ukrainian ceasefire."
    assert _stances(_read(positioner, text)) == {("Russia", "ceasefire", "support")}


def test_positioner_an_issue_cue_replaces_the_shared_cue_on_the_same_words(tmp_path: Path) -> None:
    # "postponing" is a shared exclusion; as the issue's own oppose cue it must not also compose with it.
    path = tmp_path / "pack.yaml"
    path.write_text(
        "name: sluice\n"
        "actors:\n  - {id: Velora, name: Republic of Velora, aliases: [Velora]}\n"
        "issues:\n  - id: sluice-opening\n    label: Opening the sluice\n    description: Opening the sluice.\n"
        "    terms: [opening of the sluice]\n    cues:\n      oppose: [\"postpon\\\\w*\"]\n",
        encoding="utf-8")
    positioner = EnglishPositioner(load_pack(path))
    text = "Velora is postponing the opening of the sluice."
    document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    positions = positioner.positions(document, [])[1]
    assert [(p.actor, p.issue, p.stance) for p in positions] == [("Velora", "sluice-opening", "oppose")]


def test_positioner_offer_to_give_up_on_terms_is_conditional(positioner: EnglishPositioner) -> None:
    # Invented: an offer to drop a thing on terms trades it; a refusal on terms still refuses.
    offered = "Kyiv is willing to drop its bid to join the European Union in return for a trade pact."
    refused = "Kyiv rejects joining the European Union if it means losing its farm subsidies."
    assert ("Ukraine", "ukraine-eu-membership", "conditional") in _stances(_read(positioner, offered))
    assert ("Ukraine", "ukraine-eu-membership", "oppose") in _stances(_read(positioner, refused))



def test_positioner_a_partys_own_pronoun_promising_the_act_supports_it() -> None:
    # Invented: "said it would withdraw" is the speaker's promise; another's act is not.
    positioner = EnglishPositioner(load_pack("sarn-river"))
    for subject, expected in (("it", {("Varnia", "demilitarised-zone", "support")}), ("Ostrel", set())):
        text = f"Varnia said {subject} would withdraw its troops from the river by May."
        content = text[len("Varnia said "):-1]
        own = Statement(document_id="d1", speaker="Varnia", speaker_mention="Varnia", content=content,
                        start=12, end=12 + len(content), kind="indirect", cue="said", actor="Varnia")
        document = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
        found = {s for s in _stances(positioner.positions(document, [own])[1]) if s[0] == "Varnia"}
        assert found == expected
