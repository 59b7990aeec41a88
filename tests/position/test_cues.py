"""A pack's effective cue lists with their origin, and which entry a text matched."""

from __future__ import annotations

from pathlib import Path

from redline.models import CueSpan
from redline.position import load_pack
from redline.position.cues import CueEntry, CueIndex, cue_entries, precondition_warnings, shared_duplicates

PACK = """\
name: border-accord
actors:
  - {id: Velora, name: Republic of Velora, aliases: [Velora]}
issues:
  - id: demarcation
    label: Demarcation
    description: Marking the Velora border on the ground.
    terms: [demarcation]
    cues:
      support: [overdue]
remove:
  cues:
    support: [should]
cues:
  condition: ["in step with"]
"""


def _pack(tmp_path: Path) -> Path:
    path = tmp_path / "border.yaml"
    path.write_text(PACK, encoding="utf-8")
    return path


def test_cues_entries_name_their_origin(tmp_path: Path) -> None:
    entries = cue_entries(load_pack(_pack(tmp_path)))
    assert CueEntry("cues", "condition", "(?:built|based) on", "shared") in entries
    assert CueEntry("cues", "condition", "in step with", "pack") in entries
    assert CueEntry("cues", "support", "overdue", "issue demarcation") in entries
    assert CueEntry("roles", "bodies", "chancellor", "shared") in entries
    assert not [e for e in entries if (e.kind, e.pattern) == ("support", "should")]


def test_cues_index_names_the_entry_behind_each_decided_span(tmp_path: Path) -> None:
    index = CueIndex(load_pack(_pack(tmp_path)))
    text = "Velora wants demarcation based on the old survey."
    spans = (CueSpan("support", 7, 12), CueSpan("condition", 25, 33))
    assert [h.describe() for h in index.deciding(text, spans, "demarcation")] == [
        'support "wants" (shared entry "want(?:s|ed)?")',
        'condition "based on" (shared entry "(?:built|based) on")',
    ]


def test_cues_index_keeps_the_longest_overlapping_entry_and_issue_cues_of_the_issue(tmp_path: Path) -> None:
    index = CueIndex(load_pack(_pack(tmp_path)))
    text = "Velora does not want it; demarcation is overdue."
    kinds = ("support", "negation")
    assert [(h.entry.kind, h.text) for h in index.hits(text, 0, len(text), kinds, ["demarcation"])] == [
        ("negation", "not"), ("support", "want"), ("support", "overdue")]
    assert [h.text for h in index.hits(text, 0, len(text), kinds)] == ["not", "want"]


def test_cues_shared_duplicates_name_pack_entries_the_lexicon_already_reads(tmp_path: Path) -> None:
    text = PACK.replace('support: [overdue]', 'support: [overdue, "welcom(?:e|es|ed|ing)"]').replace(
        'condition: ["in step with"]', 'condition: ["in step with", as long as]').replace(
        '[overdue, "welcom(?:e|es|ed|ing)"]', '[overdue, "welcom(?:e|es|ed|ing)", "insist(?:s|ed)? on"]')
    path = tmp_path / "border.yaml"
    path.write_text(text, encoding="utf-8")
    warnings = shared_duplicates(load_pack(path))
    assert warnings == [
        'cues.condition "as long as" (pack) is the shared entry; it can be left out',
        'cues.support "welcom(?:e|es|ed|ing)" (issue demarcation) is the shared entry; it can be left out',
        'cues.support "insist(?:s|ed)? on" (issue demarcation) only reads what the shared entry '
        '"insist(?:s|ed|ing)? on" reads; it can be left out',
    ]


def test_cues_precondition_warnings_name_a_condition_opening_with_before(tmp_path: Path) -> None:
    text = PACK.replace('condition: ["in step with"]', 'condition: ["in step with", "before (?:it|they) can"]')
    path = tmp_path / "border.yaml"
    path.write_text(text, encoding="utf-8")
    assert precondition_warnings(load_pack(path)) == [
        'cues.condition "before (?:it|they) can" (pack) cuts the sentence at "before": the issue after it '
        'loses the stance before it ("wants X done before Y can ..."), which the shared precondition "before" '
        'reads as Y waiting on X; it can be left out',
    ]
