"""Sources to articles: the one entry point that reads every kind of SOURCE argument.

Each argument is a URL (``http://``, ``https://``) or a path; a path is a file or a folder.
Bad input never raises: it becomes an InputError in the stream, with its message on one
line, and the rest of the batch goes on. Everything leaves here without the credentials a
URL may carry (``user:secret@``): they serve the fetch, never a message or the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from redline.errors import InputError, InputWarning
from redline.ingest.files import iter_path
from redline.ingest.links import without_credentials
from redline.models import RawArticle

if TYPE_CHECKING:
    import httpx

_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*)://", re.IGNORECASE)


def iter_articles(
    sources: Sequence[str], settings: Mapping[str, Any], client: httpx.Client | None = None
) -> Iterator[RawArticle | InputError]:
    """Yield every article the sources hold, and an InputError for each one that fails; never raise for bad input."""
    # Imported here: feedparser and trafilatura come with it, which a run that reads no
    # input (every one stored already) should not load.
    from redline.ingest.web import iter_url

    http = client or make_client(settings)
    try:
        for source in sources:
            scheme = _SCHEME.match(source)
            if is_url(source):
                items = iter_url(source, http, settings)
            elif scheme is not None:
                items = iter([_unsupported_url(source, scheme.group(1).lower())])
            else:
                items = iter_path(Path(source), settings, http)
            for item in items:
                if isinstance(item, InputError):
                    yield _one_line(item)
                    continue
                if item.warning is not None:
                    yield _one_line(InputWarning(item.doc, item.warning))
                yield _without_credentials(replace(item, warning=None))
    finally:
        if client is None:
            http.close()


def make_client(settings: Mapping[str, Any]) -> httpx.Client:
    """The HTTP client every fetch of a run shares: timeout, User-Agent, redirects."""
    import httpx

    return httpx.Client(
        timeout=float(settings["fetch_timeout"]),
        headers={"User-Agent": str(settings["user_agent"])},
        follow_redirects=True,
    )


def is_url(source: str) -> bool:
    """Whether a SOURCE argument is a web address rather than a path."""
    return source.lower().startswith(("http://", "https://"))


def _unsupported_url(source: str, scheme: str) -> InputError:
    """The error for a URL of a scheme redline does not fetch, saying what it does read."""
    if scheme == "file":
        # Imported here: urllib.request brings http.client and ssl with it.
        from urllib.request import url2pathname

        path = url2pathname(urlsplit(source).path)
        return InputError(source, f"file:// URLs are not read; give the path itself ({path})")
    return InputError(source, f"{scheme}:// URLs are not supported (only http(s) URLs, files and folders)")


def _without_credentials(article: RawArticle) -> RawArticle:
    """The article with credentials taken out of its name, origin and URL."""
    url = without_credentials(article.url) if article.url else article.url
    return replace(article, doc=without_credentials(article.doc), origin=without_credentials(article.origin), url=url)


def _one_line(error: InputError) -> InputError:
    """The same error on one line (a library's message may break lines), credentials removed."""
    source = without_credentials(_LINE_BREAKS.sub(" ", error.source))
    reason = without_credentials(_LINE_BREAKS.sub(" ", error.reason))
    if (source, reason) == (error.source, error.reason):
        return error
    return type(error)(source, reason)
