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


def test_attackers_added_after_a_toll() -> None:
    assert _best("A car bomb hit a checkpoint in Sorel. Four dead, plus the bomber.") == 5.0
    assert _best("Three suicide bombers struck a market in Kessel, at least nine dead, plus the bombers.") == 12.0
    assert _best("Two bombers hit a bus in Kano, at least 12 dead, plus the two bombers.") == 14.0
    # no toll right before "plus": nothing added
    assert _best("Police arrested six men plus the attackers' driver in Orlen.") == 0.0


def test_one_attacker_named_twice_is_one_attacker() -> None:
    from tollbook.api import extract_text

    result = extract_text("A suicide bomber blew himself up at the gate, killing himself and four guards.")
    killed = result.tally.get("killed")
    assert killed is not None and killed.best == 5.0
    assert sum(1 for c in result.claims if "attackers" in c.flags) == 1
