"""The flag definitions, the catalogue links and the docs agree with each other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lems_companion import catalogue
from lems_companion.triage import FLAGS, flags, lexicon

REPO_ROOT = Path(__file__).resolve().parents[2]
RED_FLAGS_DOC = REPO_ROOT / "docs" / "red-flags.md"


def test_levels_are_ordered_most_urgent_first() -> None:
    assert flags.LEVELS == ("emergency", "prompt", "routine", "none")
    assert flags.highest(["routine", "emergency", "prompt"]) == "emergency"
    assert flags.highest([]) == "none"


def test_every_catalogue_red_flag_names_a_defined_flag() -> None:
    for symptom in catalogue.red_flag_symptoms().values():
        assert symptom.red_flag in flags.FLAGS_BY_ID, symptom.id


def test_every_flag_has_advice_basis_and_source() -> None:
    for flag in FLAGS:
        assert flag.advice and flag.basis and flag.source, flag.id
        assert flag.level in ("emergency", "prompt")


def test_emergency_advice_can_carry_the_emergency_number() -> None:
    assert "{number}" in flags.LEVEL_ADVICE["emergency"]
    assert "0800" in flags.level_advice("emergency", emergency_number="0800")


def test_symptom_patterns_are_keyed_by_catalogue_ids() -> None:
    assert set(lexicon.SYMPTOM_TARGETS) <= catalogue.symptom_ids()
    # Red-flag symptoms are covered by the red-flag targets, never twice.
    assert not set(lexicon.SYMPTOM_TARGETS) & set(catalogue.red_flag_symptoms())


def test_every_target_label_maps_to_a_flag() -> None:
    for label in lexicon.RED_FLAG_TARGETS:
        assert lexicon.TARGET_FLAG[label] in flags.FLAGS_BY_ID


@pytest.mark.parametrize("pattern", [p for ps in lexicon.RED_FLAG_TARGETS.values() for p in ps])
def test_every_pattern_compiles(pattern: str) -> None:
    re.compile(pattern, re.IGNORECASE)


@pytest.mark.parametrize("flag", FLAGS, ids=lambda flag: flag.id)
def test_every_flag_is_documented(flag: flags.Flag) -> None:
    text = RED_FLAGS_DOC.read_text(encoding="utf-8")
    match = re.search(rf"^### `{flag.id}`\n(.*?)(?=^##|\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, f"docs/red-flags.md has no section for {flag.id}"
    section = match.group(1)
    assert f"**Level:** {flag.level}" in section
    for heading in ("**Free text:**", "**Advice:**", "**Basis:**", "**Source:**"):
        assert heading in section, (flag.id, heading)


def test_docs_list_every_context_rule() -> None:
    text = RED_FLAGS_DOC.read_text(encoding="utf-8")
    for rule in (
        "negated",
        "another person",
        "hypothetical",
        "question",
        "long past",
        "resolved",
        "benign cause",
        "intended weight loss",
        "Hedged",
        "misspellings",
        "Gradual slurred speech",
    ):
        assert rule in text, rule
