"""Error messages for pack files that say what is allowed, not only what is wrong.

pydantic's "Extra inputs are not permitted" does not say which keys are, and a removal that
names no shared entry does not say which entry the user meant; these helpers find both.
"""

from __future__ import annotations

import re
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from redline import patterns
from redline.lookup import did_you_mean

Loc = tuple[str | int, ...]


def unknown_key(model: type[BaseModel], loc: Loc) -> str:
    """"unknown key 'conditions' (did you mean 'condition'?); allowed: ...", for a key the
    model at ``loc`` does not have."""
    owner = _model_at(model, loc[:-1])
    if owner is None:
        return "unknown key"
    allowed = list(owner.model_fields)
    return f"unknown key {str(loc[-1])!r}{did_you_mean(str(loc[-1]), allowed)}; allowed: {', '.join(allowed)}"


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that holds the value at ``loc`` (through lists and optionals)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = current.model_fields[part].annotation
        while get_origin(current) is not None and not (isinstance(current, type) and issubclass(current, BaseModel)):
            args = [a for a in get_args(current) if a is not type(None)]
            current = args[-1] if args else None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def nearest_entries(item: str, entries: list[str]) -> str:
    """`` (did you mean '(?:built|based) on'?)``: the entries that match the words a user
    typed ("based on"), else those spelled alike."""
    matching = [e for e in entries if _matches(e, item)]
    if matching:
        return " (did you mean " + " or ".join(repr(e) for e in matching[:3]) + f"? it matches {item!r})"
    return did_you_mean(item, entries)


def _matches(entry: str, words: str) -> bool:
    try:
        return patterns.compile(entry, re.IGNORECASE).fullmatch(words) is not None
    except patterns.PatternError:
        return False
