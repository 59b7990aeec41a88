"""Language detection on cleaned text."""

from __future__ import annotations

import pytest

from redline.ingest.language import detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Kremlin said on Wednesday that the proposed guarantees would be a dangerous mistake.", "en"),
        ("Кремль заявил в среду, что предложенные гарантии безопасности были бы опасной ошибкой.", "ru"),
        ("Der Kreml erklärte am Mittwoch, die Sicherheitsgarantien seien ein gefährlicher Fehler.", "de"),
        ("Кремль заявив у середу, що запропоновані гарантії безпеки були б небезпечною помилкою.", "uk"),
    ],
)
def test_language_detects_news_languages(text: str, code: str) -> None:
    assert detect_language(text, 40) == code


def test_language_is_none_for_text_shorter_than_the_minimum() -> None:
    assert detect_language("  Talks resume.  ", 40) is None
    assert detect_language("", 0) is None
