"""Why the English stage reads a pack's example otherwise: the reasons ``pack check`` prints.

A pack's author who is told only "found nothing" has to guess which step failed. This
module retraces the steps on the example's text with the stage's own parts: was a term or
concept of the issue found; was the mention dropped because it is not tied to the issue's
beneficiary; does a cue word sit inside a term (a term's words are read as the issue,
never as a stance); was any stance cue found; is the actor named at all. When a stance
was found, the cue entries that decided it are named, with where each comes from, so
that a shared entry can be taken out with ``remove:`` as the lexicon writes it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.language import Language

from redline.models import Position
from redline.position.cues import ISSUE_KINDS, POLAR_KINDS, CueHit, CueIndex, quote
from redline.position.en.actors import ActorIndex
from redline.position.en.concepts import ConceptFinder
from redline.position.en.issues import IssueDetector, IssueMention
from redline.position.pack import BENEFICIARY, Pack

# A term without regular-expression syntax can be read for cue words as it stands.
_LITERAL = re.compile(r"[\w\s'’.,-]+")
_STANCE_KINDS = tuple(dict.fromkeys((*POLAR_KINDS, *ISSUE_KINDS)))
# A negation inside a term is meant ("no enrichment" names an outcome): only cues that
# carry a direction are worth a warning there.
_DIRECTED_KINDS = tuple(k for k in _STANCE_KINDS if k != "negation")


class Diagnosis:
    """The stage's issue, actor and cue finders for one pack, to explain misread examples."""

    def __init__(self, pack: Pack, nlp: Language) -> None:
        self._pack = pack
        self._actors = ActorIndex(pack)
        self._issues = IssueDetector(pack, self._actors)
        needs_parse = any(issue.concepts for issue in pack.issues)
        self._concepts = ConceptFinder(pack, self._actors, nlp) if needs_parse else None
        self.cues = CueIndex(pack)

    def deciding(self, text: str, position: Position) -> list[CueHit]:
        """The cue entries that decided a position."""
        return self.cues.deciding(text, position.cues, position.issue)

    def why(self, text: str, actor: str, issue: str, found: Sequence[Position]) -> str:
        """Why no position of ``actor`` on ``issue`` was read from ``text``."""
        instead = "; ".join(f"{p.actor} {p.stance} on {p.issue}" for p in found)
        reason = self._missing(text, actor, issue)
        return f"{reason}; read instead: {instead}" if instead else reason

    def _missing(self, text: str, actor: str, issue: str) -> str:
        concepts = self._concepts.find(text) if self._concepts else []
        mentions = [m for m in self._issues.mentions(text, 0, len(text), concepts) if issue in m.issues]
        if not mentions:
            return f"no term or concept of {issue} matched"
        kept = [m for m in mentions if issue in self._issues.resolve(m, actor, True)]
        if not kept:
            return self._dropped(text, mentions[0], issue)
        for mention in kept:
            inside = self._hits(text, mention.start, mention.end, issue)
            if inside:
                return (f"{_quoted(inside)} lies inside the term match {_span(text, mention)}: words "
                        "inside a term are read as the issue, never as a stance; keep stance words out of terms")
        spans = sorted((m.start, m.end) for m in kept)
        outside = [h for h in self._hits(text, 0, len(text), issue)
                   if not any(s < h.end and h.start < e for s, e in spans)]
        if not outside:
            return (f"the mention {_span(text, kept[0])} was found, but no stance cue (shared or "
                    "the pack's); add one under the issue's cues (support, oppose) or the pack's")
        if not any(m.actor == actor for m in self._actors.mentions(text)):
            return (f"{actor} is not named: the text calls it by none of its id, name, aliases, "
                    "adjectives, metonyms, bodies or persons")
        return (f"the mention {_span(text, kept[0])} and {_quoted(outside)} were found, but not "
                f"joined to {actor} as the holder (the cue may be out of reach or in another clause)")

    def _dropped(self, text: str, mention: IssueMention, issue: str) -> str:
        """The reason for a mention that resolution gave to no issue: its beneficiary."""
        beneficiary = self._pack.issue(issue).beneficiary
        tied = ", ".join(sorted(mention.attached)) or "no actor"
        return (f"the mention {_span(text, mention)} was found but dropped: it is not tied to "
                f"beneficiary {beneficiary} (tied to {tied}) and the issue is not `default: true`; "
                f"set `default: true` if a mention that names no party means this issue, or leave "
                "`beneficiary` out when no other issue shares its words")

    def _hits(self, text: str, start: int, end: int, issue: str) -> list[CueHit]:
        return self.cues.hits(text, start, end, _STANCE_KINDS, [issue])

    def term_warnings(self) -> list[str]:
        """A line for each plain-word term that holds a stance cue, which it then hides."""
        out: list[str] = []
        for issue in self._pack.issues:
            for term in (*issue.terms, *issue.inverse_terms):
                if BENEFICIARY in term or not _LITERAL.fullmatch(term):
                    continue
                hits = self.cues.hits(term, 0, len(term), _DIRECTED_KINDS, [issue.id])
                if hits:
                    out.append(f"issue {issue.id}: term {quote(term)} holds {_quoted(hits)}: words inside a "
                               "term are read as the issue, never as a stance, so it will not fire there")
        return out


def _span(text: str, mention: IssueMention) -> str:
    return quote(text[mention.start:mention.end])


def _quoted(hits: Sequence[CueHit]) -> str:
    """``the support cue 'ready' (issue x entry 'ready')``, for one or more hits."""
    described = " and ".join(h.describe() for h in hits)
    return f"the cue {described}" if len(hits) == 1 else f"the cues {described}"
