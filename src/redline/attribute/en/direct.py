"""Who said a quote: the attribution clause after it, before it, or the quote before it.

A quote that stands as its own sentence is attributed by the clause that follows it
('"…," Mr Peskov told reporters'), else by a clause that introduces it ('Lavrov said: "…"').
A quote with neither continues the statement just before it: the second half of a split
quote ('"X," he said. "Y."'), the next paragraph of a long quote, a quote closing a
paragraph of reported speech. A quote inside a sentence ('called it a "red line"') is not
a statement of its own: reported speech picks it up as mixed.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from redline.attribute.en.lexicon import Lexicon
from redline.attribute.en.parse import Parsed, end_offset, offset
from redline.attribute.en.quotes import LINE_MARKS, Quote, sentence_end, sentence_start
from redline.attribute.en.cues import subject
from redline.attribute.en.speakers import mention

# Longest attribution clause, in tokens, before the cue ("Kremlin spokesman Dmitry Peskov
# told reporters ..." is six).
_MAX_LEAD = 14
# Longest run between an introducing cue and the quote ("said on Tuesday:").
_MAX_INTRO_GAP = 8


@dataclass(frozen=True)
class Attribution:
    """A cue verb and the head of its speaker, with the bounds of the whole clause."""

    cue: Token
    speaker: Token
    start: int
    end: int


def attribution_at(parsed: Parsed, lexicon: Lexicon, start: int, end: int) -> Attribution | None:
    """The attribution clause that opens ``text[start:end]`` ("the minister said"), if any."""
    tokens = [t for t in parsed.tokens_between(start, end) if not t.is_punct]
    if not tokens:
        return None
    for cue in tokens[:_MAX_LEAD]:
        if cue.pos_ not in ("VERB", "AUX") or cue.lemma_.lower() not in lexicon.quote_lemmas:
            continue
        speaker = subject(cue, lexicon) or _nearest_name(tokens, cue)
        if speaker is None or mention(speaker, lexicon) is None:
            return None
        inside = start <= offset(speaker) < end
        # The clause must start with its speaker or its cue, not with more quoted text.
        if inside and _opens_clause(tokens[0], cue, speaker):
            return Attribution(cue, speaker, offset(tokens[0]), end_offset(tokens[-1]))
        return None
    return None


def _nearest_name(tokens: list[Token], cue: Token) -> Token | None:
    """A named person or pronoun next to the cue, when the parser gave it no subject."""
    def last_of_name(t: Token) -> bool:
        """True for the last token of a person's name."""
        return t.ent_type_ == "PERSON" and (t.i + 1 >= len(t.doc) or t.doc[t.i + 1].ent_iob_ != "I")

    names = [t for t in tokens if t.i != cue.i and abs(t.i - cue.i) <= _MAX_LEAD
             and (last_of_name(t) or (t.pos_ == "PRON" and t.dep_ != "pobj"))]
    return min(names, key=lambda t: abs(t.i - cue.i)) if names else None


def _opens_clause(lead: Token, cue: Token, speaker: Token) -> bool:
    """True when the clause starts with its cue or its speaker's phrase ("one of them, X")."""
    if lead.i == cue.i or speaker.left_edge.i <= lead.i <= speaker.i:
        return True
    holder = speaker.head
    if speaker.dep_ == "appos" and holder.left_edge.i <= lead.i <= holder.i:
        return True
    # '"…," the paper quoted the envoy as saying': the clause opens with the relaying verb's subject.
    relay = cue.head.head if cue.dep_ == "pcomp" and cue.head.lower_ == "as" else None
    return relay is not None and relay.i == speaker.head.i and relay.left_edge.i <= lead.i <= relay.i


def standalone(text: str, quote: Quote, paragraph_start: int) -> str | None:
    """How a quote begins: 'line' or 'sentence' (its own sentence), 'comma'/'colon', or None."""
    before = quote.open_at - 1
    # A dash or bullet that leads the paragraph marks a quoted line ("-“We agree.”").
    while before >= paragraph_start and text[before] in " \t":
        before -= 1
    if before == paragraph_start and text[before] in LINE_MARKS:
        before -= 1
    if before < paragraph_start:
        return "line"
    mark = text[before]
    if mark in ".!?" or (mark in "\"”’»" and text[before - 1 : before] in (".", "!", "?", ",")):
        return "sentence"
    if mark == ",":
        return "comma"
    if mark == ":":
        return "colon"
    return None


def after(parsed: Parsed, lexicon: Lexicon, quote: Quote, paragraph_end: int) -> Attribution | None:
    """The attribution clause right after a quote's closing mark."""
    end = sentence_end(parsed.text, quote.close_at, paragraph_end, lexicon)
    return attribution_at(parsed, lexicon, quote.close_at, end) if end > quote.close_at else None


def before(parsed: Parsed, lexicon: Lexicon, quote: Quote, paragraph_start: int) -> Attribution | None:
    """An introducing clause ('Lavrov told reporters on Tuesday: "…"') before a quote."""
    text = parsed.text
    start = sentence_start(text, paragraph_start, quote.open_at, lexicon)
    tokens = [t for t in parsed.tokens_between(start, quote.open_at) if not t.is_punct]
    # Before a colon a verb that takes an object introduces the quote too ("She described
    # the plan as follows: …", "he outlined the terms: …").
    colon = text[:quote.open_at].rstrip(" \t\n" + LINE_MARKS).endswith(":")
    lemmas = lexicon.quote_lemmas | lexicon.object_lemmas if colon else lexicon.quote_lemmas
    cues = [t for t in tokens if t.pos_ == "VERB" and t.lemma_.lower() in lemmas]
    if not cues:
        return None
    cue = cues[-1]
    gap = [t for t in tokens if t.i > cue.i]
    if len(gap) > _MAX_INTRO_GAP or any(t.lower_ == "that" for t in gap):
        return None
    speaker = subject(cue, lexicon)
    if speaker is None or mention(speaker, lexicon) is None or offset(speaker) < start:
        return None
    return Attribution(cue, speaker, offset(tokens[0]), end_offset(tokens[-1]))
