"""The Russian attribution lexicon: validated on load, entries compared as lemmas."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.attribute.ru.lexicon import lemma_key, load_lexicon
from redline.errors import RedlineError


def test_lexicon_shipped_cues_are_lemmas() -> None:
    lexicon = load_lexicon()
    assert {"заявить", "подчеркнуть", "исключить", "уверенный"} <= lexicon.cues
    assert lexicon.pronouns["она"] == "Fem"
    assert lexicon.closers["«"] == frozenset({"»"})


def test_lexicon_lemma_key_folds_case_and_yo() -> None:
    assert lemma_key("Подчёркивать") == "подчеркивать"


def test_lexicon_bad_gender_names_file_and_field(tmp_path: Path) -> None:
    shipped = (Path(__file__).parents[3] / "src/redline/attribute/ru/attribution.yaml").read_text(encoding="utf-8")
    path = tmp_path / "bad.yaml"
    path.write_text(shipped.replace("она: Fem", "она: Neut"), encoding="utf-8")
    with pytest.raises(RedlineError, match=r"bad\.yaml: pronouns: Value error, unknown gender 'Neut'"):
        load_lexicon(path)
