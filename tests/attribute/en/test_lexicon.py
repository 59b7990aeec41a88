"""The attribution lexicon loads, answers lookups, and names the field that is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from redline.attribute.en.lexicon import DEFAULT_LEXICON, load_lexicon
from redline.errors import RedlineError


def test_lexicon_shipped_file_loads() -> None:
    lexicon = load_lexicon()
    assert lexicon.closers["«"] == frozenset({"»"})
    assert "say" in lexicon.cue_lemmas and "rule" in lexicon.cue_lemmas
    assert lexicon.pronoun_kind("She") == "person"
    assert lexicon.pronoun_kind("it") == "organisation"
    assert lexicon.pronoun_kind("they") == "group"
    assert lexicon.pronoun_kind("we") is None


def test_lexicon_role_class_relates_role_nouns() -> None:
    lexicon = load_lexicon()
    assert {"expert", "fellow", "economist"} <= lexicon.role_class("analyst")
    assert lexicon.role_class("plumber") == frozenset({"plumber"})


def test_lexicon_words_like_on_and_no_stay_words() -> None:
    lexicon = load_lexicon()
    assert any(c.verb == "insist" and c.prep == "on" for c in lexicon.phrasal_cues)
    assert "no" in lexicon.abbreviations


def _write(tmp_path: Path, change: dict[str, object]) -> Path:
    data = yaml.safe_load(DEFAULT_LEXICON.read_text(encoding="utf-8"))
    data.update(change)
    path = tmp_path / "lexicon.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_lexicon_unknown_field_names_file_and_field(tmp_path: Path) -> None:
    path = _write(tmp_path, {"cue_verbs": ["say"]})
    with pytest.raises(RedlineError, match=r"lexicon\.yaml: cue_verbs: Extra inputs are not permitted"):
        load_lexicon(path)


def test_lexicon_bad_confidence_names_the_figure(tmp_path: Path) -> None:
    data = yaml.safe_load(DEFAULT_LEXICON.read_text(encoding="utf-8"))
    path = _write(tmp_path, {"confidence": {**data["confidence"], "direct": 1.5}})
    with pytest.raises(RedlineError, match=r"confidence\.direct: Input should be less than or equal to 1"):
        load_lexicon(path)


def test_lexicon_unknown_pronoun_kind_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, {"pronouns": {"person": ["he"], "animal": ["it"]}})
    with pytest.raises(RedlineError, match="unknown pronoun kind 'animal'"):
        load_lexicon(path)


def test_lexicon_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(RedlineError, match="cannot read lexicon"):
        load_lexicon(tmp_path / "absent.yaml")


def test_lexicon_gender_from_title_or_role_only() -> None:
    lexicon = load_lexicon()
    assert lexicon.gender(["She"]) == "feminine"
    assert lexicon.gender(["Mr.", "Peskov"]) == "masculine"
    assert lexicon.gender(["Foreign", "Ministry", "spokeswoman"]) == "feminine"
    assert lexicon.gender(["spokesman", "spokeswoman"]) is None
    # Given names are not the lexicon's business: no corpus's first names are listed.
    assert lexicon.gender(["Amara"]) is None and lexicon.gender(["Ines"]) is None


def test_lexicon_cues_are_grouped_by_frame() -> None:
    lexicon = load_lexicon()
    assert lexicon.frame("say") == "speech"
    assert lexicon.frame("insist") == "assertion"
    assert lexicon.frame("denounce") == "evaluation"
    assert lexicon.frame("seek") == "intention"
    assert lexicon.frame("believe") == "thought"
    assert lexicon.frame("show") == "evidence"
    assert lexicon.frame("plumb") is None


def test_lexicon_unknown_frame_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, {"clause_cues": {"speech": ["say"], "gossip": ["chat"]}})
    with pytest.raises(RedlineError, match="unknown frame 'gossip'"):
        load_lexicon(path)


def test_lexicon_unknown_gender_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, {"genders": {"feminine": ["she"], "plural": ["they"]}})
    with pytest.raises(RedlineError, match="unknown gender 'plural'"):
        load_lexicon(path)
