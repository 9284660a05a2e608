"""Constructions found missing by the held-out corpus (tests/corpus/heldout, issue 20), each with
its guard: sentence -> the document's figure per category (as `tollbook eval labelled` reads it).

Input: one sentence -> pipeline -> evaluation.labelled.predict per category; each case names
the figure a careful coder gives and 0 where the sentence reports none.
"""

from __future__ import annotations

import pytest

from tollbook.evaluation.labelled import predict
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline


def _figure(pipeline: Pipeline, text: str, category: str) -> float:
    return predict(category, pipeline.run(document_from_text(text)))[0]


LOST_COMBATANTS = [
    # a force that lost its combatants lost them dead
    ("The garrison lost 23 soldiers when the outpost at Tessit was overrun.", 23),
    ("The militia admitted it had lost its 6 men in the counter-attack on Kalehe.", 6),
    ("Government troops killed 9 rebels and lost three policemen in the raid.", 12),
    # combatants lost another way; things and seats lost
    ("The brigade lost 60 soldiers to desertion after the pay dispute.", 0),
    ("The army lost three helicopters in the storm over Mindanao.", 0),
    ("The opposition lost 8 seats in the 2021 vote.", 0),
]


@pytest.mark.parametrize(("text", "killed"), LOST_COMBATANTS)
def test_a_force_that_lost_its_combatants(pipeline: Pipeline, text: str, killed: float) -> None:
    assert _figure(pipeline, text, "killed") == killed
