"""End to end over the bundled example corpus: articles in, verdicts with evidence out."""

from __future__ import annotations

from pathlib import Path

import pytest

import redline
from redline.check import report_to_json

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "examples.duckdb"
    summary = redline.ingest([str(EXAMPLES / "corpus")], db=path)
    assert summary.ok, summary.errors
    return path


def _proposal(tmp_path: Path, *provisions: tuple[str, str]) -> Path:
    lines = ["title: test draft", "provisions:"]
    for issue, outcome in provisions:
        lines += [f"  - id: {issue}-{outcome}", f"    issue: {issue}", f"    outcome: {outcome}"]
    path = tmp_path / "proposal.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_api_russia_opposes_nato_membership_across_outlets(db: Path) -> None:
    [cell] = redline.positions(db, actor="Russia", issue="ukraine-nato-membership")
    assert cell.stance == "oppose"
    assert cell.red_line
    assert cell.outlets >= 3
    assert all(e.quote for e in cell.evidence)


def test_api_nato_membership_granted_crosses_russian_red_line(db: Path, tmp_path: Path) -> None:
    report = report_to_json(redline.check(_proposal(tmp_path, ("ukraine-nato-membership", "granted")), db=db))
    russia = report["actors"]["Russia"]
    assert russia["verdict"] == "rejects"
    provision = russia["provisions"]["ukraine-nato-membership-granted"]
    assert (provision["verdict"], provision["red_line"]) == ("rejects", True)
    assert provision["evidence"]
    [pair] = report["indivisibility"]
    assert (pair["seeking"], pair["threatened"]) == ("Ukraine", "Russia")


def test_api_guarantees_condition_met_only_with_guarantees_for_russia(db: Path, tmp_path: Path) -> None:
    alone = report_to_json(redline.check(_proposal(tmp_path, ("guarantees-for-ukraine", "granted")), db=db))
    verdict = alone["actors"]["Russia"]["provisions"]["guarantees-for-ukraine-granted"]
    assert (verdict["verdict"], verdict["condition_met"]) == ("conditional", False)
    both = report_to_json(redline.check(
        _proposal(tmp_path, ("guarantees-for-ukraine", "granted"), ("guarantees-for-russia", "granted")), db=db))
    verdict = both["actors"]["Russia"]["provisions"]["guarantees-for-ukraine-granted"]
    assert (verdict["verdict"], verdict["condition_met"]) == ("conditional", True)


def test_api_shipped_proposal_checks_with_alternatives(db: Path) -> None:
    report = report_to_json(redline.check(EXAMPLES / "proposal.yaml", db=db, alternatives=3))
    assert len(report["alternatives"]) == 3
    assert {"Russia", "Ukraine"} <= set(report["actors"])
