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
