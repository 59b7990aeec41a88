"""Roles the parse gives to spans of text, looked up by character offset."""

from __future__ import annotations

import pytest

from redline.position.en.concepts import load_nlp
from redline.position.en.syntax import Syntax, parse_lines


@pytest.fixture(scope="module")
def syntax() -> tuple[str, Syntax]:
    text = "The mayor warned Moscow wants a new truce.\nThey forced Bergen to pay the levy."
    return text, Syntax(parse_lines(load_nlp(), text))


def test_syntax_subject_of_clause_after_a_verb(syntax: tuple[str, Syntax]) -> None:
    text, parsed = syntax
    moscow, bergen = text.index("Moscow"), text.index("Bergen")
    assert parsed.subject_of_clause(moscow, moscow + 6) is True
    assert parsed.subject_of_clause(bergen, bergen + 6) is False


def test_syntax_main_subject_is_the_root_verbs_subject(syntax: tuple[str, Syntax]) -> None:
    text, parsed = syntax
    mayor, moscow = text.index("mayor"), text.index("Moscow")
    assert parsed.main_subject(mayor, mayor + 5) is True
    assert parsed.main_subject(moscow, moscow + 6) is False


def test_syntax_without_a_parse_knows_nothing() -> None:
    assert Syntax().subject_of_clause(0, 4) is False
