"""Safety figures over the whole case table: no emergency missed, few false alarms.

Issue 3: emergency recall must be 100%, and of notes with no red flag fewer than one in ten may
raise an alarm (an emergency or prompt flag). Alarm fatigue is a hazard too
(docs/clinical-safety.md).
"""

from __future__ import annotations

import json
from pathlib import Path

from lems_companion.triage import triage_text

CASES = [
    json.loads(line)
    for line in Path(__file__).with_name("cases.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
ALARMS = ("emergency", "prompt")
# Issue 3: "of notes with no red flag, fewer than one in ten may raise an alarm".
MAX_FALSE_ALARM_RATE = 0.10


def test_every_emergency_in_the_case_table_is_caught() -> None:
    emergencies = [case["text"] for case in CASES if case["level"] == "emergency"]
    assert len(emergencies) >= 100
    missed = [text for text in emergencies if triage_text(text).level != "emergency"]
    assert missed == [], f"missed emergencies: {missed}"


def test_notes_without_a_red_flag_rarely_raise_an_alarm() -> None:
    calm = [case["text"] for case in CASES if not case["flags"]]
    assert len(calm) >= 100
    alarms = [text for text in calm if triage_text(text).level in ALARMS]
    assert len(alarms) / len(calm) < MAX_FALSE_ALARM_RATE, alarms
