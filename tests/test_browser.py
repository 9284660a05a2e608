"""The web app in headless Chromium (playwright, system chromium; never downloads browsers).

Starts uvicorn on 127.0.0.1 with a free port in a thread, then: selects the highlighted 613
and sees its card (mouse and keyboard), submits a correction and sees the tally change,
checks that a hostile document runs nothing, that no request leaves the server, and writes
screenshots of the document, event and compare pages to artifacts/screenshots/.
Skipped only when the chromium executable is absent and CI is unset.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tollbook import api
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline
from tollbook.store.database import Store
from tollbook.web.app import create_app
from tollbook.web.settings import WebSettings

from .conftest import ARTIFACTS
from .test_web_support import TOKEN, claim_id_of, doc_id_of, seed

CHROMIUM = os.environ.get("TOLLBOOK_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
SHOTS = ARTIFACTS / "screenshots"

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip(f"no chromium executable at {CHROMIUM} (set TOLLBOOK_CHROMIUM); "
                "browser tests run whenever it is present and always in CI", allow_module_level=True)  # fmt: skip

HOSTILE = ("Notice <script>window.__pwned = 1; alert('s')</script> and "
           "<img src=x onerror=\"window.__pwned = 2\"> and <a href=\"javascript:window.__pwned=3\">link</a>.\n\n"
           "According to the ministry, 12 people were killed in Port Castellan.\n")  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    import uvicorn

    db = seed(tmp_path_factory.mktemp("browser") / "b.db")
    hostile = document_from_text(HOSTILE, title="<script>alert('t')</script>", publisher="<b onmouseover=alert(1)>P</b>",
                                 url="javascript:alert('u')")  # fmt: skip
    with Store.open(str(db)) as store:
        store.save(Pipeline().run(hostile))
    app = create_app(WebSettings(db=str(db), write_token=TOKEN))
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", db
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: tuple[str, Path]) -> Iterator[Any]:
    base, _ = server
    context = browser.new_context(viewport={"width": 1360, "height": 1000})
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.offsite = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    pg.on(
        "request", lambda r: None if r.url.startswith((base, "data:")) else pg.offsite.append(r.url)
    )  # type: ignore[attr-defined]
    yield pg
    context.close()


def _shot(pg: Any, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    pg.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def test_select_613_shows_its_card(page: Any, server: tuple[str, Path]) -> None:
    base, db = server
    doc_id = doc_id_of(db, "Ostrava Hills")
    cid = claim_id_of(db, doc_id, "613")
    child = claim_id_of(db, doc_id, "58 children")
    page.goto(f"{base}/documents/{doc_id}")
    card = page.locator(f"#claim-{cid}")
    assert not card.is_visible()  # with JS, cards show only when selected
    page.locator(f'a.claim[data-claim="{cid}"]').click()
    assert card.is_visible()
    text = card.inner_text()
    assert (
        "613" in text and "exact" in text and "2014-03-11/2014-03-12" in text and "ministry" in text
    )
    assert page.locator(".card.selected").count() == 1
    # Keyboard: tab to a highlighted figure and press Enter.
    page.locator(f'a.claim[data-claim="{child}"]').focus()
    page.keyboard.press("Enter")
    assert page.locator(f"#claim-{child}").is_visible() and not card.is_visible()
    page.locator(f'a.claim[data-claim="{cid}"]').click()
    _shot(page, "document.png")
    assert page.dialogs == [] and page.offsite == []


def test_correction_changes_the_tally(page: Any, server: tuple[str, Path]) -> None:
    base, db = server
    doc_id = doc_id_of(db, "revises")
    cid = claim_id_of(db, doc_id, "620")
    page.goto(f"{base}/login?next=/documents/{doc_id}")
    page.fill("input[name=token]", TOKEN)
    page.click("form.login button[type=submit]")
    page.wait_for_url(f"**/documents/{doc_id}")
    killed = page.locator('tr[data-category="killed"] td.best')
    assert killed.inner_text().strip() == "620"
    page.locator(f'a.claim[data-claim="{cid}"]').click()
    card = page.locator(f"#claim-{cid}")
    card.locator("details.review summary").click()
    card.locator("input[name=reviewer]").fill("Reviewer One")
    card.locator("input[name=reason]").fill("the ministry's later bulletin says 625")
    card.locator("input[name=value]").fill("625")
    with page.expect_navigation():
        card.locator("button[value=corrected]").click()
    assert killed.inner_text().startswith("625") and "was 620" in killed.inner_text()
    assert (
        card.is_visible()
        and "corrected" in card.inner_text()
        and "extractor: 620" in card.inner_text()
    )
    _shot(page, "document-corrected.png")
    with Store.open(str(db)) as store:
        assert store.claim(cid, doc_id=doc_id).value == 620
        assert [c.value for c in store.corrections(doc_id)] == [625]


def test_hostile_document_runs_nothing(page: Any, server: tuple[str, Path]) -> None:
    base, db = server
    with Store.open(str(db)) as store:
        doc_id = next(d.doc_id for d in store.documents() if d.text.startswith("Notice <script>"))
    page.goto(f"{base}/documents/{doc_id}")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>window.__pwned = 1" in page.locator(".doc-text").inner_text()
    assert "<script>alert('t')</script>" in page.locator("h1").inner_text()
    assert page.locator("dd.url a").count() == 0  # javascript: URL shown as text, not a link
    page.goto(f"{base}/documents")
    assert page.evaluate("window.__pwned === undefined")
    assert page.dialogs == [] and page.offsite == []


def test_event_and_compare_pages(page: Any, server: tuple[str, Path]) -> None:
    base, db = server
    with Store.open(str(db)) as store:
        event_id = next(ef.event.event_id for ef in api.events(store)
                        if ef.event.place and ef.event.place.name == "Khojaly")  # fmt: skip
    page.goto(f"{base}/events/{event_id}")
    assert page.locator("svg.chart circle").count() >= 4
    assert page.locator("svg.map g.marker").count() >= 1
    box = page.locator("svg.map").bounding_box()
    assert box and box["width"] > 200
    assert page.evaluate("document.querySelector('svg.map image').getBBox().width") > 0
    _shot(page, "event.png")
    a, b = doc_id_of(db, "Ostrava Hills"), doc_id_of(db, "revises")
    page.goto(f"{base}/compare?a={a}&b={b}")
    assert (
        page.locator("tr.row-changed").count() >= 1 and page.locator("tr.row-removed").count() >= 1
    )
    _shot(page, "compare.png")
    assert page.dialogs == [] and page.offsite == []
