"""Russian speakers: surname forms of one person, whatever their case."""

from __future__ import annotations

import pytest

from redline.attribute.ru.parse import Name, Token
from redline.attribute.ru.speakers import name_nominative, same_stem


@pytest.mark.parametrize("a, b", [("Песков", "Пескову"), ("Захарова", "Захаровой"), ("Мерц", "Мерца"),
                                  ("Зеленский", "Зеленского"), ("Сибига", "Сибиги")])
def test_speakers_same_stem_joins_case_forms(a: str, b: str) -> None:
    assert same_stem(a, b)


@pytest.mark.parametrize("a, b", [("Песков", "Петров"), ("Лавров", "Лаврентьев"), ("Ан", "Ай")])
def test_speakers_same_stem_keeps_different_surnames_apart(a: str, b: str) -> None:
    assert not same_stem(a, b)


def test_speakers_a_name_word_left_in_its_case_takes_its_lemma() -> None:
    # Invented: the recogniser normalised the given name but left the surname in the genitive.
    tokens = [Token(0, 0, 6, "Тамаза", "тамаз", "PROPN", {"Case": "Gen"}, None, "nmod", 0),
              Token(1, 7, 15, "Гварамии", "гварамия", "PROPN", {"Case": "Gen"}, 0, "flat:name", 0)]
    name = Name("PER", 0, 15, "Тамаза Гварамии", "Тамаз Гварамии", 0, 1)
    assert name_nominative(name, tokens) == "Тамаз Гварамия"
