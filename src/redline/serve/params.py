"""Query parameters shared by the pages and the API: validated and bounded once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Query

from redline.store import StatementFilter

Name = Annotated[str | None, Query(max_length=200)]
# Forms send empty fields, so the patterns accept the empty string as "unset".
Day = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="YYYY-MM-DD")]
StanceName = Annotated[str | None, Query(pattern="^(support|oppose|conditional|neutral)?$")]
MAX_LIMIT = 500


@dataclass(frozen=True)
class Paging:
    """Which slice of a long list a request wants."""

    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows per page.")] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")] = 0,
) -> Paging:
    """The page size and offset of a paginated list."""
    return Paging(limit, offset)


def statement_filter(
    q: Annotated[str | None, Query(max_length=200, description="Words that must all occur.")] = None,
    actor: Name = None,
    speaker: Name = None,
    issue: Name = None,
    stance: StanceName = None,
    outlet: Name = None,
    language: Annotated[str | None, Query(max_length=12)] = None,
    since: Day = None,
    until: Day = None,
) -> StatementFilter:
    """The statement search filters; empty form fields count as unset."""
    values = [q, actor, speaker, issue, stance, outlet, language, since, until]
    q, actor, speaker, issue, stance, outlet, language, since, until = [v or None for v in values]
    return StatementFilter(q, actor, speaker, issue, stance, outlet, language, since, until)
