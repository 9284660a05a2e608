"""tollbook.geo.gazetteer_index: the built gazetteer is cached in a file keyed by its data and
code, read back identical, rebuilt when stale or broken, and never required."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from tollbook.geo import gazetteer_index, places
from tollbook.geo.places import Gazetteer

ROWS = """# test gazetteer; fold=1
geonameid\tname\tasciiname\talternatenames\tcountry\tfeature\tlat\tlon\tpopulation\tadmin1
1\tTartar\tTartar\tTərtər\tAZ\tPPLA\t40.34\t46.93\t20000\t71
2\tKhojaly\tKhojaly\tXocalı|Khojali\tAZ\tPPLA\t39.91\t46.79\t8000\t22
3\tAzerbaijan\tAzerbaijan\t\tAZ\tPCLI\t40.5\t47.5\t9000000\t00
4\tNew Tartar\tNew Tartar\t\tAZ\tPPL\t40.1\t46.1\t100\t71
"""
TEXT = "Two civilians were killed in Tartar and in Khojali, Azerbaijan's ministry said."


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("TOLLBOOK_CACHE_DIR", str(directory))
    return directory


def _tsv(tmp_path: Path, text: str = ROWS) -> str:
    path = tmp_path / "g.tsv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _never() -> Gazetteer:
    raise AssertionError("built again although a matching cache file exists")


def test_first_load_writes_the_cache_and_the_second_reads_it(tmp_path: Path, cache: Path) -> None:
    path = _tsv(tmp_path)
    built = gazetteer_index.load(path, lambda: places._build(path))
    files = list(cache.glob("gazetteer-*.marshal"))
    assert len(files) == 1
    again = gazetteer_index.load(path, _never)
    assert gazetteer_index._state(again) == gazetteer_index._state(built)
    assert again.find_in_document(TEXT) == built.find_in_document(TEXT)
    assert [m.text for m in again.find_in_document(TEXT)] == ["Tartar", "Khojali", "Azerbaijan"]


def test_the_packaged_gazetteer_reads_back_identical(cache: Path) -> None:
    built = places._build(None)
    first = gazetteer_index.load(None, lambda: built)
    assert first is built  # nothing cached yet: built, then written
    cached = gazetteer_index.load(None, _never)
    assert cached is not built
    assert gazetteer_index._state(cached) == gazetteer_index._state(built)
    text = "Shelling of Tartar and Barda killed 21 civilians near Ganja, Azerbaijan said."
    assert cached.find_in_document(text) == built.find_in_document(text)


def test_changed_data_or_code_means_another_file(tmp_path: Path, cache: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    path = _tsv(tmp_path)
    gazetteer_index.load(path, lambda: places._build(path))
    old = Path(path).read_bytes()
    name = gazetteer_index.cache_name([old])
    changed = ROWS.replace("20000", "20001")
    assert gazetteer_index.cache_name([changed.encode()]) != name
    monkeypatch.setattr(gazetteer_index, "FORMAT", "test-other")
    assert gazetteer_index.cache_name([old]) != name
    # The changed file is not answered from the old cache: it builds again.
    monkeypatch.undo()
    monkeypatch.setenv("TOLLBOOK_CACHE_DIR", str(cache))
    Path(path).write_text(changed, encoding="utf-8")
    rebuilt = gazetteer_index.load(path, lambda: places._build(path))
    assert rebuilt.lookup("Tartar")[0].population == 20001


def test_a_broken_cache_file_is_rebuilt_with_a_warning(tmp_path: Path, cache: Path,
                                                       caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    path = _tsv(tmp_path)
    gazetteer_index.load(path, lambda: places._build(path))
    (file,) = cache.glob("gazetteer-*.marshal")
    file.write_bytes(file.read_bytes()[:1000])  # truncated, as by a full disk
    with caplog.at_level(logging.WARNING, logger="tollbook.geo"):
        again = gazetteer_index.load(path, lambda: places._build(path))
    assert "unreadable" in caplog.text
    assert [m.text for m in again.find_in_document(TEXT)] == ["Tartar", "Khojali", "Azerbaijan"]
    assert gazetteer_index.load(path, _never) is not None  # rewritten whole


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_an_unwritable_cache_directory_still_loads(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setenv("TOLLBOOK_CACHE_DIR", str(locked / "cache"))
    path = _tsv(tmp_path)
    assert len(gazetteer_index.load(path, lambda: places._build(path))) == 4


def test_a_cache_directory_that_is_a_file_still_loads(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("TOLLBOOK_CACHE_DIR", str(blocker / "cache"))
    path = _tsv(tmp_path)
    assert len(gazetteer_index.load(path, lambda: places._build(path))) == 4


def test_a_prebuilt_file_is_read(tmp_path: Path, cache: Path) -> None:
    path = _tsv(tmp_path)
    target = gazetteer_index.write_cache(cache, places._build(path), path)
    assert target.parent == cache and target.is_file()
    assert len(gazetteer_index.load(path, _never)) == 4


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TOLLBOOK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gazetteer_index.cache_dir() == tmp_path / "tollbook"
    monkeypatch.setenv("TOLLBOOK_CACHE_DIR", str(tmp_path / "x"))
    assert gazetteer_index.cache_dir() == tmp_path / "x"


def test_gazetteer_load_goes_through_the_cache(tmp_path: Path, cache: Path) -> None:
    path = _tsv(tmp_path)
    Gazetteer.load(Path(path))
    assert list(cache.glob("gazetteer-*.marshal"))
