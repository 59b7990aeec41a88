"""The per-document pipeline: one function that calls every analysis stage in order.

Both the local engine and a distributed one map :func:`process` over documents; it reads
no store and no command line, only the document and the loaded models.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from redline.attribute import Attributor
from redline.models import Document, Position, Statement
from redline.position import Pack, Positioner, load_pack


@dataclass
class Models:
    """The loaded models and pack a pipeline run needs, built once per process."""

    attributor: Attributor
    pack: Pack
    positioner: Positioner

    @property
    def signature(self) -> tuple[str, str]:
        """(pack, model) names, recorded with each analysis so a change re-runs it."""
        return self.pack.name, self.attributor.model_name


def load_models(settings: Mapping[str, Any]) -> Models:
    """Load the spaCy pipeline and the pack named by the settings."""
    pack = load_pack(settings["pack"])
    return Models(Attributor(settings["model"]), pack, Positioner(pack))


def process(document: Document, models: Models) -> tuple[list[Statement], list[Position]]:
    """Analyse one document: its statements (with actors) and its positions."""
    # 1. Attribution: who said what, with cue and exact content span.
    statements = models.attributor.statements(document)
    # 2. Positions: speakers to actors, statements and reporting to issues and stances.
    return models.positioner.positions(document, statements)
