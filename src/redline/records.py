"""The stable record shapes that scripts read, as JSON or CSV, built from the dataclasses.

Every command's ``--json`` and ``--csv`` print records made here, so a field never exists
in one output and not in the other, and every piece of evidence anywhere carries its
``document_id``, ``start`` and ``end``. CSV holds the same columns as JSON; a list or
mapping in a column is written as its JSON text.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, TextIO

from redline.models import ActorIssue, Document, Evidence, Position, Statement

if TYPE_CHECKING:
    from redline.position import Pack


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
    }


def evidence_record(evidence: Evidence) -> dict[str, Any]:
    """A piece of evidence: where it is (document id, start, end), who said it, the quote."""
    return {
        "doc": evidence.doc,
        "document_id": evidence.document_id,
        "start": evidence.start,
        "end": evidence.end,
        "speaker": evidence.speaker,
        "outlet": evidence.outlet,
        "date": evidence.date,
        "quote": evidence.quote,
        "stance": evidence.stance,
        "red_line": evidence.red_line,
        "threat": evidence.threat,
        "security_claim": evidence.security_claim,
    }


def cell_record(cell: ActorIssue) -> dict[str, Any]:
    """One actor x issue cell of ``redline positions --json`` and ``--csv``."""
    return {
        "actor": cell.actor,
        "issue": cell.issue,
        "stance": cell.stance,
        "condition": cell.condition,
        "condition_issue": cell.condition_issue,
        "condition_outcome": cell.condition_outcome,
        "statements": cell.statements,
        "outlets": cell.outlets,
        "first_date": cell.first_date,
        "last_date": cell.last_date,
        "conflict": cell.conflict,
        "shift": cell.shift,
        "red_line": cell.red_line,
        "threat": cell.threat,
        "security_claim": cell.security_claim,
        "evidence": [evidence_record(e) for e in cell.evidence],
        "conflict_evidence": (
            [evidence_record(e) for e in cell.conflict_evidence] if cell.conflict_evidence else None
        ),
    }


def pack_record(pack: Pack) -> dict[str, Any]:
    """A pack's actors and issues with their ids, as ``redline pack --json`` prints them."""
    return {
        "name": pack.name,
        "description": pack.description,
        "actors": [{"id": a.id, "name": a.name, "aliases": list(a.aliases)} for a in pack.actors],
        "issues": [{"id": i.id, "label": i.label} for i in pack.issues],
    }


def write_csv(records: Sequence[Mapping[str, Any]], stream: TextIO) -> None:
    """Records as CSV with a header row; nested values as JSON text, None as empty."""
    if not records:
        return
    writer = csv.DictWriter(stream, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _csv_value(value) for key, value in record.items()})


def _csv_value(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value
