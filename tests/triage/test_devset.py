"""Regression guard on the development set of notes (written blind from the spec by another
helper): the figures per language must stay at or above those reached when issue 13 was done.

This is not the honest score (the lead measures on a frozen set nobody developing sees); it only
stops a change from quietly undoing what the dev set showed. Skipped where the file is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lems_companion.triage import triage_text
from lems_companion.triage.flags import LEVEL_RANK

DEV_SET = Path("/work/devsets/dev_notes.jsonl")
LANGUAGES = ("en", "es", "fr", "de")
# Reached on the 506 dev notes (bench/triage_accuracy.py), per language, in percent.
FLOORS = {"emergency_recall": 100.0, "prompt_recall": 100.0, "false_alarm_max": 0.0}
LEVEL_AGREEMENT_FLOOR = 98.0
ALARM = LEVEL_RANK["prompt"]


def _notes() -> list[dict]:
    return [json.loads(line) for line in DEV_SET.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def results() -> list[tuple[dict, str]]:
    return [
        (note, triage_text(note["text"], author=note.get("author", "patient")).level)
        for note in _notes()
    ]


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 100.0


@pytest.mark.skipif(not DEV_SET.exists(), reason=f"{DEV_SET} is not present on this machine")
@pytest.mark.parametrize("code", LANGUAGES)
def test_dev_set_figures_stay_at_or_above_what_was_reached(
    results: list[tuple[dict, str]], code: str
) -> None:
    mine = [(note, level) for note, level in results if note["language"] == code]
    emergencies = [level for note, level in mine if note["level"] == "emergency"]
    prompts = [level for note, level in mine if note["level"] == "prompt"]
    quiet = [level for note, level in mine if note["level"] in ("routine", "none")]
    assert _percent(emergencies.count("emergency"), len(emergencies)) >= FLOORS["emergency_recall"]
    assert (
        _percent(sum(LEVEL_RANK[level] >= ALARM for level in prompts), len(prompts))
        >= (FLOORS["prompt_recall"])
    )
    assert (
        _percent(sum(LEVEL_RANK[level] >= ALARM for level in quiet), len(quiet))
        <= (FLOORS["false_alarm_max"])
    )
    right = sum(level == note["level"] for note, level in mine)
    assert _percent(right, len(mine)) >= LEVEL_AGREEMENT_FLOOR
