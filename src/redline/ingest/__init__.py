"""Ingest: read sources (files, folders, URLs, feeds, WARC archives) into RawArticle records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redline.ingest.sources import iter_articles

__all__ = ["iter_articles"]


def __getattr__(name: str) -> Any:
    """``iter_articles``, imported on first use: a run that reads nothing new (a re-ingest)
    should not pay for trafilatura, feedparser and warcio."""
    if name != "iter_articles":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from redline.ingest.sources import iter_articles

    return iter_articles
