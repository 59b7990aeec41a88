"""Analysts' corrections laid over the machine's analysis, and their JSONL exchange format.

A correction names a document, a span and (for a position) the actor and issue the analysis
gave; it does not name a row. After a re-analysis (another model, another pack version)
the same claim usually comes back with the same or an overlapping span, so each
correction re-attaches to the item of its document that matches it best: the exact span
first, else the one overlapping it most. A correction that finds nothing is kept, and
shown as unattached, until the claim comes back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, fields, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from redline.errors import InputError
from redline.models import Correction, Position, Stance, Statement, Target

MAX_TEXT = 2000


class _Spanned(Protocol):
    document_id: str
    start: int
    end: int


_Item = TypeVar("_Item", bound=_Spanned)


class CorrectionInput(BaseModel):
    """A correction as a user sends it (web form, API body, JSONL line), validated."""

    model_config = ConfigDict(extra="forbid")

    target: Target
    document_id: str = Field(min_length=1, max_length=200)
    start: int = Field(ge=0, le=100_000_000)
    end: int = Field(ge=0, le=100_000_000)
    original_actor: str | None = Field(default=None, max_length=200)
    original_issue: str | None = Field(default=None, max_length=200)
    wrong: bool = False
    speaker: str | None = Field(default=None, max_length=200)
    actor: str | None = Field(default=None, max_length=200)
    issue: str | None = Field(default=None, max_length=200)
    stance: Stance | None = None
    condition: str | None = Field(default=None, max_length=MAX_TEXT)
    note: str | None = Field(default=None, max_length=MAX_TEXT)
    created: str | None = Field(default=None, max_length=40)

    @field_validator("*", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        # An HTML form sends every field, the ones left blank as "".
        return None if value == "" else value

    def correction(self) -> Correction:
        """The stored form, stamped with the time it was made unless it carries one."""
        values: dict[str, Any] = self.model_dump()
        values["created"] = values["created"] or datetime.now(timezone.utc).isoformat(timespec="seconds")
        return Correction(**values)


def _overlap(a: _Spanned, start: int, end: int) -> int:
    return min(a.end, end) - max(a.start, start)


def _matches(item: _Spanned, correction: Correction) -> bool:
    """Same document and, for a position, the actor and issue the analysis gave."""
    if item.document_id != correction.document_id:
        return False
    if correction.target != "position":
        return True
    return (getattr(item, "actor", None), getattr(item, "issue", None)) == (
        correction.original_actor, correction.original_issue)


def _attach(items: Sequence[_Item], correction: Correction, taken: set[int]) -> int | None:
    """The index of the item a correction belongs to: exact span, else the largest overlap."""
    best: tuple[bool, int, int] | None = None
    for index, item in enumerate(items):
        if index in taken or not _matches(item, correction):
            continue
        exact = (item.start, item.end) == (correction.start, correction.end)
        score = (exact, _overlap(item, correction.start, correction.end), -index)
        if score[1] > 0 and (best is None or score > best):
            best = score
    return -best[2] if best is not None else None


def attachments(items: Sequence[_Item], corrections: Iterable[Correction]) -> dict[int, Correction]:
    """Which correction applies to which item (by index); each item takes at most one."""
    found: dict[int, Correction] = {}
    for correction in corrections:
        index = _attach(items, correction, set(found))
        if index is not None:
            found[index] = correction
    return found


def apply_to_statements(statements: Sequence[Statement], corrections: Iterable[Correction]) -> list[Statement]:
    """Statements as corrected: wrong ones dropped, speaker and actor replaced."""
    return _applied(statements, corrections, "statement", corrected_statement)


def corrected_statement(statement: Statement, fix: Correction) -> Statement:
    """One statement with a (not "wrong") correction's speaker and actor laid over it."""
    return replace(statement, speaker=fix.speaker or statement.speaker,
                   actor=fix.actor or statement.actor, corrected=True)


def apply_to_positions(positions: Sequence[Position], corrections: Iterable[Correction]) -> list[Position]:
    """Positions as corrected: wrong ones dropped, actor, issue, stance, condition replaced."""
    return _applied(positions, corrections, "position", _corrected_position)


def _applied(items: Sequence[_Item], corrections: Iterable[Correction], target: str,
             correct: Callable[[_Item, Correction], _Item]) -> list[_Item]:
    """Records of one target kind as corrected: wrong ones dropped, the others laid over."""
    fixes = attachments(items, (c for c in corrections if c.target == target))
    result = []
    for index, item in enumerate(items):
        fix = fixes.get(index)
        if fix is None:
            result.append(item)
        elif not fix.wrong:
            result.append(correct(item, fix))
    return result


def _corrected_position(position: Position, fix: Correction) -> Position:
    stance = fix.stance or position.stance
    changed = replace(
        position, actor=fix.actor or position.actor, issue=fix.issue or position.issue,
        stance=stance, speaker=fix.speaker or position.speaker, corrected=True,
    )
    if stance != "conditional":
        # Only a conditional stance has a condition; keeping the old one would mislead check.
        return replace(changed, condition=None, condition_issue=None, condition_outcome=None)
    if fix.condition:
        return replace(changed, condition=fix.condition, condition_issue=None, condition_outcome=None)
    return changed


def export_jsonl(corrections: Iterable[Correction], path: Path) -> int:
    """Write corrections to a JSONL file a team can share; returns how many."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for correction in corrections:
            out.write(json.dumps(asdict(correction), ensure_ascii=False) + "\n")
            count += 1
    return count


def read_jsonl(path: Path) -> Iterator[Correction | InputError]:
    """Corrections from a JSONL file; a bad line becomes one error and the rest go on."""
    known = {f.name for f in fields(Correction)}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        yield InputError(str(path), f"cannot read ({exc})")
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            if not isinstance(raw, dict):
                raise ValueError("not a JSON object")
            raw.pop("id", None)
            unknown = sorted(set(raw) - known)
            if unknown:
                raise ValueError(f"unknown field '{unknown[0]}'")
            yield CorrectionInput.model_validate(raw).correction()
        except ValidationError as exc:
            yield InputError(f"{path}: line {number}", describe(exc))
        except ValueError as exc:
            yield InputError(f"{path}: line {number}", str(exc))


def describe(exc: ValidationError) -> str:
    """The first validation problem of a correction as one phrase naming the field."""
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"field '{where}': {error['msg'].lower()}"
