"""Russian text through natasha: tokens with lemmas, morphology and syntax, and named entities.

natasha's models (navec embeddings, slovnet morphology, syntax and NER) ship inside its
PyPI packages and load from there; nothing is downloaded. They are loaded once per
process and only when the first Russian document appears, so an English-only run never
pays for them. Text is parsed line by line: a headline or a caption has no final full
stop, and natasha's sentence splitter would run it into the next paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
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
        # The parser can close a cycle of heads: each token is visited once.
        seen = {head}
        while stack:
            for child in self.children(stack.pop()):
                if child.index not in seen:
                    seen.add(child.index)
                    low, high = min(low, child.index), max(high, child.index)
                    stack.append(child.index)
        return low, high

    def ancestors(self, index: int) -> list[Token]:
        """The heads above ``index``, nearest first, each once (the parser can close a cycle)."""
        out: list[Token] = []
        seen = {index}
        head = self.tokens[index].head
        while head is not None and head not in seen:
            seen.add(head)
            out.append(self.tokens[head])
            head = self.tokens[head].head
        return out

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


def _natasha_doc(text: str, lines: bool = False, full: bool = True) -> Any:
    """One natasha Doc with every layer this module reads, its sentences in one batch.

    With ``lines``, sentences never cross a line break: each line is split on its own.
    Without ``full``, only morphology (for lemmas): no syntax, no names.
    """
    from natasha import Doc
    from natasha.doc import DocSent

    models = _models()
    doc = Doc(text)
    doc.segment(models.segmenter)
    if lines:
        doc.sents = [DocSent(line.start() + s.start, line.start() + s.stop, s.text)
                     for line in _LINE.finditer(text) for s in models.segmenter.sentenize(line.group())]
        doc.envelop_sent_tokens()
    doc.tag_morph(models.morph)
    if full:
        doc.parse_syntax(models.syntax)
        doc.tag_ner(models.ner)
    return doc


@lru_cache(maxsize=16)
def parse(text: str) -> Parsed:
    """Parse a Russian text (cached: attribution and positions read the same parse)."""
    vocab = _models().vocab
    doc = _natasha_doc(text, lines=True)
    line_starts = [m.start() for m in _LINE.finditer(text)]
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    for sent in doc.sents:
        first = len(tokens)
        ids = {t.id: first + k for k, t in enumerate(sent.tokens)}
        for k, tok in enumerate(sent.tokens):
            tok.lemmatize(vocab)
            tokens.append(Token(
                first + k, tok.start, tok.stop, tok.text, (tok.lemma or tok.text).lower(),
                tok.pos or "X", dict(tok.feats or {}), ids.get(tok.head_id), tok.rel or "", len(sentences),
            ))
        line = bisect_right(line_starts, sent.start) - 1
        sentences.append(Sentence(sent.start, sent.stop, first, len(tokens), line))
    starts = [t.start for t in tokens]
    names: list[Name] = []
    for span in doc.spans:
        span.normalize(vocab)
        stop, normal = span.stop, span.normal or span.text
        if "\n" in span.text:
            # NER reads the whole text: a name never runs past its line.
            stop = span.start + span.text.index("\n")
            normal = text[span.start:stop]
        first, last = bisect_left(starts, span.start), bisect_left(starts, stop) - 1
        if first <= last:
            names.append(Name(span.type, span.start, stop, text[span.start:stop], normal, first, last))
    return Parsed(text, tuple(tokens), tuple(sentences), tuple(names))


def lemmatise(texts: Sequence[str]) -> list[tuple[Token, ...]]:
    """The tokens of short texts (pack phrases, speaker names) with dictionary lemmas.

    No model runs: each word takes pymorphy2's likeliest lemma, which for a phrase written
    in its citation form is the word's own. Matching compares a token's lemma and its text
    with both (``position/ru/lemmas.py``), so a lemma the tagger chose in context still meets.
    """
    models = _models()
    out = []
    for number, text in enumerate(texts):
        words = [w for w in models.segmenter.tokenize(text) if any(c.isalnum() for c in w.text) or w.text == "*"]
        out.append(tuple(Token(k, w.start, w.stop, w.text, _dictionary_lemma(w.text), "X", {}, None, "", number)
                         for k, w in enumerate(words)))
    return out


@lru_cache(maxsize=4096)
def _dictionary_lemma(word: str) -> str:
    parses = _models().vocab.parse(word)
    return (parses[0].normal_form if parses else word).lower()


def bare_parse(texts: Iterable[str]) -> int:
    """Parse texts with bare natasha (every layer redline uses) and count tokens: the benchmark baseline."""
    count = 0
    for text in texts:
        count += len(_natasha_doc(text).tokens)
    return count
