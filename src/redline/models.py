"""The plain dataclasses that every stage takes and returns.

The pipeline reads top to bottom as ``RawArticle -> Document -> Statement -> Position ->
ActorIssue``. Stages never touch the store or the command line; they pass these records on,
which keeps each stage testable with a literal string and lets a distributed engine map the
same functions.

Offsets: every ``start``/``end`` pair is a half-open character range into
``Document.text`` (the cleaned text) unless the field name says ``raw``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["direct", "indirect", "mixed"]
Stance = Literal["support", "oppose", "conditional", "neutral"]
Outcome = Literal["granted", "excluded"]
Target = Literal["statement", "position"]


@dataclass(frozen=True)
class RawArticle:
    """One article as a source yields it: main text extracted, not yet cleaned.

    ``doc`` is the name a user sees: the file name of a file source (``000_x.txt``,
    ``items.jsonl#3`` for a record without a URL), or the URL of a web source
    or of a record that gives one. ``origin`` is where it
    came from in full (a path, a feed URL, an archive path). ``warning`` says what a
    reader had to repair (bytes that were not UTF-8), to be reported, not stored.
    """

    doc: str
    origin: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    author: str | None = None
    outlet: str | None = None
    warning: str | None = None


@dataclass(frozen=True)
class Removal:
    """A stretch of the raw text that cleaning dropped, and why."""

    raw_start: int
    raw_end: int
    reason: str
    text: str


@dataclass(frozen=True)
class Segment:
    """A run of cleaned text copied verbatim from the raw text (the offset map)."""

    start: int
    raw_start: int
    length: int


@dataclass
class Document:
    """An ingested article: extracted raw text, cleaned text and its metadata.

    ``id`` is a hash of the raw text, so the same article ingested twice is one row.
    ``segments`` map every character of ``text`` back to ``raw_text``.
    """

    id: str
    doc: str
    origin: str
    raw_text: str
    text: str
    segments: list[Segment] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    date: str | None = None
    author: str | None = None
    outlet: str | None = None
    language: str | None = None
    machine_translated: bool = False
    translation_service: str | None = None
    duplicate_of: str | None = None


@dataclass
class Statement:
    """One attributed statement: who said what, through which cue, at which span."""

    document_id: str
    speaker: str
    speaker_mention: str
    content: str
    start: int
    end: int
    kind: Kind
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    role: str | None = None
    confidence: float = 1.0
    actor: str | None = None
    corrected: bool = False


@dataclass(frozen=True)
class CueSpan:
    """Where a cue word of some kind ("support", "condition") lies in a document's text."""

    kind: str
    start: int
    end: int


@dataclass
class Position:
    """Where an actor stands on an issue in one document, with its evidence span.

    ``statement_index`` points into the document's statement list (``None`` when the
    article itself reports the stance). A conditional stance names its condition and,
    when the condition is itself an issue of the pack, that issue and the outcome that
    meets it (``guarantees-for-russia`` granted). ``red_line``, ``threat`` and
    ``security_claim`` record red-line language, "a threat to us" framing, and "the only
    real guarantee of our security" framing in the evidence. ``cues`` are where the cue words
    that decided the stance lie (its polar cue, and a condition's marker), so that
    ``redline pack check`` can name them; the store does not keep them.
    """

    document_id: str
    actor: str
    issue: str
    stance: Stance
    evidence: str
    start: int
    end: int
    condition: str | None = None
    condition_issue: str | None = None
    condition_outcome: Outcome | None = None
    statement_index: int | None = None
    speaker: str | None = None
    red_line: bool = False
    threat: bool = False
    security_claim: bool = False
    confidence: float = 1.0
    corrected: bool = False
    cues: tuple[CueSpan, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """A position's evidence as a reader sees it: who, where, when, and the quote."""

    doc: str
    document_id: str
    speaker: str | None
    outlet: str | None
    date: str | None
    quote: str
    start: int
    end: int
    stance: Stance
    red_line: bool = False
    threat: bool = False
    security_claim: bool = False
    corrected: bool = False
    confidence: float = 1.0
    # The source's language, whether it is a machine translation, and the document it copies
    # (a syndicated print or the original of a translation), when linked.
    language: str | None = None
    machine_translated: bool = False
    copy_of: str | None = None

    @property
    def language_note(self) -> str | None:
        """"ru", or "en, machine-translated": how a reader should weigh the quote's wording."""
        if self.language is None:
            return None
        return f"{self.language}, machine-translated" if self.machine_translated else self.language


@dataclass
class ActorIssue:
    """One cell of the actor x issue matrix, aggregated across documents and time.

    ``outlets`` counts independent outlets: syndicated copies count once. ``conflict``
    is set when sources disagree on the stance, ``shift`` when the stance changes over
    time; ``conflict_evidence`` then holds the two pieces of evidence that disagree.
    """

    actor: str
    issue: str
    stance: Stance
    condition: str | None
    condition_issue: str | None
    condition_outcome: Outcome | None
    statements: int
    outlets: int
    first_date: str | None
    last_date: str | None
    evidence: list[Evidence] = field(default_factory=list)
    conflict: bool = False
    shift: bool = False
    conflict_evidence: tuple[Evidence, Evidence] | None = None
    red_line: bool = False
    threat: bool = False
    security_claim: bool = False


@dataclass(frozen=True)
class Correction:
    """An analyst's verdict on one statement or position: wrong, or what it should say.

    It is keyed to the document and span (and, for a position, the actor and issue the
    analysis gave), not to a row, so it re-attaches to the same claim after re-analysis.
    Fields left ``None`` keep the analysis's value.
    """

    target: Target
    document_id: str
    start: int
    end: int
    original_actor: str | None = None
    original_issue: str | None = None
    wrong: bool = False
    speaker: str | None = None
    actor: str | None = None
    issue: str | None = None
    stance: Stance | None = None
    condition: str | None = None
    note: str | None = None
    created: str = ""

    @property
    def id(self) -> str:
        """The key: one correction per statement or position, a later one replaces it."""
        key = [self.target, self.document_id, self.start, self.end, self.original_actor,
               self.original_issue]
        return hashlib.sha256(json.dumps(key).encode()).hexdigest()[:16]
