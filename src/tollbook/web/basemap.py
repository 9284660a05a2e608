"""Natural Earth country outlines (TopoJSON) -> a compact SVG basemap; lat/lon -> map x/y.

The map is an equirectangular projection: x = (lon + 180) * SCALE, y = (90 - lat) * SCALE,
in a viewBox of WIDTH x HEIGHT. The shipped asset `static/world.svg` was built once with

    python -m tollbook.web.basemap countries-110m.json src/tollbook/web/static/world.svg

from the npm package `world-atlas` 2.0.2 (Natural Earth 1:110m, public domain; packaging ISC).
Pages draw markers in the same coordinates, so no tile server or map library is needed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

SCALE = 2.0
WIDTH = 360 * SCALE
HEIGHT = 180 * SCALE


def project(lat: float, lon: float) -> tuple[float, float]:
    """Map coordinates of a point (degrees) on the basemap."""
    return (round((lon + 180.0) * SCALE, 2), round((90.0 - lat) * SCALE, 2))


def _decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs -> lists of (lon, lat)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        # Consecutive arcs share their joining point.
        points.extend(arc if not points else arc[1:])
    return points


def _path(ring: list[tuple[float, float]], digits: int) -> str:
    """One closed ring as relative SVG moves, rounded; repeated points dropped."""
    out: list[str] = []
    last: tuple[float, float] | None = None
    shift = 0.0
    for lon, lat in ring:
        x, y = project(lat, lon)
        x, y = round(x + shift, digits), round(y, digits)
        if last is not None and abs(x - last[0]) > WIDTH / 2:
            # A ring crossing the antimeridian: keep it on one side (the rest is clipped)
            # instead of drawing a line across the whole map.
            step = -WIDTH if x > last[0] else WIDTH
            shift += step
            x = round(x + step, digits)
        if last is None:
            out.append(f"M{_num(x)} {_num(y)}")
        elif (x, y) != last:
            out.append(f"l{_num(x - last[0])} {_num(y - last[1])}")
        else:
            continue
        last = (x, y)
    return "".join(out) + "z" if len(out) > 2 else ""


def _num(v: float) -> str:
    text = f"{round(v, 1):g}"
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def build_svg(topo: dict[str, Any], digits: int = 1) -> str:
    """The countries of a world-atlas TopoJSON as one SVG document (one path per country)."""
    arcs = _decode_arcs(topo)
    paths = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = geom.get("arcs") or []
        if geom["type"] == "Polygon":
            polys = [polys]
        d = "".join(_path(_ring(arcs, ring), digits) for poly in polys for ring in poly)
        if d:
            paths.append(d)
    body = "\n".join(f'<path d="{d}"/>' for d in paths)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {HEIGHT:g}">\n'
        "<!-- Natural Earth 1:110m countries (public domain) via world-atlas 2.0.2 (ISC) -->\n"
        f'<g fill="#e4e1d8" stroke="#9a968a" stroke-width=".3">\n{body}\n</g>\n</svg>\n'
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m tollbook.web.basemap COUNTRIES_TOPOJSON OUT_SVG", file=sys.stderr)
        return 2
    topo = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    Path(argv[1]).write_text(build_svg(topo), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
