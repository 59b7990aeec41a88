"""The per-document pipeline: one function that calls every analysis stage in order.

Both the local engine and a distributed one map :func:`process` over documents; it reads
no store and no command line, only the document and the loaded models. Attribution and
positions are per language: the document's language picks the implementation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from redline.attribute import Attributor
from redline.models import Document, Position, Statement
from redline.position import Pack, Positioner, load_pack


@dataclass
class LanguageModels:
    """The attributor and positioner of one language."""

    attributor: Attributor
    positioner: Positioner


@dataclass
class Models:
    """The loaded models and pack a pipeline run needs, built once per process."""

    pack: Pack
    languages: dict[str, LanguageModels] = field(default_factory=dict)
    # Texts too short for the language detector are read as this language.
    default_language: str = "en"

    @property
    def signature(self) -> tuple[str, str]:
        """(pack, model) names, recorded with each analysis so a change re-runs it."""
        return self.pack.name, "+".join(m.attributor.model_name for m in self.languages.values())

    def for_language(self, language: str | None) -> LanguageModels | None:
        """The implementation for a document's language (None: no pipeline for it)."""
        return self.languages.get(language or self.default_language)


def load_models(settings: Mapping[str, Any]) -> Models:
    """Load the pack and, for every language with an implementation, its models."""
    from redline.attribute.en import EnglishAttributor
    from redline.position.en import EnglishPositioner

    pack = load_pack(settings["pack"])
    attributor = EnglishAttributor(settings["model"])
    english = LanguageModels(attributor, EnglishPositioner(pack, attributor.nlp))
    return Models(pack, {"en": english})


def process(document: Document, models: Models) -> tuple[list[Statement], list[Position]]:
    """Analyse one document: its statements (with actors) and its positions."""
    language = models.for_language(document.language)
    if language is None:
        return [], []
    # 1. Attribution: who said what, with cue and exact content span.
    statements = language.attributor.statements(document)
    # 2. Positions: speakers to actors, statements and reporting to issues and stances.
    return language.positioner.positions(document, statements)
