"""Read a proposal file and validate it against the pack's issues.

A proposal is a title and a list of provisions, each deciding one issue of the pack:
``granted`` makes the issue's subject happen, ``excluded`` rules it out. A provision may
be ``must_keep`` (no closest package changes it) and carry a ``weight`` (how much settling
it counts when packages are ranked, 1 by default). Every problem is
one line naming the file and the provision ("proposal.yaml: provision 'no-nato': unknown
issue 'foo'"), so the CLI can print it as is.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from redline import yamlfile
from redline.errors import ProposalError
from redline.lookup import did_you_mean
from redline.models import Outcome


@dataclass(frozen=True)
class Provision:
    """One clause of a proposal: the issue it decides and how."""

    id: str
    issue: str
    outcome: Outcome
    text: str | None = None
    must_keep: bool = False
    weight: int = 1


@dataclass(frozen=True)
class Proposal:
    """A draft agreement: its title and its provisions, at most one per issue."""

    title: str
    provisions: tuple[Provision, ...]

    def outcomes(self) -> dict[str, Outcome]:
        """The outcome the proposal gives each issue it decides, by issue id."""
        return {p.issue: p.outcome for p in self.provisions}


MAX_WEIGHT = 100


class _ProvisionModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    id: str = Field(min_length=1)
    issue: str = Field(min_length=1)
    outcome: Literal["granted", "excluded"]
    text: str | None = None
    # A provision the drafters will not trade away, and how much settling it counts.
    must_keep: bool = False
    weight: int = Field(default=1, ge=1, le=MAX_WEIGHT)


class _ProposalModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    title: str = Field(min_length=1)
    # Provisions are validated one by one so that an error can name its provision.
    provisions: list[Any]


def _describe(error: ErrorDetails) -> str:
    """One pydantic error as a short phrase a user can act on."""
    field = ".".join(str(part) for part in error["loc"])
    if error["type"] == "missing":
        return f"missing field '{field}'"
    if error["type"] == "extra_forbidden":
        return f"unknown field '{field}'"
    if field == "outcome" and error["type"] == "literal_error":
        return f"unknown outcome '{error['input']}' (use granted or excluded)"
    if error["type"] == "string_too_short":
        return f"field '{field}' is empty"
    if field == "weight" and error["type"] in ("greater_than_equal", "less_than_equal"):
        return f"weight {error['input']} is out of range (use a whole number 1 to {MAX_WEIGHT})"
    return f"field '{field}': {error['msg'].lower()}"


def _label(raw: Any, number: int) -> str:
    """How an error names a provision: by its id when it has one, else by its position."""
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"]:
        return f"provision '{raw['id']}'"
    return f"provision {number}"


_Model = TypeVar("_Model", bound=BaseModel)


def _validated(model: type[_Model], raw: Any, where: str, shape: str) -> _Model:
    """A raw value validated as the model, or one ProposalError naming where it went wrong."""
    if not isinstance(raw, dict):
        raise ProposalError(f"{where}: not a mapping with {shape}")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise ProposalError(f"{where}: {_describe(exc.errors()[0])}") from None


def _read_yaml(path: Path) -> Any:
    """The parsed YAML of a proposal file, or a one-line error."""
    try:
        return yamlfile.load(path)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise ProposalError(f"{path}: cannot read ({reason})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or "unreadable"
        raise ProposalError(f"{path}: {where}not valid YAML ({problem})") from exc


def _provision(
    path: Path, raw: Any, number: int, issue_ids: Collection[str], seen: dict[str, Provision]
) -> Provision:
    """Validate one raw provision against the pack and the provisions before it."""
    label = _label(raw, number)
    model = _validated(_ProvisionModel, raw, f"{path}: {label}", "id, issue and outcome")
    if model.id in seen:
        raise ProposalError(f"{path}: {label}: duplicate id")
    if model.issue not in issue_ids:
        hint = did_you_mean(model.issue, issue_ids)
        raise ProposalError(f"{path}: {label}: unknown issue '{model.issue}'{hint}")
    # A package decides each issue once, so two provisions on one issue would contradict
    # or repeat each other.
    for other in seen.values():
        if other.issue == model.issue:
            raise ProposalError(
                f"{path}: {label}: issue '{model.issue}' is already decided by "
                f"provision '{other.id}'"
            )
    return Provision(
        id=model.id, issue=model.issue, outcome=model.outcome, text=model.text,
        must_keep=model.must_keep, weight=model.weight,
    )


def load_proposal(path: Path, issue_ids: Collection[str]) -> Proposal:
    """Read a proposal YAML file and check every provision against the pack's issue ids."""
    proposal, problems = read_proposal(path, issue_ids)
    if problems:
        raise problems[0]
    assert proposal is not None
    return proposal


def read_proposal(path: Path, issue_ids: Collection[str]) -> tuple[Proposal | None, list[ProposalError]]:
    """The proposal with its valid provisions, and one problem per provision that is not.

    Every bad provision is reported, so that a proposal written beside a new pack is put
    right in one pass, before any ingest; a problem with the file as a whole (unreadable,
    no title, no provisions) is the only one, with no proposal."""
    try:
        model = _validated(_ProposalModel, _read_yaml(path), str(path), "title and provisions")
    except ProposalError as exc:
        return None, [exc]
    if not model.provisions:
        return None, [ProposalError(f"{path}: no provisions")]
    seen: dict[str, Provision] = {}
    problems: list[ProposalError] = []
    for number, raw in enumerate(model.provisions, start=1):
        try:
            provision = _provision(path, raw, number, issue_ids, seen)
        except ProposalError as exc:
            problems.append(exc)
            continue
        seen[provision.id] = provision
    return Proposal(title=model.title, provisions=tuple(seen.values())), problems
