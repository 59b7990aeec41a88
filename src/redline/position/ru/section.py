"""The ``ru:`` section of a pack: Russian names of its actors and Russian terms of its issues.

A pack stays one file; its Russian data sits in one optional section, validated here by
its own models so the English schema does not change. Every entry is written as a reader
would write it ("Дмитрий Песков", "гарантии безопасности") and matched on lemmas, so
inflection does not matter. In a term, ``*`` stands for up to three words of any kind
("вступление * НАТО" finds "вступление Украины в НАТО"). An issue's ``own_terms`` name
the holder's own side ("гарантии собственной безопасности"): they are the issue only
when the holder is the issue's beneficiary, so Moscow's words and Kyiv's part.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

Loc = tuple[str | int, ...]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RussianPerson(_Strict):
    """A person who speaks for the actor, in the nominative, with the short forms articles use."""

    name: str
    variants: list[str] = []


class RussianActor(_Strict):
    """The Russian names of one actor: names, adjectives and persons."""

    names: list[str] = []
    adjectives: list[str] = []
    persons: list[RussianPerson] = []


class RussianIssue(_Strict):
    """The Russian terms of one issue, the terms of its opposite outcome, and the holder's own."""

    terms: list[str] = Field(min_length=1)
    inverse_terms: list[str] = []
    own_terms: list[str] = []


class RussianSection(_Strict):
    """A pack's Russian section: actors and issues by their pack ids."""

    actors: dict[str, RussianActor] = {}
    issues: dict[str, RussianIssue] = {}
    non_actor: list[str] = []


def references(section: RussianSection | None, actors: set[str], issues: set[str]) -> Iterator[tuple[Loc, str]]:
    """Yield (location, reason) for each actor or issue id the pack does not define."""
    if section is None:
        return
    for actor in section.actors:
        if actor not in actors:
            yield ("ru", "actors", actor), f"unknown actor {actor!r}"
    for issue in section.issues:
        if issue not in issues:
            yield ("ru", "issues", issue), f"unknown issue {issue!r}"
