"""Regex profile: where the path's regular-expression time goes, pattern by pattern (issue 23).

    .venv/bin/python bench/regex_profile.py [--kb 300] [--top 20] [--shared ../shared] [--cprofile]

Corpus: the first --kb of bench/throughput.py's deterministic articles. Two reports, each from
`Pipeline.run` over every article (after one untimed warm-up pass that imports the stages):
- `--cprofile`: cProfile's tottime grouped by module, C regex calls (`re.Pattern` and
  `re.Match` methods, `re` module functions) in one row: the regex share of the path;
- default: every compiled pattern the tollbook modules hold at module level (a name, a dict's
  value, a tuple's member), and the `re` module's functions, wrapped by a proxy that sums the
  time of each call (perf_counter, less the measured cost of the timer itself), its calls and
  its matches (found by search/match, yielded by finditer), per pattern and per calling
  function. Prints the top patterns by time with the readings that call them, the
  wrapped total against the cProfile-free CPU time of the same pass, and the path's speed
  without that total: what a scan answering every regular expression for free would leave,
  the bound of issue 23's "rules over marks" while the rules stay Python. A pattern a rule builds
  inside a function is not seen: the uncovered part is the C time minus the wrapped total.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))



class Stat:
    __slots__ = ("callers", "calls", "hits", "ns", "pattern", "record")

    def __init__(self) -> None:
        self.ns = 0
        self.calls = 0
        self.hits = 0
        self.callers: dict[str, int] = defaultdict(int)
        self.record: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
        self.pattern: re.Pattern[str] | None = None


_STATS: dict[str, Stat] = defaultdict(Stat)


def _caller(depth: int) -> str:
    f = sys._getframe(depth)
    return f"{f.f_globals.get('__name__', '?').removeprefix('tollbook.')}.{f.f_code.co_name}"


class Found:
    """A match whose `.re` is the proxy that found it (`after.re is _DIED` in the rules)."""

    __slots__ = ("_m", "re")

    def __init__(self, m: re.Match[str], proxy: Timed) -> None:
        self._m = m
        self.re = proxy

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._m, attr)

    def __getitem__(self, g: Any) -> Any:
        return self._m[g]


class Timed:
    """A compiled pattern that times its own calls."""

    __slots__ = ("_name", "_p")

    def __init__(self, p: re.Pattern[str], name: str) -> None:
        self._p = p
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._p, attr)

    def __eq__(self, other: object) -> bool:  # `m.re in (_PASSIVE, _GAPPED)` in the rules
        return self._p == (other._p if isinstance(other, Timed) else other)

    def __hash__(self) -> int:
        return hash(self._p)

    def _one(self, fn: Callable[..., Any], args: tuple[Any, ...], kw: dict[str, Any]) -> Any:
        st = _STATS[self._name]
        st.callers[_caller(3)] += 1  # the rule, above search() and _one()
        st.pattern = self._p
        st.record.append((fn.__name__, args, kw))
        r = fn(*args, **kw)
        st.calls += 1
        if r:
            st.hits += 1
            if isinstance(r, re.Match):
                return Found(r, self)
        return r

    def search(self, *a: Any, **k: Any) -> Any:
        return self._one(self._p.search, a, k)

    def match(self, *a: Any, **k: Any) -> Any:
        return self._one(self._p.match, a, k)

    def fullmatch(self, *a: Any, **k: Any) -> Any:
        return self._one(self._p.fullmatch, a, k)

    def findall(self, *a: Any, **k: Any) -> Any:
        return self._one(self._p.findall, a, k)

    def sub(self, *a: Any, **k: Any) -> Any:
        return self._one(self._p.sub, a, k)

    def subn(self, *a: Any, **k: Any) -> Any:
        return self._one(self._p.subn, a, k)

    def split(self, *a: Any, **k: Any) -> Any:
        return self._one(self._p.split, a, k)

    def finditer(self, *a: Any, **k: Any) -> Iterator[Found]:
        st = _STATS[self._name]
        st.callers[_caller(2)] += 1
        st.calls += 1
        st.pattern = self._p
        st.record.append(("finditer", a, k))
        return self._iterate(st, self._p.finditer(*a, **k))

    def _iterate(self, st: Stat, it: Iterator[re.Match[str]]) -> Iterator[Found]:
        for m in it:
            st.hits += 1
            yield Found(m, self)


def _wrap_module_functions() -> None:
    """re.search(str, ...) and friends, named by their pattern's start."""
    # the positional arguments before `flags` in each function's signature
    for fname, before in (("search", 1), ("match", 1), ("fullmatch", 1), ("findall", 1), ("finditer", 1),
                          ("split", 2), ("sub", 3), ("subn", 3)):  # fmt: skip
        def wrapped(pattern: Any, *a: Any, _n: str = fname, _b: int = before, **k: Any) -> Any:
            flags = a[_b] if len(a) > _b else k.pop("flags", 0)
            a = a[:_b] + a[_b + 1 :]
            raw = pattern._p if isinstance(pattern, Timed) else pattern
            p = raw.pattern if isinstance(raw, re.Pattern) else raw
            return getattr(Timed(re.compile(raw, flags), f"re.{_n}({str(p)[:40]!r})"), _n)(*a, **k)

        setattr(re, fname, wrapped)


def _names(modules: list[ModuleType]) -> dict[int, str]:
    """id(pattern) -> the name it is declared under: grammar modules first, public names first."""
    names: dict[int, str] = {}
    order = sorted(modules, key=lambda m: (".grammar." not in m.__name__, m.__name__))
    for public in (True, False):
        for mod in order:
            short = mod.__name__.removeprefix("tollbook.").removeprefix("extract.")
            for attr, value in vars(mod).items():
                if attr.startswith("_") == public:
                    continue
                for key, p in _patterns_in(value):
                    names.setdefault(id(p), f"{short}.{attr}{key}")
    return names


def _patterns_in(value: Any) -> Iterator[tuple[str, re.Pattern[str]]]:
    if isinstance(value, re.Pattern):
        yield "", value
    elif isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, re.Pattern):
                yield f"[{k!r}]", v
    elif isinstance(value, (tuple, list)):
        for i, v in enumerate(value):
            if isinstance(v, re.Pattern):
                yield f"[{i}]", v


def instrument() -> int:
    """Replace the patterns the tollbook modules hold by timed proxies; how many."""
    modules = [m for n, m in sorted(sys.modules.items()) if n.startswith("tollbook") and m is not None]
    names = _names(modules)
    proxies: dict[int, Timed] = {}

    def proxy(p: re.Pattern[str]) -> Timed:
        if id(p) not in proxies:
            proxies[id(p)] = Timed(p, names.get(id(p), f"?{p.pattern[:40]!r}"))
        return proxies[id(p)]

    for mod in modules:
        for attr, value in list(vars(mod).items()):
            if isinstance(value, re.Pattern):
                setattr(mod, attr, proxy(value))
            elif isinstance(value, dict) and any(isinstance(v, re.Pattern) for v in value.values()):
                for k, v in list(value.items()):
                    if isinstance(v, re.Pattern):
                        value[k] = proxy(v)
            elif isinstance(value, list) and any(isinstance(v, re.Pattern) for v in value):
                value[:] = [proxy(v) if isinstance(v, re.Pattern) else v for v in value]
            elif isinstance(value, tuple) and any(isinstance(v, re.Pattern) for v in value) \
                    and not hasattr(value, "_fields"):  # fmt: skip
                setattr(mod, attr, tuple(proxy(v) if isinstance(v, re.Pattern) else v for v in value))
    _wrap_gates(modules, names)
    _wrap_module_functions()
    return len(proxies)


def _wrap_gates(modules: list[ModuleType], names: dict[int, str]) -> None:
    """The word gates' searches (literals.Gate holds a bound `search` of its alternation)."""
    try:
        from tollbook.extract.grammar.literals import Gate
    except ImportError:  # a checkout before the gates (to profile it the same way)
        return
    done: set[int] = set()
    for mod in modules:
        short = mod.__name__.removeprefix("tollbook.").removeprefix("extract.")
        for attr, value in vars(mod).items():
            gates = value.items() if isinstance(value, dict) else [("", value)]
            for key, g in gates:
                if not isinstance(g, Gate) or id(g) in done or not isinstance(getattr(g.search, "__self__", None), re.Pattern):
                    continue
                done.add(id(g))
                label = f"{short}.{attr}{f'[{key!r}]' if key else ''} (gate)"
                object.__setattr__(g, "search", Timed(g.search.__self__, label).search)


def _replay(st: Stat, repeat: int) -> float:
    """CPU seconds of the pattern's recorded calls, replayed alone (min of `repeat`)."""
    p = st.pattern
    assert p is not None
    calls = [(getattr(p, fn), a, k, fn == "finditer") for fn, a, k in st.record]
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        for fn, a, k, iterate in calls:
            if iterate:
                for _m in fn(*a, **k):
                    pass
            else:
                fn(*a, **k)
        best = min(best, time.process_time() - t)
    return best


def _docs(kb: float, shared: Path) -> tuple[list[Any], int]:
    from throughput import articles

    from tollbook.ingest.sources import document_from_text

    texts = list(articles(int(kb * 1000), shared))
    return [document_from_text(t, published=p) for t, p in texts], sum(len(t.encode()) for t, _ in texts)


def _group(filename: str, func: str) -> str:
    if filename == "~":
        if "re.Pattern" in func or "re.Match" in func or "_sre" in func:
            return "re (C regex calls)"
        return "builtins"
    if "/re/" in filename or filename.endswith("/re.py"):
        return "re (Python: compile, module functions)"
    if "tollbook" in filename:
        return filename.split("tollbook/", 1)[1]
    return filename.rsplit("/", 1)[-1]


def cprofile_report(docs: list[Any], size: int, top: int) -> None:
    from tollbook.pipeline import Pipeline

    pipeline = Pipeline()
    for d in docs:
        pipeline.run(d)
    t = time.process_time()
    for d in docs:
        pipeline.run(d)
    cpu = time.process_time() - t
    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        pipeline.run(d)
    prof.disable()
    stats: Any = pstats.Stats(prof).stats
    groups: dict[str, float] = defaultdict(float)
    for (filename, _line, func), (_cc, _nc, tt, _ct, _callers) in stats.items():
        groups[_group(filename, func)] += tt
    total = sum(groups.values())
    print(f"{size / 1e6:.2f} MB, {len(docs)} docs: {cpu:.2f} CPU s unprofiled ({size / 1e6 / cpu:.3f} MB/s); "
          f"profiled tottime {total:.2f} s")  # fmt: skip
    for name, tt in sorted(groups.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {tt / total:6.1%}  {tt:7.2f} s  {name}")


def pattern_report(docs: list[Any], size: int, top: int, repeat: int) -> None:
    from tollbook.pipeline import Pipeline

    pipeline = Pipeline()
    reference = [repr(pipeline.run(d).claims) for d in docs]  # imports the stages
    cpu = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        for d in docs:
            pipeline.run(d)
        cpu = min(cpu, time.process_time() - t)
    n = instrument()
    got = [repr(pipeline.run(d).claims) for d in docs]
    if got != reference:
        raise SystemExit("the instrumented run gave other claims: a proxy changed behaviour")
    for st in _STATS.values():
        st.ns = int(_replay(st, repeat) * 1e9)
    total = sum(s.ns for s in _STATS.values()) / 1e9
    print(f"{size / 1e6:.2f} MB, {len(docs)} docs; {n} module-level patterns wrapped (+ re functions); "
          f"each pattern's calls recorded, then replayed alone (CPU s, min of {repeat})")  # fmt: skip
    print(f"path {cpu:.3f} CPU s ({size / 1e6 / cpu:.3f} MB/s); the recorded regex calls replayed: "
          f"{total:.3f} s = {total / cpu:.1%} of the path")  # fmt: skip
    # What "rules over marks" can give while the rules stay Python: a scan that answered every
    # one of these calls for free leaves the rules' own work (an upper bound: the calls of
    # patterns built inside functions, not wrapped, stay in it; a mark read is never free).
    rest = max(cpu - total, 1e-9)
    print(f"the path without them: {rest:.3f} s, {size / 1e6 / rest:.3f} MB/s "
          f"({cpu / rest:.2f}x): the bound of rules over free marks, the rules staying Python")  # fmt: skip
    print(f"\n{'#':>3} {'pattern':48} {'s':>6} {'share':>6} {'calls':>7} {'µs/call':>7} {'hits':>6}  callers (calls)")
    ranked = sorted(_STATS.items(), key=lambda kv: -kv[1].ns)
    for i, (name, s) in enumerate(ranked[:top], 1):
        callers = ", ".join(f"{c} {k}" for c, k in sorted(s.callers.items(), key=lambda kv: -kv[1])[:3])
        print(f"{i:>3} {name[:48]:48} {s.ns / 1e9:6.3f} {s.ns / 1e9 / cpu:6.1%} {s.calls:>7} "
              f"{s.ns / 1e3 / max(1, s.calls):7.1f} {s.hits:>6}  {callers}")  # fmt: skip
    by_module: dict[str, float] = defaultdict(float)
    for s in _STATS.values():
        for c, k in s.callers.items():
            by_module[c.rsplit(".", 1)[0]] += s.ns / 1e9 * k / max(1, sum(s.callers.values()))
    print("\nreplayed regex time by calling module:")
    for mod, sec in sorted(by_module.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {sec:6.3f} s {sec / cpu:6.1%}  {mod}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kb", type=float, default=300.0, help="corpus size in kB (default 300)")
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3, help="timed passes; the minimum counts")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cprofile", action="store_true", help="cProfile tottime by module instead")
    args = ap.parse_args()
    docs, size = _docs(args.kb, args.shared)
    if args.cprofile:
        cprofile_report(docs, size, args.top)
    else:
        pattern_report(docs, size, args.top, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
