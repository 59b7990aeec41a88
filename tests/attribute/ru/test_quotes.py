"""Russian quotation marks: guillemets, nested ASCII quotes, unclosed quotes and dialogue lines."""

from __future__ import annotations

from redline.attribute.ru.lexicon import load_lexicon
from redline.attribute.ru.quotes import find_quotes


def _contents(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text, load_lexicon())]


def test_quotes_guillemets_nest() -> None:
    text = "«Соглашение о «зерновом коридоре» не продлено», — сказал он."
    assert _contents(text) == ["Соглашение о «зерновом коридоре» не продлено"]


def test_quotes_ascii_quote_inside_ascii_quote() -> None:
    text = '"Создание любых "буферных зон" ведет к эскалации", - сказал министр.'
    assert _contents(text) == ['Создание любых "буферных зон" ведет к эскалации']


def test_quotes_closer_without_opener_extends_the_last_quote() -> None:
    text = 'Он ответил: "Нет". "Миссия наблюдателей" - это то же самое, только хуже", - пояснил он.'
    assert _contents(text) == ["Нет", 'Миссия наблюдателей" - это то же самое, только хуже']


def test_quotes_unclosed_quote_runs_to_the_end_of_its_line() -> None:
    text = "Он добавил: «Решение будет принято позже.\nСледующий абзац."
    assert _contents(text) == ["Решение будет принято позже."]


def test_quotes_dialogue_line_ends_where_its_attribution_begins() -> None:
    text = "— Мы готовы, — сказал он. — Но не сейчас."
    assert _contents(text) == ["Мы готовы", "Но не сейчас."]


def test_quotes_german_closing_mark_inside_guillemets_closes_before_it_opens() -> None:
    text = "«Мы изучаем предложения „большой семерки“», — отметил министр."
    assert _contents(text) == ["Мы изучаем предложения „большой семерки“"]


def test_quotes_one_closing_mark_before_the_attribution_closes_a_nested_quote_and_its_outer_one() -> None:
    text = "«Мы ответили: «Нет», — сказал он."
    assert _contents(text) == ["Мы ответили: «Нет"]
