"""Loading a lexicon file: bounded YAML, every scalar a string, validated by its model.

Each language's attribution lexicon has its own pydantic model; reading, the shape check
and the one-line error are the same for all of them, so they live here once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from redline import yamlfile
from redline.errors import RedlineError

M = TypeVar("M", bound=BaseModel)


def load_lexicon_file(source: Path, model: type[M]) -> M:
    """The lexicon at ``source`` validated as ``model``, or one error naming file and field."""
    try:
        # Every scalar is read as a string, so that words like "on" or "no" stay words;
        # pydantic turns figures into numbers where the model asks for them.
        data = yamlfile.load(source, strings=True)
    except (OSError, yaml.YAMLError) as exc:
        raise RedlineError(f"{source}: cannot read lexicon: {exc}") from exc
    if not isinstance(data, dict):
        raise RedlineError(f"{source}: a lexicon is a mapping of field names to lists")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top)"
        raise RedlineError(f"{source}: {where}: {first['msg']}") from exc
