"""RawArticle -> Document: clean the text, then fill in what the source did not say.

A source gives the text and whatever metadata it had (trafilatura finds title, date and
site name in HTML; a plain-text file gives none). This stage cleans the text and completes
the metadata from the text and URL: the first line as title, a publication date near the
top, the outlet from the domain, the language, and a machine-translation flag.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from redline import yamlfile
from redline.ingest.clean import clean
from redline.errors import InputError, RedlineError
from redline.ingest.language import detect_language
from redline.ingest.outlet import outlet_from_url
from redline.ingest.translation import machine_translation
from redline.models import Document, RawArticle

DATES = Path(__file__).resolve().parents[1] / "lexicons" / "dates.yaml"
# A publication date sits in the byline or dateline, near the top of the text.
DATE_WINDOW = 500
# A short line that is not a sentence is a byline or dateline; a date inside a sentence is
# more likely an event the article reports ("on 24 February 2022 ...") unless a cue such
# as "Published" introduces it.
_DATELINE_CHARS = 80


@lru_cache(maxsize=1)
def _date_patterns() -> tuple[dict[str, int], re.Pattern[str], list[re.Pattern[str]]]:
    """Month names to numbers, the publication cue, and the date patterns, from dates.yaml."""
    try:
        data = yamlfile.load(DATES)
        months = {str(name).lower(): int(number) for number, names in data["months"].items() for name in names}
        cue = re.compile("|".join(f"(?:{c})" for c in data["cues"]), re.IGNORECASE)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, re.error) as exc:
        raise RedlineError(f"{DATES}: malformed date lexicon: {exc}") from exc
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    month = rf"(?P<month>{names})\.?"
    patterns = [
        re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?!\d)"),
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:\.|st|nd|rd|th)?\s+(?:de\s+)?{month},?\s+(?:de\s+)?(?P<year>\d{{4}})\b", re.I
        ),
        re.compile(rf"\b{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
        re.compile(r"\b(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})\b"),
    ]
    return months, cue, patterns


def document_id(raw_text: str) -> str:
    """The document's key: sha256 of the whitespace-normalised raw text, 16 hex digits."""
    normalised = " ".join(raw_text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def _as_date(found: re.Match[str], months: Mapping[str, int]) -> str | None:
    parts = found.groupdict()
    number = months[parts["month"].lower()] if parts.get("month") else int(parts["mnum"])
    try:
        return date(int(parts["year"]), number, int(parts["day"])).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """A publication date from a byline or dateline near the top, as YYYY-MM-DD."""
    months, cue, patterns = _date_patterns()
    head = text[:DATE_WINDOW]
    candidates: list[tuple[int, str]] = []
    for pattern in patterns:
        for found in pattern.finditer(head):
            line_start = head.rfind("\n", 0, found.start()) + 1
            line_end = head.find("\n", found.end())
            line = head[line_start : line_end if line_end >= 0 else len(head)].strip()
            cued = cue.search(head[max(line_start, found.start() - 40) : found.start()])
            dateline = len(line) <= _DATELINE_CHARS and not line.endswith((".", "!", "?"))
            value = _as_date(found, months)
            if value and (cued or dateline):
                candidates.append((found.start(), value))
    return min(candidates)[1] if candidates else None


def _first_line(text: str) -> str | None:
    return next((line.strip() for line in text.splitlines() if line.strip()), None)


def make_document(raw: RawArticle, settings: Mapping[str, Any]) -> Document:
    """Clean an article and complete its metadata: title, date, outlet, language, translation."""
    if not raw.text.strip():
        raise InputError(raw.doc, "the article has no text")
    cleaned = clean(raw.text)
    if not cleaned.text:
        raise InputError(raw.doc, "nothing is left once boilerplate is removed")
    translated, service = machine_translation(raw.text, cleaned.removed)
    return Document(
        id=document_id(raw.text),
        doc=raw.doc,
        origin=raw.origin,
        raw_text=raw.text,
        text=cleaned.text,
        segments=cleaned.segments,
        removed=cleaned.removed,
        title=raw.title or _first_line(cleaned.text),
        url=raw.url,
        date=raw.date or find_date(raw.text),
        author=raw.author,
        outlet=raw.outlet or outlet_from_url(raw.url),
        language=detect_language(cleaned.text, int(settings["language_min_chars"])),
        machine_translated=translated,
        translation_service=service,
    )
