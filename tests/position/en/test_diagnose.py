"""Why the English stage misread a pack's example: the step that failed, or the deciding cues."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from redline.models import Document, Position
from redline.position import Pack, load_pack
from redline.position.en.diagnose import Diagnosis
from redline.position.en.positioner import EnglishPositioner
from redline.position.examples import misread_examples

# An invented negotiation: Velora and Dastan over a border accord.
PACK = """\
name: border-accord
actors:
  - {id: Velora, name: Republic of Velora, aliases: [Velora], metonyms: [Kessel]}
  - {id: Dastan, name: Kingdom of Dastan, aliases: [Dastan], metonyms: [Amrun]}
issues:
  - id: charter-change
    label: Change of Velora's charter
    description: Velora amending its charter.
    beneficiary: Velora
    terms: ["charter (?:change|rewrite)"]
    examples:
      - {text: "Amrun insists on a charter rewrite.", actor: Dastan, stance: support}
  - id: accord-signing
    label: Signing the accord
    description: Signing the border accord.
    terms: ["border accord", "ready for signing"]
    cues:
      support: [ready]
    examples:
      - {text: "Velora said the text is ready for signing.", actor: Velora, stance: support}
  - id: demarcation
    label: Demarcation on the old survey
    description: Demarcating the border on the old survey.
    terms: [demarcation]
    examples:
      - {text: "Velora wants demarcation based on the old survey.", actor: Velora, stance: support}
      - {text: "Velora is humming about demarcation.", actor: Velora, stance: support}
      - {text: "Ostrava welcomes demarcation.", actor: Dastan, stance: support}
      - {text: "Kessel welcomes the survey.", actor: Velora, stance: support}
      - {text: "Velora insists that any accord must include demarcation.", actor: Velora, stance: support}
      - {text: "Velora says the accord must not delay demarcation.", actor: Velora, stance: support}
      - {text: "Velora rejects demarcation.", actor: Velora, stance: oppose, red_line: true}
      - {text: "Velora will never accept demarcation.", actor: Velora, stance: oppose, red_line: false}
      - {text: "Dastan calls demarcation a red line.", actor: Dastan, stance: oppose, red_line: true}
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    path = Path(tmp_path_factory.mktemp("pack")) / "border.yaml"
    path.write_text(PACK, encoding="utf-8")
    return load_pack(path)


def _reasons(pack: Pack, nlp: Language) -> dict[str, str]:
    positioner = EnglishPositioner(pack, nlp)

    def read(document: Document) -> list[Position]:
        return positioner.positions(document, [])[1]

    _total, wrong = misread_examples(pack, read, Diagnosis(pack, nlp))
    return {m.text: m.reason for m in wrong}


def test_diagnose_a_mention_dropped_for_its_beneficiary_says_so(pack: Pack, nlp: Language) -> None:
    assert _reasons(pack, nlp)["Amrun insists on a charter rewrite."] == (
        'the mention "charter rewrite" was found but dropped: it is not tied to beneficiary Velora '
        "(tied to no actor) and the issue is not `default: true`; set `default: true` if a mention "
        "that names no party means this issue, or leave `beneficiary` out when no other issue shares its words"
    )


def test_diagnose_a_cue_inside_a_term_is_named(pack: Pack, nlp: Language) -> None:
    assert _reasons(pack, nlp)["Velora said the text is ready for signing."] == (
        'the cue support "ready" (issue accord-signing entry "ready") lies inside the term match '
        '"ready for signing": words inside a term are read as the issue, never as a stance; keep '
        "stance words out of terms"
    )


def test_diagnose_a_wrong_stance_names_the_deciding_cues_and_how_to_remove_one(pack: Pack, nlp: Language) -> None:
    assert _reasons(pack, nlp)["Velora wants demarcation based on the old survey."] == (
        'decided by support "wants" (shared entry "want(?:s|ed)?"); condition "based on" (shared '
        'entry "(?:built|based) on"); a shared entry is taken out with `remove: {cues: {condition: '
        '["(?:built|based) on"]}}` (`redline pack PACK --cues` lists them all)'
    )


def test_diagnose_no_cue_no_actor_and_no_mention_are_told_apart(pack: Pack, nlp: Language) -> None:
    reasons = _reasons(pack, nlp)
    assert reasons["Velora is humming about demarcation."] == (
        'the mention "demarcation" was found, but no stance cue (shared or the pack\'s); add one '
        "under the issue's cues (support, oppose) or the pack's"
    )
    assert reasons["Ostrava welcomes demarcation."] == (
        "Dastan is not named: the text calls it by none of its id, name, aliases, adjectives, "
        "metonyms, bodies or persons"
    )
    assert reasons["Kessel welcomes the survey."] == "no term or concept of demarcation matched"


def test_diagnose_warns_of_a_plain_term_that_holds_a_directed_cue(pack: Pack, nlp: Language) -> None:
    assert Diagnosis(pack, nlp).term_warnings() == [
        'issue accord-signing: term "ready for signing" holds the cue support "ready" (issue '
        'accord-signing entry "ready"): words inside a term are read as the issue, never as a '
        "stance, so it will not fire there"
    ]


def test_diagnose_a_stance_cue_inside_a_longer_restriction_says_what_a_pack_can_do(
        pack: Pack, nlp: Language) -> None:
    """"X must not delay Y" sets a limit on X: the pack can give the issue its own cue there."""
    reasons = _reasons(pack, nlp)
    assert reasons["Velora says the accord must not delay demarcation."] == (
        'the mention "demarcation" and the cues support "must" (shared entry "must") and negation "not" '
        '(shared entry "not") were found, but "must" is read as part of the longer restriction "must not delay" (shared entry "must not \\\\w+"), '
        'which is no stance (it sets terms or a limit on what comes before it ("X must include Y", "X must '
        'not delay Y"), not a stance on what follows); what a pack can do: give the issue its own support '
        'or oppose cue covering the words (`cues: {support: ["must not delay"]}` under the issue: an '
        'issue\'s cue is read in that place), or take the shared entry out with `remove: {cues: '
        '{restriction: ["must not \\\\w+"]}}` if the pack\'s coverage never means it'
    )
    # A requirement laid on no issue is a demand for what follows: "any accord must include Y".
    assert "Velora insists that any accord must include demarcation." not in reasons


def test_diagnose_the_advice_on_a_swallowed_cue_works(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "border.yaml"
    path.write_text(PACK.replace("    terms: [demarcation]\n", "    terms: [demarcation]\n"
                                 "    cues: {support: [\"must not delay\"]}\n"), encoding="utf-8")
    assert "Velora says the accord must not delay demarcation." not in _reasons(load_pack(path), nlp)


def test_diagnose_an_example_asserting_a_red_line_is_checked_both_ways(pack: Pack, nlp: Language) -> None:
    positioner = EnglishPositioner(pack, nlp)
    _total, wrong = misread_examples(pack, lambda d: positioner.positions(d, [])[1], Diagnosis(pack, nlp))
    found = {m.text: (m.expected, m.found, m.red_line, m.found_red_line, m.reason) for m in wrong}
    assert found["Velora rejects demarcation."] == (
        "oppose", "oppose", True, False,
        "no red-line word was found: add one under the issue's `cues: {red_line: [...]}` (this issue "
        "only) or the pack's `cues: red_line:` (words of firmness, not the issue's own verbs)")
    assert found["Velora will never accept demarcation."] == (
        "oppose", "oppose", False, True,
        'read as a red line by red_line "never accept" (shared entry "never accept"): if the words are '
        'no red line here, take the entry out (`remove: {cues: {red_line: ["never accept"]}}`); if they '
        "are one, the example should say `red_line: true`")
    assert "Dastan calls demarcation a red line." not in found
