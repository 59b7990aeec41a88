"""Records as JSON and CSV: the same columns, evidence always with its document and span."""

from __future__ import annotations

import csv
import io
import json

from redline.models import ActorIssue, Evidence
from redline.records import cell_record, evidence_record, write_csv

EVIDENCE = Evidence("a.txt", "d1", "An envoy", "Wire", "2025-01-02", "We agree", 5, 13, "support")
CELL = ActorIssue("Varnia", "kesh-dam", "support", None, None, None, 1, 1, "2025-01-02",
                  "2025-01-02", evidence=[EVIDENCE])


def test_records_evidence_carries_document_id_and_span() -> None:
    record = evidence_record(EVIDENCE)
    assert (record["doc"], record["document_id"], record["start"], record["end"]) == ("a.txt", "d1", 5, 13)


def test_records_csv_has_the_json_columns_and_nests_lists_as_json() -> None:
    record = cell_record(CELL)
    stream = io.StringIO()
    write_csv([record], stream)
    [row] = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert list(row) == list(record)
    assert json.loads(row["evidence"]) == [evidence_record(EVIDENCE)]
    assert (row["condition"], row["conflict_evidence"], row["statements"]) == ("", "", "1")


def test_records_csv_of_nothing_is_empty() -> None:
    stream = io.StringIO()
    write_csv([], stream)
    assert stream.getvalue() == ""


def test_records_csv_defuses_cells_a_spreadsheet_would_run_as_formulas() -> None:
    texts = ["=HYPERLINK(\"http://x.invalid\")", "+1+2", "-2+3", "@SUM(A1)", "\tlead", "\rlead", "plain - text"]
    stream = io.StringIO()
    write_csv([{"content": t, "count": -3} for t in texts], stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))
    assert [row["content"] for row in rows] == [
        "'=HYPERLINK(\"http://x.invalid\")", "'+1+2", "'-2+3", "'@SUM(A1)", "'\tlead", "'\rlead", "plain - text"]
    # Numbers are not text: a negative count stays a number.
    assert {row["count"] for row in rows} == {"-3"}
