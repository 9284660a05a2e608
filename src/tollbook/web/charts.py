"""Findings of an event -> chart and map models (coordinates computed here, drawn as inline SVG
by the templates, so pages need no chart or map library and no tile server).

- chart: every report's figure (best, with low-high whiskers) by publication date, one
  series per category of people counted;
- map: the event's places with gazetteer coordinates on the Natural Earth basemap
  (`static/world.svg`, equirectangular, see `basemap.project`), zoomed to their extent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tollbook.events.grouping import Place
from tollbook.events.reconcile import EventFindings
from tollbook.web.basemap import HEIGHT, WIDTH, project

CHART_W, CHART_H = 640.0, 280.0
_LEFT, _RIGHT, _TOP, _BOTTOM = 64.0, 48.0, 16.0, 40.0


@dataclass(frozen=True, slots=True)
class ChartPoint:
    x: float
    y: float
    y_low: float
    y_high: float
    value: float
    date: str
    title: str  # tooltip: date, publisher/speaker, figure, status
    status: str


@dataclass(frozen=True, slots=True)
class ChartSeries:
    category: str
    points: tuple[ChartPoint, ...]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True, slots=True)
class Chart:
    width: float
    height: float
    series: tuple[ChartSeries, ...]
    x_ticks: tuple[tuple[float, str], ...]
    y_ticks: tuple[tuple[float, str], ...]
    undated: int  # reports left out for want of a publication date

    @property
    def empty(self) -> bool:
        return not self.series


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


def chart(ef: EventFindings) -> Chart:
    """Reported figures (people) by publication date."""
    rows = []
    undated = 0
    for f in ef.findings:
        if f.unit != "people":
            continue
        for r in f.reports:
            if not r.published:
                undated += 1
                continue
            try:
                day = dt.date.fromisoformat(r.published[:10])
            except ValueError:
                undated += 1
                continue
            rows.append((f.category, day, r))
    if not rows:
        return Chart(CHART_W, CHART_H, (), (), (), undated)
    days = [d.toordinal() for _, d, _ in rows]
    d0, d1 = min(days), max(days)
    if d1 - d0 < 30:
        d0, d1 = d0 - 15, d1 + 15
    top = max(r.high for _, _, r in rows) * 1.1 or 1.0
    plot_w, plot_h = CHART_W - _LEFT - _RIGHT, CHART_H - _TOP - _BOTTOM

    def x_of(o: int) -> float:
        return _LEFT + (o - d0) / (d1 - d0) * plot_w

    def y_of(v: float) -> float:
        return _TOP + plot_h - v / top * plot_h

    by_cat: dict[str, list[ChartPoint]] = {}
    for cat, day, r in sorted(rows, key=lambda t: (t[0], t[1])):
        who = r.speaker or r.publisher or r.origin.label
        title = f"{day.isoformat()}: {who} says {_fmt(r.best)} {cat} ({r.status})"
        by_cat.setdefault(cat, []).append(ChartPoint(
            x=x_of(day.toordinal()), y=y_of(r.best), y_low=y_of(r.low), y_high=y_of(r.high),
            value=r.best, date=day.isoformat(), title=title, status=r.status,
        ))  # fmt: skip
    series = tuple(ChartSeries(cat, tuple(points)) for cat, points in sorted(by_cat.items()))
    first, last = dt.date.fromordinal(d0), dt.date.fromordinal(d1)
    years = range(first.year + (first.month > 1 or first.day > 1), last.year + 1)
    x_ticks = [(x_of(dt.date(y, 1, 1).toordinal()), str(y)) for y in years]
    if len(x_ticks) < 2:
        x_ticks = [(x_of(d0), first.isoformat()), (x_of(d1), last.isoformat())]
    elif len(x_ticks) > 10:
        step = -(-len(x_ticks) // 10)
        x_ticks = x_ticks[::step]
    y_ticks = tuple((y_of(v), _fmt(v)) for v in _ticks(0.0, top))
    return Chart(CHART_W, CHART_H, series, tuple(x_ticks), y_ticks, undated)


@dataclass(frozen=True, slots=True)
class Marker:
    x: float
    y: float
    label: str
    title: str


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
    """Markers for the event's places, the view zoomed to them (at least 30° across)."""
    markers, unplaced = [], []
    for p in _places(ef):
        if p.entry is None:
            unplaced.append(p.name)
            continue
        x, y = project(p.entry.lat, p.entry.lon)
        title = f"{p.entry.name}, {p.entry.country} ({p.entry.lat:.3f}, {p.entry.lon:.3f})"
        markers.append(Marker(x, y, p.name, title))
    if not markers:
        return MapModel(f"0 0 {WIDTH:g} {HEIGHT:g}", WIDTH, HEIGHT, 4.0, (), tuple(unplaced))
    xs, ys = [m.x for m in markers], [m.y for m in markers]
    span = max(max(xs) - min(xs), (max(ys) - min(ys)) * 2, 60.0) * 1.4
    w, h = min(span, WIDTH), min(span / 2, HEIGHT)
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    x0 = min(max(cx - w / 2, 0.0), WIDTH - w)
    y0 = min(max(cy - h / 2, 0.0), HEIGHT - h)
    view = f"{x0:.1f} {y0:.1f} {w:.1f} {h:.1f}"
    return MapModel(view, WIDTH, HEIGHT, max(w / 90, 0.6), tuple(markers), tuple(unplaced))
