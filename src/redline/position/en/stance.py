"""Stance: reading support, opposition, openness and conditions from cue words.

The cue lists live in the pack; this module holds the generic clause logic:

- a negation flips the polar cue that follows it within a few words ("not against" is
  open to, "does not want" opposes);
- cues between the holder and the issue mention compose from the mention outwards, so an
  exclusion flips what it governs ("should include the exclusion of X" opposes X, "ruled
  out a deal without X" supports X) while other cues keep or set the sign;
- without a cue before the mention, the first cue after it decides ("X is unacceptable");
  a verb warding off a harm there ("X to prevent a new war") is said in favour of X;
- condition and contrast markers cut a sentence into segments, so that "not against X,
  but with Y" reads X as conditional on Y.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from redline.models import Stance
from redline.position.pack import StanceCues
from redline.position.en.text import phrase_regex, words_between

_POLAR = ("support", "oppose", "neutral", "exclusion", "safeguard")
# Cue kinds that cut or qualify a clause rather than carry a polarity.
_STRUCTURAL = ("condition", "contrast", "restriction")
_ORDER = ("neutral", "restriction", "condition", "contrast", "security_claim", "exclusion",
          "support", "oppose", "safeguard", "negation", "hearsay")
_VALUE = {"support": 1, "security_claim": 1, "oppose": -1, "exclusion": -1, "safeguard": -1, "neutral": 0}
_NEGATED = {"support": ("oppose", -1), "security_claim": ("oppose", -1), "oppose": ("neutral", 0),
            "neutral": ("oppose", -1), "exclusion": ("neutral", 0), "safeguard": ("neutral", 0)}
_NEGATION_REACH = 3
# A cue written as a noun with its object after it ("an end to", "the rejection of").
_NOMINAL_OBJECT = re.compile(r"\s(?:to|of)$")
# A modal opens a clause of its own between a cue and a mention.
_MODAL = re.compile(r"\b(?:would|will|must|should|could|can|may|might|shall)\b")
_ADJACENT_NEGATION = 2
# A second charge joined to the first ("… and of breaching the truce"), and the words between
# a charging verb and its first "of"/"for" ("accused the council of", "blamed Oslo for").
_JOINED_CHARGE = re.compile(r"\b(?:and|or)\s+(?:of|for)\s+$")
_CHARGE_HEAD = re.compile(r"\s+(?:[\w'’.-]+\s+){0,3}?(?:of|for)\s")
POST_REACH = 14
# Words between a cue and the noun phrase it takes as object ("rejected outright the offer").
_OBJECT_REACH = 1
# Words between a named noun phrase and the cue that names it ("the pledge the first real step").
_NAMED_REACH = 4
_STANCE: dict[int, Stance] = {1: "support", -1: "oppose", 0: "neutral"}
ClauseKind = Literal["main", "contrast", "condition", "lead"]


@dataclass(frozen=True)
class Cue:
    """A cue word found in the text, with the polarity it carries (after negation)."""

    kind: str
    start: int
    end: int
    value: int | None = None


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence between condition and contrast markers."""

    start: int
    end: int
    kind: ClauseKind
    body: int


class CueReader:
    """The pack's stance cues compiled, with negation, composition and segmenting."""

    def __init__(self, cues: StanceCues) -> None:
        self._regex: dict[str, re.Pattern[str] | None] = {
            kind: phrase_regex(getattr(cues, kind)) for kind in StanceCues.model_fields
            if kind not in ("abbreviations", "mandative")
        }

    def find(self, kind: str, text: str, start: int, end: int) -> list[Cue]:
        """Every match of one cue list in ``text[start:end]``."""
        regex = self._regex.get(kind)
        if regex is None:
            return []
        return [Cue(kind, m.start(), m.end()) for m in regex.finditer(text, start, end)]

    def polar(self, text: str, start: int, end: int, extra: Sequence[Cue] = (),
              exclude: Sequence[tuple[int, int]] = ()) -> list[Cue]:
        """Non-overlapping polar, condition and contrast cues, negations applied.

        Polar cues overlapping an ``exclude`` span are left out before negations fold.
        """
        found = [c for kind in _ORDER for c in self.find(kind, text, start, end)
                 if kind in _STRUCTURAL or not any(s < c.end and c.start < e for s, e in exclude)]
        found += self._penalties(text, start, end, exclude)
        found += list(extra)
        rank = {kind: i for i, kind in enumerate(_ORDER)}
        found.sort(key=lambda c: (c.start - c.end, rank.get(c.kind, 0), c.start))
        chosen: list[Cue] = []
        for cue in found:
            if all(cue.end <= c.start or cue.start >= c.end for c in chosen):
                chosen.append(replace(cue, value=_VALUE.get(cue.kind)))
        return _negate(text, sorted(chosen, key=lambda c: c.start))

    def _penalties(self, text: str, start: int, end: int, exclude: Sequence[tuple[int, int]]) -> list[Cue]:
        """Penalty cues: against the act they answer, for the penalty they name where it is
        an issue's mention ("warned of sanctions" backs the sanctions), the cue cut short
        before the mention."""
        out: list[Cue] = []
        for cue in self.find("penalty", text, start, end):
            named = min((s for s, e in exclude if s < cue.end and cue.start < e), default=None)
            if named is None:
                out.append(Cue("oppose", cue.start, cue.end))
            elif named > cue.start and text[cue.start:named].strip():
                out.append(Cue("support", cue.start, cue.start + len(text[cue.start:named].rstrip())))
        return out

    def segments(self, text: str, cues: Sequence[Cue], start: int, end: int) -> list[Clause]:
        """Cut ``text[start:end]`` at condition and contrast markers."""
        out: list[Clause] = []
        kind: ClauseKind = "main"
        seg_start = body = start
        for cue in cues:
            if cue.kind not in ("condition", "contrast") or not start <= cue.start < end:
                continue
            if not text[start:cue.start].strip(" \"“”‘’'—-–(") and cue.kind == "condition":
                comma = text.find(",", cue.end, end)
                if comma > 0:
                    out.append(Clause(start, comma, "lead", cue.end))
                    seg_start = body = comma + 1
                continue
            if cue.start > seg_start:
                out.append(Clause(seg_start, cue.start, kind, body))
            kind = "condition" if cue.kind == "condition" else "contrast"
            seg_start, body = cue.start, cue.end
        out.append(Clause(seg_start, end, kind, body))
        return [s for s in out if text[s.body:s.end].strip()]


def _negate(text: str, cues: list[Cue]) -> list[Cue]:
    """Fold each negation into the polar cue that follows it within a few words."""
    out: list[Cue] = []
    folded: set[int] = set()
    for i, cue in enumerate(cues):
        if i in folded:
            continue
        target = _negated_target(text, cues, i) if cue.kind == "negation" else None
        if target is None:
            out.append(cue)
            continue
        kind, value = _NEGATED[cues[target].kind]
        out.append(Cue(kind, cue.start, cues[target].end, value))
        folded.add(target)
    return out


def _negated_target(text: str, cues: list[Cue], i: int) -> int | None:
    """Index of the polar cue a negation at ``i`` governs, if one follows closely."""
    for j in range(i + 1, len(cues)):
        if words_between(text, cues[i].end, cues[j].start) > _NEGATION_REACH:
            return None
        if cues[j].kind in _NEGATED:
            return j
    return None


def compose(pre: Sequence[Cue]) -> Cue | None:
    """Compose the cues before a mention, innermost first, into one signed cue."""
    value: int | None = None
    anchor: Cue | None = None
    excluded = False
    hearsay = False
    for cue in reversed(pre):
        if cue.kind == "hearsay" and value is None:
            hearsay = True
        if cue.value is None:
            continue
        if hearsay and value is None and cue.value == -1 and cue.kind != "exclusion":
            # "dismissed reports of a truce" doubts the reports, not the truce ("welcomed
            # the announcement of a truce" still backs it).
            return None
        anchor = cue if anchor is None else replace(anchor, start=cue.start)
        if value is None:
            value = cue.value
        elif cue.value == 0:
            value = 0 if value == 1 else value
        elif cue.kind == "exclusion":
            value = -value if value != 0 else -1
        elif cue.value == -1:
            # Opposing an exclusion ("reluctant to accept a ban on X") supports X.
            value = 1 if excluded and value == -1 else -1
        if cue.kind == "exclusion" or cue.value == -1:
            excluded = cue.kind == "exclusion" and value == -1
    if value is None or anchor is None:
        return None
    return replace(anchor, value=value)


def read(text: str, cues: Sequence[Cue], span: tuple[int, int], scope: tuple[int, int],
         others: Sequence[tuple[int, int]], joins: re.Pattern[str] | None = None,
         stops: Sequence[int] = (), aside: tuple[int, int] | None = None) -> Cue | None:
    """The cue that decides the stance on the mention at ``span`` within ``scope``.

    ``others`` are the spans of the other issue mentions: a cue before another mention
    belongs to that one ("the exclusion of A, the refusal to B"). ``joins`` matches the
    words that coordinate two mentions ("and", "that"); ``stops`` are where another
    agent's clause begins, which a cue after the mention does not cross. ``aside`` is a
    comma-delimited clause right after the mention ("X, which ... in the end, is key"):
    the reach of a cue after the mention counts from its closing comma, and agents
    inside it do not stop the search.
    """
    start, end = span
    lower = max([scope[0], *(e for s, e in others if e <= start)])
    # "an end to the war would include guarantees", "the rejection of the bid must be
    # central to any guarantees": a nominal cue ("end to", "removal of", "rejection of")
    # whose object a clause of its own follows governs that object, not the mention.
    pre = [c for c in cues if lower <= c.start and c.end <= start
           and not (_nominal(text, c) and _MODAL.search(text, c.end, start))]
    joined_charge = _JOINED_CHARGE.search(text, lower, pre[-1].start) if pre else None
    if joined_charge is not None:
        # "accused Kinshasa of failing to free the prisoners and of breaching the truce":
        # the charge before the first "of" covers each one joined to it.
        charges = [c for c in cues if scope[0] <= c.start and c.end <= lower and c.kind == "exclusion"
                   and _CHARGE_HEAD.match(text, c.end)]
        pre = [*charges[-1:], *(c for c in pre if c.start >= joined_charge.end())]
    negations = [c for c in pre if c.kind == "negation"]
    if negations and words_between(text, negations[-1].end, start) <= _ADJACENT_NEGATION:
        pre = [*pre, Cue("exclusion", negations[-1].start, negations[-1].end, -1)]
    decided = compose(pre)
    reversal = next((c for c in cues if c.kind == "reversal" and c.start >= end and not text[end:c.start].strip()), None)
    if decided is not None and reversal is not None:
        # "wants the mission removed": a participle right after the thing wanted undoes it.
        decided = compose([*pre, replace(reversal, kind="exclusion", value=-1)])
    joined = joins is not None and joins.search(text, lower, start) is not None
    if decided is None and lower > scope[0] and joined:
        # A coordinated mention ("ready to fix in a document X that Y", "rejected a truce
        # and foreign troops") shares the attitude before the first one, but not the
        # operators that govern only it ("renounce X and stay neutral").
        shared = [c for c in cues if scope[0] <= c.start and c.end <= lower
                  and (c.value in (0, 1) or (c.kind == "oppose" and c.value == -1))]
        decided = compose(shared)
    if decided is not None and joined and _listed_gerund(text, pre, scope[0], lower):
        # An item of a list a colon opens, led by its own gerund ("rejected two points:
        # cutting the fleet and abandoning the treaty"), takes the verb before the colon.
        head = [c for c in cues if scope[0] <= c.start and c.end <= lower and c.value == -1
                and ":" in text[c.end:lower]]
        decided = compose([*head[:1], *pre]) if head else decided
    if decided is not None:
        return decided
    resume = aside[1] if aside is not None and aside[0] >= end else end
    upper = min([scope[1], *(s for s, e in others if s >= end), *(s for s in stops if s >= resume)])
    # A holder named after the mention ("X, an idea Oslo rejects") reads the cues after it.
    post = [
        c for c in cues if max(end, scope[0]) <= c.start < upper and c.value is not None
        and words_between(text, resume if c.start >= resume else end, c.start) <= POST_REACH
        and not any(0 <= s - c.end and words_between(text, c.end, s) <= _ADJACENT_NEGATION for s, _ in others)
    ]
    if not post:
        return None
    # A thing said to ward off a harm ("guarantees to deter a new attack", "troops that
    # would prevent a relapse") is wanted: the verb opposes its object, not its subject.
    return replace(post[0], value=1) if post[0].kind == "safeguard" else post[0]


def _nominal(text: str, cue: Cue) -> bool:
    """A cue that takes its object through "of" ("rejection of", "removal of") or, for an
    exclusion, "to" ("an end to")."""
    tail = _NOMINAL_OBJECT.search(text, cue.start, cue.end)
    return tail is not None and (cue.kind == "exclusion" or tail.group().endswith("of"))


def _listed_gerund(text: str, pre: Sequence[Cue], start: int, lower: int) -> bool:
    """Whether the cues before a coordinated mention are one exclusion gerund after a list colon."""
    return (len(pre) == 1 and pre[0].kind == "exclusion" and text[pre[0].start:pre[0].end].endswith("ing")
            and ":" in text[start:lower])


def governing(text: str, cues: Sequence[Cue], span: tuple[int, int], scope: tuple[int, int],
              others: Sequence[tuple[int, int]], naming: Sequence[Cue]) -> Cue | None:
    """The cue that takes the noun phrase at ``span`` as its object, if one does.

    Either a cue right before it ("rejected the offer", negations applied), or, after a
    naming verb right before it ("called the pledge a real step"), the first cue after it.
    """
    start, end = span
    cue = read(text, cues, span, (scope[0], end), others)
    if cue is not None and cue.end <= start and words_between(text, cue.end, start) <= _OBJECT_REACH:
        return cue
    if not any(c.end <= start and words_between(text, c.end, start) == 0 for c in naming):
        return None
    return next((c for c in cues if c.start >= end and c.end <= scope[1] and c.value is not None
                 and words_between(text, end, c.start) <= _NAMED_REACH), None)


def stance_of(cue: Cue) -> Stance:
    """The stance a decided cue stands for."""
    return _STANCE[cue.value if cue.value is not None else 0]


def is_polar(cue: Cue) -> bool:
    """Whether a cue carries a polarity (support, oppose, neutral, exclusion)."""
    return cue.kind in _POLAR or cue.kind == "security_claim"
