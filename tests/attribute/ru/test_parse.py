"""natasha parsing: offsets into the text, lemmas, names in the nominative, lines apart."""

from __future__ import annotations

import pytest

from redline.attribute.ru.parse import Parsed, Sentence, Token, bare_parse, parse

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


def test_ancestors_stop_where_the_parser_closes_a_cycle() -> None:
    # Three tokens whose heads point round in a circle: 0 -> 1 -> 2 -> 0.
    words = ("план", "мира", "Киева")
    tokens = tuple(Token(i, 6 * i, 6 * i + 4, w, w.lower(), "NOUN", {}, (i + 1) % 3, "nmod", 0) for i, w in enumerate(words))
    parsed = Parsed("план  мира  Киева", tokens, (Sentence(0, 17, 0, 3, 0),), ())
    assert [t.index for t in parsed.ancestors(0)] == [1, 2]
    assert parsed.subtree(0) == (0, 2)
