"""The dashboard's pictures as data: marked text, quote highlights, timeline and network."""

from __future__ import annotations

from redline.models import ActorIssue, Document, Evidence, Position, Statement
from redline.serve import shapes

TEXT = "Ann Vale said talks resume. Bo Kurt said no."


def test_shapes_marked_text_cuts_statements_and_the_focus() -> None:
    said = Statement("d1", "Ann Vale", "Ann Vale", "talks resume", 14, 26, "indirect")
    pieces = shapes.marked_text(TEXT, [said], focus=(28, 35))
    assert [(p.text, p.statement, p.label, p.focus) for p in pieces] == [
        ("Ann Vale said ", None, "", False), ("talks resume", 0, "Ann Vale · indirect", False),
        (". ", None, "", False), ("Bo Kurt", None, "", True), (" said no.", None, "", False)]


def test_shapes_quote_marks_the_position_inside_its_sentence() -> None:
    evidence = Evidence("d1.txt", "d1", "Ann Vale", None, None, TEXT[:27], 0, 27, "support")
    position = Position("d1", "Northland", "talks", "support", "talks resume", 14, 26)
    (quote,) = shapes.quotes([evidence], [position])
    assert (quote.before, quote.marked, quote.after) == ("Ann Vale said ", "talks resume", ".")


def test_shapes_timeline_places_actors_on_rows_and_dates_on_the_axis() -> None:
    docs = {i: Document(i, f"{i}.txt", "o", "x", "x", date=d) for i, d in
            (("a", "2026-01-01"), ("b", "2026-01-11"), ("c", None))}
    positions = [Position("a", "Northland", "talks", "support", "x", 0, 1),
                 Position("b", "Southland", "talks", "oppose", "x", 0, 1),
                 Position("c", "Southland", "talks", "oppose", "x", 0, 1)]
    chart = shapes.timeline("talks", positions, docs, width=1000)
    assert chart.rows == [("Northland", 47.0), ("Southland", 81.0)]
    assert [(d.x, d.y, d.stance) for d in chart.dots] == [(150.0, 47.0, "support"), (950.0, 81.0, "oppose")]
    assert chart.undated == 1
    assert chart.ticks[0] == ("2026-01-01", 150.0) and chart.ticks[-1] == ("2026-01-11", 950.0)


def test_shapes_edges_weigh_each_stance_by_its_documents() -> None:
    pieces = [Evidence(f"{i}.txt", str(i), None, None, None, "q", 0, 1, s)
              for i, s in enumerate(["support", "support", "oppose", "neutral"])]
    cell = ActorIssue("Northland", "talks", "support", None, None, None, 4, 2, None, None, pieces)
    assert shapes.edges([cell]) == [shapes.Edge("Northland", "talks", "support", 2),
                                    shapes.Edge("Northland", "talks", "oppose", 1)]
