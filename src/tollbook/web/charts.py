"""Findings of an event -> chart and map models (coordinates computed here, drawn as inline SVG
by the templates, so pages need no chart or map library and no tile server).

- chart: every report's figure (best, with low-high whiskers) by publication date, one
  series per category of people counted;
- map: the event's places with gazetteer coordinates on the Natural Earth basemap
  (`static/world.svg`, equirectangular, see `basemap.project`), zoomed to their extent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tollbook.events.grouping import Place
from tollbook.events.reconcile import EventFindings
from tollbook.web.basemap import HEIGHT, WIDTH, project
from tollbook.web.labels import Box, Label, around, place, point_candidates, text_width, thin_step

CHART_W, CHART_H = 640.0, 280.0
COMPACT_W, COMPACT_H = 360.0, 250.0  # the same chart for phone screens (text stays ~11 px)
FONT = 11.0
POINT_R = 5.0
_RIGHT, _TOP, _BOTTOM = 40.0, 16.0, 40.0


@dataclass(frozen=True, slots=True)
class ChartRow:
    """One dated report of a figure (people), the chart's input."""

    category: str
    day: dt.date
    best: float
    low: float
    high: float
    title: str  # tooltip: date, publisher/speaker, figure, status
    status: str


@dataclass(frozen=True, slots=True)
class ChartPoint:
    x: float
    y: float
    y_low: float
    y_high: float
    value: float
    date: str
    title: str
    status: str
    label: Label | None  # None when no free place was left for the figure's text


@dataclass(frozen=True, slots=True)
class ChartSeries:
    category: str
    points: tuple[ChartPoint, ...]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True, slots=True)
class Tick:
    pos: float  # x of an x tick, y of a y tick (grid line)
    label: Label


@dataclass(frozen=True, slots=True)
class Chart:
    width: float
    height: float
    series: tuple[ChartSeries, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    undated: int  # reports left out for want of a publication date
    plot: Box  # the plotting area inside the axes' labels
    compact: Chart | None = None  # the same reports laid out for a narrow screen

    @property
    def empty(self) -> bool:
        return not self.series

    @property
    def labels(self) -> tuple[Label, ...]:
        """Every text drawn: tick labels and point labels."""
        points = (p.label for s in self.series for p in s.points if p.label)
        return (*(t.label for t in self.y_ticks), *(t.label for t in self.x_ticks), *points)


def _ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    if hi <= lo:
        return [lo]
    raw = (hi - lo) / n
    mag = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1.0
    step = next((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), raw)
    out, v = [], 0.0
    while v <= hi + 1e-9:
        if v >= lo:
            out.append(v)
        v += step
    return out


def _fmt(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.1f}"


def chart_rows(ef: EventFindings) -> tuple[list[ChartRow], int]:
    """The dated reports of people of an event, and how many reports had no usable date."""
    rows, undated = [], 0
    for f in ef.findings:
        if f.unit != "people":
            continue
        for r in f.reports:
            try:
                day = dt.date.fromisoformat((r.published or "")[:10])
            except ValueError:
                undated += 1
                continue
            who = r.speaker or r.publisher or r.origin.label
            title = f"{day.isoformat()}: {who} says {_fmt(r.best)} {f.category} ({r.status})"
            rows.append(ChartRow(f.category, day, r.best, r.low, r.high, title, r.status))
    return rows, undated


def chart(ef: EventFindings) -> Chart:
    """Reported figures (people) by publication date, wide, with its compact twin."""
    rows, undated = chart_rows(ef)
    wide = layout(rows, undated, CHART_W, CHART_H)
    return replace(wide, compact=layout(rows, undated, COMPACT_W, COMPACT_H))


def layout(rows: Sequence[ChartRow], undated: int, width: float, height: float,
           font: float = FONT) -> Chart:  # fmt: skip
    """Coordinates of every point, tick and label in a width x height chart; labels that
    would overlap another label, a point or the chart's edge move to a free side or are left
    out (the figure stays in the point's tooltip and the table under the chart)."""
    if not rows:
        return Chart(width, height, (), (), (), undated, Box(0.0, 0.0, width, height))
    days = [r.day.toordinal() for r in rows]
    d0, d1 = min(days), max(days)
    if d1 - d0 < 30:
        d0, d1 = d0 - 15, d1 + 15
    top = max(r.high for r in rows) * 1.1 or 1.0
    values = _ticks(0.0, top)
    left = max(max(text_width(_fmt(v), font) for v in values) + 12, 3 * font)
    plot = Box(left, _TOP, width - _RIGHT, height - _BOTTOM)
    plot_w, plot_h = plot.right - plot.left, plot.bottom - plot.top
    whole = Box(0.0, 0.0, width, height)

    inset = 2 * POINT_R  # the first and last reports sit clear of the y axis and its labels

    def x_of(o: int) -> float:
        return plot.left + inset + (o - d0) / (d1 - d0) * (plot_w - 2 * inset)

    def y_of(v: float) -> float:
        return plot.top + plot_h - v / top * plot_h

    y_ticks = [Tick(y_of(v), Label(plot.left - 6, y_of(v) + font * 0.35, _fmt(v), "end", font))
               for v in values]  # fmt: skip
    y_ticks = _every(y_ticks, thin_step([t.label for t in y_ticks], whole))
    first, last = dt.date.fromordinal(d0), dt.date.fromordinal(d1)
    years = range(first.year + (first.month > 1 or first.day > 1), last.year + 1)
    x_at = [(x_of(dt.date(y, 1, 1).toordinal()), str(y)) for y in years]
    if len(x_at) < 2:
        x_at = [(x_of(d0), first.isoformat()), (x_of(d1), last.isoformat())]
    x_ticks = [Tick(x, _x_label(x, text, plot.bottom + 24, width, font)) for x, text in x_at]
    x_ticks = _every(x_ticks, thin_step([t.label for t in x_ticks], whole))

    ordered = sorted(rows, key=lambda r: (r.category, r.day))
    xy = [(x_of(r.day.toordinal()), y_of(r.best)) for r in ordered]
    taken = [t.label.box for t in (*y_ticks, *x_ticks)] + [around(x, y, POINT_R + 1) for x, y in xy]
    bounds = Box(0.0, 0.0, width, plot.bottom)
    by_cat: dict[str, list[ChartPoint]] = {}
    for r, (x, y) in zip(ordered, xy, strict=True):
        label = place(point_candidates(_fmt(r.best), x, y, POINT_R, font), bounds, taken)
        by_cat.setdefault(r.category, []).append(ChartPoint(
            x=x, y=y, y_low=y_of(r.low), y_high=y_of(r.high), value=r.best,
            date=r.day.isoformat(), title=r.title, status=r.status, label=label,
        ))  # fmt: skip
    series = tuple(ChartSeries(cat, tuple(points)) for cat, points in sorted(by_cat.items()))
    return Chart(width, height, series, tuple(x_ticks), tuple(y_ticks), undated, plot)


def _every(ticks: list[Tick], k: int | None) -> list[Tick]:
    return ticks[::k] if k else []


def _x_label(x: float, text: str, y: float, width: float, font: float) -> Label:
    """A centred tick label, nudged inwards when it would cross the chart's edge."""
    half = text_width(text, font) / 2
    return Label(min(max(x, half + 1), width - half - 1), y, text, "middle", font)


@dataclass(frozen=True, slots=True)
class Marker:
    x: float
    y: float
    name: str
    title: str
    label: Label | None = None  # the name beside the marker, None when no free place is left


@dataclass(frozen=True, slots=True)
class MapModel:
    view_box: str
    width: float  # basemap size in map units
    height: float
    radius: float
    markers: tuple[Marker, ...]
    unplaced: tuple[str, ...]  # places without coordinates

    @property
    def empty(self) -> bool:
        return not self.markers


def _places(ef: EventFindings) -> list[Place]:
    seen: dict[str, Place] = {}
    candidates = [ef.event.place, *(m.place for m in ef.event.mentions)]
    for p in candidates:
        if p is not None and p.key not in seen:
            seen[p.key] = p
    return list(seen.values())


def event_map(ef: EventFindings) -> MapModel:
    """Markers for the event's places, the view zoomed to them (at least 30° across), each
    name beside its marker where it stays inside the view and clear of the other markers."""
    located, unplaced = [], []
    for p in _places(ef):
        if p.entry is None:
            unplaced.append(p.name)
            continue
        x, y = project(p.entry.lat, p.entry.lon)
        title = f"{p.entry.name}, {p.entry.country} ({p.entry.lat:.3f}, {p.entry.lon:.3f})"
        located.append(Marker(x, y, p.name, title))
    if not located:
        return MapModel(f"0 0 {WIDTH:g} {HEIGHT:g}", WIDTH, HEIGHT, 4.0, (), tuple(unplaced))
    xs, ys = [m.x for m in located], [m.y for m in located]
    span = max(max(xs) - min(xs), (max(ys) - min(ys)) * 2, 60.0) * 1.4
    w, h = min(span, WIDTH), min(span / 2, HEIGHT)
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    x0 = min(max(cx - w / 2, 0.0), WIDTH - w)
    y0 = min(max(cy - h / 2, 0.0), HEIGHT - h)
    view = f"{x0:.1f} {y0:.1f} {w:.1f} {h:.1f}"
    r = max(w / 90, 0.6)
    taken = [around(m.x, m.y, r * 1.3) for m in located]
    bounds = Box(x0, y0, x0 + w, y0 + h)
    markers = []
    for m in located:
        ways = point_candidates(m.name, m.x, m.y, r, r * 3)
        label = place([*ways[4:], *ways[:4]], bounds, taken, r / 4)  # beside the marker first
        markers.append(replace(m, label=label))
    return MapModel(view, WIDTH, HEIGHT, r, tuple(markers), tuple(unplaced))
