"""docs/analysis.md covers every key that ``lems analyze --json`` prints."""

from __future__ import annotations

from lems_companion.analysis.patterns import Analysis, PatternSummary, TimeOfDay, Weight
from tests.conftest import REPO_ROOT

DOC = (REPO_ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")


def test_every_top_level_key_is_documented() -> None:
    for key in Analysis.model_fields:
        assert f"`{key}`" in DOC, key


def test_the_keys_of_the_main_sections_are_documented() -> None:
    for model in (PatternSummary, TimeOfDay, Weight):
        for key in model.model_fields:
            assert f"`{key}`" in DOC, f"{model.__name__}.{key}"


def test_the_report_layout_and_time_bands_are_documented() -> None:
    assert "## The clinician report" in DOC
    assert "morning 05:00-12:00" in DOC
