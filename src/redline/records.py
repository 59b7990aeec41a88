"""The stable record shapes that scripts read, as JSON or CSV, built from the dataclasses.

Every command's ``--json`` and ``--csv`` print records made here, so a field never exists
in one output and not in the other, and every piece of evidence anywhere carries its
``document_id``, ``start`` and ``end``. CSV holds the same columns as JSON; a list or
mapping in a column is written as its JSON text. A text cell that a spreadsheet would read
as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return: article
text can) is written with a single quote in front, as OWASP advises against CSV injection.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, TextIO

from redline.models import ActorIssue, Correction, Document, Evidence, Position, Statement

if TYPE_CHECKING:
    from redline.position import Pack
    from redline.position.cues import CueEntry
    from redline.position.examples import PackCheck


def document_record(document: Document, full: bool = False) -> dict[str, Any]:
    """A document's metadata; with ``full``, also its texts and what cleaning removed."""
    record: dict[str, Any] = {
        "id": document.id,
        "doc": document.doc,
        "title": document.title,
        "outlet": document.outlet,
        "date": document.date,
        "author": document.author,
        "url": document.url,
        "origin": document.origin,
        "language": document.language,
        "machine_translated": document.machine_translated,
        "translation_service": document.translation_service,
        "duplicate_of": document.duplicate_of,
    }
    if full:
        record["text"] = document.text
        record["raw_text"] = document.raw_text
        record["removed"] = [asdict(r) for r in document.removed]
    return record


def statement_record(statement: Statement, document: Document) -> dict[str, Any]:
    """A statement as ``redline statements --json`` prints it."""
    return {
        "doc": document.doc,
        "document_id": statement.document_id,
        "speaker": statement.speaker,
        "speaker_mention": statement.speaker_mention,
        "actor": statement.actor,
        "role": statement.role,
        "cue": statement.cue,
        "content": statement.content,
        "kind": statement.kind,
        "start": statement.start,
        "end": statement.end,
        "confidence": round(statement.confidence, 3),
        "corrected": statement.corrected,
    }


def position_record(position: Position, document: Document) -> dict[str, Any]:
    """A per-document position as ``redline positions --per-doc --json`` prints it."""
    return {
        "doc": document.doc,
        "document_id": position.document_id,
        "actor": position.actor,
        "issue": position.issue,
        "stance": position.stance,
        "condition": position.condition,
        "evidence": position.evidence,
        "start": position.start,
        "end": position.end,
        "speaker": position.speaker,
        "outlet": document.outlet,
        "date": document.date,
        "red_line": position.red_line,
        "corrected": position.corrected,
        "confidence": round(position.confidence, 3),
    }


def evidence_record(evidence: Evidence) -> dict[str, Any]:
    """A piece of evidence: where it is (document id, start, end), who said it, the quote."""
    return asdict(evidence)


def cell_record(cell: ActorIssue) -> dict[str, Any]:
    """One actor x issue cell of ``redline positions --json`` and ``--csv``."""
    record = asdict(cell)
    record["conflict_evidence"] = (
        [evidence_record(e) for e in cell.conflict_evidence] if cell.conflict_evidence else None
    )
    return record


def pack_record(pack: Pack) -> dict[str, Any]:
    """A pack's actors and issues with their ids, as ``redline pack --json`` prints them."""
    return {
        "name": pack.name,
        "description": pack.description,
        "actors": [{"id": a.id, "name": a.name, "aliases": list(a.aliases)} for a in pack.actors],
        "issues": [{"id": i.id, "label": i.label} for i in pack.issues],
    }


def cue_record(entry: CueEntry) -> dict[str, Any]:
    """One cue or role entry of ``redline pack NAME --cues --json``: section, kind, pattern, origin."""
    return asdict(entry)


def pack_check_record(result: PackCheck) -> dict[str, Any]:
    """What ``redline pack check --json`` prints: the examples read wrongly, with why, and warnings."""
    return asdict(result)


def correction_record(correction: Correction) -> dict[str, Any]:
    """A correction as one JSONL line and one API record: its id and every field."""
    return {"id": correction.id, **asdict(correction)}


def write_csv(
    records: Sequence[Mapping[str, Any]], stream: TextIO, columns: Sequence[str] | None = None
) -> None:
    """Records as CSV with a header row; nested values as JSON text, None as empty.

    ``columns`` fixes the header (and drops other keys), so an empty result still has one.
    """
    names = list(columns or (records[0] if records else []))
    if not names:
        return
    # CRLF rows (RFC 4180): with them the writer also quotes a text holding a lone CR, which
    # would otherwise end the row for a reader.
    writer = csv.DictWriter(stream, fieldnames=names, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _csv_value(value) for key, value in record.items()})


# What makes Excel, LibreOffice or Google Sheets take a cell for a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value: Any) -> Any:
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def csv_text(records: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None) -> str:
    """Records as CSV text, for the web API's ``.csv`` twins."""
    buffer = io.StringIO()
    write_csv(records, buffer, columns)
    return buffer.getvalue()
