"""The per-document pipeline: one function that calls every analysis stage in order.

Both the local engine and a distributed one map :func:`process` over documents; it reads
no store and no command line, only the document and the loaded models. Attribution and
positions are per language: the document's language picks the implementation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from redline.attribute import Attributor, BatchAttributor
from redline.models import Document, Position, Statement
from redline.position import Pack, Positioner, load_pack


Analysis = tuple[list[Statement], list[Position]]


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
    """Load the pack and, for every language with an implementation, its models.

    Settings name one model per language (``model`` for English, ``model_ru`` for
    Russian); the Russian models load on the first Russian document, not here.
    """
    from redline.attribute.en import EnglishAttributor
    from redline.attribute.ru import RussianAttributor
    from redline.position.en.positioner import EnglishPositioner
    from redline.position.ru.positioner import RussianPositioner

    pack = load_pack(settings["pack"], max_bytes=int(settings["yaml_max_bytes"]))
    attributor = EnglishAttributor(settings["model"], persons=pack.person_names())
    english = LanguageModels(attributor, _Deferred(pack, lambda: EnglishPositioner(pack, attributor.nlp, attributor.parse_of)))
    russian = LanguageModels(RussianAttributor(settings["model_ru"]), RussianPositioner(pack))
    return Models(pack, {"en": english, "ru": russian})


class _Deferred:
    """A positioner built on first use: the English one needs the spaCy pipeline, which a
    run that finds nothing new to analyse never loads."""

    language = "en"

    def __init__(self, pack: Pack, build: Callable[[], Positioner]) -> None:
        self.pack = pack
        self._build = build
        self._positioner: Positioner | None = None

    def _loaded(self) -> Positioner:
        if self._positioner is None:
            self._positioner = self._build()
        return self._positioner

    def actor_of(self, speaker: str, role: str | None) -> str | None:
        """The actor a speaker speaks for."""
        return self._loaded().actor_of(speaker, role)

    def positions(self, document: Document, statements: list[Statement]) -> tuple[list[Statement], list[Position]]:
        """Statements with their actors, and the document's positions."""
        return self._loaded().positions(document, statements)


def skipped(document: Document, models: Models) -> str | None:
    """Why a document gets no analysis (its language has no pipeline), or None."""
    if models.for_language(document.language) is not None:
        return None
    return f"{document.doc}: analysis skipped: no pipeline for language {document.language}"


def process(document: Document, models: Models) -> Analysis:
    """Analyse one document: its statements (with actors) and its positions."""
    language = models.for_language(document.language)
    if language is None:
        return [], []
    # 1. Attribution: who said what, with cue and exact content span.
    statements = language.attributor.statements(document)
    # 2. Positions: speakers to actors, statements and reporting to issues and stances.
    return language.positioner.positions(document, statements)


def process_many(documents: Sequence[Document], models: Models) -> list[Analysis | Exception]:
    """Analyse documents as :func:`process` does, each language's parse streamed across
    them; a document whose analysis fails gets its exception, and the others go on."""
    results: list[Analysis | Exception] = [([], []) for _ in documents]
    groups: dict[int, tuple[LanguageModels, list[int]]] = {}
    for index, document in enumerate(documents):
        language = models.for_language(document.language)
        if language is not None:
            groups.setdefault(id(language), (language, []))[1].append(index)
    for language, indices in groups.values():
        group = [documents[i] for i in indices]
        # 1. Attribution, batched when the language's attributor can.
        if isinstance(language.attributor, BatchAttributor):
            found = language.attributor.statements_many(group)
        else:
            found = [_statements(language.attributor, document) for document in group]
        # 2. Positions, one document at a time.
        for index, document, statements in zip(indices, group, found, strict=True):
            if isinstance(statements, Exception):
                results[index] = statements
                continue
            try:
                results[index] = language.positioner.positions(document, statements)
            except Exception as exc:  # noqa: BLE001 - one document's failure is reported, not raised
                results[index] = exc
    return results


def _statements(attributor: Attributor, document: Document) -> list[Statement] | Exception:
    try:
        return attributor.statements(document)
    except Exception as exc:  # noqa: BLE001 - one document's failure is reported, not raised
        return exc
