"""One story in two languages: a machine translation linked to its original."""

from __future__ import annotations

from redline.ingest.stories import StoryLinker, features, similarity
from redline.models import Document

ORIGINAL = ("Лавров: Россия не согласится на членство Украины в НАТО\n\n12 марта 2026 года министр Сергей "
            "Лавров заявил: «Это красная линия». По его словам, 30 стран обсуждали план в Женеве в 2025 году.")
TRANSLATION = ("Lavrov: Russia will not agree to Ukraine's membership in NATO\n\nOn March 12, 2026 minister Sergey "
               "Lavrov said: «This is a red line». In his words, 30 countries discussed the plan in Geneva in 2025.")
OTHER = ("Зеленский: Киев ждет решения по гарантиям\n\nПрезидент Владимир Зеленский 4 июня сказал, что "
         "партнеры обещали ответ до осени.")


def _doc(id_: str, text: str, language: str, translated: bool = False) -> Document:
    return Document(id_, f"{id_}.txt", f"{id_}.txt", text, text, language=language, machine_translated=translated)


def test_stories_features_meet_across_scripts() -> None:
    ru, en = features(_doc("a", ORIGINAL, "ru")), features(_doc("b", TRANSLATION, "en", True))
    assert {"lavr", "nato", "zhen"} <= ru.names
    assert {"lavr", "nato", "gene"} <= en.names
    assert {"12.03", "2026", "30", "2025"} <= ru.numbers & en.numbers
    assert ru.quotes == en.quotes == 1


def test_stories_translation_scores_above_an_unrelated_original() -> None:
    en = features(_doc("b", TRANSLATION, "en", True))
    assert similarity(en, features(_doc("a", ORIGINAL, "ru"))) > 0.45 > similarity(en, features(_doc("c", OTHER, "ru")))


def test_stories_linker_links_the_later_half_to_the_earlier() -> None:
    linker = StoryLinker(0.45)
    assert linker.add(_doc("c", OTHER, "ru")) is None
    assert linker.add(_doc("a", ORIGINAL, "ru")) is None
    assert linker.add(_doc("b", TRANSLATION, "en", True)) == "a"


def test_stories_linker_ignores_originals_in_the_main_language() -> None:
    linker = StoryLinker(0.45)
    linker.index(_doc("a", ORIGINAL, "ru"))
    assert linker.add(_doc("e", TRANSLATION, "en")) is None
