"""The shared Russian stance lexicon (``position/ru/stance.yaml``): its schema and its loader.

The words are data, validated on load, so that a user who extends the lexicon gets one line
naming the file and the reason; the positioner compiles them into lemma matchers.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from redline import yamlfile
from redline.errors import PackError

STANCE_LEXICON = Path(__file__).resolve().parent / "stance.yaml"


class RussianStance(BaseModel):
    """The shared Russian stance lexicon (position/ru/stance.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    support: list[str]
    oppose: list[str]
    refusal: list[str]
    alternative: list[str]
    neutral: list[str]
    negation: list[str]
    condition: list[str]
    requirement: list[str]
    security_claim: list[str]
    threat: list[str]
    boundaries: list[str]
    holder_nouns: list[str]
    topic_nouns: list[str]
    anaphors: list[str]
    obligation: list[str]
    surrender: list[str]
    condition_nouns: list[str]
    occasions: list[str]
    documents: list[str] = []


def load_stance(path: Path = STANCE_LEXICON) -> RussianStance:
    """Load and validate the Russian stance lexicon."""
    try:
        data = yamlfile.load(path, strings=True)
        return RussianStance.model_validate(data)
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise PackError(f"{path}: cannot read stance lexicon: {exc}") from exc
