"""Proposal files: loading, and one-line errors that name the file and the provision."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.check import Proposal, Provision, load_proposal
from redline.check.proposal import read_proposal
from redline.errors import ProposalError

ISSUES = {
    "ukraine-nato-membership",
    "nato-expansion",
    "guarantees-for-ukraine",
    "guarantees-for-russia",
    "foreign-troops-in-ukraine",
    "ukraine-eu-membership",
    "territorial-concessions",
    "ceasefire",
    "legally-binding-guarantees",
    "non-aggression-europe",
    "istanbul-2022-basis",
    "weapons-for-ukraine",
}

VALID = """\
title: Draft framework, version 2
provisions:
  - id: no-nato
    issue: ukraine-nato-membership
    outcome: excluded
    text: Ukraine will not join NATO
  - id: euro-contingent
    issue: foreign-troops-in-ukraine
    outcome: granted
"""


def _error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> str:
    monkeypatch.chdir(tmp_path)
    Path("proposal.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ProposalError) as caught:
        load_proposal(Path("proposal.yaml"), ISSUES)
    return str(caught.value)


def test_proposal_loads_provisions_in_order(tmp_path: Path) -> None:
    path = tmp_path / "proposal.yaml"
    path.write_text(VALID, encoding="utf-8")
    assert load_proposal(path, ISSUES) == Proposal(
        title="Draft framework, version 2",
        provisions=(
            Provision(
                "no-nato", "ukraine-nato-membership", "excluded", "Ukraine will not join NATO"
            ),
            Provision("euro-contingent", "foreign-troops-in-ukraine", "granted", None),
        ),
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        pytest.param(
            "issue: foreign-troops-in-ukraine",
            "issue: foo",
            "proposal.yaml: provision 'euro-contingent': unknown issue 'foo'",
            id="unknown-issue",
        ),
        pytest.param(
            "outcome: granted",
            "outcome: maybe",
            "proposal.yaml: provision 'euro-contingent': unknown outcome 'maybe' (use granted or excluded)",
            id="unknown-outcome",
        ),
        pytest.param(
            "id: euro-contingent",
            "id: no-nato",
            "proposal.yaml: provision 'no-nato': duplicate id",
            id="duplicate-id",
        ),
        pytest.param(
            "    issue: foreign-troops-in-ukraine\n",
            "",
            "proposal.yaml: provision 'euro-contingent': missing field 'issue'",
            id="missing-field",
        ),
        pytest.param(
            "  - id: euro-contingent\n    issue",
            "  - issue",
            "proposal.yaml: provision 2: missing field 'id'",
            id="missing-id-named-by-number",
        ),
        pytest.param(
            "title: Draft framework, version 2\n",
            "",
            "proposal.yaml: missing field 'title'",
            id="missing-title",
        ),
        pytest.param(
            "    outcome: excluded\n",
            "    outcome: excluded\n    outcom: granted\n",
            "proposal.yaml: provision 'no-nato': unknown field 'outcom'",
            id="unknown-field",
        ),
        pytest.param(
            "issue: foreign-troops-in-ukraine",
            "issue: ukraine-nato-membership",
            "proposal.yaml: provision 'euro-contingent': issue 'ukraine-nato-membership' "
            "is already decided by provision 'no-nato'",
            id="one-issue-decided-twice",
        ),
        pytest.param(
            "  - id: euro-contingent\n    issue: foreign-troops-in-ukraine\n    outcome: granted\n",
            "  - just a sentence\n",
            "proposal.yaml: provision 2: not a mapping with id, issue and outcome",
            id="provision-not-a-mapping",
        ),
    ],
)
def test_proposal_error_names_file_and_provision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, message: str
) -> None:
    assert old in VALID
    assert _error(tmp_path, monkeypatch, VALID.replace(old, new)) == message


def test_proposal_no_provisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _error(tmp_path, monkeypatch, "title: Empty\nprovisions: []\n") == (
        "proposal.yaml: no provisions"
    )


def test_proposal_not_a_mapping(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _error(tmp_path, monkeypatch, "- a list\n- not a proposal\n") == (
        "proposal.yaml: not a mapping with title and provisions"
    )


def test_proposal_invalid_yaml_names_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "title: Draft\nprovisions:\n  - id: [unclosed\n"
    message = _error(tmp_path, monkeypatch, text)
    assert message.startswith("proposal.yaml: line 4: not valid YAML (")
    assert "\n" not in message


def test_proposal_missing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ProposalError) as caught:
        load_proposal(Path("absent.yaml"), ISSUES)
    assert str(caught.value) == "absent.yaml: cannot read (No such file or directory)"


def test_proposal_shipped_example_is_valid() -> None:
    example = Path(__file__).parents[2] / "examples" / "proposal.yaml"
    proposal = load_proposal(example, ISSUES)
    assert [p.id for p in proposal.provisions] == [
        "ceasefire",
        "no-nato",
        "guarantees-ukraine",
        "euro-contingent",
        "guarantees-russia",
        "eu-path",
        "no-cession",
        "treaty",
        "non-aggression",
    ]


def test_proposal_read_reports_every_bad_provision_and_keeps_the_valid(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(VALID + """\
  - {id: dam, issue: dam-height, outcome: granted}
  - {id: truce, issue: ceasefire, outcome: agreed}
  - {id: no-nato, issue: ceasefire, outcome: granted}
""", encoding="utf-8")
    proposal, problems = read_proposal(path, ISSUES)
    assert [str(p) for p in problems] == [
        f"{path}: provision 'dam': unknown issue 'dam-height'",
        f"{path}: provision 'truce': unknown outcome 'agreed' (use granted or excluded)",
        f"{path}: provision 'no-nato': duplicate id",
    ]
    assert proposal is not None and [p.id for p in proposal.provisions] == ["no-nato", "euro-contingent"]
    with pytest.raises(ProposalError) as caught:
        load_proposal(path, ISSUES)
    assert str(caught.value) == str(problems[0])


def test_proposal_read_a_file_level_problem_is_the_only_one(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("provisions: []\n", encoding="utf-8")
    proposal, problems = read_proposal(path, ISSUES)
    assert (proposal, [str(p) for p in problems]) == (None, [f"{path}: missing field 'title'"])
