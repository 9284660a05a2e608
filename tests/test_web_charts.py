"""Chart and map label layout (web/charts.py, web/labels.py): no two text boxes overlap, none
crosses the chart's edge or covers a point, at the wide (640) and compact (360) sizes."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tollbook import api
from tollbook.store.database import Store
from tollbook.web.charts import (
    COMPACT_H,
    COMPACT_W,
    POINT_R,
    Chart,
    ChartRow,
    chart,
    event_map,
    layout,
)
from tollbook.web.labels import GAP, Box, Label, around, place, point_candidates, text_width

from .test_web_support import seed

CATEGORIES = ("killed", "wounded", "missing", "hostage", "displaced")


def _overlapping(labels: tuple[Label, ...]) -> list[tuple[str, str]]:
    return [(a.text, b.text) for a, b in itertools.combinations(labels, 2)
            if a.box.overlaps(b.box)]  # fmt: skip


def assert_clean(c: Chart) -> None:
    """No label overlaps another label, leaves the chart, or covers a point."""
    whole = Box(0.0, 0.0, c.width, c.height)
    assert _overlapping(c.labels) == []
    outside = [lab.text for lab in c.labels if not lab.box.within(whole)]
    assert outside == []
    points = [p for s in c.series for p in s.points]
    for lab in c.labels:
        covered = [p.title for p in points if lab.box.overlaps(around(p.x, p.y, POINT_R))]
        assert covered == [], lab
    for p in points:  # every point inside the plotting area
        assert c.plot.left <= p.x <= c.plot.right and c.plot.top <= p.y <= c.plot.bottom


def _row(category: str, day: dt.date, value: float) -> ChartRow:
    return ChartRow(category, day, value, value * 0.9, value * 1.1, f"{day}: {value}", "first")


@pytest.fixture(scope="module")
def khojaly(tmp_path_factory: pytest.TempPathFactory) -> api.EventFindings:
    db = seed(tmp_path_factory.mktemp("charts") / "c.db")
    with Store.open(str(db)) as store:
        return next(ef for ef in api.events(store)
                    if ef.event.place and ef.event.place.name == "Khojaly")  # fmt: skip


def test_demo_event_labels_every_point_without_overlap(khojaly: api.EventFindings) -> None:
    wide = chart(khojaly)
    assert wide.compact is not None
    assert (wide.width, wide.compact.width, wide.compact.height) == (640.0, COMPACT_W, COMPACT_H)
    for c in (wide, wide.compact):
        assert_clean(c)
        points = [p for s in c.series for p in s.points]
        # Sparse chart: every figure gets its label (1,275 at the right edge used to spill out).
        assert len(points) == 8 and all(p.label for p in points)
        assert [t.label.text for t in c.x_ticks] == [str(y) for y in range(2018, 2025)]
        assert {p.label.text for p in points if p.label} == {"1,275", "1,000", "613", "150", "155"}  # orphaned: 130 + 25


def test_crowded_reports_drop_labels_rather_than_overlap() -> None:
    day = dt.date(2023, 10, 7)
    rows = [_row("killed", day + dt.timedelta(days=i % 3), 1000 + 7 * i) for i in range(30)]
    for width, height in ((640.0, 280.0), (COMPACT_W, COMPACT_H)):
        c = layout(rows, 0, width, height)
        assert_clean(c)
        labelled = [p for p in c.series[0].points if p.label]
        assert 1 <= len(labelled) < 30  # some fit, the rest stay in the tooltip and the table


def test_long_ranges_thin_the_year_ticks_evenly() -> None:
    rows = [_row("killed", dt.date(1950 + i, 6, 1), 10 * (i + 1)) for i in range(0, 75, 5)]
    for width in (640.0, COMPACT_W):
        c = layout(rows, 0, width, 260.0)
        assert_clean(c)
        years = [int(t.label.text) for t in c.x_ticks]
        steps = {b - a for a, b in itertools.pairwise(years)}
        assert len(years) >= 3 and len(steps) == 1  # regular spacing
    assert len(layout(rows, 0, COMPACT_W, 260.0).x_ticks) < len(
        layout(rows, 0, 640.0, 260.0).x_ticks
    )


def test_close_dates_fall_back_to_two_dates_inside_the_chart() -> None:
    rows = [_row("killed", dt.date(2024, 2, 26), 613.0)]
    c = layout(rows, 0, COMPACT_W, COMPACT_H)
    assert_clean(c)
    assert [t.label.text for t in c.x_ticks] == ["2024-02-11", "2024-03-12"]


def test_big_figures_widen_the_left_margin() -> None:
    rows = [
        _row("killed", dt.date(2020, 1, 1), 2_400_000.0),
        _row("killed", dt.date(2021, 1, 1), 5.0),
    ]
    c = layout(rows, 0, COMPACT_W, COMPACT_H)
    assert_clean(c)
    widest = max(text_width(t.label.text, t.label.size) for t in c.y_ticks)
    assert widest > 50 and c.plot.left >= widest + 6


dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2026, 12, 31))
rows_strategy = st.lists(
    st.builds(_row, st.sampled_from(CATEGORIES), dates,
              st.one_of(st.integers(0, 2_000_000).map(float), st.floats(0, 50, allow_nan=False))),
    min_size=1, max_size=40,
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(rows=rows_strategy, compact=st.booleans())
def test_no_two_labels_ever_overlap(rows: list[ChartRow], compact: bool) -> None:
    width, height = (COMPACT_W, COMPACT_H) if compact else (640.0, 280.0)
    c = layout(rows, 0, width, height)
    assert_clean(c)
    assert sum(len(s.points) for s in c.series) == len(rows)


def test_place_keeps_the_gap_and_gives_up_when_nothing_is_free() -> None:
    bounds = Box(0, 0, 100, 50)
    taken = [around(50, 25, 2)]
    first = place(point_candidates("Khojaly", 50, 25, 2, 6), bounds, taken, 0.5)
    second = place(point_candidates("Stepanakert", 50, 25, 2, 6), bounds, taken, 0.5)
    assert first and second and not first.box.overlaps(second.box, 0.5)
    assert len(taken) == 3
    crowded = [Box(0, 0, 100, 50)]
    assert place(point_candidates("Agdam", 50, 25, 2, 6), bounds, crowded) is None
    assert GAP > 0


def test_map_label_stays_inside_the_view(khojaly: api.EventFindings) -> None:
    m = event_map(khojaly)
    x0, y0, w, h = (float(v) for v in m.view_box.split())
    view = Box(x0, y0, x0 + w, y0 + h)
    (marker,) = m.markers
    assert marker.label and marker.label.text == "Khojaly" and marker.label.box.within(view)
    assert not marker.label.box.overlaps(around(marker.x, marker.y, m.radius))
