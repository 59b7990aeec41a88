"""The Russian attribution lexicon: cue lemmas, quotation marks and speaker nouns, from YAML.

The lexicon is data (``attribute/ru/attribution.yaml``), validated on load with pydantic so
that a user who extends it gets one line naming the file and the field that is wrong.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from redline.lexicon_loader import load_lexicon_file

DEFAULT_LEXICON = Path(__file__).resolve().parent / "attribution.yaml"

Word = Annotated[str, Field(min_length=1)]
Mark = Annotated[str, Field(min_length=1, max_length=1)]


class QuoteMark(BaseModel):
    """An opening quotation mark and the marks that close it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    open: Mark
    close: list[Mark] = Field(min_length=1)


class According(BaseModel):
    """A prepositional source frame: "по словам X", "согласно X"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    prep: Word
    noun: Word | None = None


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


class Lexicon(BaseModel):
    """Every word list Russian attribution reads; see attribution.yaml for each field."""

    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    speech_verbs: list[Word] = Field(min_length=1)
    clause_only: list[Word]
    object_verbs: list[Word]
    phrasal_objects: list[list[Word]]
    belief_words: list[Word]
    complementizers: list[Word]
    according: list[According]
    anaphoric_objects: list[Word]
    impersonal: list[Word]
    quote_marks: list[QuoteMark] = Field(min_length=1)
    dashes: list[Mark] = Field(min_length=1)
    pronouns: dict[str, Word]
    generic_roles: list[Word]
    specific_roles: list[Word]
    relays: list[Word]
    relay_verbs: list[Word]
    anaphoric_leads: list[list[Word]] = [["о", "это"], ["об", "это"]]
    offices: list[list[Word]] = []
    bodies: list[list[Word]] = []
    seats: list[Word] = []
    speakerless: list[Word] = []

    @field_validator("speech_verbs", "clause_only", "object_verbs", "belief_words", "complementizers",
                     "anaphoric_objects", "impersonal", "generic_roles", "specific_roles", "relays",
                     "relay_verbs", "seats", "speakerless")
    @classmethod
    def _normalise(cls, words: list[str]) -> list[str]:
        return [_norm(w) for w in words]

    @field_validator("phrasal_objects")
    @classmethod
    def _phrases(cls, phrases: list[list[str]]) -> list[list[str]]:
        if any(len(p) < 2 for p in phrases):
            raise ValueError("a phrasal object is a verb and at least one word after it")
        return [[_norm(w) for w in p] for p in phrases]

    @field_validator("anaphoric_leads")
    @classmethod
    def _leads(cls, leads: list[list[str]]) -> list[list[str]]:
        if any(not lead for lead in leads):
            raise ValueError("an anaphoric lead has at least one word")
        return [[_norm(w) for w in lead] for lead in leads]

    @field_validator("offices", "bodies")
    @classmethod
    def _groups(cls, groups: list[list[str]]) -> list[list[str]]:
        if any(len(g) < 2 for g in groups):
            raise ValueError("a group names at least two words")
        return [[_norm(w) for w in g] for g in groups]

    def office(self, role: str) -> frozenset[str]:
        """The role nouns of ``role``'s office, itself included."""
        return frozenset(w for g in self.offices if role in g for w in g) | {role}

    def body(self, words: set[str]) -> frozenset[str]:
        """The words naming the bodies ``words`` name."""
        return frozenset(w for g in self.bodies if words & set(g) for w in g) | frozenset(words)

    @field_validator("pronouns")
    @classmethod
    def _genders(cls, pronouns: dict[str, str]) -> dict[str, str]:
        unknown = set(pronouns.values()) - {"Masc", "Fem", "Plur"}
        if unknown:
            raise ValueError(f"unknown gender {sorted(unknown)[0]!r} (Masc, Fem, Plur)")
        return {_norm(k): v for k, v in pronouns.items()}

    @cached_property
    def closers(self) -> dict[str, frozenset[str]]:
        """Opening mark -> the closing marks that end it."""
        return {m.open: frozenset(m.close) for m in self.quote_marks}

    @cached_property
    def all_marks(self) -> frozenset[str]:
        """Every quotation mark, opening or closing."""
        return frozenset(self.closers) | frozenset(c for m in self.quote_marks for c in m.close)

    @cached_property
    def cues(self) -> frozenset[str]:
        """Every lemma that can carry a statement."""
        return frozenset((*self.speech_verbs, *self.object_verbs, *self.belief_words, *self.impersonal,
                          *(p[0] for p in self.phrasal_objects)))

    @cached_property
    def roles(self) -> frozenset[str]:
        """Every role noun, generic or specific."""
        return frozenset((*self.generic_roles, *self.specific_roles))


def lemma_key(word: str) -> str:
    """The form lexicon entries and token lemmas are compared in (lower case, ё as е)."""
    return _norm(word)


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load and validate a Russian attribution lexicon (the shipped one by default)."""
    return load_lexicon_file(path or DEFAULT_LEXICON, Lexicon)
