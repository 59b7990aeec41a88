"""Word families: a concept's head stands for its verb, noun and agent forms alike.

A pack writes the word it thinks of ("deployment", "entry", "guarantee"); an article
writes another form of it ("deploying", "entering NATO", "guarantors"). Each word is
cut down to its roots by the general English suffix pairs of ``concepts.yaml``
("withdrawal" -> "withdraw", "defence" -> "defend"); two words whose roots meet belong
to one family. A root keeps at least three letters, loses a final "e" and a doubled last
letter ("cede" and "ceding" meet at "ced", "cap" and "capping" at "cap").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from redline.lexicon_loader import load_lexicon_file

LEXICON = Path(__file__).resolve().parent / "concepts.yaml"
_MIN_ROOT = 3


class ConceptLexicon(BaseModel):
    """The English word-formation data concepts are matched with."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    suffixes: list[tuple[str, str]] = []
    families: list[list[str]] = []
    fixed: list[str] = []
    partitives: list[str] = []
    function_words: list[str] = []
    negations: list[str] = []


@lru_cache(maxsize=2)
def load_concept_lexicon(path: Path = LEXICON) -> ConceptLexicon:
    """The shipped concept lexicon, read once."""
    return load_lexicon_file(path, ConceptLexicon)


class Families:
    """Roots of words, so that two forms of one word can be told to be one family."""

    def __init__(self, lexicon: ConceptLexicon) -> None:
        self._suffixes = sorted(lexicon.suffixes, key=lambda pair: len(pair[0]), reverse=True)
        self._fixed = frozenset(w.lower() for w in lexicon.fixed)
        self._named = {w.lower(): f"family:{n}" for n, family in enumerate(lexicon.families) for w in family}
        self.roots = lru_cache(maxsize=50_000)(self._roots)

    def _roots(self, word: str) -> frozenset[str]:
        """The roots one word reduces to (the word itself among them)."""
        word = word.lower()
        found = {_normal(word)}
        if word in self._named:
            found.add(self._named[word])
        if word not in self._fixed:
            for suffix, replacement in self._suffixes:
                if word.endswith(suffix) and len(word) > len(suffix):
                    root = _normal(word[: len(word) - len(suffix)] + replacement)
                    if len(root) >= _MIN_ROOT:
                        found.add(root)
        return frozenset(found)

    def of_all(self, words: list[str]) -> frozenset[str]:
        """The roots of a list of words: what any of their family members reduces to."""
        return frozenset(root for word in words for root in self.roots(word))

    def member(self, forms: tuple[str, ...], roots: frozenset[str]) -> bool:
        """Whether any of a token's forms (lemma, surface) shares a root with ``roots``."""
        return any(not self.roots(form).isdisjoint(roots) for form in forms)


def _normal(root: str) -> str:
    """A root without its final "e" and doubled last letter, so that forms meet
    ("recognise" and "recognize" meet too)."""
    if root.endswith("ise"):
        root = root[:-3] + "ize"
    if root.endswith("e") and len(root) > _MIN_ROOT:
        root = root[:-1]
    if len(root) > _MIN_ROOT and root[-1] == root[-2]:
        root = root[:-1]
    return root
