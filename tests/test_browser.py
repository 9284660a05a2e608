"""The web app in headless Chromium (playwright, system chromium; never downloads browsers).

Starts uvicorn on 127.0.0.1 with a free port in a thread, then: selects the highlighted 613
and sees its card (mouse and keyboard), submits a correction and sees the tally change,
checks that a hostile document runs nothing, that no request leaves the server, and writes
screenshots of the document, event and compare pages to artifacts/screenshots/. Every page fits
the screen at 1400 and 390 px (no sideways scrolling; the chart's labels do not collide).
Skipped only when the chromium executable is absent and CI is unset.
"""

from __future__ import annotations

import itertools
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
from tollbook.web.labels import text_width
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
    # Long unbroken tokens in the title, publisher, URL and text: they must wrap, not widen pages.
    long = document_from_text(
        f"Bulletin {'x' * 160} follows.\n\nAccording to the ministry, 12 people were killed in "
        f"Port Castellan.\n", title="Situation" + "-report" * 30, publisher="Agency" + "_" * 90,
        url="https://example.org/" + "a" * 200,
    )  # fmt: skip
    with Store.open(str(db)) as store:
        store.save(Pipeline().run(hostile))
        store.save(Pipeline().run(long))
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


# The outermost elements whose right edge passes the viewport, skipping what a scrolling or
# clipping box (a .scroll-x table wrapper, an SVG) contains: those cannot widen the page.
OVERFLOW_JS = """() => {
  const w = window.innerWidth;
  const clipped = el => { for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    if (getComputedStyle(a).overflowX !== 'visible') { return true; } } return false; };
  const over = el => el.getBoundingClientRect().right > w + 0.5 && !clipped(el);
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (over(el) && !(el.parentElement && el.parentElement !== document.body && over(el.parentElement))) {
      out.push(name(el) + ' right=' + Math.round(el.getBoundingClientRect().right)
               + ' "' + (el.textContent || '').trim().slice(0, 40) + '"');
    }
  }
  return [document.documentElement.scrollWidth, w, out];
}"""

# The chart on show (wide or compact): its viewBox and every text's box as the browser lays it out.
CHART_JS = """() => {
  const svg = [...document.querySelectorAll('svg.chart')].find(s => s.getBoundingClientRect().width > 0);
  if (!svg) { return null; }
  const texts = [...svg.querySelectorAll('text')].map(t => { const b = t.getBBox();
    return [t.textContent, +t.getAttribute('font-size'), t.getComputedTextLength(), b.x, b.y, b.x + b.width, b.y + b.height]; });
  return [svg.viewBox.baseVal.width, svg.viewBox.baseVal.height, svg.getAttribute('class'), texts];
}"""


def _pages(db: Path) -> list[str]:
    with Store.open(str(db)) as store:
        docs = [d.doc_id for d in store.documents()]
        events = [ef.event.event_id for ef in api.events(store)]
    a, b = doc_id_of(db, "Ostrava Hills"), doc_id_of(db, "revises")
    return ["/", "/documents", *(f"/documents/{d}" for d in docs), "/events",
            *(f"/events/{e}" for e in events), "/compare", f"/compare?a={a}&b={b}", "/ingest",
            "/login", "/documents/0000000000000000", "/no-such-page", f"/documents/{'x' * 300}",
            f"/documents?q={'z' * 300}&place={'p' * 300}"]  # fmt: skip


def _chart_collisions(pg: Any) -> list[str]:
    found = pg.evaluate(CHART_JS)
    if found is None:
        return []
    width, height, cls, texts = found
    problems = []
    for text, size, length, left, top, right, bottom in texts:
        if length > text_width(text, size) + 0.5:
            problems.append(
                f"{cls}: {text!r} is {length:.1f} wide, estimated {text_width(text, size):.1f}"
            )
        if left < -0.5 or top < -0.5 or right > width + 0.5 or bottom > height + 0.5:
            problems.append(
                f"{cls}: {text!r} leaves the chart ({left:.0f},{top:.0f})-({right:.0f},{bottom:.0f})"
            )
    for a, b in itertools.combinations(texts, 2):
        if a[3] < b[5] and b[3] < a[5] and a[4] < b[6] and b[4] < a[6]:
            problems.append(
                f"{cls}: {a[0]!r} at ({a[3]:.0f},{a[4]:.0f}) overlaps {b[0]!r} at ({b[3]:.0f},{b[4]:.0f})"
            )
    return problems


@pytest.mark.parametrize("width", [1400, 390])
def test_pages_fit_the_screen(browser: Any, server: tuple[str, Path], width: int) -> None:
    """No page scrolls sideways at desktop and phone widths (wide tables scroll inside their own
    box), and no two chart labels collide as Chromium draws them."""
    base, db = server
    context = browser.new_context(viewport={"width": width, "height": 900})
    pg = context.new_page()
    failures: list[str] = []
    charts = 0

    def check(path: str) -> None:
        nonlocal charts
        pg.goto(base + path)
        scroll, inner, offenders = pg.evaluate(OVERFLOW_JS)
        if scroll > inner:
            failures.append(f"{path} at {width} px: scrollWidth {scroll} > innerWidth {inner}; "
                            f"too wide: {offenders}")  # fmt: skip
        if path.startswith("/events/"):
            charts += pg.locator("svg.chart").count() > 0
            failures.extend(f"{path} at {width} px: {p}" for p in _chart_collisions(pg))

    for path in _pages(db):
        check(path)
    with Store.open(str(db)) as store:
        khojaly = next(ef.event.event_id for ef in api.events(store)
                       if ef.event.place and ef.event.place.name == "Khojaly")  # fmt: skip
    check(f"/events/{khojaly}")
    _shot(pg, f"event-{width}.png")
    # Signed in: the review form of a selected claim, and the ingest form.
    doc_id = doc_id_of(db, "Ostrava Hills")
    pg.goto(f"{base}/login?next=/ingest")
    pg.fill("input[name=token]", TOKEN)
    pg.click("form.login button[type=submit]")
    pg.wait_for_url("**/ingest")
    check("/ingest")
    check(f"/documents/{doc_id}?claim={claim_id_of(db, doc_id, '613')}")
    pg.locator(".card.selected details.review summary").click()
    scroll, inner, offenders = pg.evaluate(OVERFLOW_JS)
    if scroll > inner:
        failures.append(f"review form at {width} px: scrollWidth {scroll} > {inner}: {offenders}")
    _shot(pg, f"document-{width}.png")
    context.close()
    assert charts >= 1  # the demo's events have charts to check
    assert failures == [], "\n".join(failures)
