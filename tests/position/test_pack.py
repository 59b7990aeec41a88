"""Pack loading: the shipped pack, and one-line errors naming file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.errors import PackError
from redline.models import Document
from redline.position import load_pack
from redline.position.en.positioner import EnglishPositioner
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
    assert _error(path) == (f"{path}:6: actors[0].colour: unknown key 'colour'; allowed: id, name, aliases, "
                            "adjectives, metonyms, bodies, persons, descriptions, members")


def test_pack_comma_in_a_flow_mapping_value_says_to_quote_it(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace("title: Foreign Minister}", "title: Minister, chief negotiator}"))
    assert _error(path) == (f"{path}:7: actors[0].persons[0].chief negotiator: unknown key 'chief negotiator'; "
                            "allowed: name, variants, title (inside {...} a comma ends the value: quote it, "
                            'title: "Minister, chief negotiator")')


def test_pack_unknown_key_suggests_the_nearest_and_lists_the_allowed(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL + "remove:\n  cues:\n    conditions: [if]\n")
    error = _error(path)
    assert error.startswith(f"{path}:19: remove.cues.conditions: unknown key 'conditions' (did you mean "
                            "'condition' or")
    assert "; allowed: support, oppose, neutral, exclusion, negation, condition, restriction," in error


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
    assert str(caught.value) == f"{lexicon}:3: actors: unknown key 'actors'; allowed: roles, cues"


def test_pack_unquoted_pattern_read_as_a_mapping_says_quote_it(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace("terms: [river access]", "terms:\n      - river access\n      - access: free"))
    assert _error(path) == (f"{path}:16: issues[0].terms[1]: YAML reads this as a mapping "
                            "({'access': 'free'}): quote this pattern")


def test_pack_unquoted_braces_in_a_pattern_say_quote_it(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace("terms: [river access]", "terms:\n      - {beneficiary}['’]s boats"))
    assert "quote this pattern" in _error(path)


def test_pack_removes_a_shared_cue_and_overrides_it(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL + "remove:\n  cues:\n    support: [should]\ncues:\n  support: [\"should (?!not)\"]\n")
    pack = load_pack(path)
    assert "should" not in pack.cues.support
    assert pack.cues.support[-1] == "should (?!not)"


def test_pack_removing_an_entry_the_lexicon_lacks_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL + "remove:\n  cues:\n    support: [hums]\n")
    assert _error(path) == (f"{path}:19: remove.cues.support[0]: 'hums' is not in the shared lexicon "
                            "(`redline pack PACK --cues` lists its cues.support entries as written)")


def test_pack_removing_the_words_of_an_entry_names_the_entry(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL + "remove:\n  cues:\n    condition: [based on]\n")
    assert _error(path) == (f"{path}:19: remove.cues.condition[0]: 'based on' is not in the shared lexicon "
                            "(did you mean '(?:built|based) on'? it matches 'based on') "
                            "(`redline pack PACK --cues` lists its cues.condition entries as written)")


def test_pack_unknown_group_member_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace("    name: Beta\n", "    name: Beta\n    members: [Alpha, Gamma]\n"))
    assert _error(path) == f"{path}:10: actors[1].members: unknown member actor 'Gamma'"


def _positions(path: Path, text: str) -> set[tuple[str, str, str, bool]]:
    doc = Document(id="d1", doc="d1.txt", origin="d1.txt", raw_text=text, text=text)
    found = EnglishPositioner(load_pack(path)).positions(doc, [])[1]
    return {(p.actor, p.issue, p.stance, p.red_line) for p in found}


GROUPED = MINIMAL.replace("  - id: Beta\n    name: Beta\n", """\
  - id: Beta
    name: Beta
    aliases: [Beta]
  - id: Coast
    name: Coastal states
    members: [Alpha, Beta]
""")


def test_pack_members_acting_together_give_the_group_a_position(tmp_path: Path) -> None:
    path = _write(tmp_path, GROUPED)
    assert _positions(path, "Alpha and Beta reject river access.") == {
        ("Alpha", "river-access", "oppose", False), ("Beta", "river-access", "oppose", False),
        ("Coast", "river-access", "oppose", False)}
    assert _positions(path, "Alpha rejects river access.") == {("Alpha", "river-access", "oppose", False)}


def test_pack_red_line_cue_of_one_issue_flags_only_that_issue(tmp_path: Path) -> None:
    text = MINIMAL.replace("    terms: [river access]\n", "    terms: [river access]\n    cues:\n      red_line: [sacred]\n")
    path = _write(tmp_path, text)
    assert _positions(path, "Alpha says river access is sacred and it demands river access.") == {
        ("Alpha", "river-access", "support", True)}
    assert _positions(path, "Alpha demands river access.") == {("Alpha", "river-access", "support", False)}


def test_pack_context_leaves_out_articles_about_something_else(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL + "context: [Alpha-Beta talks, harbour]\n")
    assert _positions(path, "Boats\nAlpha demands river access.") == set()
    assert _positions(path, "Boats\nIn the harbour dispute, Alpha demands river access.") == {
        ("Alpha", "river-access", "support", False)}


def test_pack_context_does_not_judge_a_text_of_one_paragraph(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL + "context: [harbour]\n")
    assert _positions(path, "Alpha demands river access.") == {("Alpha", "river-access", "support", False)}


def test_pack_context_named_in_passing_is_not_enough(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL + "context: [harbour]\ncontext_min: 2\n")
    assert _positions(path, "Boats\nAs in the harbour dispute, Alpha demands river access.") == set()
    assert _positions(path, "Boats\nIn the harbour dispute, Alpha demands river access to the harbour.") == {
        ("Alpha", "river-access", "support", False)}


def test_pack_context_min_below_one_is_a_pack_error(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL + "context: [harbour]\ncontext_min: 0\n")
    with pytest.raises(PackError, match=r"pack.yaml:\d+: context_min: Input should be greater than or equal to 1"):
        load_pack(path)


def test_pack_shipped_ukraine_pack_skips_an_article_about_another_war() -> None:
    from redline.position.pack import PACKS_DIR

    shipped = PACKS_DIR / "ukraine-security.yaml"
    other = "Border zone\nMoscow rejects the deployment of foreign troops in the border zone, unlike in Ukraine."
    assert _positions(shipped, other) == set()
    ours = "Ukraine\nMoscow rejects the deployment of foreign troops in Ukraine."
    assert _positions(shipped, ours) == {("Russia", "foreign-troops-in-ukraine", "oppose", False)}


def test_pack_case_sensitive_term_tells_a_name_from_a_common_noun(tmp_path: Path) -> None:
    """"the Guild" names one body; "the guild" of any trade is no mention of the issue."""
    text = MINIMAL.replace("terms: [river access]", 'terms: [river access, {term: "the Guild", case: true}]')
    path = _write(tmp_path, text)
    assert load_pack(path).issues[0].terms == ["river access", "(?-i:the Guild)"]
    assert _positions(path, "Alpha rejects the Guild.") == {("Alpha", "river-access", "oppose", False)}
    assert _positions(path, "Alpha rejects the guild.") == set()
    # Without `case`, a mapping's term is matched ignoring case as any other.
    path = _write(tmp_path, text.replace(", case: true}", "}"))
    assert _positions(path, "Alpha rejects the guild.") == {("Alpha", "river-access", "oppose", False)}


def test_pack_case_sensitive_context_word(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL + 'context: [{term: "HARBOUR", case: true}]\n')
    assert _positions(path, "Boats\nIn the harbour dispute, Alpha demands river access.") == set()
    assert _positions(path, "Boats\nIn the HARBOUR dispute, Alpha demands river access.") == {
        ("Alpha", "river-access", "support", False)}


def test_pack_term_mapping_with_a_wrong_key_or_pattern_is_one_error(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace("terms: [river access]", 'terms: [{term: "the Guild", cases: true}]'))
    assert _error(path) == (f"{path}:14: issues[0].terms[0]: a term written as a mapping takes `term` and "
                            "`case`, not cases")
    path = _write(tmp_path, MINIMAL.replace("terms: [river access]", 'terms: [{term: "the (Guild", case: true}]'))
    assert _error(path).startswith(f"{path}:14: issues[0].terms[0]: bad pattern '(?-i:the (Guild)'")
    path = _write(tmp_path, MINIMAL.replace("terms: [river access]", 'terms: [{term: "the Guild", case: yes please}]'))
    assert _error(path) == (f"{path}:14: issues[0].terms[0]: a term written as a mapping is `{{term: PATTERN, "
                            "case: true}` (a string and true/false)")


def test_pack_unquoted_question_mark_in_a_flow_list_says_quote_it(tmp_path: Path) -> None:
    # An invented optional plural, as a new user writes it: "pollsters?" in [...] breaks YAML.
    path = _write(tmp_path, MINIMAL + "roles:\n  non_actor: [pollsters?]\n")
    message = _error(path)
    assert message.startswith(f"{path}:")
    assert "YAML reads ? as its own syntax" in message and "quote this pattern" in message
