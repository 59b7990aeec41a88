"""Small readings of natasha's parse that the Russian positioner asks of a token or a match."""

from __future__ import annotations

from dataclasses import replace

from redline.attribute.ru.parse import Parsed, Token
from redline.position.ru.lemmas import Match

_SUBJECT = ("nsubj", "nsubj:pass")


def refusal(tokens: tuple[Token, ...], cue: Match) -> Match:
    """A refusal word is an "oppose" cue when it stands as a whole answer, punctuation after it."""
    if cue.label != "refusal":
        return cue
    after = tokens[cue.last + 1].text if cue.last + 1 < len(tokens) else "."
    return replace(cue, label="oppose" if not any(c.isalnum() for c in after) else "refusal")


def verb_of(tokens: tuple[Token, ...], mention: Match) -> int | None:
    """The verb a term is or begins right after: "отправит войска" (a term of the verb, or of its object)."""
    first = tokens[mention.first]
    if first.pos == "VERB":
        return first.index
    if first.rel == "obj" and first.head == first.index - 1 and tokens[first.index - 1].pos == "VERB":
        return first.index - 1
    return None


def speaks_from(parsed: Parsed, token: Token) -> bool:
    """A place that speaks for its party: "В Кремле допускают уступки" is the Kremlin's view.

    The place is a locative with "в" or "на" on a subjectless predicate in the third person
    plural (the impersonal "they" of Russian reporting: "в союзе считают", "в столице
    заявили", "на Западе готовы").
    """
    if token.rel != "obl" or token.feats.get("Case") != "Loc" or token.head is None:
        return False
    if not any(c.lemma in ("в", "во", "на") for c in parsed.children(token.index)):
        return False
    verb = parsed.tokens[token.head]
    if verb.pos not in ("VERB", "ADJ") or verb.feats.get("Number") != "Plur" or verb.feats.get("Person", "3") != "3":
        return False
    return not any(c.rel in _SUBJECT for c in parsed.children(verb.index))
