"""Findings per event and category (tollbook.events.reconcile) and independence (tollbook.events.origins)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from tollbook import api
from tollbook.events.origins import jaccard_estimate, minhash, near_duplicates, speaker_key
from tollbook.events.reconcile import EventFindings, Finding
from tollbook.model import Correction
from tollbook.output.events_json import finding_to_dict
from tollbook.store.database import Store

from .conftest import require_shared
from .test_events import FIXTURES, ingest_into


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with ingest_into(tmp_path_factory.mktemp("rc") / "rc.db", FIXTURES) as store:
        yield store


def _finding(
    events: tuple[EventFindings, ...], place: str, category: str, date: str | None = None
) -> Finding:
    found = [
        f
        for ef in events
        for f in ef.findings
        if ef.event.place
        and ef.event.place.name == place
        and f.category == category
        and f.unit == "people"
        and (date is None or (ef.event.date and ef.event.date.iso == date))
    ]
    assert len(found) == 1, found
    return found[0]


def _doc(store: Store, name: str) -> str:
    return next(d.doc_id for d in store.documents() if d.name == name)


def test_conflicting_sources_and_an_update(fixture_store: Store) -> None:
    evs = api.events(fixture_store)
    killed = _finding(evs, "Port Castellan", "killed", "2021-03-03")
    # Ministry 42 (5 Mar), observatory 57 (6 Mar), ministry 48 (8 Mar).
    assert [(r.best, r.status) for r in killed.reports] == [
        (42, "first"),
        (57, "conflict"),
        (48, "update"),
    ]
    assert killed.status == "conflict" and killed.independent_origins == 2
    # The ministry's 42 is replaced by its own 48; the range spans the two origins' latest.
    assert (killed.low, killed.best, killed.high) == (48, 48, 57)
    assert "lower median (48, 57)" in killed.best_rule and "lowest bound" in killed.low_rule
    wounded = _finding(evs, "Port Castellan", "wounded")
    assert wounded.status == "update" and (wounded.best, wounded.independent_origins) == (120, 1)
    assert wounded.reports[-1].note.startswith("replaces")


def test_republished_copy_is_one_origin(fixture_store: Store) -> None:
    hostage = _finding(api.events(fixture_store), "Lake Mirren", "hostage")
    assert len(hostage.reports) == 3 and hostage.status == "agree"
    # Courier and its copy in Ostrava Daily are one origin; the governor is the other.
    assert hostage.independent_origins == 2
    copy = next(r for r in hostage.reports if r.doc_id == _doc(fixture_store, "mirren-copy.txt"))
    assert "republished from" in copy.origin.reason and copy.origin.label == "Mirren Courier"


def test_breakdown_that_does_not_add_up_is_flagged(fixture_store: Store) -> None:
    killed = _finding(api.events(fixture_store), "Norvane", "killed")
    failed = [c for c in killed.checks if not c.ok]
    assert [c.name for c in failed] == ["breakdown_adds_up"]
    assert "9 soldiers + 5 civilians = 14 exceeds the total 12" in failed[0].message
    assert killed.status == "single" and finding_to_dict(killed)["flags"] == 1


def test_findings_use_reviewers_corrections(tmp_path: Path) -> None:
    with ingest_into(
        tmp_path / "c.db",
        FIXTURES / "castellan-ministry-0305.txt",
        FIXTURES / "castellan-observatory-0306.txt",
    ) as store:
        before = _finding(api.events(store), "Port Castellan", "killed", "2021-03-03")
        assert before.status == "conflict"
        obs = next(r for r in before.reports if r.best == 57)
        store.add_correction(
            Correction(
                doc_id=obs.doc_id,
                claim_id=obs.claim_ids[0],
                verdict="corrected",
                reviewer="t",
                value=42,
            )
        )
        after = _finding(api.events(store), "Port Castellan", "killed", "2021-03-03")
    assert after.status == "agree" and after.best == 42


def test_seed_findings(tmp_path: Path) -> None:
    seeds = require_shared("seeds")
    with ingest_into(tmp_path / "s.db", seeds) as store:
        evs = api.events(store)
    assert len(evs) == 1
    killed = _finding(evs, "Khojaly", "killed")
    assert killed.status == "agree" and killed.best == 613 and killed.independent_origins == 1
    assert killed.origins[0].label == "Azerbaijan's Foreign Ministry" and len(killed.reports) == 2
    missing = _finding(evs, "Khojaly", "missing")
    assert missing.status == "refine" and missing.best == 150
    later = missing.reports[-1]
    assert later.published == "2024-02-26"
    assert {(p.population, p.value) for p in later.breakdown} == {("women", 68), ("children", 26)}
    assert [(w.category, w.value) for w in later.within] == [("hostage", 1275)]
    assert _finding(evs, "Khojaly", "wounded").status == "single"
    assert _finding(evs, "Khojaly", "orphaned").status == "single"
    assert all(c.ok for f in evs[0].findings for c in f.checks)
    row = finding_to_dict(killed, evs[0].event)
    assert {
        "event_id",
        "category",
        "status",
        "low",
        "best",
        "high",
        "independent_origins",
        "claim_ids",
    } <= set(row)


def test_speaker_keys() -> None:
    same = [
        "Azerbaijan's Foreign Ministry",
        "the Azerbaijani Foreign Ministry",
        "Ministry of Foreign Affairs of Azerbaijan",
        "a spokesman for Azerbaijan's foreign ministry",
    ]
    assert len({speaker_key(s) for s in same}) == 1
    assert speaker_key("Valdorian Interior Ministry") == speaker_key(
        "Interior Ministry of Valdoria"
    )
    assert speaker_key("Interior Ministry") != speaker_key("Defence Ministry")


def test_minhash_finds_near_duplicates_only() -> None:
    rng = random.Random(3)
    vocab = ["".join(rng.choice("abcdefghij") for _ in range(6)) for _ in range(300)]
    words = [rng.choice(vocab) for _ in range(400)]
    base = " ".join(words)
    edited = " ".join([*words[:200], "changed", *words[201:]]) + " one more closing sentence"
    other = " ".join(rng.choice(vocab) for _ in range(400))
    assert jaccard_estimate(minhash(base), minhash(edited)) > 0.8
    assert jaccard_estimate(minhash(base), minhash(other)) < 0.1
    clusters = near_duplicates({"a": base, "b": edited, "c": other}, order=["b", "a", "c"])
    assert [(c.root, c.doc_ids) for c in clusters] == [("b", ("b", "a"))]
