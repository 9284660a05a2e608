"""Benchmark: events across documents on the multi-outlet scenarios (tests/scenarios/*).

    PYTHONPATH=src .venv/bin/python bench/events.py [SCENARIO_DIR ...] [-v]

Prints grouping B-cubed precision/recall/F1, killed best/range accuracy, status and origin
accuracy, and spurious/contaminated events (roll-ups and background mentions), for all the
scenarios and for each half: `read` (written before the mechanisms, read while fixing them)
and `check` (gold.json "split": "check", written after them, each read only after its first
run); with -v one line per incident and per problem. Asserts nothing: the floors are in
tests/test_scenarios.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tollbook.evaluation.scenarios import score_scenarios

ROOT = Path(__file__).resolve().parents[1] / "tests" / "scenarios"


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    dirs = [Path(a) for a in argv if a != "-v"] or sorted(
        p for p in ROOT.iterdir() if (p / "gold.json").exists()
    )
    s = score_scenarios(dirs)
    print(f"scenarios {len(dirs)}, incidents {s.incidents}")
    print(json.dumps(s.as_dict()))
    halves: dict[str, list[Path]] = {"read": [], "check": []}
    for d in dirs:
        split = json.loads((d / "gold.json").read_text()).get("split", "read")
        halves.setdefault(split, []).append(d)
    for name, part in halves.items():
        if part and len(part) < len(dirs):
            print(f"{name:5} {len(part):2} scenarios", json.dumps(score_scenarios(part).as_dict()))
    for row in s.rows:
        if verbose or "problem" in row or not all(row.get("ok", {}).values()):
            print(json.dumps(row))


if __name__ == "__main__":
    main(sys.argv[1:])
