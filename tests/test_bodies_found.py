"""A figure after "bodies of" followed by the passive of their finding (counts.py, issue 20):
"The bodies of nine are discovered", "the bodies of three Fulanis were found"."""

from __future__ import annotations

from tests.conftest import claims_of as _killed


def test_bodies_of_a_figure_then_found() -> None:
    assert _killed("The bodies of seven are discovered near Orvay.") == [("seven", 7.0)]
    assert _killed("The bodies of four Varnese were found in a well outside Tamsin.") == [("four Varnese", 4.0)]


def test_no_bodies_or_no_people_count_nobody() -> None:
    assert _killed("The remains of 40 cows were found near Kessel.") == []
    assert _killed("The houses of nine are destroyed.") == []
