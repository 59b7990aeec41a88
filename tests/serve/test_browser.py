"""The dashboard in real headless Chromium: matrix, evidence, search, check, review, escaping.

Chromium is Debian's (``make test`` installs it); Playwright drives it through
``executable_path`` and never downloads a browser of its own. Screenshots land in
``out/screenshots`` for a person to look at.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytest.importorskip("playwright")
from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "out" / "screenshots"
PAYLOAD_ARTICLE = (
    'Talks stall <script>window.pwned = "title"; alert(1)</script>\n\n'
    'The envoy said "<img src=x onerror="window.pwned = \'img\'; alert(2)"> no deal is possible" '
    "on Monday, and added that <script>window.pwned = 'body'</script> talks would go on.\n"
)

pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (make test installs it)")]


def _redline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "redline", *args], capture_output=True, text=True,
                          timeout=600, check=True)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store of ``make demo`` plus an article full of markup payloads."""
    folder = tmp_path_factory.mktemp("demo")
    payload = folder / "payload"
    payload.mkdir()
    (payload / "payload.txt").write_text(PAYLOAD_ARTICLE, encoding="utf-8")
    db = folder / "demo.duckdb"
    _redline("ingest", str(ROOT / "examples" / "corpus"), str(payload), "--db", str(db))
    return db


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def serve() -> Iterator[object]:
    """Start ``redline serve`` on a free loopback port; stopped after the test."""
    started: list[subprocess.Popen[str]] = []

    def start(db: Path, *flags: str) -> str:
        port = _free_port()
        process = subprocess.Popen([sys.executable, "-m", "redline", "serve", "--db", str(db), "--port",
                                    str(port), *flags], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        started.append(process)
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                httpx.get(base + "/api/overview", timeout=1)
                return base
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                time.sleep(0.1)
        raise AssertionError("redline serve did not start")

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def _page(browser: Browser, width: int = 1280, height: int = 800) -> Page:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.on("pageerror", lambda error: pytest.fail(f"script error on the page: {error}"))
    return page


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_browser_every_page_renders_and_every_cell_opens_its_evidence(demo_db: Path, serve: object, browser: Browser) -> None:
    base = serve(demo_db)  # type: ignore[operator]
    page = _page(browser)
    for path in ("/", "/docs", "/timeline", "/network", "/statements", "/documents", "/check", "/corrections"):
        assert page.goto(base + path).status == 200, path  # type: ignore[union-attr]
        assert page.locator("h1").count() == 1, path
    page.goto(base + "/matrix")
    _shot(page, "matrix")
    hrefs = page.locator("td.cell a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(hrefs) > 20
    page.locator("td.cell a").first.click()
    assert page.locator("#evidence li.quote").count() >= 1
    _shot(page, "matrix-evidence")
    for href in hrefs:
        page.goto(base + href)
        quotes = page.locator("#evidence li.quote")
        assert quotes.count() >= 1, href
        assert quotes.first.locator("mark").inner_text().strip(), href
    page.locator("#evidence li.quote a[href^='/documents/']").first.click()
    assert page.locator("#focus, .stmt.focus").count() >= 1
    _shot(page, "document")
    page.goto(base + "/documents")
    page.locator("tbody a").first.click()
    assert page.locator(".stmt .tag").count() >= 1
    phone = _page(browser, 390, 844)
    for path, name in (("/matrix", "matrix-390"), ("/statements", "statements-390"), ("/check", "check-390")):
        phone.goto(base + path)
        _shot(phone, name)
        # Nothing but the scrolling tables is wider than the phone.
        assert phone.evaluate("document.body.scrollWidth") <= 390, path


def test_browser_statement_search_with_a_facet(demo_db: Path, serve: object, browser: Browser) -> None:
    base = serve(demo_db)  # type: ignore[operator]
    page = _page(browser)
    page.goto(base + "/statements")
    page.fill("input[name=q]", "NATO")
    page.click("form.search button")
    facet = page.locator("a[data-facet=actor]").first
    actor = facet.inner_text()
    expected = int(facet.locator("xpath=following-sibling::span").inner_text())
    facet.click()
    assert page.locator(".chip", has_text=f"actor: {actor}").count() == 1
    assert page.locator("ol.hits > li").count() == min(expected, 50)
    assert page.locator("ol.hits blockquote", has_text="NATO").count() == page.locator("ol.hits > li").count()


def test_browser_runs_a_check(demo_db: Path, serve: object, browser: Browser) -> None:
    base = serve(demo_db)  # type: ignore[operator]
    page = _page(browser)
    page.goto(base + "/check")
    page.fill("textarea[name=text]", (ROOT / "examples" / "proposal.yaml").read_text(encoding="utf-8"))
    page.click("form.checkform button")
    assert page.locator("table.verdicts tbody tr").count() >= 3
    assert page.locator("table.verdicts", has_text="Russia").count() == 1
    _shot(page, "check")


def test_browser_review_correction_changes_the_matrix(demo_db: Path, serve: object, browser: Browser,
                                                      tmp_path: Path) -> None:
    db = tmp_path / "review.duckdb"
    shutil.copy(demo_db, db)
    base = serve(db, "--review")  # type: ignore[operator]
    page = _page(browser)
    cells = httpx.get(base + "/api/matrix", params={"limit": 500}).json()["rows"]
    cell = next(c for c in cells if c["stance"] == "support" and c["statements"] == 1)
    page.goto(base + "/matrix")
    link = page.locator(f"td.cell a[data-cell='{cell['actor']}|{cell['issue']}']")
    assert link.locator(".label").inner_text() == "supports"
    link.click()
    page.locator("#evidence a", has_text="correct").first.click()
    box = page.locator(f"div.position:has(input[name=original_actor][value='{cell['actor']}'])"
                       f":has(input[name=original_issue][value='{cell['issue']}'])").first
    box.locator("summary").click()
    box.locator("select[name=stance]").select_option("oppose")
    box.locator("input[name=note]").fill("the quote is a rejection")
    box.locator("button[type=submit]").click()
    assert box.locator(".badge.fixed").count() == 1
    page.goto(base + "/matrix")
    changed = page.locator(f"td.cell a[data-cell='{cell['actor']}|{cell['issue']}']")
    assert changed.locator(".label").inner_text() == "opposes"
    assert changed.locator(".badge.fixed").count() == 1


def test_browser_markup_in_an_article_never_runs(demo_db: Path, serve: object, browser: Browser) -> None:
    base = serve(demo_db)  # type: ignore[operator]
    page = _page(browser)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    documents = httpx.get(base + "/api/documents", params={"q": "envoy", "limit": 5}).json()["rows"]
    (payload,) = [d for d in documents if d["doc"] == "payload.txt"]
    for path in (f"/documents/{payload['id']}", "/statements?q=deal", "/documents?q=envoy", "/"):
        page.goto(base + path)
        assert page.evaluate("typeof window.pwned") == "undefined", path
    page.goto(base + f"/documents/{payload['id']}")
    assert "<script>" in page.locator("article.text").inner_text()
    assert page.locator("article.text img, article.text script").count() == 0
    assert dialogs == []
