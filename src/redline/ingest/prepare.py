"""Sources -> prepared documents: read, extract, clean, detect the language, sign.

A source expands to *inputs* (each file under a folder, each URL). An input's key is known
before anything is extracted from it: the hash of a file's bytes, or a URL with the
``ETag``/``Last-Modified`` its server gives. An input stored whole in an earlier run is
skipped unread, which is what makes a re-ingest cost next to nothing. Extraction, cleaning,
language and the MinHash signature then turn each article into a :class:`Prepared`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redline.errors import InputError
from redline.ingest.files import walk
from redline.ingest.sources import is_url, iter_articles, make_client
from redline.models import Document, RawArticle

if TYPE_CHECKING:
    import httpx

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Input:
    """One file or URL to read; ``key`` is None when its version cannot be known unread."""

    source: str
    key: str | None


class Http:
    """The HTTP client of a run, made when the first input needs it: a run over files
    whose every one is stored already makes none (nor imports httpx)."""

    def __init__(self, settings: Mapping[str, Any], client: httpx.Client | None = None) -> None:
        self._settings = settings
        self._client = client
        self._made = False

    def client(self) -> httpx.Client:
        """The client (made the first time)."""
        if self._client is None:
            self._client = make_client(self._settings)
            self._made = True
        return self._client

    def close(self) -> None:
        """Close the client if this made it (one handed in belongs to the caller)."""
        if self._made and self._client is not None:
            self._client.close()
        self._client, self._made = None, False


def _client(client: httpx.Client | Http) -> httpx.Client:
    return client.client() if isinstance(client, Http) else client


@dataclass
class Prepared:
    """A document ready for analysis, with the MinHash signature syndication needs."""

    document: Document
    signature: list[int]


def inputs(
    sources: Sequence[str], settings: Mapping[str, Any], client: httpx.Client | Http
) -> Iterator[Input | InputError]:
    """The inputs of the sources, in order: each file of a folder, each file, each URL."""
    for source in sources:
        if is_url(source):
            yield Input(source, _url_key(source, _client(client)))
            continue
        path = Path(source)
        if not path.is_dir():
            yield Input(source, _file_key(path))
            continue
        for found in walk(path, int(settings["max_bytes"])):
            yield found if isinstance(found, InputError) else Input(str(found), _file_key(found))


def read(
    item: Input, settings: Mapping[str, Any], client: httpx.Client | Http
) -> Iterator[RawArticle | InputError]:
    """The articles of one input (extracted, not yet cleaned), and an error for each that fails."""
    return iter_articles([item.source], settings, _client(client))


def prepare(raw: RawArticle, settings: Mapping[str, Any]) -> Prepared:
    """Clean an article into a Document and sign it; raises InputError for an unusable one."""
    # Imported here: cleaning, language detection and datasketch (which pulls in scipy)
    # cost a second or more, which a run that reads nothing new should not pay for.
    from redline.ingest.document import make_document
    from redline.ingest.syndication import signature

    document = make_document(raw, settings)
    return Prepared(document, signature(document.text, int(settings["minhash_perm"])))


def _file_key(path: Path) -> str | None:
    """sha256 of a file's bytes, read in chunks (an archive may be large)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None  # reading it for real reports the reason
    return f"file:{digest.hexdigest()}"


def _url_key(url: str, client: httpx.Client) -> str | None:
    """The URL with the validators its server sends, from a HEAD request.

    Redirects are not followed here: where they lead is checked when the page is fetched.
    A server that sends no validator gives no key, so the URL is always read again.
    """
    import httpx

    try:
        response = client.head(url, follow_redirects=False)
    except httpx.HTTPError:
        return None
    etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
    if response.status_code != 200 or not (etag or modified):
        return None
    return f"url:{url} etag={etag or ''} modified={modified or ''}"
