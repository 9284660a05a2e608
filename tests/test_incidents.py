"""Figures that total several incidents are flagged `incidents:N` (extract/incidents.py), and a
coder's per-incident label is scored against one incident's share (evaluation/labelled.py)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from tollbook.api import extract_text
from tollbook.cli.main import cli
from tollbook.evaluation.labelled import per_incident, predict, predict_per_incident
from tollbook.extract.incidents import incidents_of
from tollbook.model import Claim


def _incidents(text: str, category: str) -> list[int]:
    return [incidents_of(c) for c in extract_text(text).claims if c.category == category]


def test_counted_scopes_name_their_incidents() -> None:
    assert _incidents("Nine people were injured across both attacks in Pelo.", "wounded") == [2]
    assert _incidents("Eight soldiers were wounded in the three attacks.", "wounded") == [3]
    assert _incidents("Six people were injured in this and two unrelated attacks.", "wounded") == [3]
    assert _incidents("At least 30 people were injured between this incident and a similar bombing.", "wounded") == [2]
    assert _incidents("This was one of six raids. Ten guards were wounded between two of the raids.", "wounded") == [2]


def test_an_open_plural_scope_takes_the_declared_series() -> None:
    text = "This was one of four related attacks near Orsk. Twenty soldiers were killed and 28 injured across the attacks."
    assert _incidents(text, "killed") == [4] and _incidents(text, "wounded") == [4]
    later = "Five police officers were injured in the ensuing clashes. This was one of two related attacks in Lerin."
    assert _incidents(later, "wounded") == [2]
    the = "This was one of the three attacks on Tarno that night. Six guards were injured across the attacks."
    assert _incidents(the, "wounded") == [3]


def test_a_plural_scope_without_a_series_is_one_incident() -> None:
    # Three devices of one bombing: "the blasts" are one incident's.
    assert _incidents("Three explosions hit a market in Tolno. Two people were killed and nine injured in the blasts.",
                      "wounded") == [1]  # fmt: skip
    # "one of the deadliest attacks" names no number of incidents.
    assert _incidents("It was one of the deadliest attacks. Five were injured across the attacks.", "wounded") == [1]


def test_a_singular_or_missing_scope_is_the_documents_own_incident() -> None:
    assert _incidents("This was one of two related attacks in Asra. Five soldiers were injured in the attack.",
                      "wounded") == [1]  # fmt: skip
    assert _incidents("This was one of two related attacks in Asra. Four police officers were wounded.", "wounded") == [1]
    # The first clause is scoped to this attack; the next, to the series.
    text = "This was one of two related incidents. One soldier was killed in this attack while six assailants were killed across the clashes."
    assert _incidents(text, "killed") == [1, 2]


def test_a_scope_in_another_sentence_does_not_reach_the_figure() -> None:
    text = "Two soldiers were wounded near Varno. Four more outposts were hit across both attacks."
    assert _incidents(text, "wounded") == [1]


def _claim(value: float, flags: tuple[str, ...] = ()) -> Claim:
    base = extract_text("Three people were injured.").claims[0]
    return replace(base, value=value, flags=flags)


def test_per_incident_shares_sum_by_series_and_round_to_the_nearer() -> None:
    value = lambda c: c.value  # noqa: E731
    assert per_incident([_claim(24, ("incidents:4",))], value) == 6
    assert per_incident([_claim(41, ("incidents:3",))], value) == 14  # 13.7: 14, 14, 13
    assert per_incident([_claim(7, ("incidents:3",))], value) == 2  # 2.3: 3, 2, 2
    # Two figures of one series are summed first (five and three over three incidents: 3, not 2 + 1).
    assert per_incident([_claim(5, ("incidents:3",)), _claim(3, ("incidents:3",))], value) == 3
    # A figure of the document's own incident counts whole.
    assert per_incident([_claim(1), _claim(6, ("incidents:2",))], value) == 4
    assert per_incident([_claim(4)], value) == 4


def test_the_labelled_prediction_is_one_incidents_share() -> None:
    text = "This was one of four grenade attacks in Bujo on this date. Three people were killed and 24 were injured in the blasts."
    result = extract_text(text)
    assert result.tally.get("wounded") is not None and result.tally.get("wounded").best == 24  # type: ignore[union-attr]
    assert predict_per_incident("wounded", result)[0] == 6
    assert predict_per_incident("killed", result)[0] == 1  # 0.75: the nearer share
    assert "per_incident" in predict_per_incident("killed", result)[1]
    # Without --per-incident (RAND's coding) the figure counts whole.
    assert predict("wounded", result)[0] == 24 and predict("killed", result)[0] == 3
    alone = extract_text("Three people were killed and 24 were injured in the blasts.")
    assert predict_per_incident("wounded", alone)[0] == 24


def test_eval_labelled_per_incident_option(tmp_path: Path) -> None:
    rows = [{"id": f"r{i}", "text": "This was one of two related attacks in Osk. Ten people were injured across both attacks.",
             "nwound": 5} for i in range(4)]  # fmt: skip
    path = tmp_path / "series.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    def exact(*extra: str) -> object:
        result = CliRunner().invoke(cli, ["eval", "labelled", str(path), "--label", "wounded=nwound", "--no-gazetteer", *extra])
        assert result.exit_code == 0, result.output
        got = [json.loads(x) for x in result.stdout.splitlines() if x.strip()]
        return next(r["exact"] for r in got if r["half"] == "both" and r["subset"] == "all")

    assert exact("--per-incident") == 1.0
    assert exact() == 0.0


def test_a_sentence_opened_by_additionally_goes_on_with_the_scope_before_it() -> None:
    text = ("This was one of two related attacks. Nine guards were killed across both clashes. "
            "Additionally, 12 other guards were abducted.")  # fmt: skip
    assert _incidents(text, "hostage") == [2]
    text = ("This was one of two related attacks. Nine guards were killed across both clashes. "
            "In addition, four guards were abducted in this attack.")  # fmt: skip
    assert _incidents(text, "hostage") == [1]  # its own scope: one incident
    # without the additive opening, a figure with no scope is the document's own incident
    text = "This was one of two related attacks. Nine guards were killed across both clashes. Four guards were abducted."
    assert _incidents(text, "hostage") == [1]
    # the scope of its own sentence only: an earlier sentence with no shared figure gives none
    text = "This was one of two related attacks. Nine guards were killed. Additionally, four guards were abducted."
    assert _incidents(text, "hostage") == [1]
