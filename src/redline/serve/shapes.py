"""The dashboard's pictures as plain data: marked text, quote highlights, chart coordinates.

Nothing here writes HTML: templates place these pieces, and Jinja escapes every string, so
article text can never become markup.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from redline.models import ActorIssue, Document, Evidence, Position, Statement

STANCES = ("support", "oppose", "conditional", "neutral")


@dataclass(frozen=True)
class Piece:
    """A run of document text; a statement's run carries its index and label."""

    text: str
    statement: int | None = None
    label: str = ""
    focus: bool = False


def marked_text(text: str, statements: Sequence[Statement], focus: tuple[int, int] | None = None) -> list[Piece]:
    """The text cut into plain runs and statement runs (the first of overlapping ones wins)."""
    cuts: list[tuple[int, int, int, str]] = []
    cursor = 0
    for number, s in sorted(enumerate(statements), key=lambda pair: pair[1].start):
        if s.start < cursor or s.end > len(text):
            continue
        cuts.append((s.start, s.end, number, f"{s.speaker} · {s.kind}"))
        cursor = s.end
    pieces: list[Piece] = []
    cursor = 0
    for start, end, index, label in cuts:
        pieces.extend(_plain(text, cursor, start, focus))
        pieces.append(Piece(text[start:end], index, label, _inside(start, end, focus)))
        cursor = end
    pieces.extend(_plain(text, cursor, len(text), focus))
    return pieces


def _inside(start: int, end: int, focus: tuple[int, int] | None) -> bool:
    return focus is not None and start < focus[1] and end > focus[0]


def _plain(text: str, start: int, end: int, focus: tuple[int, int] | None) -> list[Piece]:
    """Plain text between statements, with the focused span (a linked evidence) set apart."""
    if start >= end:
        return []
    if focus is None or not _inside(start, end, focus):
        return [Piece(text[start:end])]
    a, b = max(start, focus[0]), min(end, focus[1])
    parts = [Piece(text[start:a]), Piece(text[a:b], focus=True), Piece(text[b:end])]
    return [p for p in parts if p.text]


@dataclass(frozen=True)
class Quote:
    """An evidence quote cut around the exact span of its position."""

    evidence: Evidence
    before: str
    marked: str
    after: str
    position: Position | None


def quotes(evidence: Sequence[Evidence], positions: Sequence[Position]) -> list[Quote]:
    """Each evidence with the span of the position it came from highlighted in its sentence."""
    result = []
    for e in evidence:
        match = next((p for p in positions if p.document_id == e.document_id
                      and e.start <= p.start and p.end <= e.end), None)
        if match is None:
            result.append(Quote(e, "", e.quote, "", None))
            continue
        a, b = match.start - e.start, match.end - e.start
        result.append(Quote(e, e.quote[:a], e.quote[a:b], e.quote[b:], match))
    return result


@dataclass(frozen=True)
class Grid:
    """The matrix laid out: actors across, issues down, cells by (actor, issue)."""

    actors: list[str]
    issues: list[str]
    cells: dict[tuple[str, str], ActorIssue]
    corrected: set[tuple[str, str]]


def grid(cells: Sequence[ActorIssue]) -> Grid:
    """Rows and columns of the matrix from its cells, and which cells an analyst corrected."""
    return Grid(sorted({c.actor for c in cells}), sorted({c.issue for c in cells}),
                {(c.actor, c.issue): c for c in cells},
                {(c.actor, c.issue) for c in cells if any(e.corrected for e in c.evidence)})


@dataclass(frozen=True)
class Dot:
    """One statement on the timeline: where, which stance, and what it links to."""

    x: float
    y: float
    stance: str
    label: str
    href: str


@dataclass
class Timeline:
    """One issue's chart: actor rows, dated dots and the axis ticks."""

    issue: str
    width: int
    height: int
    rows: list[tuple[str, float]] = field(default_factory=list)
    dots: list[Dot] = field(default_factory=list)
    ticks: list[tuple[str, float]] = field(default_factory=list)
    undated: int = 0


LEFT, RIGHT, ROW, TOP = 150, 50, 34, 30
TICKS = 4


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def timeline(issue: str, positions: Sequence[Position], documents: Mapping[str, Document],
             width: int = 900) -> Timeline:
    """Each actor's positions on one issue over time, one row per actor."""
    mine = [p for p in positions if p.issue == issue]
    actors = sorted({p.actor for p in mine})
    chart = Timeline(issue, width, TOP + ROW * max(len(actors), 1) + 30)
    chart.rows = [(a, TOP + ROW * i + ROW / 2) for i, a in enumerate(actors)]
    dated = [(p, d) for p in mine if (d := _day(getattr(documents.get(p.document_id), "date", None)))]
    chart.undated = len(mine) - len(dated)
    if not dated:
        return chart
    first, last = min(d for _, d in dated), max(d for _, d in dated)
    span = max((last - first).days, 1)
    plot = width - LEFT - RIGHT

    def x(day: date) -> float:
        return LEFT + plot * (day - first).days / span

    y_of = dict(chart.rows)
    for p, day in dated:
        chart.dots.append(Dot(round(x(day), 1), y_of[p.actor], p.stance,
                              f"{p.actor}: {p.stance}, {day.isoformat()}",
                              f"/documents/{p.document_id}?start={p.start}&end={p.end}"))
    steps = min(TICKS, span)
    days = sorted({first + timedelta(days=round(span * k / steps)) for k in range(steps + 1)})
    chart.ticks = [(d.isoformat(), round(x(d), 1)) for d in days]
    return chart


@dataclass(frozen=True)
class Edge:
    """One weighted actor-issue edge of the discourse network."""

    actor: str
    issue: str
    stance: str
    weight: int


def edges(cells: Sequence[ActorIssue]) -> list[Edge]:
    """Support, oppose and conditional edges, weighted by independent documents per stance."""
    found = []
    for cell in cells:
        counts = Counter(e.stance for e in cell.evidence)
        for stance in ("support", "oppose", "conditional"):
            if counts[stance]:
                found.append(Edge(cell.actor, cell.issue, stance, counts[stance]))
    return found


@dataclass
class Network:
    """The bipartite drawing: actors left, issues right, straight weighted edges."""

    width: int
    height: int
    actors: list[tuple[str, float]]
    issues: list[tuple[str, float]]
    lines: list[tuple[Edge, float, float, float]]


def network(found: Sequence[Edge], width: int = 900) -> Network:
    """Node positions and edge strokes for the SVG network picture."""
    actors = sorted({e.actor for e in found})
    issues = sorted({e.issue for e in found})
    rows = max(len(actors), len(issues), 1)
    height = TOP * 2 + ROW * rows

    def spread(names: list[str]) -> list[tuple[str, float]]:
        step = (height - 2 * TOP) / max(len(names), 1)
        return [(n, TOP + step * (i + 0.5)) for i, n in enumerate(names)]

    a_pos, i_pos = spread(actors), spread(issues)
    ya, yi = dict(a_pos), dict(i_pos)
    heaviest = max((e.weight for e in found), default=1)
    lines = [(e, ya[e.actor], yi[e.issue], round(1 + 5 * e.weight / heaviest, 1)) for e in found]
    return Network(width, height, a_pos, i_pos, lines)
