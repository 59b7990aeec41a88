"""The stable JSON shapes that scripts read, built from the same dataclasses as the tables.

``redline docs``, ``show``, ``statements``, ``positions --per-doc`` and ``eval`` all print
records made here, so the JSON and the Rich output can never disagree.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from redline.models import ActorIssue, Correction, Document, Evidence, Position, Statement


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
    }


def cell_record(cell: ActorIssue) -> dict[str, Any]:
    """One actor x issue cell of ``redline positions --json``."""
    record = asdict(cell)
    record["conflict_evidence"] = (
        [asdict(e) for e in cell.conflict_evidence] if cell.conflict_evidence else None
    )
    return record


def evidence_record(evidence: Evidence) -> dict[str, Any]:
    """One piece of a cell's evidence, as the web API and its CSV give it."""
    return asdict(evidence)


def correction_record(correction: Correction) -> dict[str, Any]:
    """A correction as one JSONL line and one API record: its id and every field."""
    return {"id": correction.id, **asdict(correction)}


def csv_text(records: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """Records as CSV with a header; nested values (lists, mappings) as JSON in one cell."""
    names = list(columns or (records[0] if records else []))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=names, extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow({
            k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict, tuple)) else v
            for k, v in record.items()
        })
    return buffer.getvalue()
