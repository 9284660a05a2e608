"""Attackers who killed only themselves (extract/attackers.py, issue 20): "Four suicide
bombers attempt an attack in Maiduguri on 25/10, kill only themselves" is four dead; the
historic present "kills herself and three others" counts the others too."""

from __future__ import annotations

from tollbook.api import extract_text


def _best(text: str) -> float:
    tally = extract_text(text).tally.get("killed")
    return tally.best if tally else 0.0


def test_the_figure_before_the_attackers_noun_counts_themselves() -> None:
    assert _best("Four suicide bombers attempt an attack in Maiduguri on 25/10, kill only themselves.") == 4.0
    assert _best("Two suicide bombers detonate at a mosque, killing only themselves and injuring others.") == 2.0
    assert _best("Three female suicide bombers detonate themselves in Konduga.") == 3.0


def test_the_historic_present_counts_the_others() -> None:
    assert _best("A suspected suicide bomber kills herself and three others in Sabon Gari.") == 4.0


def test_themselves_without_attackers_or_death_counts_nobody() -> None:
    assert _best("Gunmen accused the soldiers of enriching themselves.") == 0.0
    assert _best("The villagers defended themselves against two gunmen.") == 0.0
