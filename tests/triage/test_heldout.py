"""Notes we wrote ourselves, apart from both development sets, to check that a fix generalises
(docs/red-flags.md, "Measuring"): every red flag note is raised at least to its level, and no
quiet note is raised to prompt or emergency. Once a fix is kept they guard it like any case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lems_companion.triage import triage_text
from lems_companion.triage.flags import LEVEL_RANK

HELD_OUT = Path(__file__).with_name("heldout_notes.jsonl")
ALARM = LEVEL_RANK["prompt"]


def _notes() -> list[dict]:
    return [json.loads(line) for line in HELD_OUT.read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("note", _notes(), ids=lambda note: note["id"])
def test_held_out_note_is_raised_to_its_level_and_quiet_notes_stay_quiet(note: dict) -> None:
    level = triage_text(note["text"], author=note.get("author", "patient")).level
    if note["level"] in ("emergency", "prompt"):
        assert LEVEL_RANK[level] >= LEVEL_RANK[note["level"]], note["text"]
    else:
        assert LEVEL_RANK[level] < ALARM, note["text"]
