"""The labelled examples shipped with the clinical spec get their level and flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lems_companion.triage import triage_text

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = REPO_ROOT / ".." / "shared" / "examples" / "triage-examples.jsonl"


def _examples() -> list[dict]:
    if not EXAMPLES.exists():
        return []
    lines = EXAMPLES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.skipif(not EXAMPLES.exists(), reason=f"{EXAMPLES} is not present on this machine")
@pytest.mark.parametrize("example", _examples(), ids=lambda example: example["text"][:50])
def test_spec_example_gets_its_level_and_flags(example: dict) -> None:
    result = triage_text(example["text"])
    assert result.level == example["level"]
    assert sorted(result.flag_ids) == sorted(example["flags"])
