"""Machine-translation footers, read from the raw text."""

from __future__ import annotations

from redline.ingest.translation import machine_translation
from redline.models import Removal

BODY = "The deputy minister said guarantees for Russia must be part of any peace treaty.\n"


def test_translation_reads_a_russian_footer_and_names_the_service() -> None:
    assert machine_translation(BODY + "Переведено сервисом «Яндекс Переводчик»", []) == (True, "Yandex Translate")


def test_translation_reads_an_english_footer() -> None:
    assert machine_translation(BODY + "Translated by Google Translate.", []) == (True, "Google Translate")


def test_translation_reads_a_footer_after_the_last_sentence_of_a_paragraph() -> None:
    raw = "The talks ended without agreement. Traduit par DeepL"
    assert machine_translation(raw, []) == (True, "DeepL")


def test_translation_reads_a_footer_without_a_service() -> None:
    assert machine_translation(BODY + "This article was machine translated from German.", []) == (True, None)


def test_translation_ignores_human_translators_and_reporting_about_translation() -> None:
    raw = BODY + "Translated by Anna Petrova\nThe memo, translated by Google engineers, was leaked.\n"
    assert machine_translation(raw, []) == (False, None)


def test_translation_trusts_a_footer_that_cleaning_removed() -> None:
    removed = [Removal(0, 10, "translation footer", "Machine translated")]
    assert machine_translation(BODY, removed) == (True, None)
