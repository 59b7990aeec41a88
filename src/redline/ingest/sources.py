"""Sources to articles: the one entry point that reads every kind of SOURCE argument.

Each argument is a URL (``http://``, ``https://``) or a path; a path is a file or a folder.
Bad input never raises: it becomes an InputError in the stream, with its message on one
line, and the rest of the batch goes on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx

from redline.errors import InputError
from redline.ingest.files import iter_path
from redline.ingest.web import iter_url
from redline.models import RawArticle

_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def iter_articles(
    sources: Sequence[str], settings: Mapping[str, Any], client: httpx.Client | None = None
) -> Iterator[RawArticle | InputError]:
    """Yield every article the sources hold, and an InputError for each one that fails; never raise for bad input."""
    http = client or make_client(settings)
    try:
        for source in sources:
            if is_url(source):
                items = iter_url(source, http, settings)
            else:
                items = iter_path(Path(source), settings, http)
            for item in items:
                yield _one_line(item) if isinstance(item, InputError) else item
    finally:
        if client is None:
            http.close()


def make_client(settings: Mapping[str, Any]) -> httpx.Client:
    """The HTTP client every fetch of a run shares: timeout, User-Agent, redirects."""
    return httpx.Client(
        timeout=float(settings["fetch_timeout"]),
        headers={"User-Agent": str(settings["user_agent"])},
        follow_redirects=True,
    )


def is_url(source: str) -> bool:
    """Whether a SOURCE argument is a web address rather than a path."""
    return source.lower().startswith(("http://", "https://"))


def _one_line(error: InputError) -> InputError:
    """The same error with any line breaks (from a library's message) folded into spaces."""
    source, reason = _LINE_BREAKS.sub(" ", error.source), _LINE_BREAKS.sub(" ", error.reason)
    if (source, reason) == (error.source, error.reason):
        return error
    return type(error)(source, reason)
