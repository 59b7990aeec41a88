"""A pack's effective cue lists, where each entry comes from, and which entry a text matched.

A pack reads with the shared English lexicon's roles and cues, less its ``remove:`` entries,
plus its own; each issue may add support, oppose and red-line cues of its own. ``remove:``
takes an entry exactly as the lexicon writes it (often a regular expression, such as
``(?:built|based) on``), so a pack's author needs to see the merged lists with their
origin, and to be told which entry made an example read as it did.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from redline.models import CueSpan
from redline.position.en.derive import spellings
from redline.position.en.text import phrase_regex
from redline.position.pack import STANCE_LEXICON, Pack, load_lexicon

SHARED = "shared"
PACK = "pack"
# The kinds a stance's polar cue is made of (a negation folds into the cue after it), and
# those that make a stance conditional: a decided span is explained by the kinds of its group.
POLAR_KINDS = ("support", "oppose", "neutral", "exclusion", "safeguard", "negation", "security_claim")
CONDITION_KINDS = ("condition", "restriction", "contrast")
ISSUE_KINDS = ("support", "oppose", "red_line")
_WILDCARD = re.compile(r"\\[wWsSdDbB]|(?<!\\)\.")


@dataclass(frozen=True)
class CueEntry:
    """One entry of a cue list as a pack reads with it.

    ``section`` is ``cues`` or ``roles``; ``origin`` is ``shared`` (the shared lexicon),
    ``pack`` (the pack's own) or ``issue ID`` (an issue's own cues).
    """

    section: str
    kind: str
    pattern: str
    origin: str

    def describe(self) -> str:
        """How a user refers to the entry: ``condition "(?:built|based) on" (shared)``."""
        return f"{self.kind} {quote(self.pattern)} ({self.origin})"


@dataclass(frozen=True)
class CueHit:
    """Words of a text that an entry matched."""

    entry: CueEntry
    start: int
    end: int
    text: str

    def describe(self) -> str:
        """``condition "based on" (shared entry "(?:built|based) on")``."""
        entry = self.entry
        return f"{entry.kind} {quote(self.text)} ({entry.origin} entry {quote(entry.pattern)})"


def quote(pattern: str) -> str:
    """A pattern as a YAML double-quoted string, to be copied into a pack as it stands."""
    return json.dumps(pattern, ensure_ascii=False)


def cue_entries(pack: Pack, lexicon: Path = STANCE_LEXICON) -> list[CueEntry]:
    """Every roles and cues entry the pack reads with, by kind, with where it comes from."""
    shared = load_lexicon(lexicon)
    out: list[CueEntry] = []
    for section in ("roles", "cues"):
        base = getattr(shared, section)
        for kind, items in getattr(pack, section):
            known = set(getattr(base, kind))
            out += [CueEntry(section, kind, item, SHARED if item in known else PACK) for item in items]
    for issue in pack.issues:
        for kind in ISSUE_KINDS:
            out += [CueEntry("cues", kind, item, f"issue {issue.id}") for item in getattr(issue.cues, kind)]
    return out


class CueIndex:
    """Each cue entry compiled alone, to tell which entries matched where in a text."""

    def __init__(self, pack: Pack, lexicon: Path = STANCE_LEXICON) -> None:
        self.entries = cue_entries(pack, lexicon)
        self._compiled: list[tuple[CueEntry, re.Pattern[str]]] = [
            (entry, regex) for entry in self.entries if entry.section == "cues"
            and (regex := phrase_regex([entry.pattern])) is not None
        ]

    def hits(self, text: str, start: int, end: int, kinds: Iterable[str],
             issues: Sequence[str] = ()) -> list[CueHit]:
        """The entries of ``kinds`` matching in ``text[start:end]``, longest first where they
        overlap (as the stance reader takes them); issue cues only of ``issues``."""
        wanted = set(kinds)
        own = {f"issue {i}" for i in issues}
        found = [
            CueHit(entry, m.start(), m.end(), m.group())
            for entry, regex in self._compiled
            if entry.kind in wanted and (not entry.origin.startswith("issue ") or entry.origin in own)
            for m in regex.finditer(text, start, end)
        ]
        chosen: list[CueHit] = []
        for hit in sorted(found, key=lambda h: (h.start - h.end, h.start)):
            if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
                chosen.append(hit)
        return sorted(chosen, key=lambda h: h.start)

    def deciding(self, text: str, spans: Sequence[CueSpan], issue: str) -> list[CueHit]:
        """The entries behind the cue spans that decided a position on ``issue``."""
        out: list[CueHit] = []
        for span in spans:
            kinds = CONDITION_KINDS if span.kind in CONDITION_KINDS else POLAR_KINDS
            out += self.hits(text, span.start, span.end, kinds, [issue])
        return out


def shared_duplicates(pack: Pack, lexicon: Path = STANCE_LEXICON) -> list[str]:
    """Warnings on the pack's own cue entries (``cues:`` and issue cues) that the shared
    lexicon already reads: the same entry, or a shared entry of the same kind that reads
    every wording the pack's entry spells out ("as long as" beside the shared "as long as")."""
    shared = load_lexicon(lexicon).cues
    own = [(kind, item, PACK) for kind, items in pack.own_cues for item in items]
    own += [(kind, item, f"issue {issue.id}") for issue in pack.issues
            for kind in ISSUE_KINDS for item in getattr(issue.cues, kind)]
    out: list[str] = []
    for kind, item, origin in own:
        entries = getattr(shared, kind, None)
        if not isinstance(entries, list) or not entries:
            continue
        twin = _shared_twin(item, [e for e in entries if isinstance(e, str)])
        if twin is not None:
            same = "is the shared entry" if twin == item else f"only reads what the shared entry {quote(twin)} reads"
            out.append(f"cues.{kind} {quote(item)} ({origin}) {same}; it can be left out")
    return out


def precondition_warnings(pack: Pack, lexicon: Path = STANCE_LEXICON) -> list[str]:
    """Warnings on the pack's own conditions that open with a shared precondition word
    ("before (?:it|they) can"): a condition cuts the sentence there, so the issue named
    after it loses the stance said before it, which the shared precondition keeps."""
    words = phrase_regex(load_lexicon(lexicon).cues.precondition)
    if words is None:
        return []
    out: list[str] = []
    for item in pack.own_cues.condition:
        wordings = [w.strip() for w in spellings(item, frozenset())]
        opening = next((m for w in wordings if (m := words.match(w)) is not None), None)
        if opening is not None:
            out.append(f"cues.condition {quote(item)} (pack) cuts the sentence at {quote(opening.group())}: "
                       f"the issue after it loses the stance before it (\"wants X done before Y can ...\"), "
                       f"which the shared precondition {quote(opening.group())} reads as Y waiting on X; "
                       f"it can be left out")
    return out


def _shared_twin(item: str, entries: Sequence[str]) -> str | None:
    """The shared entry that is ``item`` or reads every wording ``item`` spells out."""
    if item in entries:
        return item
    if _WILDCARD.search(item):
        # A wildcard's words are not spelt out: what the entry reads is not known.
        return None
    wordings = [w.strip() for w in spellings(item, frozenset())]
    if not wordings or any(not w or "\x00" in w for w in wordings):
        return None
    for entry in entries:
        regex = phrase_regex([entry])
        if regex is not None and all(regex.fullmatch(w) for w in wordings):
            return entry
    return None
