"""Pack patterns: compiled in one place, nested quantifiers refused before they can hang a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline import patterns
from redline.errors import PackError
from redline.position import load_pack

PACK = """\
name: hang
actors:
  - id: Alpha
    name: Alpha
issues:
  - id: river-access
    label: River access
    description: Access to the river.
    terms:
      - river access
      - '(a+)+$'
"""


def test_patterns_nested_quantifier_in_a_pack_term_names_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "hang.yaml"
    path.write_text(PACK, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert str(caught.value) == (
        f"{path}:11: issues[0].terms[1]: bad pattern '(a+)+$': nested quantifier + inside +: a repeat "
        "inside a repeat can take exponential time to match; use one quantifier or a possessive one (++, *+)"
    )


@pytest.mark.parametrize(
    ("pattern", "nested"),
    [("(?:x|(a*))*", "* inside *"), (r"(?:\s+\w+){2,}", "+ inside {2,}"), ("(?=(?:ab?)+)", "? inside +")],
)
def test_patterns_nested_quantifiers_anywhere_are_refused(pattern: str, nested: str) -> None:
    with pytest.raises(patterns.PatternError) as caught:
        patterns.compile(pattern)
    assert str(caught.value).startswith(f"nested quantifier {nested}: ")


@pytest.mark.parametrize("pattern", [r"(?:[\w-]+ ){0,3}?plan", "(a++)+", "(?:a{3})+", "(?>a+)+", r"guarantees(?! not\b)"])
def test_patterns_short_possessive_and_fixed_repeats_compile(pattern: str) -> None:
    assert patterns.compile(pattern).pattern == pattern


def test_patterns_bad_syntax_is_a_pattern_error() -> None:
    with pytest.raises(patterns.PatternError) as caught:
        patterns.compile("boats (on")
    assert str(caught.value) == "missing ), unterminated subpattern at position 6"
