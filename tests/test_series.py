"""A figure stated across a series of incidents -> one incident's share (evaluation.series,
`tollbook eval labelled --series-shares`). Sentences written here, not taken from any data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tollbook.cli.main import cli
from tollbook.evaluation.labelled import predict
from tollbook.evaluation.series import scope_size, series_size, share, split_series
from tollbook.ingest.documents import document_from_text
from tollbook.model import Extraction
from tollbook.pipeline import Pipeline, Settings


@pytest.fixture(scope="module")
def run() -> object:
    pipeline = Pipeline(Settings(gazetteer=False))
    return lambda text: pipeline.run(document_from_text(text))


def _split(result: Extraction, category: str = "killed") -> float:
    return split_series(predict)(category, result)[0]


@pytest.mark.parametrize(("text", "size"), [
    ("Gunmen raided a farm in Oldmere. This was one of three related attacks in the valley that night.", 3),
    ("It was one of two coordinated bombings on the same day.", 2),
    ("This was one of at least 12 similar incidents in the province.", 12),
    ("This was one of five church arsons in the district.", 5),
    ("She was one of two women in the group.", None),  # a population, not incidents
    ("This was one of several attacks in the area.", None),  # no size written
    ("Rebels attacked a convoy near Tarn.", None),
])  # fmt: skip
def test_series_size(text: str, size: int | None) -> None:
    assert series_size(text) == size


@pytest.mark.parametrize(("total", "size", "want"), [(7, 2, 4), (14, 3, 5), (10, 3, 3), (1, 2, 1), (20, 4, 5)])
def test_share_is_the_nearest_whole_number_a_half_up(total: int, size: int, want: int) -> None:
    assert share(total, size) == want


@pytest.mark.parametrize(("text", "killed"), [
    # stated across the series: its size from the series sentence, or from the scope itself
    ("Gunmen attacked a checkpoint in Varn. This was one of two related attacks in the district on this date. "
     "Seven soldiers were killed and four were injured across both attacks.", 4),
    ("Militants attacked a post in Oska. This was one of three coordinated attacks on posts that night. "
     "At least nine police officers and three assailants were killed across the attacks.", 4),
    ("Shells landed in Merrow. This was one of six attacks in the region on this day. "
     "Forty people were killed and 12 were injured between two of the attacks.", 20),
    ("Raiders attacked Kell village. This was one of five raids in the area. "
     "Nine villagers were killed across all three raids.", 3),
    ("Rebels attacked two bases near Kell. This was one of two related attacks in the province. "
     "Nine soldiers were killed in the ensuing clashes.", 5),
    ("Gunmen attacked a police post in Voss. This was one of two related attacks on police on this date. "
     "Three officers were killed between this and an attack in Orra.", 2),
    # "in the blasts" with no series: one incident's blasts
    ("Two bombs exploded at the Kell market. Six people were killed in the blasts.", 6),
    # one figure for the incident itself, one for the series
    ("Gunmen attacked an outpost in Dorr. This was one of two related incidents in the area on this date. "
     "One soldier was killed in this attack while eight assailants were killed across the clashes.", 5),
    # stated for the incident itself, or with no scope: the figure as written
    ("A bomb exploded at a market in Senn. This was one of two similar attacks in Senn on this date. "
     "Five people were killed in the attack.", 5),
    ("Gunmen attacked a bus in Hale, killing six passengers. This was one of two attacks in the area.", 6),
    # "across the attacks" with no size anywhere: nothing to divide by
    ("Gunmen attacked three villages near Rusk. Twelve people were killed across the attacks.", 12),
])  # fmt: skip
def test_a_figure_across_the_series_scores_the_incidents_share(run: object, text: str, killed: float) -> None:
    assert _split(run(text)) == killed  # type: ignore[operator]


def test_without_the_series_option_the_claim_is_what_the_text_says(run: object) -> None:
    text = ("Gunmen attacked a checkpoint in Varn. This was one of two related attacks in the district on this "
            "date. Seven soldiers were killed and four were injured across both attacks.")  # fmt: skip
    result = run(text)  # type: ignore[operator]
    assert predict("killed", result)[0] == 7 and predict("wounded", result)[0] == 4
    assert _split(result, "wounded") == 2
    [claim] = [c for c in result.claims if c.category == "killed"]
    assert scope_size(text, claim, 2) == 2 and claim.value == 7


def test_eval_labelled_series_shares_option(tmp_path: Path) -> None:
    rows = [
        {"id": "s1", "nkill": 4, "text": "Gunmen attacked a checkpoint in Varn. This was one of two related attacks "
         "in the district on this date. Seven soldiers were killed across both attacks."},
        {"id": "s2", "nkill": 2, "text": "Gunmen attacked a bus in Hale, killing two passengers."},
    ]  # fmt: skip
    path = tmp_path / "series.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    def exact(*extra: str) -> float:
        result = CliRunner().invoke(cli, ["eval", "labelled", str(path), "--label", "killed=nkill", "--no-gazetteer",
                                          "--format", "jsonl", *extra])  # fmt: skip
        assert result.exit_code == 0, result.output
        [both] = [r for r in map(json.loads, result.stdout.splitlines()) if r["half"] == "both" and r["subset"] == "all"]
        return float(both["exact"])

    assert exact() == 0.5
    assert exact("--series-shares") == 1.0
