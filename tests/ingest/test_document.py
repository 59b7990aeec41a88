"""RawArticle -> Document: cleaning plus title, date, outlet, language and translation."""

from __future__ import annotations

import hashlib

import pytest

from redline.errors import InputError
from redline.ingest.document import document_id, find_date, make_document
from redline.models import RawArticle

SETTINGS = {"language_min_chars": 40, "minhash_threshold": 0.7, "minhash_perm": 128}
TEXT = (
    "- News\n- World\n- Envoys meet again in Geneva\n"
    "Envoys meet again in Geneva\n"
    "Published 12 February 2026\n"
    "Sign up for our daily newsletter\n"
    "The envoys said on Thursday that a third round of talks would open next week.\n"
    "Переведено сервисом «Яндекс Переводчик»\n"
)


def test_document_id_is_sha256_of_whitespace_normalised_text() -> None:
    expected = hashlib.sha256(b"Talks resume in Geneva.").hexdigest()[:16]
    assert document_id("Talks  resume\n in Geneva. ") == expected
    assert document_id("\tTalks resume in Geneva.") == expected


def test_document_make_document_fills_metadata_from_text_and_url() -> None:
    raw = RawArticle(doc="envoys.txt", origin="/corpus/envoys.txt", text=TEXT, url="https://www.example-news.com/a/1")
    document = make_document(raw, SETTINGS)
    assert document.id == document_id(TEXT)
    assert document.text == (
        "Envoys meet again in Geneva\nPublished 12 February 2026\n"
        "The envoys said on Thursday that a third round of talks would open next week."
    )
    assert document.raw_text == TEXT
    assert [r.reason for r in document.removed] == ["navigation", "newsletter prompt", "translation footer"]
    assert document.title == "Envoys meet again in Geneva"
    assert (document.date, document.outlet, document.language) == ("2026-02-12", "example-news.com", "en")
    assert (document.machine_translated, document.translation_service) == (True, "Yandex Translate")
    assert document.duplicate_of is None


def test_document_make_document_prefers_the_source_metadata() -> None:
    raw = RawArticle(
        doc="https://www.example-news.com/a/1",
        origin="https://www.example-news.com/a/1",
        text=TEXT,
        title="Third round of talks",
        url="https://www.example-news.com/a/1",
        date="2026-02-13",
        author="A. Writer",
        outlet="Example News",
    )
    document = make_document(raw, SETTINGS)
    assert (document.title, document.date, document.author, document.outlet) == (
        "Third round of talks",
        "2026-02-13",
        "A. Writer",
        "Example News",
    )


def test_document_make_document_rejects_empty_and_all_boilerplate_text() -> None:
    with pytest.raises(InputError, match="^empty.txt: the article has no text$"):
        make_document(RawArticle(doc="empty.txt", origin="empty.txt", text=" \n "), SETTINGS)
    with pytest.raises(InputError, match="^prompt.txt: nothing is left once boilerplate is removed$"):
        make_document(RawArticle(doc="prompt.txt", origin="prompt.txt", text="Share this article\n"), SETTINGS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks resume\nPublished 12 February 2026\nBody.", "2026-02-12"),
        ("By A. Writer | Feb. 12, 2026\nBody.", "2026-02-12"),
        ("MOSCOW, 12 февраля 2026\nBody.", "2026-02-12"),
        ("Posted 2026-02-12T09:30Z", "2026-02-12"),
        ("12.02.2026, 10:45", "2026-02-12"),
        ("The war began on 24 February 2022.\nBody.", None),
        ("Updated 31.02.2026", None),
        ("Talks resume in Geneva.", None),
    ],
)
def test_document_find_date_reads_bylines_and_datelines(text: str, expected: str | None) -> None:
    assert find_date(text) == expected
