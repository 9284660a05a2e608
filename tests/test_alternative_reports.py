"""Competing figures from other sources (issue 20): "Some reports claim 32 dead" after the
main figure is hedged, and the tally keeps the figures stated without a hedge; a hedged
figure alone is still the toll."""

from __future__ import annotations

from tollbook.api import extract_text


def _killed(text: str) -> tuple[float, list[tuple[str, tuple[str, ...]]]]:
    result = extract_text(text)
    tally = result.tally.get("killed")
    return (tally.best if tally else 0.0), [(c.text, c.flags) for c in result.claims if c.category == "killed"]


def test_another_sources_figure_is_hedged_and_gives_way() -> None:
    best, claims = _killed("A bomb at a bus depot in Sorel killed nine people. Some reports claim 14 dead.")
    assert claims == [("nine people", ()), ("14 dead", ("hedged",))]
    assert best == 9.0
    best, _ = _killed("Raiders attacked Pellmoor, causing six deaths. Other sources put the toll at 11.")
    assert best == 6.0


def test_a_hedged_figure_alone_is_the_toll() -> None:
    assert _killed("Some reports claim 14 dead in Sorel.")[0] == 14.0
    assert _killed("Seven people may have been killed in the clash.")[0] == 7.0


def test_the_frame_hedges_only_the_figures_after_it() -> None:
    # the source's own figure before the frame stays firm
    _, claims = _killed("Nine people were killed in Sorel, though some reports claim 14 dead.")
    assert claims == [("Nine people", ()), ("14 dead", ("hedged",))]


def test_the_frame_ends_with_its_clause() -> None:
    # a semicolon or a contrast starts another source's clause: its figure is firm
    best, claims = _killed("Some reports claim 32 dead in Dorvan; police said 12 were killed.")
    assert claims == [("32 dead", ("hedged",)), ("12", ())]
    assert best == 12.0
    best, _ = _killed("Other sources put the toll at 40, but the governor said 15 people were killed.")
    assert best == 15.0
