"""Prepare: inputs keyed before they are read, and articles made into signed documents."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest

from redline import settings
from redline.errors import InputError
from redline.ingest.prepare import Input, inputs, prepare
from redline.models import RawArticle

CFG = settings.load(environ={})


def _client(headers: dict[str, str], status: int = 200) -> httpx.Client:
    def reply(request: httpx.Request) -> httpx.Response:
        assert request.method == "HEAD"
        return httpx.Response(status, headers=headers)

    return httpx.Client(transport=httpx.MockTransport(reply))


def test_prepare_folder_inputs_are_keyed_by_their_bytes(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes(b"second")
    (tmp_path / "a.txt").write_bytes(b"first")
    (tmp_path / "notes.docx").write_bytes(b"skipped: not a known kind")
    found = list(inputs([str(tmp_path)], CFG, _client({})))
    assert found == [
        Input(str(tmp_path / "a.txt"), "file:" + hashlib.sha256(b"first").hexdigest()),
        Input(str(tmp_path / "b.txt"), "file:" + hashlib.sha256(b"second").hexdigest()),
    ]


def test_prepare_missing_file_has_no_key(tmp_path: Path) -> None:
    assert list(inputs([str(tmp_path / "gone.txt")], CFG, _client({}))) == [Input(str(tmp_path / "gone.txt"), None)]


def test_prepare_url_is_keyed_by_its_validators() -> None:
    client = _client({"ETag": '"v7"', "Last-Modified": "Tue, 01 Dec 2026 10:00:00 GMT"})
    [found] = inputs(["https://news.example/a"], CFG, client)
    assert found == Input("https://news.example/a",
                          'url:https://news.example/a etag="v7" modified=Tue, 01 Dec 2026 10:00:00 GMT')


def test_prepare_url_without_validators_or_redirected_has_no_key() -> None:
    assert list(inputs(["https://news.example/a"], CFG, _client({}))) == [Input("https://news.example/a", None)]
    moved = _client({"Location": "http://127.0.0.1/", "ETag": '"x"'}, status=301)
    assert list(inputs(["https://news.example/a"], CFG, moved)) == [Input("https://news.example/a", None)]


def test_prepare_article_becomes_a_signed_document() -> None:
    cfg = settings.load(environ={})
    text = "Envoys meet again\n\nThe envoys met again on Monday to discuss the grain corridor and the ports."
    prepared = prepare(RawArticle(doc="a.txt", origin="/x/a.txt", text=text), cfg)
    assert (prepared.document.doc, prepared.document.title, prepared.document.language) == (
        "a.txt", "Envoys meet again", "en")
    assert len(prepared.signature) == cfg["minhash_perm"]


def test_prepare_empty_article_is_an_input_error() -> None:
    with pytest.raises(InputError, match="^a.txt: the article has no text$"):
        prepare(RawArticle(doc="a.txt", origin="/x/a.txt", text="  "), settings.load(environ={}))
