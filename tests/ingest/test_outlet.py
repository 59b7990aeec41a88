"""Outlet names from article URLs."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.errors import RedlineError
from redline.ingest.outlet import (
    feed_outlet,
    load_outlets,
    outlet_from_site_name,
    outlet_from_title,
    outlet_from_url,
)


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.straitstimes.com/world/europe/kremlin-says", "straitstimes.com"),
        ("https://edition.example-news.co.uk/2026/02/12/talks", "example-news.co.uk"),
        ("https://www.reuters.com/world/europe/talks-2026-02-12/", "Reuters"),
        ("www.bbc.co.uk/news/world-europe-1", "BBC"),
        (None, None),
        ("http://127.0.0.1:8000/article.html", None),
        ("http://localhost/article.html", None),
    ],
)
def test_outlet_from_url_uses_known_names_then_the_registered_domain(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


def test_outlet_load_outlets_rejects_an_entry_without_a_name(tmp_path: Path) -> None:
    path = tmp_path / "outlets.yaml"
    path.write_text("domains:\n  example.com:\n", encoding="utf-8")
    with pytest.raises(RedlineError, match="domains: example.com: the outlet name must be text"):
        load_outlets(path)


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ("Harbour Ledger - Border talks", "Harbour Ledger"),
        ("Harbour Ledger | World | Europe", "Harbour Ledger"),
        ("Harbour Ledger \u2014 Latest", "Harbour Ledger"),
        ("Radio-Valley News", "Radio-Valley News"),
        ("  Harbour Ledger  ", "Harbour Ledger"),
        ("", None),
        (None, None),
    ],
)
def test_outlet_from_title_keeps_the_name_before_a_section(title: str | None, outlet: str | None) -> None:
    assert outlet_from_title(title) == outlet


def test_outlet_feed_outlet_prefers_a_known_domain_then_the_title() -> None:
    title = "Harbour Ledger - Border talks"
    assert feed_outlet(title, "https://www.reuters.com/world/1", "https://ledger.example/") == "Reuters"
    assert feed_outlet(title, None, "https://www.bbc.co.uk/news") == "BBC"
    assert feed_outlet(title, "https://ledger.example/story", "https://ledger.example/") == "Harbour Ledger"
    assert feed_outlet(None, "https://ledger.example/story") is None


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("edition.cnn.com", "CNN"),
        ("reuters.com", "Reuters"),
        ("ledger.example", "ledger.example"),
        ("Harbour Ledger", "Harbour Ledger"),
        ("Ledger.com Daily", "Ledger.com Daily"),
        ("", None),
        (None, None),
    ],
)
def test_outlet_from_site_name_maps_a_host_name_like_a_url(name: str | None, outlet: str | None) -> None:
    assert outlet_from_site_name(name) == outlet
