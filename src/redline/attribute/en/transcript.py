"""Transcripts: a speaker's own words without quotation marks.

A press conference, a speech or a briefing as its publisher prints it names its speaker
once, in a header ("Press conference by Foreign Minister Ana Ruiz", a line "by Mayor Tom
Vos"), or before each turn ("MS RUIZ: …", "QUESTION: …"). Every assertive sentence of a
turn is that speaker's statement until the turn ends: a question line, another speaker's
label. The trigger is the structure alone, never first person: an article its author
writes in the first person names no header and no labels, so it gives nothing here.
"""

from __future__ import annotations

import re

from redline.attribute.en.draft import Draft
from redline.attribute.en.parse import Parsed
from redline.attribute.en.resolve import Resolver

# "Press conference by …", "Remarks by …", "Speech by …": a header that names the speaker.
_EVENT = re.compile(
    r"^(?:.*\b(?:press conference|press briefing|briefing|remarks|speech|statement|address|"
    r"press point|doorstep|keynote|press remarks)\s+)by\s+(?P<name>[A-Z].*?)\s*$",
    re.IGNORECASE,
)
# A line of its own under such a title: "by Mayor Tom Vos" (a bare byline names the writer).
_BY = re.compile(r"^by\s+(?P<name>[A-Z].*?)\s*$", re.IGNORECASE)
# The title above it: "Weekly press briefing".
_TITLE = re.compile(r"\b(?:press conference|press briefing|briefing|remarks|speech|statement|address|"
                    r"press point|doorstep|keynote)\b", re.IGNORECASE)
# The header sits among the page's first lines.
_HEADER_LINES = 8
# Longest line read as a header.
_HEADER_CHARS = 160
# "MS RUIZ: …", "QUESTION: …", "Q: …": a turn's label, written in capitals.
_TURN = re.compile(r"^(?P<label>(?:(?:MR|MS|MRS|DR|PM)\.?\s+)?[A-Z][A-Z’'.-]+(?:\s+[A-Z][A-Z’'.-]+){0,3}|Q|A):\s*")
# Labels that open a question, not a speaker's turn.
_QUESTIONS = frozenset({"Q", "QUESTION", "MODERATOR", "OPERATOR", "JOURNALIST", "REPORTER"})
# Honorifics a label may carry before the surname.
_HONORIFICS = frozenset({"MR", "MS", "MRS", "DR", "PM"})
# Fewest words for a sentence of a turn to be a statement (not "Good afternoon.").
_MIN_WORDS = 5
# Tags of a finite verb: a sentence without one is a fragment.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Marks a sentence may open with.
_OPENING = "\"“‘'"


def transcript_drafts(parsed: Parsed, resolver: Resolver, taken: list[Draft]) -> list[Draft]:
    """A draft for every assertive sentence a transcript gives its speaker."""
    text = parsed.text
    header = _header(parsed, resolver)
    speaker = header
    labelled = False
    # Labels make a transcript only where someone asks: a dateline ("KYIV: …") is no turn.
    turns = [_TURN.match(text[start:end]) for start, end in parsed.paragraphs]
    if not any(t is not None and t.group("label") in _QUESTIONS for t in turns):
        turns = [None] * len(turns)
    drafts: list[Draft] = []
    for (start, end), turn in zip(parsed.paragraphs, turns, strict=True):
        if header is not None and header[1][0] >= start and header[1][1] <= end:
            continue
        if turn is not None:
            labelled = True
            speaker = _turn_speaker(turn.group("label"), start + turn.start("label"),
                                    start + turn.end("label"), header, resolver)
            start += turn.end()
        if speaker is None or (header is None and not labelled):
            continue
        drafts += _sentences(parsed, start, end, speaker, taken)
    return drafts


def _header(parsed: Parsed, resolver: Resolver) -> tuple[str, tuple[int, int]] | None:
    """The speaker a transcript's header names, with where the name is written."""
    lines = parsed.paragraphs[:_HEADER_LINES]
    for number, (start, end) in enumerate(lines):
        line = parsed.text[start:end]
        found = _EVENT.match(line)
        if found is None and number > 0 and _TITLE.search(parsed.text[slice(*lines[number - 1])]):
            found = _BY.match(line)
        if found is None or len(line) > _HEADER_CHARS or line.rstrip().endswith((".", "?", "!")):
            continue
        span = (start + found.start("name"), start + found.end("name"))
        people = [e for doc in parsed.docs for e in doc.ents if e.label_ == "PERSON"
                  and span[0] <= int(doc.user_data["offset"]) + e.start_char < span[1]]
        if people:
            person = people[-1]
            at = int(person.doc.user_data["offset"]) + person.start_char
            return resolver.names.fullest(person.text)[0], (at, at + len(person.text))
        # The parser may miss a name among titles: the capitalised words after the last title.
        named = _after_titles(parsed.text[span[0]:span[1]], resolver)
        if named is not None:
            at = span[1] - len(named)
            return resolver.names.fullest(named)[0], (at, span[1])
    return None


def _after_titles(written: str, resolver: Resolver) -> str | None:
    """The name that ends a header's "by …" ("Port Commissioner Ana Ruiz" -> "Ana Ruiz")."""
    titles = frozenset((*resolver.lexicon.person_roles, *resolver.lexicon.honorifics))
    words = written.split()
    name: list[str] = []
    while words and words[-1][:1].isupper() and words[-1].lower().rstrip(".") not in titles and len(name) < 3:
        name.insert(0, words.pop())
    # A lone word, or one with no title before it, may be a body or a place.
    if len(name) < 2 or not words or words[-1].lower().rstrip(".") not in titles:
        return None
    return " ".join(name)


def _turn_speaker(label: str, start: int, end: int, header: tuple[str, tuple[int, int]] | None,
                  resolver: Resolver) -> tuple[str, tuple[int, int]] | None:
    """Who speaks after a label: None for a question; "A" is the header's speaker."""
    if label in _QUESTIONS:
        return None
    if label == "A":
        return header
    words = [w for w in label.replace(".", " ").split() if w not in _HONORIFICS]
    if not words:
        return None
    return resolver.names.fullest(" ".join(w.capitalize() for w in words))[0], (start, end)


def _sentences(parsed: Parsed, start: int, end: int, speaker: tuple[str, tuple[int, int]],
               taken: list[Draft]) -> list[Draft]:
    """Drafts for the assertive sentences between two offsets that nothing else claimed."""
    text = parsed.text
    drafts: list[Draft] = []
    for sentence in parsed.sentences:
        first, last = max(sentence.start, start), min(sentence.end, end)
        if first >= last:
            continue
        while last > first and (text[last - 1].isspace() or text[last - 1] in ".!;:"):
            last -= 1
        while first < last and text[first].isspace():
            first += 1
        words = text[first:last].split()
        # A fragment ("And how to sustain it"), a page's furniture ("• Updated: 3 May") or
        # the rest of a sentence a line break cut ("which will …") says nothing of its own.
        if (len(words) < _MIN_WORDS or text[first:sentence.end].rstrip().endswith("?")
                or not (text[first].isupper() or text[first] in _OPENING)
                or not any(t.tag_ in _FINITE for t in sentence.span)):
            continue
        # A cued statement or an attributed quote in the sentence is already somebody's.
        if any(d.start < last and first < d.end and (d.speaker is not None or d.name is not None)
               for d in taken):
            continue
        drafts.append(Draft(first, last, "direct", (first, last), frame="transcript",
                            name=speaker[0], name_span=speaker[1]))
    return drafts
