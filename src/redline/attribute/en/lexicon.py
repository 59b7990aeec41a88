"""The attribution lexicon: cue words, quotation marks and speaker nouns, loaded from YAML.

The lexicon is data (``attribute/en/attribution.yaml``), validated on load with pydantic so that
a user who extends it gets one line naming the file and the field that is wrong.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from redline.lexicon_loader import load_lexicon_file

DEFAULT_LEXICON = Path(__file__).resolve().parent / "attribution.yaml"
# The kinds of act a reporting verb reports, from "said" to "a study found".
FRAMES = ("speech", "assertion", "evaluation", "intention", "thought", "evidence")

Word = Annotated[str, Field(min_length=1)]
Score = Annotated[float, Field(ge=0.0, le=1.0)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuoteMark(_Strict):
    """An opening quotation mark and the marks that close it."""

    open: Annotated[str, Field(min_length=1, max_length=1)]
    close: list[Annotated[str, Field(min_length=1, max_length=1)]] = Field(min_length=1)


def _words(value: list[str] | str | None) -> frozenset[str]:
    """One word or a list of words as a set ("on" or [about, on])."""
    if value is None:
        return frozenset()
    return frozenset([value] if isinstance(value, str) else value)


class PhrasalCue(_Strict):
    """A verb that reports speech only with a particle, a preposition or a fixed object."""

    verb: list[Word] | Word
    particle: Word | None = None
    prep: list[Word] | Word | None = None
    object: list[Word] | Word | None = None

    @property
    def verbs(self) -> frozenset[str]:
        """The verb lemmas the cue is written with ("stress", "underline" the need for)."""
        return _words(self.verb)

    @property
    def objects(self) -> frozenset[str]:
        """The fixed object lemmas, if any ("alarm" in "sound the alarm about")."""
        return _words(self.object)

    @property
    def preps(self) -> frozenset[str]:
        """The prepositions that introduce the content, if any ("about", "of")."""
        return _words(self.prep)


class Confidence(_Strict):
    """How sure each kind of attribution is; factors are multiplied together."""

    direct: Score
    indirect: Score
    mixed: Score
    continuation: Score
    pronoun: Score
    role: Score
    unresolved: Score
    headline: Score
    passive: Score
    thought: Score
    evidence: Score
    nested: Score


def _lower(words: list[str]) -> list[str]:
    return [w.lower() for w in words]


class Lexicon(_Strict):
    """Every word list the attribution stage reads; see attribution.yaml for each field."""

    quote_marks: list[QuoteMark] = Field(min_length=1)
    quote_dashes: list[Annotated[str, Field(min_length=1, max_length=1)]]
    clause_cues: dict[str, list[Word]] = Field(min_length=1)
    object_cues: dict[str, list[Word]]
    as_cues: list[Word]
    intent_cues: list[Word]
    adjective_cues: list[Word]
    headline_cues: list[Word] = []
    phrasal_cues: list[PhrasalCue]
    nominal_cues: list[Word]
    source_phrases: list[Word]
    possessive_sources: list[Word]
    pronouns: dict[str, list[Word]]
    genders: dict[str, list[Word]]
    quoting_verbs: list[Word]
    aspect_verbs: list[Word]
    relative_pronouns: list[Word]
    place_prepositions: list[Word] = []
    destination_prepositions: list[Word] = []
    time_prepositions: list[Word] = []
    quote_cues: list[Word] = []
    anonymity_words: list[Word] = []
    honorifics: list[Word]
    abbreviations: list[Word]
    person_roles: list[Word]
    agent_suffixes: list[Word]
    role_classes: dict[str, list[Word]]
    organisation_nouns: list[Word]
    gathering_nouns: list[Word] = []
    kind_nouns: list[Word]
    issued_nouns: list[Word]
    issuing_verbs: list[Word] = []
    group_nouns: list[Word]
    outlet_nouns: list[Word]
    confidence: Confidence

    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    @field_validator(
        "as_cues", "intent_cues", "adjective_cues", "headline_cues", "nominal_cues", "source_phrases", "possessive_sources",
        "quoting_verbs", "aspect_verbs", "relative_pronouns", "place_prepositions", "destination_prepositions",
        "time_prepositions", "quote_cues", "anonymity_words", "honorifics", "abbreviations", "person_roles", "agent_suffixes", "organisation_nouns", "gathering_nouns", "kind_nouns",
        "issued_nouns", "issuing_verbs", "group_nouns",
        "outlet_nouns",
    )
    @classmethod
    def _lowercase(cls, words: list[str]) -> list[str]:
        return _lower(words)

    @model_validator(mode="before")
    @classmethod
    def _gatherings_are_bodies(cls, data: Any) -> Any:
        """A gathering speaks as a body does: its nouns are organisation nouns too."""
        if isinstance(data, dict) and data.get("gathering_nouns"):
            data = {**data, "organisation_nouns": [*data.get("organisation_nouns", []), *data["gathering_nouns"]]}
        return data

    @field_validator("clause_cues", "object_cues")
    @classmethod
    def _known_frames(cls, frames: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = set(frames) - set(FRAMES)
        if unknown:
            raise ValueError(f"unknown frame {sorted(unknown)[0]!r} ({', '.join(FRAMES)})")
        return {frame: _lower(words) for frame, words in frames.items()}

    @field_validator("pronouns")
    @classmethod
    def _known_kinds(cls, pronouns: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = set(pronouns) - {"person", "organisation", "group"}
        if unknown:
            raise ValueError(f"unknown pronoun kind {sorted(unknown)[0]!r} (person, organisation, group)")
        return {kind: _lower(words) for kind, words in pronouns.items()}

    @field_validator("genders")
    @classmethod
    def _known_genders(cls, genders: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = set(genders) - {"feminine", "masculine"}
        if unknown:
            raise ValueError(f"unknown gender {sorted(unknown)[0]!r} (feminine, masculine)")
        return {gender: _lower(words) for gender, words in genders.items()}

    def gender(self, words: list[str]) -> str | None:
        """'feminine' or 'masculine' when the words tell one gender only ("Ms", "spokesman")."""
        found = {g for g, known in self.genders.items() for w in words if w.lower().rstrip(".") in known}
        return found.pop() if len(found) == 1 else None

    @cached_property
    def clause_lemmas(self) -> frozenset[str]:
        """Every verb that reports speech with a clause, whatever its frame."""
        return frozenset(w for words in self.clause_cues.values() for w in words)

    @cached_property
    def quote_lemmas(self) -> frozenset[str]:
        """Every verb that reports a quote beside it: the clause cues and the quote-only ones."""
        return self.clause_lemmas | frozenset(self.quote_cues)

    @cached_property
    def object_lemmas(self) -> frozenset[str]:
        """Every verb whose object is what was said, whatever its frame."""
        return frozenset(w for words in self.object_cues.values() for w in words)

    def frame(self, lemma: str) -> str | None:
        """The frame a verb reports in ("believe" -> thought); speech wins a tie."""
        for frame in FRAMES:
            if lemma in self.clause_cues.get(frame, ()) or lemma in self.object_cues.get(frame, ()):
                return frame
        return None

    @cached_property
    def closers(self) -> dict[str, frozenset[str]]:
        """Opening mark -> the closing marks that end it."""
        return {m.open: frozenset(m.close) for m in self.quote_marks}

    @cached_property
    def closing_marks(self) -> frozenset[str]:
        """Every mark that can close a quote."""
        return frozenset(c for m in self.quote_marks for c in m.close)

    @cached_property
    def all_marks(self) -> frozenset[str]:
        """Every quotation mark, opening or closing."""
        return frozenset(self.closers) | self.closing_marks

    @cached_property
    def cue_lemmas(self) -> frozenset[str]:
        """Every verb lemma that can carry a statement in some frame."""
        phrasal = {v for c in self.phrasal_cues for v in c.verbs}
        return self.clause_lemmas | self.object_lemmas | frozenset((*self.as_cues, *self.intent_cues)) | phrasal

    def pronoun_kind(self, word: str) -> str | None:
        """'person', 'organisation' or 'group' for a speaker pronoun, else None."""
        for kind, words in self.pronouns.items():
            if word.lower() in words:
                return kind
        return None

    def role_class(self, word: str) -> frozenset[str]:
        """The role nouns a role noun may refer back to ("analyst" -> expert, fellow, ...)."""
        word = word.lower()
        related = {word}
        for members in self.role_classes.values():
            if word in members:
                related.update(members)
        return frozenset(related)


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load and validate an attribution lexicon (the shipped one by default)."""
    return load_lexicon_file(path or DEFAULT_LEXICON, Lexicon)
