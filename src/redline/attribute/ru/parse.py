"""Russian text through natasha: tokens with lemmas, morphology and syntax, and named entities.

natasha's models (navec embeddings, slovnet morphology, syntax and NER) ship inside its
PyPI packages and load from there; nothing is downloaded. They are loaded once per
process and only when the first Russian document appears, so an English-only run never
pays for them. Text is parsed line by line: a headline or a caption has no final full
stop, and natasha's sentence splitter would run it into the next paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MODEL_NAME = "natasha-news-v1"
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Token:
    """One token: its span in the text, lemma, part of speech, features and syntactic head."""

    index: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    feats: Mapping[str, str]
    head: int | None
    rel: str
    sentence: int


@dataclass(frozen=True)
class Name:
    """A named entity: PER, ORG or LOC, with its nominative (normalised) form."""

    kind: str
    start: int
    end: int
    text: str
    normal: str
    first: int
    last: int


@dataclass(frozen=True)
class Sentence:
    """A sentence: its character span, the range of its tokens and its line (paragraph)."""

    start: int
    end: int
    first: int
    last: int
    line: int


@dataclass(frozen=True)
class Parsed:
    """A parsed text: tokens, sentences and names, all with offsets into the text."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    names: tuple[Name, ...]

    def children(self, head: int) -> list[Token]:
        """The tokens whose syntactic head is ``head``."""
        sentence = self.sentences[self.tokens[head].sentence]
        return [t for t in self.tokens[sentence.first:sentence.last] if t.head == head]

    def subtree(self, head: int) -> tuple[int, int]:
        """The first and last token index of ``head``'s syntactic subtree."""
        low = high = head
        stack = [head]
        while stack:
            for child in self.children(stack.pop()):
                low, high = min(low, child.index), max(high, child.index)
                stack.append(child.index)
        return low, high

    def name_at(self, index: int) -> Name | None:
        """The named entity covering token ``index``, if any."""
        return next((n for n in self.names if n.first <= index <= n.last), None)


@dataclass(frozen=True)
class _Natasha:
    segmenter: Any
    morph: Any
    syntax: Any
    ner: Any
    vocab: Any


@lru_cache(maxsize=1)
def _models() -> _Natasha:
    """Load natasha's shipped models once per process (about a second)."""
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    embedding = NewsEmbedding()
    return _Natasha(Segmenter(), NewsMorphTagger(embedding), NewsSyntaxParser(embedding),
                    NewsNERTagger(embedding), MorphVocab())


def _natasha_doc(text: str) -> Any:
    """One natasha Doc with every layer this module reads."""
    from natasha import Doc

    models = _models()
    doc = Doc(text)
    doc.segment(models.segmenter)
    doc.tag_morph(models.morph)
    doc.parse_syntax(models.syntax)
    doc.tag_ner(models.ner)
    return doc


@lru_cache(maxsize=16)
def parse(text: str) -> Parsed:
    """Parse a Russian text (cached: attribution and positions read the same parse)."""
    vocab = _models().vocab
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    names: list[Name] = []
    for line, match in enumerate(_LINE.finditer(text)):
        if not match.group().strip():
            continue
        offset, line_first = match.start(), len(tokens)
        doc = _natasha_doc(match.group())
        for sent in doc.sents:
            first = len(tokens)
            ids = {t.id: first + k for k, t in enumerate(sent.tokens)}
            for k, tok in enumerate(sent.tokens):
                tok.lemmatize(vocab)
                tokens.append(Token(
                    first + k, offset + tok.start, offset + tok.stop, tok.text, (tok.lemma or tok.text).lower(),
                    tok.pos or "X", dict(tok.feats or {}), ids.get(tok.head_id), tok.rel or "", len(sentences),
                ))
            sentences.append(Sentence(offset + sent.start, offset + sent.stop, first, len(tokens), line))
        for span in doc.spans:
            span.normalize(vocab)
            inside = [t for t in tokens[line_first:] if t.start >= offset + span.start and t.end <= offset + span.stop]
            if inside:
                names.append(Name(span.type, offset + span.start, offset + span.stop, span.text,
                                  span.normal or span.text, inside[0].index, inside[-1].index))
    return Parsed(text, tuple(tokens), tuple(sentences), tuple(names))


def bare_parse(texts: Iterable[str]) -> int:
    """Parse texts with bare natasha (every layer redline uses) and count tokens: the benchmark baseline."""
    count = 0
    for text in texts:
        count += len(_natasha_doc(text).tokens)
    return count
