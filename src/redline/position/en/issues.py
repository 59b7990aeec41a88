"""Issue detection: where a text mentions an issue of the pack, and who it is about.

Issues that share their terms (security guarantees for Ukraine / for Russia) are told
apart by their beneficiary: the actor the mention is attached to, through a possessive
or adjective before it ("Ukraine's membership", "Russian security interests"), a name
inside it ("guarantees of Russia's security") or the first "for/to/of" phrase after it
("assurances the West is considering for Ukraine", "guarantees to both Kiev and Moscow").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from redline.position.en.actors import ActorIndex, ActorMention
from redline.position.en.concepts import ConceptMatch
from redline.position.pack import BENEFICIARY, Pack
from redline.position.en.scan import stepped, steppable
from redline.position.en.text import phrase_regex, words_between

_BEFORE_WORDS = 4
_AFTER_WORDS = 6
_PREPOSITION = re.compile(r"(?<![\w-])(?:for|to|of)(?![\w-])", re.IGNORECASE)
_JOINERS = re.compile(r"^(?:\s|,|\band\b|\bor\b|\bboth\b|\bthe\b)*$", re.IGNORECASE)
_STOP = re.compile(r"[.;:!?\"“”]")


@dataclass(frozen=True)
class IssueMention:
    """A span that signals one or more issues, with the actors it is attached to."""

    start: int
    end: int
    issues: tuple[str, ...]
    attached: frozenset[str]
    attached_spans: tuple[tuple[int, int], ...] = ()
    inverse: frozenset[str] = frozenset()


class IssueDetector:
    """The pack's issue terms compiled, with beneficiary attachment and resolution."""

    def __init__(self, pack: Pack, actors: ActorIndex) -> None:
        self._actors = actors
        self._beneficiary = {i.id: i.beneficiary for i in pack.issues}
        self._default = {i.id for i in pack.issues if i.default}
        self._beneficiaries = {i.beneficiary for i in pack.issues if i.beneficiary}
        # One regex per term, so that every term finds its longest span (an alternation
        # would stop at the first term that matches).
        self._terms: list[tuple[str, bool, re.Pattern[str]]] = []
        bodies: list[str] = []
        for issue in pack.issues:
            forms = actors.forms(issue.beneficiary) if issue.beneficiary else []
            who = "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"
            for inverse, terms in ((False, issue.terms), (True, issue.inverse_terms)):
                for term in terms:
                    body = term.replace(BENEFICIARY, who)
                    regex = phrase_regex([body])
                    if regex is not None:
                        self._terms.append((issue.id, inverse, regex))
                        bodies.append(body)
        # Matches wherever any term does: most stretches of text name no issue at all,
        # and one search tells so instead of one per term. The terms share their word
        # boundaries, so one alternation inside them starts where one of the terms does.
        self._any = phrase_regex(bodies) or re.compile("(?!)")
        # Terms found by trying them only where the alternation matches, not by a scan each.
        self._steppable = [steppable(regex) for _, _, regex in self._terms]

    def mentions(self, text: str, start: int, end: int,
                 concepts: Sequence[ConceptMatch] = ()) -> list[IssueMention]:
        """Issue mentions in ``text[start:end]``, one per span, sorted by position.

        ``concepts`` are the document's concept matches (position/en/concepts.py); those
        inside the range join the term matches, with the actors the parse attaches.
        """
        spans: dict[tuple[int, int], list[str]] = defaultdict(list)
        inverse: set[tuple[tuple[int, int], str]] = set()
        parsed: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
        for concept in concepts:
            if start <= concept.start and concept.end <= end:
                span = (concept.start, concept.end)
                if concept.issue not in spans[span]:
                    spans[span].append(concept.issue)
                if concept.inverse:
                    inverse.add((span, concept.issue))
                parsed[span].update(concept.attached)
        places = self._places(text, start, end)
        for (issue_id, is_inverse, regex), step in zip(self._terms if places else (), self._steppable):
            found = stepped(regex, text, places, start, end) if step else (
                [m.span() for m in regex.finditer(text, start, end)])
            for span in found:
                if issue_id not in spans[span]:
                    spans[span].append(issue_id)
                if is_inverse:
                    inverse.add((span, issue_id))
        if not spans:
            return []  # most units name no issue, and need no actor mentions around them
        actors = self._actors.mentions(text, max(0, start - 200), min(len(text), end + 200))
        out = []
        for (s, e), issues in sorted(_merge_overlaps(spans, set(parsed)).items()):
            attached = self._attached(text, s, e, actors)
            # The parse attaches a beneficiary the words around the span do not show.
            own = {a for (s2, e2), spans_ in parsed.items() if s <= s2 and e2 <= e for a in spans_}
            attached += [m for m in actors if (m.start, m.end) in own and m not in attached
                         and _near(text, s, e, m)
                         and (m.actor in self._beneficiaries or not (s <= m.start and m.end <= e))]
            opposites = [(s2, e2) for (s2, e2), i2 in inverse if s <= s2 and e2 <= e]
            # A term of the issue overlapping its opposite is part of that wording
            # ("suspended its cooperation with the agency" holds "cooperation with the agency"),
            # unless the term holds the whole opposite: the longer wording wins ("a waiver of
            # the sanctions law" is the waiver, though "the sanctions law" is its opposite).
            flipped = frozenset(
                i for i in issues
                if any(s <= s2 and e2 <= e and i == i2 for (s2, e2), i2 in inverse)
                and not any(s <= s2 and e2 <= e and i in spans[(s2, e2)] and ((s2, e2), i) not in inverse
                            and (not any(o0 < e2 and s2 < o1 for o0, o1 in opposites)
                                 or any(s2 <= o0 and o1 <= e2 and (o1 - o0) < (e2 - s2) for o0, o1 in opposites))
                            for (s2, e2) in spans)
            )
            out.append(IssueMention(s, e, tuple(issues), frozenset(m.actor for m in attached),
                                    tuple((m.start, m.end) for m in attached), flipped))
        return out

    def _places(self, text: str, start: int, end: int) -> list[int]:
        """Every offset in ``text[start:end]`` where some term (so the alternation) matches."""
        places: list[int] = []
        found = self._any.search(text, start, end)
        while found is not None:
            places.append(found.start())
            found = self._any.search(text, found.start() + 1, end)
        return places

    def _attached(self, text: str, start: int, end: int, actors: list[ActorMention]) -> list[ActorMention]:
        """Actor mentions the mention at ``start:end`` is about (see the module docstring)."""
        # A party named inside the term ("NATO membership") is part of it, not its beneficiary.
        found = [m for m in actors if start <= m.start and m.end <= end and m.actor in self._beneficiaries]
        for m in actors:
            if m.end > start or _STOP.search(text, m.end, start):
                continue
            gap = words_between(text, m.end, start)
            # "Ukraine's potential full membership", but only "Russian security interests".
            if (m.possessive and gap < _BEFORE_WORDS) or (m.kind == "adjective" and gap == 0):
                found.append(m)
        return found + self._after(text, end, actors)

    def _after(self, text: str, end: int, actors: list[ActorMention]) -> list[ActorMention]:
        """Actor mentions of the first for/to/of phrase shortly after a mention."""
        prep = _PREPOSITION.search(text, end, min(len(text), end + 80))
        if prep is None or words_between(text, end, prep.start()) >= _AFTER_WORDS:
            return []
        if _STOP.search(text, end, prep.start()) or "," in text[end:prep.start()]:
            return []
        found: list[ActorMention] = []
        cursor = prep.end()
        for m in sorted((m for m in actors if m.start >= cursor), key=lambda m: m.start):
            if not _JOINERS.match(text[cursor:m.start]):
                break
            found.append(m)
            cursor = m.end
        return found

    def resolve(self, mention: IssueMention, holder: str | None, supports: bool) -> list[str]:
        """The issues a mention is about, given who holds the stance.

        An unattached mention goes to the holder's own issue when the holder asks for it
        (Russia insisting on "security guarantees" means guarantees for Russia), else to
        the issue marked ``default``.
        """
        chosen = [
            issue for issue in mention.issues
            if self._beneficiary[issue] is None or self._beneficiary[issue] in mention.attached
        ]
        if chosen or mention.attached:
            return chosen
        own = [i for i in mention.issues if self._beneficiary[i] == holder]
        if own and supports:
            return own
        return [i for i in mention.issues if i in self._default]


def _near(text: str, start: int, end: int, mention: ActorMention) -> bool:
    """Whether an actor mention lies in the same sentence stretch as a span."""
    lo, hi = (mention.end, start) if mention.end <= start else (end, mention.start)
    return hi <= lo or not _STOP.search(text, lo, hi)


def _merge_overlaps(spans: dict[tuple[int, int], list[str]],
                    concepts: set[tuple[int, int]]) -> dict[tuple[int, int], list[str]]:
    """Merge overlapping spans into one mention carrying all their issues.

    A term's span inside a longer one of other issues is part of that term ("the dam" in
    "the dam's locks") and is dropped; a concept's span is not, since coordinated objects
    nest ("accession to NATO and the EU" holds "accession to NATO").
    """
    inner = {
        (s, e) for (s, e), issues in spans.items()
        if (s, e) not in concepts and any((s2, e2) != (s, e) and s2 <= s and e <= e2 and not set(issues) & set(other)
               for (s2, e2), other in spans.items())
    }
    merged: list[tuple[int, int, list[str]]] = []
    for (start, end), issues in sorted(spans.items()):
        if (start, end) in inner:
            continue
        if merged and start < merged[-1][1]:
            last_start, last_end, last_issues = merged[-1]
            merged[-1] = (last_start, max(end, last_end), last_issues + [i for i in issues if i not in last_issues])
        else:
            merged.append((start, end, list(issues)))
    return {(start, end): issues for start, end, issues in merged}
