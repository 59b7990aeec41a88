"""Review mode: corrections only with --review, a CSRF token and a same-origin request."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from redline.store import Store

ORIGIN = {"origin": "http://127.0.0.1:8765"}


def _token(client: TestClient) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/documents/d2").text)
    assert match is not None
    return match.group(1)


def _fix_southland(token: str, **change: object) -> dict[str, object]:
    start = "Envoy Bo Kurt said ".__len__()
    return {"csrf_token": token, "target": "position", "document_id": "d2", "start": str(start),
            "end": str(start + len("his side rejects any border talks")), "original_actor": "Southland",
            "original_issue": "border-talks", **change}


def test_review_read_only_server_refuses_writes_and_opens_read_only(client: TestClient) -> None:
    response = client.post("/api/corrections", json={"target": "position"}, headers=ORIGIN)
    assert response.status_code == 403
    assert client.app.state.reader.open().read_only is True  # type: ignore[attr-defined]
    assert 'name="csrf_token"' not in client.get("/documents/d2").text


def test_review_form_correction_changes_the_matrix(reviewer: TestClient) -> None:
    form = _fix_southland(_token(reviewer), stance="support", note="misread sarcasm", next="/matrix")
    response = reviewer.post("/api/corrections", data=form, headers=ORIGIN, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/matrix")
    cells = {(c["actor"], c["issue"]): c for c in reviewer.get("/api/matrix").json()["rows"]}
    assert cells[("Southland", "border-talks")]["stance"] == "support"
    assert cells[("Southland", "border-talks")]["evidence"][0]["corrected"] is True
    positions = reviewer.get("/api/positions", params={"actor": "Southland"}).json()["rows"]
    assert [(p["stance"], p["corrected"]) for p in positions] == [("support", True)]
    assert "corrected" in reviewer.get("/documents/d2").text


def test_review_json_correction_marks_a_position_wrong(reviewer: TestClient) -> None:
    token = _token(reviewer)
    body = _fix_southland(token, wrong=True)
    del body["csrf_token"]
    response = reviewer.post("/api/corrections", json=body, headers={**ORIGIN, "x-csrf-token": token})
    assert response.status_code == 201 and response.json()["wrong"] is True
    assert [c["actor"] for c in reviewer.get("/api/matrix").json()["rows"]] == ["Northland", "Northland"]


def test_review_write_needs_token_and_same_origin(reviewer: TestClient) -> None:
    token = _token(reviewer)
    assert reviewer.post("/api/corrections", data=_fix_southland("wrong-token"), headers=ORIGIN).status_code == 403
    assert reviewer.post("/api/corrections", data=_fix_southland(token)).status_code == 403
    other = {"origin": "http://attacker.example"}
    assert reviewer.post("/api/corrections", data=_fix_southland(token), headers=other).status_code == 403
    referer = {"referer": "http://127.0.0.1:8765/documents/d2"}
    assert reviewer.post("/api/corrections", data=_fix_southland(token), headers=referer,
                         follow_redirects=False).status_code == 201


def test_review_bad_correction_is_422_and_unknown_document_404(reviewer: TestClient) -> None:
    token = _token(reviewer)
    assert reviewer.post("/api/corrections", data=_fix_southland(token, stance="maybe"), headers=ORIGIN).status_code == 422
    missing = reviewer.post("/api/corrections", data=_fix_southland(token, document_id="zz"), headers=ORIGIN)
    assert missing.status_code == 404


def test_review_redirect_stays_on_this_server(reviewer: TestClient) -> None:
    form = _fix_southland(_token(reviewer), stance="neutral", next="//attacker.example/")
    response = reviewer.post("/api/corrections", data=form, headers=ORIGIN, follow_redirects=False)
    assert response.status_code == 201


def test_review_correction_is_used_by_check(reviewer: TestClient, db: Path) -> None:
    start = len("Ann Vale said ")
    fix = {"target": "position", "document_id": "d3", "start": start,
           "end": start + len("a ceasefire could hold if monitors arrive"), "original_actor": "Northland",
           "original_issue": "ceasefire", "stance": "oppose"}
    token = _token(reviewer)
    assert reviewer.post("/api/corrections", json=fix, headers={**ORIGIN, "x-csrf-token": token}).status_code == 201
    proposal = "title: T\nprovisions:\n  - id: truce\n    issue: ceasefire\n    outcome: granted\n"
    report = reviewer.post("/api/check", data={"text": proposal}).json()
    assert report["actors"]["Northland"]["provisions"]["truce"]["verdict"] == "rejects"
    assert [c.stance for c in Store(db, read_only=True).corrections()] == ["oppose"]


def test_review_mode_reads_like_read_only_mode(reviewer: TestClient, client: TestClient) -> None:
    # A writable store is attached under a name: every request's cursor must read it there.
    for path in ("/api/matrix", "/api/statements?q=border", "/api/documents/d1", "/api/overview"):
        assert reviewer.get(path).json() == client.get(path).json(), path
