"""Event and compare pages and their JSON (issue 6/8 web parts), on the seeded database."""

from __future__ import annotations

import re
from pathlib import Path

from tollbook import api
from tollbook.store.database import Store
from tollbook.web import basemap

from .test_web_support import (
    Client,
    assert_error_shape,
    bearer,
    claim_id_of,
    doc_id_of,
    web_fixtures,
)

seeded, db, client = web_fixtures()


def _khojaly(db: Path) -> str:
    """The demo event reported by two documents (2017 and 2024 statements)."""
    with Store.open(str(db)) as store:
        return next(ef.event.event_id for ef in api.events(store)
                    if ef.event.place and ef.event.place.name == "Khojaly")  # fmt: skip


def test_events_list_page_and_api(client: Client, db: Path) -> None:
    with Store.open(str(db)) as store:
        ids = {ef.event.event_id for ef in api.events(store)}
    data = client.get("/api/events").json()
    assert {e["event_id"] for e in data["events"]} == ids and data["count"] == len(ids)
    page = client.get("/events").text
    for event_id in ids:
        assert f'href="/events/{event_id}"' in page


def test_event_page_has_sources_table_badges_chart_and_map(client: Client, db: Path) -> None:
    event_id = _khojaly(db)
    page = client.get(f"/events/{event_id[:8]}").text
    # One row per report; the 2024 restatement agrees with the 2017 one.
    killed = page[page.index('<span class="chip cat-killed">killed</span> 613') :]
    killed = killed[: killed.index("</section>")]
    assert killed.count('class="figure-row"') == 2
    assert 'status-agree">agree' in killed and "1 independent origin" in killed
    assert "2017-02-25" in killed and "2024-02-26" in killed
    # Chart: one point per dated report of people, y decreasing with the figure.
    chart = page[page.index('<svg class="chart"') : page.index("</svg>")]
    points = re.findall(r'<g class="series cat-killed".*?</g>', chart, re.S)
    assert points and len(re.findall(r"<circle ", points[0])) == 2
    assert "<title>2017-02-25: Azerbaijan" in chart
    # Map: the basemap plus a marker at the gazetteer's coordinates of Khojaly.
    x, y = basemap.project(39.91361, 46.79213)
    assert 'href="/static/world.svg"' in page
    marker = re.search(r'<g class="marker"><circle cx="([\d.]+)" cy="([\d.]+)"', page)
    assert (
        marker and abs(float(marker.group(1)) - x) < 0.1 and abs(float(marker.group(2)) - y) < 0.1
    )
    data = client.get(f"/api/events/{event_id}").json()
    killed_people = next(
        f for f in data["findings"] if f["category"] == "killed" and f["unit"] == "people"
    )
    assert killed_people["status"] == "agree" and len(killed_people["series"]) == 2


def test_event_figures_follow_reviewers_corrections(client: Client, db: Path) -> None:
    event_id = _khojaly(db)
    doc = doc_id_of(db, "32 years")
    cid = claim_id_of(db, doc, "613")
    body = {"verdict": "corrected", "reviewer": "ana", "value": 700}
    assert (
        client.post(f"/api/claims/{doc}/{cid}/corrections", json=body, headers=bearer()).status_code
        == 201
    )
    data = client.get(f"/api/events/{event_id}").json()
    killed = next(
        f for f in data["findings"] if f["category"] == "killed" and f["unit"] == "people"
    )
    assert {r["best"] for r in killed["series"]} == {613, 700} and killed["status"] != "agree"


def test_unknown_event_is_404(client: Client) -> None:
    assert_error_shape(client.get("/api/events/evzzzzzzzz"), 404)
    assert client.get("/events/evzzzzzzzz").status_code == 404


def test_compare_page_and_api(client: Client, db: Path) -> None:
    a, b = doc_id_of(db, "Ostrava Hills"), doc_id_of(db, "revises")
    data = client.get(f"/api/compare?a={a}&b={b}").json()
    assert data["a"]["doc_id"] == a and data["b"]["doc_id"] == b
    by_status = {s: [r for r in data["rows"] if r["status"] == s] for s in data["counts"]}
    assert any(r["a_value"] == 613 and r["b_value"] == 620 for r in by_status["changed"])
    assert any(r["a_value"] == 97 for r in by_status["removed"])  # the women are not restated
    assert data["counts"]["changed"] == len(by_status["changed"]) >= 1
    page = client.get(f"/compare?a={a}&b={b}").text
    assert "620" in page and "613" in page and "value: 613 -&gt; 620" in page
    assert page.index(f'href="/documents/{a}"') < page.index(f'href="/documents/{b}"')
    form = client.get("/compare").text
    assert f'<option value="{a}"' in form and 'class="compare"' not in form


def test_compare_needs_two_known_documents(client: Client) -> None:
    assert_error_shape(client.get("/api/compare?a=abcd"), 422)
    assert_error_shape(client.get("/api/compare?a=ffffffffff&b=eeeeeeeeee"), 404)
