"""Pack loading: the shipped pack, and one-line errors naming file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.errors import PackError
from redline.models import Document
from redline.position import load_pack
from redline.position.en import EnglishPositioner
from redline.position.pack import load_lexicon

MINIMAL = """\
name: tiny
actors:
  - id: Alpha
    name: Republic of Alpha
    aliases: [Alpha]
    persons:
      - {name: Ann Smith, variants: [Smith], title: Foreign Minister}
  - id: Beta
    name: Beta
issues:
  - id: river-access
    label: River access
    description: Access to the river for boats.
    terms: [river access]
    examples:
      - {text: "Alpha rejects river access.", actor: Alpha, stance: oppose}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(PackError) as caught:
        load_pack(path)
    return str(caught.value)


def test_pack_loads_shipped_default_by_name() -> None:
    pack = load_pack("ukraine-security")
    assert pack.name == "ukraine-security"
    assert "ukraine-nato-membership" in pack.issue_ids()
    assert {a.id for a in pack.actors} >= {"Russia", "Ukraine", "United States", "Europe", "G7"}


def test_pack_loads_a_minimal_file(tmp_path: Path) -> None:
    pack = load_pack(_write(tmp_path, MINIMAL))
    assert pack.issue_ids() == {"river-access"}
    assert pack.actors[0].persons[0].variants == ["Smith"]


def test_pack_wrong_field_names_file_line_and_field(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace("    label: River access", "    lable: River access"))
    assert _error(path) == f"{path}:11: issues[0].label: Field required"


def test_pack_extra_field_is_reported_at_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace("    aliases: [Alpha]", "    aliases: [Alpha]\n    colour: red"))
    assert _error(path) == f"{path}:6: actors[0].colour: Extra inputs are not permitted"


def test_pack_unknown_actor_in_example_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace("actor: Alpha, stance", "actor: Gamma, stance"))
    assert _error(path) == f"{path}:16: issues[0].examples[0].actor: unknown actor 'Gamma'"


def test_pack_unknown_beneficiary_is_an_error(tmp_path: Path) -> None:
    text = MINIMAL.replace("    terms: [river access]", "    beneficiary: Delta\n    terms: [river access]")
    path = _write(tmp_path, text)
    assert _error(path) == f"{path}:14: issues[0].beneficiary: unknown actor 'Delta'"


def test_pack_bad_regex_names_the_pattern(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace("terms: [river access]", "terms: [river access, 'boats (on']"))
    message = _error(path)
    assert message.startswith(f"{path}:14: issues[0].terms[1]: bad pattern 'boats (on': missing ), unterminated")


def test_pack_bad_stance_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace("stance: oppose", "stance: hostile"))
    assert _error(path) == (
        f"{path}:16: issues[0].examples[0].stance: "
        "Input should be 'support', 'oppose', 'conditional' or 'neutral'"
    )


def test_pack_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace("aliases: [Alpha]", "aliases: [Alpha"))
    assert _error(path).startswith(f"{path}:6: yaml: ")


def test_pack_unknown_name_lists_the_shipped_packs() -> None:
    with pytest.raises(PackError, match=r"^no-such-pack: no such pack \(shipped: .*ukraine-security"):
        load_pack("no-such-pack")


def test_pack_examples_read_as_annotated() -> None:
    pack = load_pack("ukraine-security")
    positioner = EnglishPositioner(pack)
    for issue in pack.issues:
        for number, example in enumerate(issue.examples):
            document = Document(id=f"{issue.id}-{number}", doc="x", origin="x", raw_text=example.text,
                                text=example.text)
            _, positions = positioner.positions(document, [])
            found = {(p.actor, p.issue): p.stance for p in positions}
            assert found.get((example.actor, issue.id)) == example.stance, example.text


def test_pack_bad_description_pattern_names_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace("    aliases: [Alpha]", "    aliases: [Alpha]\n    descriptions: ['bloc(']"))
    assert _error(path).startswith(f"{path}:6: actors[0].descriptions[0]: bad pattern 'bloc(':")


def test_pack_cues_extend_the_shared_lexicon(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL + "cues:\n  support: [\"root(?:s|ed)? for\", calls for]\n")
    pack = load_pack(path)
    shared = load_lexicon()
    assert pack.cues.support == [*shared.cues.support, "root(?:s|ed)? for"]
    assert pack.roles == shared.roles


def test_pack_own_cue_reads_a_stance(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL + "cues:\n  support: [\"root(?:s|ed)? for\"]\n")
    text = "Alpha roots for river access."
    doc = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    found = EnglishPositioner(load_pack(path)).positions(doc, [])[1]
    assert [(p.actor, p.issue, p.stance) for p in found] == [("Alpha", "river-access", "support")]


def test_pack_bad_shared_lexicon_names_file_line_and_field(tmp_path: Path) -> None:
    lexicon = tmp_path / "stance.yaml"
    lexicon.write_text("cues:\n  oppose:\n    - rejects\n    - \"(unclosed\"\n", encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(_write(tmp_path, MINIMAL), lexicon=lexicon)
    assert str(caught.value) == (
        f"{lexicon}:4: cues.oppose[1]: bad pattern '(unclosed': "
        "missing ), unterminated subpattern at position 0"
    )


def test_pack_unknown_shared_lexicon_section_is_an_error(tmp_path: Path) -> None:
    lexicon = tmp_path / "stance.yaml"
    lexicon.write_text("roles:\n  bodies: [minister]\nactors: []\n", encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_lexicon(lexicon)
    assert str(caught.value) == f"{lexicon}:3: actors: Extra inputs are not permitted"
