"""The parsed text: paragraphs, spaCy parses with their offsets into the text, sentences.

A document is parsed paragraph by paragraph, so that a headline or a caption never runs
into the sentence after it. A paragraph that stops mid-sentence (no closing punctuation)
and is followed by one that starts in lower case is the same sentence broken by markup;
the two are parsed as one unit, with the line break read as a space so offsets stay put.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from redline.attribute.en.acronyms import masked

_PARAGRAPH = re.compile(r"[^\n]+")
# A line that ends with one of these has ended its sentence.
_SENTENCE_END = tuple(".!?:;\"”»’…")
# Where a unit too long for the parser is cut, best first: after a sentence, at a space.
_CUTS = (re.compile(r"[.!?…][\"”»’)]*\s+"), re.compile(r"\s+"))


# A reference mark glued to a word or a full stop ("… for an hour.[1] The minister …",
# common in reports and wikis): the tokenizer keeps "hour.[1" as one word, so the sentence
# never ends. As a suffix of its own, the full stop before it ends the sentence.
_REFERENCE_MARK = r"\[\d{1,3}\]$"


def split_reference_marks(nlp: Language) -> Language:
    """The pipeline with reference marks ("[1]") split off the word they are glued to."""
    tokenizer: Any = nlp.tokenizer
    suffixes: str = tokenizer.suffix_search.__self__.pattern
    if not suffixes.startswith(_REFERENCE_MARK):
        tokenizer.suffix_search = re.compile(f"{_REFERENCE_MARK}|{suffixes}").search
    return nlp


def offset(token: Token) -> int:
    """The token's start offset in the document text."""
    return int(token.doc.user_data["offset"]) + token.idx


def end_offset(token: Token) -> int:
    """The token's end offset in the document text."""
    return offset(token) + len(token.text)


def span_bounds(tokens: list[Token]) -> tuple[int, int]:
    """Start and end offsets of a run of tokens in the document text."""
    return offset(tokens[0]), end_offset(tokens[-1])


@dataclass
class Sentence:
    """One sentence of the parse: its span and its bounds in the document text."""

    index: int
    start: int
    end: int
    span: Span


class Parsed:
    """A document's text with its paragraphs, parsed units and sentences."""

    def __init__(self, text: str, nlp: Language) -> None:
        parts = units(text, nlp.max_length)
        self._build(text, parts, nlp.pipe(unit_text(text, part) for part in parts))

    @classmethod
    def from_docs(cls, text: str, parts: list[tuple[int, int]], docs: Iterable[Doc]) -> Parsed:
        """The parse of a text whose units (from :func:`units`) were parsed elsewhere, in one
        stream across many documents."""
        parsed = cls.__new__(cls)
        parsed._build(text, parts, docs)
        return parsed

    def _build(self, text: str, parts: list[tuple[int, int]], docs: Iterable[Doc]) -> None:
        self.text = text
        self.paragraphs = _paragraphs(text)
        self.docs: list[Doc] = []
        for (start, _end), doc in zip(parts, docs, strict=True):
            doc.user_data["offset"] = start
            self.docs.append(doc)
        self.sentences = [
            Sentence(0, offset(s[0]), end_offset(s[-1]), s) for doc in self.docs for s in doc.sents
        ]
        for index, sentence in enumerate(self.sentences):
            sentence.index = index
        self._starts = [s.start for s in self.sentences]

    def tokens(self) -> Iterator[Token]:
        """Every token of the document, in order."""
        for doc in self.docs:
            yield from doc

    def sentence_at(self, position: int) -> Sentence:
        """The sentence that holds (or last started before) a text offset."""
        return self.sentences[max(bisect_right(self._starts, position) - 1, 0)]

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The tokens that lie wholly inside [start, end)."""
        found: list[Token] = []
        for doc in self.docs:
            base = int(doc.user_data["offset"])
            if base >= end or base + len(doc.text) <= start:
                continue
            found.extend(t for t in doc if offset(t) >= start and end_offset(t) <= end and not t.is_space)
        return found

    def paragraph_at(self, position: int) -> tuple[int, int]:
        """The (start, end) of the paragraph holding a text offset."""
        for start, end in self.paragraphs:
            if start <= position < end:
                return start, end
        return position, position


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def units(text: str, max_length: int) -> list[tuple[int, int]]:
    """The (start, end) stretches of a text that are parsed one ``Doc`` each, none longer
    than ``max_length`` (spaCy refuses longer texts, E088)."""
    joined: list[tuple[int, int]] = []
    for start, end in _paragraphs(text):
        if joined and _runs_on(text[joined[-1][0]:joined[-1][1]], text[start:end]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return [piece for unit in joined for piece in _cut(text, unit, max(max_length, 1))]


def unit_text(text: str, unit: tuple[int, int]) -> str:
    """What the parser reads for a unit: its text with line breaks read as spaces and an
    acronym's defining brackets blanked (see :func:`masked`)."""
    return masked(text[unit[0]:unit[1]].replace("\n", " "))


def _cut(text: str, unit: tuple[int, int], max_length: int) -> Iterator[tuple[int, int]]:
    """A unit in pieces of at most ``max_length`` characters, cut after the last sentence
    end (else the last space) that fits, so no piece stops inside a word if it can help it."""
    start, end = unit
    while end - start > max_length:
        limit = cut = start + max_length
        for pattern in _CUTS:
            found = _last(pattern, text, start, limit)
            if found is not None:
                cut = found.end()
                break
        yield start, cut
        start = cut
    yield start, end


def _last(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of a pattern inside text[start:end]."""
    last = None
    for last in pattern.finditer(text, start, end):
        pass
    return last


def _runs_on(previous: str, following: str) -> bool:
    """True when ``following`` continues the sentence that ``previous`` left open."""
    tail = previous.rstrip()
    head = following.lstrip()
    return bool(tail) and bool(head) and not tail.endswith(_SENTENCE_END) and head[0].islower()
