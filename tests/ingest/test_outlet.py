"""Outlet names from article URLs."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.errors import RedlineError
from redline.ingest.outlet import load_outlets, outlet_from_url


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
