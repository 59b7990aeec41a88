"""Enumerated points: a cue that announces a list, then the points without cues of their own.

"The mayor set out the following three points." and the paragraphs after it, opening
"Firstly, …", "Secondly, …", are the mayor's statements, one a sentence; the noun phrase
"the following three points" says nothing itself. The trigger is the structure: the
announcing sentence closes its paragraph and the next paragraph opens with an ordinal.
"""

from __future__ import annotations

import re

from redline.attribute.en.draft import Draft
from redline.attribute.en.parse import Parsed

# "the following (five) points", "three principles": the object of a list-announcing cue.
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_ITEMS = r"(?:points|principles|proposals|conditions|demands|steps|elements|priorities|measures|proposition|propositions)"
_ANNOUNCE = re.compile(
    r"\b(?:the following(?:\s+(?P<count>\w+))?|(?P<bare>two|three|four|five|six|seven|eight|nine|ten|\d+))\s+"
    + _ITEMS + r"\s*[.:]?\s*$", re.IGNORECASE)
# "Firstly, …", "Second, …", "1. …", "(2) …", "Finally, …": a paragraph that opens a point.
_ORDINAL = re.compile(
    r"^\s*(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:ly)?\b|finally\b|lastly\b"
    r"|\(?\d{1,2}[.)]\s)", re.IGNORECASE)
# Fewest words for a sentence of a point to be a statement.
_MIN_WORDS = 5


def enumeration_drafts(parsed: Parsed, taken: list[Draft]) -> tuple[list[Draft], list[Draft]]:
    """Drafts for the points of every announced list, and the announcing drafts to drop."""
    text = parsed.text
    found: list[Draft] = []
    dropped: list[Draft] = []
    paragraphs = parsed.paragraphs
    for number, (start, end) in enumerate(paragraphs[:-1]):
        announced = _ANNOUNCE.search(text[start:end])
        if announced is None or not _ORDINAL.match(text[slice(*paragraphs[number + 1])]):
            continue
        at = start + announced.start()
        cued = [d for d in taken if d.start <= at < d.end and d.speaker is not None]
        if not cued:
            continue
        dropped += [d for d in cued if d.start >= at - len("the following ")]
        written = announced.group("count") or announced.group("bare") or ""
        count = int(written) if written.isdigit() else _NUMBERS.get(written.lower())
        for point in _points(text, paragraphs[number + 1:], count):
            found += _sentences(parsed, point, cued[0], taken)
    return found, dropped


def _points(text: str, following: list[tuple[int, int]], count: int | None) -> list[tuple[int, int]]:
    """The paragraphs of a list: up to its last point when the count is known, else the run
    of paragraphs that open with an ordinal and what lies between them."""
    points: list[tuple[int, int]] = []
    seen = 0
    for start, end in following:
        ordinal = _ORDINAL.match(text[start:end]) is not None
        seen += ordinal
        if count is None and not ordinal:
            break
        if count is not None and seen > count:
            break
        points.append((start, end))
        if count is not None and seen == count:
            break
    return points


def _sentences(parsed: Parsed, paragraph: tuple[int, int], cued: Draft, taken: list[Draft]) -> list[Draft]:
    text = parsed.text
    drafts: list[Draft] = []
    for sentence in parsed.sentences:
        first, last = max(sentence.start, paragraph[0]), min(sentence.end, paragraph[1])
        while last > first and (text[last - 1].isspace() or text[last - 1] in ";:"):
            last -= 1
        while first < last and text[first].isspace():
            first += 1
        if first >= last or len(text[first:last].split()) < _MIN_WORDS or text[first:last].endswith("?"):
            continue
        if any(d.start < last and first < d.end for d in taken):
            continue
        drafts.append(Draft(first, last, "indirect", (first, last), cued.speaker, frame="list"))
    return drafts
