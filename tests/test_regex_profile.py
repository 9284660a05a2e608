"""bench/regex_profile.py's bound of issue 23's "rules over marks": the path's CPU time less the
recorded regular-expression calls replayed alone, printed as MB/s beside the path's own.

Input: the bench run in a subprocess on a few kB of its articles -> its printed lines. Timings
are the bench's business; this checks the numbers it prints are the ones it says they are."""

from __future__ import annotations

import re
import subprocess
import sys

from .conftest import ROOT


def test_the_bound_is_the_path_less_its_regex_time() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "regex_profile.py"), "--kb", "12", "--repeat", "1", "--top", "3",
         "--shared", str(ROOT / "no-shared-data")],  # fmt: skip
        capture_output=True, text=True, check=True, timeout=300,
    ).stdout
    path = re.search(r"path ([\d.]+) CPU s \(([\d.]+) MB/s\); .* replayed: ([\d.]+) s", out)
    bound = re.search(r"the path without them: ([\d.]+) s, ([\d.]+) MB/s \(([\d.]+)x\)", out)
    assert path and bound, out
    cpu, speed, regex = (float(g) for g in path.groups())
    rest, ceiling, ratio = (float(g) for g in bound.groups())
    assert regex > 0  # the proxies saw the rules' searches
    assert abs(rest - (cpu - regex)) <= 0.0011  # each printed to 3 decimals
    assert ceiling > speed
    # cpu and rest are printed to 3 decimals: the ratio recomputed from them carries their rounding
    assert abs(ratio - cpu / rest) <= ratio * (0.0005 / rest + 0.0005 / cpu) + 0.01
