"""What every reported-speech frame shares: the candidate record and content bounds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from redline.attribute.en.parse import end_offset, offset


# Complements that belong to what a cue reports; words that stand for it without saying it.
OBJECT_DEPS = frozenset({"dobj", "dative", "oprd", "prep", "xcomp", "ccomp", "acomp", "attr", "prt", "advcl",
                         "npadvmod", "advmod"})
FILLER = frozenset({"it", "them", "this", "that", "so", "something"})


@dataclass(frozen=True)
class Candidate:
    """A reported statement before its speaker is named: cue, speaker head, content bounds.

    ``nested`` marks a statement reported inside another's content ("aides said the mayor
    had told them that …"): it stays a record of its own.
    """

    frame: str
    speaker: Token | None
    start: int
    end: int
    cue: list[Token]
    extent: tuple[int, int]
    nested: bool = False


def bounds(tokens: list[Token]) -> tuple[int, int] | None:
    """Content bounds of a token run, without a leading "that" or punctuation at either end."""
    while tokens and ((tokens[0].is_punct and tokens[0].text not in "“«‘\"'") or tokens[0].is_space
                      or (tokens[0].lower_ == "that" and (tokens[0].dep_ == "mark" or tokens[0].tag_ == "IN"))):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in ".,;:—–-" or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not any(t.is_alpha for t in tokens):
        return None
    return offset(tokens[0]), end_offset(tokens[-1])


def run(sent: Span, first: int, last: int) -> list[Token]:
    """The tokens from index ``first`` to ``last`` (inclusive) of the sentence's document."""
    return list(sent.doc[first : last + 1])


def candidate(frame: str, speaker: Token | None, found: tuple[int, int], cue: list[Token]) -> Candidate:
    """A candidate whose extent spans its content, its cue and its speaker."""
    points = [found[0], found[1], offset(cue[0]), end_offset(cue[-1])]
    if speaker is not None:
        points += [offset(speaker.left_edge), end_offset(speaker)]
    return Candidate(frame, speaker, found[0], found[1], cue, (min(points), max(points)))


def right_content(verb: Token, begin: Token, is_cue: Callable[[Token], bool]) -> tuple[int, int] | None:
    """From ``begin`` to the end of the cue's right-hand complements, before a new cue."""
    last = begin.right_edge.i
    children = sorted((c for c in verb.children if c.i > begin.i), key=lambda c: c.i)
    for k, child in enumerate(children):
        if child.dep_ == "cc" and k + 1 < len(children) and _nominal_conjunct(children[k + 1]):
            continue
        if _nominal_conjunct(child) and begin.pos_ in ("NOUN", "PROPN"):
            # "calls for ceasefire and renewed peace talks": the parser hung the second
            # object on the verb; a noun with no verb or subject of its own is still said.
            last = max(last, child.right_edge.i)
            continue
        if child.dep_ in ("conj", "cc") or (child.dep_ == "advcl" and is_cue(child)):
            break
        if child.dep_ in OBJECT_DEPS:
            last = max(last, child.right_edge.i)
    return bounds(run(verb.sent, begin.left_edge.i, last))


def _nominal_conjunct(token: Token) -> bool:
    """A conjunct of a verb that is a bare noun phrase: no subject, no verb of its own."""
    return token.dep_ == "conj" and token.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children)
