"""Syntax: what the dependency parse says about a span, looked up by character offset.

The position stage works on character offsets; the parse (the attribution stage's, or
one made here line by line) is indexed once per document so that a holder or a cue can
ask what role the words at an offset play ("Moscow" in "warns Moscow wants X" is the
subject of "wants", not the object of "warns").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
# Words that only modify a noun, whatever their part of speech.
_MODIFIERS = frozenset({"amod", "compound"})
# Heads climbed from a word to the verb over it ("neutral" -> "stay").
_VERB_CLIMB = 3
# A verb that tells of a done act: past or present, not an infinitive or a participle.
_DONE = frozenset({"VBD", "VBZ", "VBP"})
# Modals that promise an act rather than guess at it ("will send", not "may send").
_PROMISE = frozenset({"will", "would", "shall", "'ll", "’ll"})
# Clauses whose act is not told as done: a condition, a purpose, a question of whether.
_UNDONE_MARKS = frozenset({"if", "unless", "whether", "once", "until", "lest"})


def parse_lines(nlp: Language, text: str) -> list[Doc]:
    """The text parsed line by line (a headline is its own unit), each Doc with its offset."""
    lines: list[tuple[int, str]] = []
    cursor = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((cursor, line))
        cursor += len(line) + 1
    # Entities play no part in concepts or holders; skipping them saves a third of the parse.
    skip = [name for name in ("ner",) if name in nlp.pipe_names]
    docs = list(nlp.pipe((line for _, line in lines), disable=skip))
    for (offset, _), doc in zip(lines, docs):
        doc.user_data["offset"] = offset
    return docs


class Syntax:
    """A document's parse indexed by the character offset where each token starts."""

    def __init__(self, parse: Sequence[Doc] = ()) -> None:
        self._tokens: dict[int, Token] = {}
        for doc in parse:
            offset = int(doc.user_data.get("offset", 0))
            for token in doc:
                self._tokens[offset + token.idx] = token

    def _last_token(self, start: int, end: int) -> Token | None:
        """The token starting last in ``[start, end)``: the head of a name ("Prime Minister X")."""
        starts = [s for s in range(end - 1, start - 1, -1) if s in self._tokens]
        return self._tokens[starts[0]] if starts else None

    def subject_of_clause(self, start: int, end: int) -> bool:
        """Whether the words at ``[start, end)`` are the subject of a finite verb of their own.

        "The mayor warned Moscow wants X": Moscow is the subject of "wants", so the verb
        before it does not take it as its object.
        """
        token = self._last_token(start, end)
        if token is None or token.dep_ not in _SUBJECTS:
            return False
        verb = token.head
        return verb.tag_ in _FINITE or any(child.tag_ == "MD" for child in verb.children)

    def main_subject(self, start: int, end: int) -> bool:
        """Whether the words at ``[start, end)`` are the subject of their sentence's main verb.

        "Later Roe said Doe wants X. He added ...": "he" is more likely Roe, the main
        subject, than Doe, the last person named.
        """
        token = self._last_token(start, end)
        return token is not None and token.dep_ in _SUBJECTS and token.head.dep_ == "ROOT"

    def passive_agent(self, start: int, end: int) -> tuple[int, int] | None:
        """Where the agent phrase of the passive verb whose subject is ``[start, end)`` lies.

        "Kyiv was barred by Oslo from joining", "Kyiv would be kept out by a Danish veto":
        the "by" phrase names who acts, and the subject only undergoes it. None where the
        subject is no passive subject or its verb names no agent ("Kyiv is determined to").
        """
        token = self._last_token(start, end)
        while token is not None and token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        if token is None or token.dep_ != "nsubjpass":
            return None
        agent = next((c for c in token.head.children if c.dep_ == "agent"), None)
        if agent is None:
            return None
        base = int(agent.doc.user_data.get("offset", 0))
        last = agent.right_edge
        return base + agent.idx, base + last.idx + len(last.text)

    def _verb_over(self, start: int, end: int) -> Token | None:
        """The verb a span opens with, or the nearest verb above its first word; a
        participle used as an adjective ("a written pledge") is no verb of its own."""
        token = next((self._tokens[i] for i in range(start, end) if i in self._tokens), None)
        for _ in range(_VERB_CLIMB):
            if token is None or (token.pos_ in ("VERB", "AUX") and token.dep_ not in _MODIFIERS):
                return token
            token = token.head if token.head.i != token.i else None
        return None

    def told_past(self, start: int, end: int) -> bool:
        """Whether a verb in ``[start, end)`` is in the simple past ("before the talks began")."""
        return any(self._tokens[i].tag_ == "VBD" for i in range(start, end) if i in self._tokens)

    def conjunct_apart(self, cue: tuple[int, int], span: tuple[int, int]) -> bool:
        """Whether a cue sits in the phrase of the verb the span's verb is a conjunct of.

        "wants to block the levy and to give up the claim": "block" governs the levy, not
        the giving up, which "wants" governs.
        """
        word = self._last_token(*cue)
        verb = self._verb_over(*span)
        if word is None or verb is None or verb.doc is not word.doc or verb.dep_ != "conj":
            return False
        # The cue sits in the first conjunct's phrase, outside the span's own conjunct.
        head = verb.head
        return head.left_edge.i <= word.i <= head.right_edge.i \
            and not verb.left_edge.i <= word.i <= verb.right_edge.i

    def deed(self, span: tuple[int, int], subjects: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
        """The verb in ``span`` that tells of an act done by one of ``subjects`` (its offsets).

        "Israel struck the sites", "the E3 have triggered the mechanism": an actor doing
        the issue's act holds it, and so does one plainly promising it ("Oslo will send
        monitors", "said it would sign"). A verb that is only wished or supposed ("may
        strike", "threatened to strike", "if they strike") or denied ("did not strike")
        tells of no act.
        """
        for offset in range(*span):
            verb = self._tokens.get(offset)
            if verb is None or verb.pos_ != "VERB" or not _told_as_done(verb):
                continue
            agents = [t for t in verb.children if t.dep_ in _SUBJECTS]
            if verb.dep_ == "conj" and not agents:
                agents = [t for t in verb.head.children if t.dep_ in _SUBJECTS]
            words = [w for a in agents for w in (a, *a.conjuncts)]
            base = int(verb.doc.user_data.get("offset", 0))
            if any(s <= base + w.idx < e for w in words for s, e in subjects):
                return base + verb.idx, base + verb.idx + len(verb.text)
        return None


    def mandative(self, start: int, end: int, governors: frozenset[str]) -> bool:
        """Whether the verb at ``[start, end)`` is in the mood of a demand: a bare verb
        with its own subject, in the clause of a verb of demand (lemmas ``governors``),
        "demands that Kyiv drop its bid", "insisted that the allies halt the flights".
        What such a clause says is asked of its subject, not done or wanted by it. A
        plural subject after a present-tense demand ("asks that the allies halt") reads
        the same as an indicative, and is taken as asked too.
        """
        verb = self._tokens.get(start)
        if verb is None or verb.pos_ != "VERB" or verb.tag_ not in ("VB", "VBP"):
            return False
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in governors:
            return False
        children = list(verb.children)
        return any(c.dep_ in _SUBJECTS for c in children) and not any(c.dep_ in ("aux", "auxpass") for c in children)


def _told_as_done(verb: Token) -> bool:
    """Whether a verb tells of its act as done or plainly promised: past or present, or
    after "will"/"would", with no other modal, negation or conditional mark on it, nor on
    the verb it is a conjunct of."""
    children = list(verb.children) + (list(verb.head.children) if verb.dep_ == "conj" else [])
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in children)
    # "Oslo will send monitors", "said Quito would sign": a plain promise of the act.
    promised = verb.tag_ == "VB" and any(c.tag_ == "MD" and c.lower_ in _PROMISE for c in children)
    if verb.tag_ not in _DONE and not perfect and not promised:
        return False
    if any((c.tag_ == "MD" and c.lower_ not in _PROMISE) or c.dep_ == "neg" for c in children):
        return False
    return not any(c.dep_ == "mark" and c.lower_ in _UNDONE_MARKS for c in children)
