"""The check page's work: a pasted or uploaded proposal checked against the live matrix."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import Request
from starlette.datastructures import UploadFile

from redline import settings as settings_module
from redline.check import Report, check, load_proposal
from redline.errors import ProposalError
from redline.position import load_pack
from redline.serve.data import Reader

UPLOAD_NAME = "proposal.yaml"
MAX_ALTERNATIVES = 5


async def proposal_text(request: Request) -> tuple[str, int]:
    """The proposal YAML from a form's upload or text box, and how many packages to find."""
    form = await request.form()
    upload = form.get("file")
    text = ""
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProposalError(f"{upload.filename}: not UTF-8 text") from exc
    if not text.strip():
        pasted = form.get("text")
        text = pasted if isinstance(pasted, str) else ""
    if not text.strip():
        raise ProposalError(f"{UPLOAD_NAME}: empty (paste a proposal or choose a file)")
    try:
        alternatives = int(str(form.get("alternatives") or 0))
    except ValueError:
        alternatives = 0
    return text, max(0, min(alternatives, MAX_ALTERNATIVES))


def run_check(reader: Reader, text: str, alternatives: int, pack: str | None) -> Report:
    """Validate the proposal against the pack and judge it on the corrected matrix."""
    issue_ids = load_pack(settings_module.load({"pack": pack})["pack"]).issue_ids()
    # The proposal reader takes a file; errors then name it as the user's proposal.yaml.
    with tempfile.TemporaryDirectory(prefix="redline-check-") as tmp:
        path = Path(tmp) / UPLOAD_NAME
        path.write_text(text, encoding="utf-8")
        try:
            proposal = load_proposal(path, issue_ids)
        except ProposalError as exc:
            raise ProposalError(str(exc).replace(str(path), UPLOAD_NAME)) from None
    with reader.store() as store:
        cells = reader.cells(store)
    return check(proposal, cells, alternatives=alternatives)
