"""Our own table of notes (cases.jsonl): every flag under every context rule, everyday phrasing
and misspellings included. Each line: text, expected level and flags, the flag it covers and the
rule it exercises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lems_companion.triage import FLAGS, lexicon, triage_text

CASES_FILE = Path(__file__).with_name("cases.jsonl")
CASES = [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line]
# Context rules of spec section 3 that every flag must be tested under (as a substring of `rule`).
RULES_PER_FLAG = ("negated", "other person", "hypothetical|question", "hedged")
# The flags free text can raise; amifampridine_dose comes from the medicines logged only (its
# tests are in tests/tools/test_amifampridine_dose.py).
TEXT_FLAGS = [flag.id for flag in FLAGS if flag.id in set(lexicon.TARGET_FLAG.values())]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["text"][:60] or "<empty>")
def test_note_gets_expected_level_and_flags(case: dict) -> None:
    result = triage_text(case["text"])
    assert (result.level, sorted(result.flag_ids)) == (case["level"], sorted(case["flags"]))


def test_case_table_is_large_enough() -> None:
    assert len(CASES) >= 150


@pytest.mark.parametrize("flag_id", TEXT_FLAGS)
def test_every_flag_is_tested_under_every_context_rule(flag_id: str) -> None:
    rules = {case["rule"] for case in CASES if case["covers"] == flag_id}
    for wanted in RULES_PER_FLAG:
        assert any(any(part in rule for part in wanted.split("|")) for rule in rules), (
            flag_id,
            wanted,
        )


@pytest.mark.parametrize("flag_id", TEXT_FLAGS)
def test_every_flag_is_raised_by_at_least_three_phrasings(flag_id: str) -> None:
    raising = [case for case in CASES if flag_id in case["flags"]]
    assert len(raising) >= 3
