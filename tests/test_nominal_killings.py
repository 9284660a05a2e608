"""Killings named by a noun whose victim follows "of" (extract/nominals.py)."""

from __future__ import annotations

from tollbook.extract.nominals import find_nominals


def _nominals(text: str) -> list[tuple[str, float]]:
    return [(text[v.span[0] : v.span[1]], v.value) for v in find_nominals(text, 0, len(text), [])]


def test_a_claimed_killing_counts_its_victim() -> None:
    assert _nominals("The front claimed responsibility for the assassination of Ivo Brandt.") == [("Ivo Brandt", 1.0)]
    assert _nominals("A caller claimed credit for the fatal stabbing of two soldiers.") == [("two soldiers", 2.0)]
    assert _nominals("The cell was responsible for the murder in Ossa of magistrate Tomas Reyl.") == [
        ("magistrate Tomas Reyl", 1.0)
    ]


def test_a_caused_death_counts_its_victims() -> None:
    assert _nominals("The blast caused the deaths of four porters.") == [("four porters", 4.0)]
    assert _nominals("The attack led to the death of one of the guards.") == [("one of the guards", 1.0)]


def test_a_pair_in_the_complement_adds_up() -> None:
    assert _nominals("The group claimed responsibility for the murder of Captain Ilse Varn and her driver.") == [
        ("Captain Ilse Varn and her driver", 2.0)
    ]


def test_a_killing_named_as_background_or_attempt_counts_nobody() -> None:
    assert _nominals("The bombing came a year after the assassination of Ivo Brandt.") == []
    assert _nominals("It was revenge for the killing of a militant leader.") == []
    assert _nominals("The front claimed responsibility for the assassination attempt on Ivo Brandt.") == []
    assert _nominals("The front claimed responsibility for the attempted murder of Ivo Brandt.") == []
    assert _nominals("A man suspected of the murder of Ivo Brandt was arrested.") == []
    assert _nominals("Mourners marked the anniversary of the death of Ivo Brandt.") == []


def test_a_complement_already_read_is_not_counted_again() -> None:
    text = "The blast caused the deaths of four porters."
    assert find_nominals(text, 0, len(text), [(31, 43)]) == []
