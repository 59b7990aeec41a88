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
from redline.position.en.stance import POST_REACH
from redline.position.en.text import words_between
from redline.position.pack import BENEFICIARY, Pack

# A term without regular-expression syntax can be read for cue words as it stands.
_LITERAL = re.compile(r"[\w\s'’.,-]+")
_STANCE_KINDS = tuple(dict.fromkeys((*POLAR_KINDS, *ISSUE_KINDS)))
# A negation inside a term is meant ("no enrichment" names an outcome): only cues that
# carry a direction are worth a warning there.
_DIRECTED_KINDS = tuple(k for k in _STANCE_KINDS if k != "negation")
# Cue kinds that win over a stance cue they overlap ("must" inside "must include"), and what
# each does instead of giving a stance.
_STRUCTURAL_READING = {
    "restriction": "it sets terms or a limit on what comes before it (\"X must include Y\", \"X must "
                   "not delay Y\"), not a stance on what follows",
    "condition": "it states a condition on a stance, not a stance",
    "contrast": "it cuts the sentence in two",
}
_STRUCTURAL_KINDS = tuple(_STRUCTURAL_READING)


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

    def red_lines(self, text: str, issue: str) -> list[CueHit]:
        """The red-line entries (shared, the pack's, the issue's) matching in ``text``."""
        return self.cues.hits(text, 0, len(text), ("red_line",), [issue])

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
        return self._unjoined(text, actor, kept[0], outside)

    def _unjoined(self, text: str, actor: str, mention: IssueMention, outside: list[CueHit]) -> str:
        """Why a mention and a cue, both found, gave ``actor`` no position, and what a pack can do.

        Three causes a pack's author can act on are told apart: a longer cue of a structural
        kind swallows the stance cue ("must" inside the restriction "must not delay"); a
        condition or contrast marker puts cue and mention in different segments; the cue is
        too far after the mention. Otherwise the holder was not joined: a pack does not
        change the parse, so the advice says what does move it.
        """
        found = f"the mention {_span(text, mention)} and {_quoted(outside)} were found"
        structural = self.cues.hits(text, 0, len(text), _STRUCTURAL_KINDS, [])
        swallowed = [(h, s) for h in outside for s in structural
                     if s.start <= h.start and h.end <= s.end and (s.end - s.start) > (h.end - h.start)]
        if swallowed:
            hit, by = swallowed[0]
            return (f"{found}, but {quote(hit.text)} is read as part of the longer {by.describe()}, "
                    f"which is no stance ({_STRUCTURAL_READING[by.entry.kind]}); what a pack can do: give "
                    f"the issue its own support or oppose cue covering the words (`cues: {{support: "
                    f"[{quote(by.text)}]}}` under the issue: an issue's cue is read in that place), or take the {by.entry.origin} entry out with `remove: {{cues: "
                    f"{{{by.entry.kind}: [{quote(by.entry.pattern)}]}}}}` if the pack's coverage never means it")
        cuts = [s for s in structural if s.entry.kind in ("condition", "contrast")
                and any(min(h.end, mention.end) <= s.start and s.end <= max(h.start, mention.start) for h in outside)]
        if cuts:
            return (f"{found}, but {cuts[0].describe()} cuts the sentence between them: a stance is read "
                    "only from the cues of the mention's own segment; what a pack can do: give the "
                    "issue a cue that stands in that segment, or take the marker out with `remove:` "
                    "if the coverage never uses it so")
        if all(h.start >= mention.end and words_between(text, mention.end, h.start) > POST_REACH for h in outside):
            return (f"{found}, but the cue comes more than {POST_REACH} words after the mention, out of "
                    "reach; what a pack can do: give the issue a cue nearer the mention")
        return (f"{found}, but not joined to {actor} as the holder: the stage joins a stance to the "
                f"subject of its clause or the speaker of its statement, on the parse, which a pack does "
                f"not change. What a pack can do: make sure {actor} is named by a form the pack lists "
                "(aliases, metonyms, bodies, persons); give the issue a cue in the holder's own clause "
                "(under the issue's `cues`); if the sentence still misreads, it shows a limit of the "
                "stage, not of the pack: keep another wording the coverage uses as the example, and "
                "measure with `redline eval --errors` how often the construction occurs")

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
