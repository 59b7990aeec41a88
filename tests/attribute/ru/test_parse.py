"""natasha parsing: offsets into the text, lemmas, names in the nominative, lines apart."""

from __future__ import annotations

import pytest

from redline.attribute.ru.parse import bare_parse, parse

pytestmark = pytest.mark.slow


def test_parse_tokens_point_into_the_text_and_headlines_stay_apart() -> None:
    text = "Заголовок без точки\nПо словам Лаврова, переговоры идут."
    parsed = parse(text)
    assert all(text[t.start:t.end] == t.text for t in parsed.tokens)
    assert [text[s.start:s.end] for s in parsed.sentences] == ["Заголовок без точки", "По словам Лаврова, переговоры идут."]
    assert [t.lemma for t in parsed.tokens[4:6]] == ["слово", "лавров"]
    assert [(n.kind, n.text, n.normal) for n in parsed.names] == [("PER", "Лаврова", "Лавров")]


def test_parse_bare_natasha_counts_tokens() -> None:
    assert bare_parse(["Мир наступит.", "Переговоры идут"]) == 5
