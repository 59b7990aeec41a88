"""Typed ids are matched against known ones with suggestions; typed dates are parsed once."""

from __future__ import annotations

import pytest

from redline.errors import RedlineError
from redline.lookup import did_you_mean, parse_date, resolve

ISSUES = {"ukraine-nato-membership", "nato-expansion", "ceasefire", "guarantees-for-ukraine"}
ACTORS = {"Russia", "Ukraine", "United States"}


def test_lookup_resolve_takes_an_id_that_differs_only_in_case() -> None:
    assert resolve("russia", ACTORS, "actor") == "Russia"
    assert resolve("Russia", ACTORS, "actor") == "Russia"


def test_lookup_resolve_refuses_a_case_match_that_is_ambiguous() -> None:
    with pytest.raises(RedlineError, match="^eu: unknown actor"):
        resolve("eu", {"EU", "Eu"}, "actor")


def test_lookup_unknown_id_suggests_the_nearest() -> None:
    with pytest.raises(RedlineError) as caught:
        resolve("Rusia", ACTORS, "actor", " (see `redline pack`)")
    assert str(caught.value) == "Rusia: unknown actor (did you mean 'Russia'?) (see `redline pack`)"


def test_lookup_a_word_of_an_id_suggests_the_ids_holding_it() -> None:
    assert did_you_mean("nato", ISSUES) == " (did you mean 'nato-expansion' or 'ukraine-nato-membership'?)"
    assert did_you_mean("cease-fire", ISSUES) == " (did you mean 'ceasefire'?)"
    assert did_you_mean("tariffs", ISSUES) == ""


def test_lookup_parse_date_reads_iso_dates_and_refuses_others() -> None:
    assert parse_date("2025-02-03", "--since") == "2025-02-03"
    assert parse_date(None, "--since") is None
    for bad in ("2025-13-01", "2025-02-30", "yesterday"):
        with pytest.raises(RedlineError, match=f"^--until {bad}: not a date"):
            parse_date(bad, "--until")
