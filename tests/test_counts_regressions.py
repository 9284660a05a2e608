"""Regressions found on real reporting (ACLED notes): each case once produced a wrong figure."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text
from tollbook.pipeline import Settings

FAST = Settings(gazetteer=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The legislative bodies of more than 15 states adopted resolutions.", []),
        # Both predicates count the same man: taken hostage, then killed; the agents are not counted.
        ("A man was abducted by four men and stabbed to death near a field.",
         [("hostage", 1.0), ("killed", 1.0)]),
        ("A gunman shot dead five worshippers.", [("killed", 5.0)]),
        ("Government forces shelled the camp. 56 BH/IS fighters were killed.", [("killed", 56.0)]),
        ("The operation left 2 IS militants dead.", [("killed", 2.0)]),
        ("NAS forces claimed to have killed 4 SSPDF.", [("killed", 4.0)]),
        ("1 ELN member was killed in the clash.", [("killed", 1.0)]),
        ("Two men were fatally assaulted by a mob.", [("killed", 2.0)]),
    ],
)
def test_real_reporting_regressions(text: str, expected: list[tuple[str, float]]) -> None:
    got = [(c.category, c.value) for c in extract_text(text, settings=FAST).claims]
    assert got == expected
