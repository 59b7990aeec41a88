"""Ingest: read sources (files, folders, URLs, feeds, WARC archives) into RawArticle records."""

from redline.ingest.sources import iter_articles

__all__ = ["iter_articles"]
