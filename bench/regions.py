"""Where claims are placed, against ACLED's coding of the same notes (issue 21, issue 18).

    .venv/bin/python bench/regions.py [--shared ../shared] [--limit N]

For each row of ACLED's global sample whose notes give a claim with a place, the first such
claim's place is compared with the row's `country` and `admin1`: what resolved (`place_geo`,
else the enclosing `place_within`) must name the same country (ISO numeric) and first-level
division (name folded). Rows are split into a read and a check half by a stable hash of their
`event_id_cnty`; both halves are printed every time.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

from tollbook import api
from tollbook.geo.countries import country
from tollbook.geo.names import name_key
from tollbook.output.exports import _admin_names


def half(key: str) -> str:
    return "read" if hashlib.sha1(key.encode()).digest()[0] % 2 == 0 else "check"


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    path = Path(args.shared) / "data" / "acled" / "acled-2020-global-sample.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    if args.limit:
        rows = rows[: args.limit]
    regions = _admin_names()[1]
    stats = {h: dict.fromkeys(("rows", "placed", "country", "admin1", "via_within"), 0)
             for h in ("read", "check")}  # fmt: skip
    for r in rows:
        s = stats[half(r["event_id_cnty"])]
        s["rows"] += 1
        claims = [c for c in api.extract_text(r["notes"]).claims if c.place is not None]
        if not claims:
            continue
        p = claims[0].place
        assert p is not None
        within = getattr(p, "within", None)
        e = p.entry or within
        if e is None:
            continue
        s["placed"] += 1
        s["via_within"] += p.entry is None
        c = country(e.country)
        if c is not None and str(c.iso_numeric) == r["iso"]:
            s["country"] += 1
            if name_key(regions.get((e.country, e.admin1), "")) == name_key(r["admin1"]):
                s["admin1"] += 1
    for h, s in stats.items():
        n = s["placed"] or 1
        print(f"{h:5} rows {s['rows']:4}  placed {s['placed']:4} (via within {s['via_within']:3})  "
              f"country {s['country'] / n:6.1%}  admin1 {s['admin1'] / n:6.1%}")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
