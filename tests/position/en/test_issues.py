"""Issue detection and beneficiary attachment with the default pack."""

from __future__ import annotations

import pytest

from redline.position import load_pack
from redline.position.en.actors import ActorIndex
from redline.position.en.issues import IssueDetector


@pytest.fixture(scope="module")
def detector() -> IssueDetector:
    pack = load_pack("ukraine-security")
    return IssueDetector(pack, ActorIndex(pack))


def _found(detector: IssueDetector, text: str) -> list[tuple[str, list[str]]]:
    return [(text[m.start:m.end], detector.resolve(m, None, False)) for m in detector.mentions(text, 0, len(text))]


def test_issues_beneficiary_after_for_picks_the_issue(detector: IssueDetector) -> None:
    text = "security guarantees for Ukraine, but with mandatory security guarantees for Russia"
    assert _found(detector, text) == [
        ("security guarantees for Ukraine", ["guarantees-for-ukraine"]),
        ("security guarantees for Russia", ["guarantees-for-russia"]),
    ]


def test_issues_possessive_and_adjective_beneficiaries(detector: IssueDetector) -> None:
    text = "guarantees of Russia's security and Russian security interests"
    assert _found(detector, text) == [
        ("guarantees of Russia's security", ["guarantees-for-russia"]),
        ("Russian security interests", ["guarantees-for-russia"]),
    ]


def test_issues_unattached_guarantees_go_to_the_default_issue(detector: IssueDetector) -> None:
    assert _found(detector, "talks on security assurances") == [("security assurances", ["guarantees-for-ukraine"])]


def test_issues_unattached_guarantees_demanded_by_a_beneficiary_are_its_own(detector: IssueDetector) -> None:
    mention = detector.mentions("security assurances", 0, 19)[0]
    assert detector.resolve(mention, "Russia", True) == ["guarantees-for-russia"]


def test_issues_guarantees_for_a_third_party_are_neither(detector: IssueDetector) -> None:
    assert _found(detector, "security guarantees for Europe") == [("security guarantees", [])]


def test_issues_terms_of_several_issues_in_one_sentence(detector: IssueDetector) -> None:
    text = "the exclusion of Ukraine's membership in NATO and the refusal to deploy foreign troops"
    assert _found(detector, text) == [
        ("membership in NATO", ["ukraine-nato-membership"]),
        ("deploy foreign troops", ["foreign-troops-in-ukraine"]),
    ]


def test_issues_troops_with_military_between(detector: IssueDetector) -> None:
    text = "Moscow said Western military units in Ukraine would be targets."
    assert _found(detector, text) == [("Western military units", ["foreign-troops-in-ukraine"])]
