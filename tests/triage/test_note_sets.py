"""Triage on nineteen sets of patient-style notes written blind from the clinical spec by people
who had not read the lexicons (tests/triage/notes/README.md).

The development sets were tuned on (all but dev set 12, held out so far); the five frozen test
sets never were (issue 13). Each
set's figures must not fall below what was reached: a guard against regressions, not a target.
The frozen sets' figures are the honest ones, and they are below the issue's targets (98%
emergency recall, 95% prompt recall, at most 5% false alarms): docs/clinical-safety.md.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from lems_companion.triage import triage_text
from lems_companion.triage.flags import LEVEL_RANK

NOTES = Path(__file__).with_name("notes")
ALARM = LEVEL_RANK["prompt"]
# The sets were written on this day: "a cough since St Martin's day" is three weeks old on it,
# whatever day the suite runs (tests/triage/notes/README.md).
WRITTEN_ON = date(2026, 12, 1)
# Per set, in percent, as measured when issue 13's work landed (bench/triage_accuracy.py).
FLOORS = {
    "dev_set_1": {"emergency_recall": 100.0, "prompt_recall": 100.0, "false_alarms": 0.0},
    "dev_set_2": {"emergency_recall": 100.0, "prompt_recall": 100.0, "false_alarms": 0.0},
    "dev_set_3": {"emergency_recall": 100.0, "prompt_recall": 100.0, "false_alarms": 0.0},
    "dev_set_4": {"emergency_recall": 100.0, "prompt_recall": 100.0, "false_alarms": 0.0},
    # Measured untouched at 89.3 / 83.8 / 8.6, then tuned on (odd ids first, even ids after
    # they were checked): docs/clinical-safety.md.
    "dev_set_5": {"emergency_recall": 100.0, "prompt_recall": 100.0, "false_alarms": 0.0},
    # Measured untouched at 75.0 / 82.5 / 7.9, then tuned on (odd ids first, even ids after
    # they were checked): docs/clinical-safety.md, fourth round.
    "dev_set_6": {"emergency_recall": 100.0, "prompt_recall": 100.0, "false_alarms": 0.0},
    # Untouched figures 92.1 / 84.0 / 7.5; odd ids tuned on first, then the even ids checked
    # (89.7 / 84.6 / 7.5 untouched, 91.2 / 84.6 / 7.5 after the odd half's fixes), then tuned
    # on: docs/clinical-safety.md, fifth round.
    "dev_set_7": {"emergency_recall": 100.0, "prompt_recall": 100.0, "false_alarms": 0.0},
    # Untouched figures 88.9 / 95.0 / 8.6; odd ids tuned on first, then the even ids checked
    # (87.5 / 95.0 / 6.9 untouched, 87.5 / 95.0 / 5.6 after the odd half's fixes), then tuned
    # on: docs/clinical-safety.md, sixth round.
    "dev_set_8": {"emergency_recall": 100.0, "prompt_recall": 100.0, "false_alarms": 0.0},
    # Untouched figures 86.2 / 97.7 / 7.9; odd ids tuned on first, then the even ids checked
    # (88.8 / 97.7 / 7.9 untouched, the same after the odd half's fixes), then tuned on:
    # docs/clinical-safety.md, seventh round.
    "dev_set_9": {"emergency_recall": 100.0, "prompt_recall": 100.0, "false_alarms": 0.8},
    # Eighth round, odd ids tuned on first, then the even ids checked, then tuned
    # on; untouched 85.5 / 83.3 / 2.6 and 93.4 / 89.6 / 5.3: docs/clinical-safety.md.
    "dev_set_10": {"emergency_recall": 100.0, "prompt_recall": 100.0, "false_alarms": 0.0},
    "dev_set_11": {"emergency_recall": 100.0, "prompt_recall": 100.0, "false_alarms": 0.0},
    # Held out through the eighth and ninth rounds: 92.1 / 93.0 / 6.2 untouched, then this.
    "dev_set_12": {"emergency_recall": 94.9, "prompt_recall": 94.9, "false_alarms": 5.7},
    # Ninth round, the same way; untouched 90.8 / 86.5 / 6.6 and 72.4 / 78.1 / 2.6.
    "dev_set_13": {"emergency_recall": 100.0, "prompt_recall": 100.0, "false_alarms": 0.0},
    "dev_set_14": {"emergency_recall": 100.0, "prompt_recall": 100.0, "false_alarms": 0.0},
    # The frozen sets were never tuned on; their floors are the figures measured by the lead
    # after each round (docs/clinical-safety.md).
    "frozen_test_set_1": {"emergency_recall": 97.2, "prompt_recall": 90.8, "false_alarms": 5.1},
    "frozen_test_set_2": {"emergency_recall": 95.7, "prompt_recall": 99.9, "false_alarms": 3.8},
    # Written blind on 2026-12-01 (third round) and measured before and after rounds 3 and 4.
    "frozen_test_set_3": {"emergency_recall": 93.7, "prompt_recall": 98.7, "false_alarms": 1.7},
    # Written blind on 2026-12-01 before the fifth round: 92.9 / 100 / 6.2 untouched, measured by
    # the lead only, before and after the fifth and sixth rounds.
    "frozen_test_set_4": {"emergency_recall": 96.3, "prompt_recall": 99.9, "false_alarms": 4.8},
    # Written blind on 2026-12-01 before the eighth round: 93.8 / 90.0 / 1.6 untouched.
    "frozen_test_set_5": {"emergency_recall": 96.3, "prompt_recall": 93.7, "false_alarms": 1.7},
}


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 100.0


def _figures(name: str) -> dict[str, float]:
    lines = (NOTES / f"{name}.jsonl").read_text("utf-8").splitlines()
    notes = [json.loads(line) for line in lines if line.strip()]
    got = [
        (note["level"], triage_text(note["text"], author=note["author"], today=WRITTEN_ON).level)
        for note in notes
    ]
    emergencies = [level for wanted, level in got if wanted == "emergency"]
    prompts = [level for wanted, level in got if wanted == "prompt"]
    quiet = [level for wanted, level in got if wanted in ("routine", "none")]
    return {
        "emergency_recall": _percent(emergencies.count("emergency"), len(emergencies)),
        "prompt_recall": _percent(sum(LEVEL_RANK[lv] >= ALARM for lv in prompts), len(prompts)),
        "false_alarms": _percent(sum(LEVEL_RANK[lv] >= ALARM for lv in quiet), len(quiet)),
    }


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_triage_keeps_what_it_reached_on_each_note_set(name: str) -> None:
    figures, floor = _figures(name), FLOORS[name]
    assert figures["emergency_recall"] >= floor["emergency_recall"], figures
    assert figures["prompt_recall"] >= floor["prompt_recall"], figures
    assert figures["false_alarms"] <= floor["false_alarms"], figures
