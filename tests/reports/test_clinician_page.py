"""Issue 18: the report's first page is for the clinician, and the PDF is tagged."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from lems_companion.diary.flags import FlagRecord
from lems_companion.diary.schemas import EntryPublic
from lems_companion.investigations.schemas import InvestigationPublic
from lems_companion.reports.report import build_report, render_report_html, render_report_pdf

START = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
COUGH_DAYS = 10  # more than MAX_FLAG_ROWS, so the middle occurrences are summarised


def _entries() -> list[EntryPublic]:
    entries = []
    for day in range(COUGH_DAYS):
        entries.append(
            EntryPublic.model_validate(
                {
                    "id": day + 1,
                    "recorded_at": (START + timedelta(days=7 * day)).isoformat(),
                    "symptoms": {"proximal_leg_weakness": 2, "persistent_cough": 1},
                    "weight_kg": 78.0 - 0.1 * day,
                    "medications": [
                        {"name": "Amifampridine", "dose_mg": 10},
                        {"name": "Amifampridine", "dose_mg": 10},
                    ],
                    "note": "mild cough again",
                }
            )
        )
    return entries


def _flags(entries: list[EntryPublic]) -> list[FlagRecord]:
    return [
        FlagRecord(
            entry_id=entry.id,
            recorded_at=entry.recorded_at,
            flag="persistent_cough",
            level="prompt",
            evidence="persistent cough 1",
            basis="structured answer",
        )
        for entry in entries
    ]


def _report():  # type: ignore[no-untyped-def]
    entries = _entries()
    tests = [
        InvestigationPublic(
            id=1, kind="vgcc_antibodies", status="done", done_on=date(2026, 2, 1),
            result="positive",
        ),
        InvestigationPublic(id=2, kind="edx", status="done", done_on=date(2026, 2, 3),
                            increment_percent=140.0, result="increment 140%"),
        InvestigationPublic(id=3, kind="fdg_pet", status="pending"),
    ]  # fmt: skip
    return build_report(
        entries,
        flags=_flags(entries),
        investigations=tests,
        patient="Ada Lovelace",
        date_of_birth=date(1960, 5, 17),
        time_zone="UTC",
        now=datetime(2026, 3, 20, tzinfo=UTC),
    )


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.pdf"
    path.write_bytes(render_report_pdf(_report()))
    return path


def test_the_pdf_is_tagged_with_title_author_and_language(pdf_path: Path) -> None:
    info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True, check=True)
    fields = dict(line.split(":", 1) for line in info.stdout.splitlines() if ":" in line)
    assert fields["Tagged"].strip() == "yes"
    assert "Symptom diary report" in fields["Title"]
    assert "LEMS Companion" in fields["Author"]


def test_page_one_has_the_tests_weight_change_and_first_flag_date(pdf_path: Path) -> None:
    page = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    page = " ".join(page.split())  # lines wrap anywhere
    assert "Ada Lovelace, born 17 May 1960" in page
    assert "P/Q-type voltage-gated calcium channel (VGCC) antibodies" in page
    assert "CMAP increment 140%" in page
    assert "FDG-PET scan (pending)" in page
    assert "-1.2%" in page  # 78.0 kg to 77.1 kg
    assert "first 5 Jan 2026" in page  # the first of ten cough flags, not only the latest
    assert "20 mg a day" in page


def test_a_repeated_prompt_flag_keeps_its_first_occurrence() -> None:
    group = _report().flag_groups[0]
    assert group.shown[0].recorded_at == START
    assert group.more == COUGH_DAYS - len(group.shown)


def test_a_cough_without_blood_is_not_asserted_as_hemoptysis() -> None:
    html = render_report_html(_report())
    assert "HP:0034315" in html
    assert "HP:0002105" not in html


def test_the_report_speaks_to_the_clinician() -> None:
    html = render_report_html(_report())
    assert "your sit-to-stand" not in html.lower()
    assert "You answered" not in html


def test_the_edx_line_does_not_repeat_itself() -> None:
    html = render_report_html(_report())
    # Once on page 1 and once in the tests section, never "increment 140%; increment 140%".
    assert html.count("CMAP increment 140%") == 2
    assert "increment 140%; increment 140%" not in html
