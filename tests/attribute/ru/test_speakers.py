"""Russian speakers: surname forms of one person, whatever their case."""

from __future__ import annotations

import pytest

from redline.attribute.ru.speakers import same_stem


@pytest.mark.parametrize("a, b", [("Песков", "Пескову"), ("Захарова", "Захаровой"), ("Мерц", "Мерца"),
                                  ("Зеленский", "Зеленского"), ("Сибига", "Сибиги")])
def test_speakers_same_stem_joins_case_forms(a: str, b: str) -> None:
    assert same_stem(a, b)


@pytest.mark.parametrize("a, b", [("Песков", "Петров"), ("Лавров", "Лаврентьев"), ("Ан", "Ай")])
def test_speakers_same_stem_keeps_different_surnames_apart(a: str, b: str) -> None:
    assert not same_stem(a, b)
