"""The parsed text: paragraphs, spaCy parses with their offsets into the text, sentences.

A document is parsed paragraph by paragraph, so that a headline or a caption never runs
into the sentence after it. A paragraph that stops mid-sentence (no closing punctuation)
and is followed by one that starts in lower case is the same sentence broken by markup;
the two are parsed as one unit, with the line break read as a space so offsets stay put.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

_PARAGRAPH = re.compile(r"[^\n]+")
# A line that ends with one of these has ended its sentence.
_SENTENCE_END = tuple(".!?:;\"”»’…")


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
        self.text = text
        self.paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
        units = _units(text, self.paragraphs)
        self.docs: list[Doc] = []
        for (start, end), doc in zip(units, nlp.pipe(text[s:e].replace("\n", " ") for s, e in units)):
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


def _units(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Group paragraphs into parse units, joining a sentence that markup broke in two."""
    units: list[tuple[int, int]] = []
    for start, end in paragraphs:
        if units and _runs_on(text[units[-1][0]:units[-1][1]], text[start:end]):
            units[-1] = (units[-1][0], end)
        else:
            units.append((start, end))
    return units


def _runs_on(previous: str, following: str) -> bool:
    """True when ``following`` continues the sentence that ``previous`` left open."""
    tail = previous.rstrip()
    head = following.lstrip()
    return bool(tail) and bool(head) and not tail.endswith(_SENTENCE_END) and head[0].islower()
