"""Event ids stay stable as more documents are ingested (issue 18)."""

from __future__ import annotations

from pathlib import Path

from tollbook import api

from .test_events import FIXTURES, ingest_into

SCENARIOS = Path(__file__).parent / "scenarios"


def _ids(path: Path, *sources: Path) -> dict[str, str]:
    """Event id by the sorted doc names of its documents' first mention place."""
    with ingest_into(path, *sources) as store:
        out = {}
        for ef in api.events(store):
            e = ef.event
            out[f"{e.place.name if e.place else None}|{e.date.iso if e.date else None}"] = e.event_id
        return out


def test_event_ids_survive_more_documents(tmp_path: Path) -> None:
    castellan = sorted(FIXTURES.glob("castellan-ministry-*.txt"))
    small = _ids(tmp_path / "small.db", *castellan)
    # Unrelated incidents, and other outlets' reports of the same one, one published before
    # every report the small store holds.
    earlier = tmp_path / "castellan-radio-0304.txt"
    earlier.write_text("date 2021-03-04 (Radio Norvane)\nOn 3 March 2021, shelling of the central "
                       "market in Port Castellan killed 40 people, a city official said.\n")  # fmt: skip
    large = _ids(tmp_path / "large.db", *castellan, FIXTURES / "castellan-observatory-0306.txt",
                 earlier, FIXTURES / "ostrava-ambush.txt", SCENARIOS / "karvessa_market")  # fmt: skip
    assert small, "the small store has events"
    for key, event_id in small.items():
        assert large.get(key) == event_id, (key, small, large)


def test_event_id_does_not_depend_on_which_copy_is_stored(tmp_path: Path) -> None:
    """Two stores holding different reports of one incident give it one id."""
    a = _ids(tmp_path / "a.db", FIXTURES / "castellan-ministry-0305.txt")
    b = _ids(tmp_path / "b.db", FIXTURES / "castellan-observatory-0306.txt")
    [(key_a, id_a)] = a.items()
    [(key_b, id_b)] = b.items()
    assert key_a == key_b and id_a == id_b
