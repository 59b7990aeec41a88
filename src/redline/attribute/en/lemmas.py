"""The model's rule lemmatizer with every answer remembered, not only some.

spaCy's rule lemmatizer caches a lemma by (word, part of speech, morphology), but returns
before caching for a word already in its base form (``is_base_form`` then reads the
token's morphology into a dict, for every such token of every document): about half the
lemmatizer's time. The answer depends on that key alone, so remembering it for every key
gives the same lemmas.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Token

# Distinct (word, part of speech, morphology) keys remembered before the memory starts again.
_MEMO_LIMIT = 200_000


def cached_lemmas(nlp: Language, name: str = "lemmatizer") -> Language:
    """The pipeline with its rule lemmatizer's every answer remembered (same lemmas)."""
    if name not in nlp.pipe_names:
        return nlp
    lemmatizer = nlp.get_pipe(name)
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
        lemmatizer.lemmatize = _remembered(lemmatizer.rule_lemmatize)  # type: ignore[assignment]
    return nlp


def _remembered(lemmatize: Callable[[Token], list[str]]) -> Callable[[Token], list[str]]:
    memo: dict[tuple[int, int, int], list[str]] = {}

    def remembered(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]  # as spaCy reads it
        found = memo.get(key)
        if found is None:
            if len(memo) > _MEMO_LIMIT:
                memo.clear()
            found = memo[key] = lemmatize(token)
        return found

    return remembered
