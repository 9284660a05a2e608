"""tollbook.extract.grammar.compiled: the declared patterns' compiled form is cached in a file,
served identical to `re.compile`'s, recompiled and rewritten when missing, stale or corrupt
(a corrupt file reported once), never required; and the project corpus gives byte-identical
claims and tallies from the cached patterns and from patterns compiled from source.

Input: patterns and cache files under tmp_path, fresh interpreters for the whole grammar ->
assertions. Timings live in bench/startup.py."""

from __future__ import annotations

import hashlib
import json
import logging
import marshal
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tollbook.extract.grammar import compiled
from tollbook.extract.grammar.compiled import PatternCache
from tollbook.pipeline import Settings

from .conftest import CORPUS, ROOT

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"\b(?P<n>\d+)\s+(?:people|civilians)\s+(?:were\s+)?killed\b", re.IGNORECASE),
    (r"(?m)^(?P<place>[A-Z][A-Z'’.-]+)(?:,\s*(?P<date>\w+ \d{1,2}))?\s*[-–—]\s", 0),
    (r"[\w’']+", 0),
    (rb"[\xc2-\xdf][\x80-\xbf]", 0),
    ("(?i:wounded)|injured|hurt", re.VERBOSE),
]
TEXT = "NIAMEY, March 14 - Gunmen killed 12 civilians; 30 People were killed in Diffa."


def _compile_all(cache: PatternCache) -> list[re.Pattern[Any]]:
    with cache.serving():
        return [re.compile(p, f) for p, f in PATTERNS]


def _file(directory: Path) -> Path:
    files = list(directory.glob("patterns-*.marshal"))
    assert len(files) == 1, files
    return files[0]


@pytest.mark.parametrize("held_by_re", [False, True])
def test_first_use_compiles_and_writes_the_second_reads_identical_patterns(tmp_path: Path, held_by_re: bool) -> None:
    # A pattern re compiles now is recorded from its own call; one re already holds (its
    # cache) is parsed again for the record: both must give the same file.
    re.purge()
    if held_by_re:
        for p, f in PATTERNS:
            re.compile(p, f)
    cold = PatternCache(tmp_path)
    first = _compile_all(cold)
    assert (cold.status, cold.hits, cold.misses) == ("missing", 0, len(PATTERNS))
    path = _file(tmp_path)
    assert path == cold.path
    warm = PatternCache(tmp_path)
    second = _compile_all(warm)
    assert (warm.status, warm.hits, warm.misses) == ("read", len(PATTERNS), 0)
    fresh = [re.compile(p, f) for p, f in PATTERNS]
    # CPython compares a pattern's source, flags and opcodes
    assert second == first == fresh
    for cached, plain in zip(second, fresh, strict=True):
        assert cached.groupindex == plain.groupindex and cached.groups == plain.groups
        subject: Any = TEXT.encode() if isinstance(plain.pattern, bytes) else TEXT
        assert [m.span() for m in cached.finditer(subject)] == [m.span() for m in plain.finditer(subject)]
        assert [m.groupdict() for m in cached.finditer(subject)] == [m.groupdict() for m in plain.finditer(subject)]


def test_re_compile_is_restored_after_the_context_even_on_error(tmp_path: Path) -> None:
    original = re.compile
    cache = PatternCache(tmp_path)
    with pytest.raises(ZeroDivisionError), cache.serving():
        assert re.compile is not original
        1 / 0  # noqa: B018
    assert re.compile is original
    with cache.serving(), pytest.raises(re.error):
        re.compile("(unclosed")  # a bad pattern still raises re.error, uncached
    assert re.compile is original


def test_nested_contexts_restore_in_order(tmp_path: Path) -> None:
    original = re.compile
    outer, inner = PatternCache(tmp_path / "a"), PatternCache(tmp_path / "b")
    with outer.serving():
        with inner.serving():
            re.compile("x+y")
        re.compile("x+z")
    assert re.compile is original
    # the inner cache compiles its miss through the outer one, which records it too
    assert inner.misses == 1 and outer.misses == 2


def test_an_edited_pattern_is_compiled_from_source_and_the_file_rewritten(tmp_path: Path) -> None:
    _compile_all(PatternCache(tmp_path))
    cache = PatternCache(tmp_path)
    with cache.serving():
        kept = re.compile(*PATTERNS[0])
        edited = re.compile(r"\b(?P<n>\d+)\s+(?:soldiers)\s+killed\b", re.IGNORECASE)
    assert (cache.status, cache.hits, cache.misses) == ("read", 1, 1)
    assert edited == re.compile(r"\b(?P<n>\d+)\s+(?:soldiers)\s+killed\b", re.IGNORECASE)
    again = PatternCache(tmp_path)
    with again.serving():
        assert re.compile(*PATTERNS[0]) == kept
        assert re.compile(r"\b(?P<n>\d+)\s+(?:soldiers)\s+killed\b", re.IGNORECASE) == edited
        re.compile(*PATTERNS[2])
    # the file now holds the two patterns served last time: an unused one was dropped
    assert (again.hits, again.misses) == (2, 1)


def test_a_file_of_another_interpreter_is_rebuilt_quietly(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    _compile_all(PatternCache(tmp_path))
    path = _file(tmp_path)
    key, _ = marshal.loads(path.read_bytes()[len(compiled._MAGIC) + 32 :])
    monkeypatch.setattr(compiled, "interpreter_key", lambda: key + "/another")
    stale = PatternCache(tmp_path)
    monkeypatch.setattr(PatternCache, "path", property(lambda self: path))  # a colliding name
    with caplog.at_level(logging.WARNING, logger="tollbook"):
        patterns = _compile_all(stale)
    assert stale.status == "stale" and stale.misses == len(PATTERNS)
    assert not caplog.records
    assert patterns == [re.compile(p, f) for p, f in PATTERNS]
    assert marshal.loads(path.read_bytes()[len(compiled._MAGIC) + 32 :])[0] == key + "/another"


def _corrupt_variants(good: bytes) -> dict[str, bytes]:
    payload = good[len(compiled._MAGIC) + 32 :]
    key, entries = marshal.loads(payload)
    bad_code = [(*e[:3], [999999, *e[3][1:]], *e[4:]) for e in entries]  # opcodes _sre refuses
    forged = marshal.dumps((key, bad_code))
    shapeless = marshal.dumps((key, [(1, 2)]))
    return {
        "truncated": good[: len(good) // 2],
        "flipped byte": good[:-10] + bytes([good[-10] ^ 0x01]) + good[-9:],
        "garbage": b"\x00not a cache file" * 10,
        "empty": b"",
        "forged opcodes with a matching checksum": compiled._MAGIC + hashlib.sha256(forged).digest() + forged,
        "wrong shape with a matching checksum": compiled._MAGIC + hashlib.sha256(shapeless).digest() + shapeless,
    }


@pytest.mark.parametrize("variant", ["truncated", "flipped byte", "garbage", "empty",
                                     "forged opcodes with a matching checksum",
                                     "wrong shape with a matching checksum"])  # fmt: skip
def test_a_corrupt_file_is_reported_once_and_rebuilt(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                     variant: str) -> None:  # fmt: skip
    _compile_all(PatternCache(tmp_path))
    path = _file(tmp_path)
    path.write_bytes(_corrupt_variants(path.read_bytes())[variant])
    broken = PatternCache(tmp_path)
    with caplog.at_level(logging.WARNING, logger="tollbook"):
        patterns = _compile_all(broken)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1, warnings  # once, though every pattern missed
    assert "compiled-pattern cache" in warnings[0].getMessage() and str(path) in warnings[0].getMessage()
    assert broken.status == "corrupt" and broken.misses == len(PATTERNS) and broken.hits == 0
    assert patterns == [re.compile(p, f) for p, f in PATTERNS]
    repaired = PatternCache(tmp_path)
    _compile_all(repaired)
    assert (repaired.status, repaired.hits) == ("read", len(PATTERNS))


def test_an_unwritable_directory_costs_speed_not_a_failure(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = PatternCache(blocker / "cache")  # cannot be created, even by root
    assert _compile_all(cache) == [re.compile(p, f) for p, f in PATTERNS]
    assert cache.status == "missing" and not cache.write()


def test_a_read_only_prebuilt_file_is_read(tmp_path: Path) -> None:
    _compile_all(PatternCache(tmp_path))
    path = _file(tmp_path)
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        cache = PatternCache(tmp_path)
        _compile_all(cache)
        assert (cache.status, cache.hits, cache.misses) == ("read", len(PATTERNS), 0)
    finally:
        tmp_path.chmod(0o755)


def test_off_leaves_re_alone_and_writes_nothing(tmp_path: Path) -> None:
    cache = PatternCache(tmp_path, enabled=False)
    original = re.compile
    with cache.serving():
        assert re.compile is original
        re.compile("a+b")
    assert cache.status == "off" and not list(tmp_path.iterdir())


def test_the_directory_comes_from_settings_then_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("TOLLBOOK_CACHE_DIR", str(tmp_path / "env"))
    assert PatternCache().path.parent == tmp_path / "env"
    assert PatternCache(tmp_path / "set").path.parent == tmp_path / "set"
    assert Settings().cache_dir is None and Settings().pattern_cache


# -- the whole grammar, in fresh interpreters (a module's patterns compile at its import) --------

_RUN = """
import json, sys
from pathlib import Path
from tollbook.ingest.sources import document_from_text
from tollbook.output.serialize import claim_to_dict, tally_to_dict
from tollbook.pipeline import Pipeline, Settings
on, directory, corpus = sys.argv[1] == "on", Path(sys.argv[2]), sys.argv[3]
pipeline = Pipeline(Settings(pattern_cache=on, cache_dir=directory))
out = []
for path in sorted(Path(corpus).glob("*.jsonl")):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            doc = document_from_text(row["text"], name=row["id"])
            ext = pipeline.run(doc)
            out.append([row["id"], [claim_to_dict(c) for c in ext.claims], tally_to_dict(ext.tally)])
cache = pipeline.patterns
print(json.dumps({"status": cache.status, "hits": cache.hits, "misses": cache.misses}))
print(json.dumps(out, sort_keys=True, ensure_ascii=False))
"""


def _run(on: bool, directory: Path) -> tuple[dict[str, Any], str]:
    done = subprocess.run([sys.executable, "-c", _RUN, "on" if on else "off", str(directory), str(CORPUS)],
                          capture_output=True, text=True, timeout=900, cwd=ROOT, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    stats, claims = done.stdout.strip().split("\n")[-2:]
    return json.loads(stats), claims


def test_the_corpus_gives_byte_identical_claims_from_cached_and_source_patterns(tmp_path: Path) -> None:
    source_stats, from_source = _run(False, tmp_path)
    assert source_stats["status"] == "off" and not list(tmp_path.glob("patterns-*"))
    cold_stats, cold = _run(True, tmp_path)
    assert cold_stats["status"] == "missing" and cold_stats["misses"] > 300
    warm_stats, warm = _run(True, tmp_path)
    assert warm_stats["status"] == "read" and warm_stats["misses"] == 0
    assert warm_stats["hits"] >= cold_stats["misses"]
    assert len(json.loads(from_source)) > 500
    assert warm == from_source and cold == from_source


def test_every_cached_pattern_of_the_grammar_equals_re_compile(tmp_path: Path) -> None:
    code = (
        "import re, sys\n"
        "from pathlib import Path\n"
        "from tollbook.extract.grammar.compiled import PatternCache\n"
        "from tollbook.pipeline import Pipeline, Settings\n"
        "Pipeline(Settings(cache_dir=Path(sys.argv[1]))).patterns\n"
        "cache = PatternCache(Path(sys.argv[1]))\n"
        "cache._read()\n"
        "assert cache.status == 'read', cache.status\n"
        "bad = [k for k, (_, p) in cache._stored.items() if p != re.compile(*k)]\n"
        "print(len(cache._stored), len(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                          timeout=300, cwd=ROOT, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    stored, bad = map(int, done.stdout.split())
    assert stored > 300 and bad == 0


def test_a_pipeline_whose_stages_are_imported_reads_and_writes_nothing(tmp_path: Path) -> None:
    from tollbook.pipeline import Pipeline

    Pipeline(Settings(cache_dir=tmp_path / "first")).patterns  # noqa: B018 - imports the stages if needed
    later = Pipeline(Settings(cache_dir=tmp_path / "later")).patterns
    assert (later.status, later.hits, later.misses) == ("unread", 0, 0)
    assert not (tmp_path / "later").exists()


def test_a_changed_re_internal_serves_patterns_and_warns_once(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    # as if a later Python's re reached its engine another way and parsed with another API
    class Engine:
        def __getattr__(self, name: str) -> Any:
            return getattr(compiled._sre, name)

    monkeypatch.setattr(compiled._compiler, "_sre", Engine())
    monkeypatch.setattr(compiled, "_parser", None)
    re.purge()
    cache = PatternCache(tmp_path)
    with caplog.at_level(logging.WARNING, logger="tollbook"):
        patterns = _compile_all(cache)
    monkeypatch.undo()
    assert patterns == [re.compile(p, f) for p, f in PATTERNS]
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1
    assert cache.misses == len(PATTERNS) and not list(tmp_path.glob("patterns-*"))


def test_an_old_file_of_another_interpreter_is_removed_when_this_one_is_written(tmp_path: Path) -> None:
    old, recent = tmp_path / "patterns-0ld.marshal", tmp_path / "patterns-recent.marshal"
    for path in (old, recent):
        path.write_bytes(b"another interpreter's patterns")
    month_ago = time.time() - 30 * 24 * 3600
    os.utime(old, (month_ago, month_ago))
    _compile_all(PatternCache(tmp_path))
    assert not old.exists() and recent.exists()
    assert PatternCache(tmp_path).path.exists()
