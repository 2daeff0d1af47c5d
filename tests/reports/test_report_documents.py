"""The clinician report as documents: order, charts, page numbers, four pages for a year."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from bs4 import BeautifulSoup

from lems_companion.diary.flags import FlagRecord
from lems_companion.investigations.schemas import InvestigationPublic
from lems_companion.reports.report import (
    REPORT_DISCLAIMER,
    Report,
    build_report,
    render_report_html,
    render_report_pdf,
    report_pages,
)
from tests.factories import NOW, as_public, year_of_entries

SECTION_ORDER = [
    "summary",
    "red-flags",
    "observations",
    "features",
    "tests",
    "medications",
    "disclaimer",
]


@pytest.fixture(scope="module")
def year_report() -> Report:
    entries = as_public(year_of_entries())
    flags = [
        FlagRecord(
            entry_id=e.id,
            recorded_at=e.recorded_at,
            flag="choking",
            level="emergency",
            evidence="I choked on my tea",
        )
        for e in entries[::40]
    ]
    entries[10] = entries[10].model_copy(
        update={"medications": [*entries[10].medications, *_cipro()]}
    )
    tests = [
        InvestigationPublic(
            id=1, kind="edx", status="done", done_on=date(2026, 5, 2), increment_percent=135.0
        ),
        InvestigationPublic(id=2, kind="vgcc_antibodies", status="pending"),
    ]
    return build_report(
        entries,
        flags=flags,
        investigations=tests,
        patient="patient@example.org",
        time_zone="Europe/Berlin",
        now=NOW,
    )


def _cipro() -> list[Any]:
    from lems_companion.diary.schemas import Medication

    return [Medication(name="Ciprofloxacin", dose_mg=500.0)]


def _texts(page: Any) -> list[str]:
    return [box.text for box in page._page_box.descendants() if hasattr(box, "text")]


def test_the_report_has_its_sections_in_order(year_report: Report) -> None:
    soup = BeautifulSoup(render_report_html(year_report), "html.parser")
    ids = [section["id"] for section in soup.select("section.report-section")]
    assert ids == SECTION_ORDER
    assert "patient@example.org" in soup.select_one(".report-meta").get_text()


def test_red_flags_show_dates_and_the_words_that_raised_them(year_report: Report) -> None:
    soup = BeautifulSoup(render_report_html(year_report), "html.parser")
    flag = soup.select_one("#red-flags .flag-emergency")
    assert "Choking" in flag.select_one("h3").get_text()  # the flag's title, not its id
    first = flag.select_one(".flag-list li")
    assert "I choked on my tea" in first.get_text()
    assert first.select_one("time")["datetime"].startswith(("2025-", "2026-"))
    # Spec section 1: emergencies are never batched: every occurrence is listed with its words.
    times = int(flag.select_one("h3 .hint").get_text().split(" time")[0])
    assert len(flag.select(".flag-list li")) == times > 1
    assert "earlier occurrence" not in flag.get_text()


def test_charts_have_titles_and_text_alternatives(year_report: Report) -> None:
    soup = BeautifulSoup(render_report_html(year_report), "html.parser")
    figures = soup.select("#observations figure.chart")
    assert {f["id"] for f in figures} == {
        "chart-home-tests",
        "chart-time-of-day",
        "chart-heat-map",
        "chart-weight",
    }
    for figure in figures:
        image = figure.select_one("img")
        assert image["src"].startswith("data:image/svg+xml;base64,")
        assert len(image["alt"]) > 20
        assert figure.select_one("figcaption strong").get_text()
    svg = year_report.charts[0].svg
    assert "seconds per repetition" in svg and "date" in svg  # labelled axes


def test_features_are_listed_with_hpo_ids(year_report: Report) -> None:
    soup = BeautifulSoup(render_report_html(year_report), "html.parser")
    rows = [row.get_text(" ") for row in soup.select("#features tbody tr")]
    assert any("HP:0008994" in row and "Proximal lower limb muscle weakness" in row for row in rows)


def test_tests_done_and_to_discuss(year_report: Report) -> None:
    soup = BeautifulSoup(render_report_html(year_report), "html.parser")
    assert "135%" in soup.select_one("#tests .tests-done").get_text()
    to_discuss = soup.select_one("#tests .tests-to-discuss").get_text()
    assert "VGCC" in to_discuss and "to discuss" in to_discuss
    assert "CT scan of the chest" in to_discuss  # suggested by spec section 4, not recorded


def test_medicines_that_can_worsen_lems_carry_a_warning(year_report: Report) -> None:
    soup = BeautifulSoup(render_report_html(year_report), "html.parser")
    cautions = soup.select("#medications .caution")
    assert len(cautions) == 1
    assert "Fluoroquinolone" in cautions[0].get_text()


def test_the_report_says_the_app_does_not_diagnose(year_report: Report) -> None:
    soup = BeautifulSoup(render_report_html(year_report), "html.parser")
    assert REPORT_DISCLAIMER in soup.select_one("#disclaimer").get_text()
    assert "does not diagnose" in REPORT_DISCLAIMER


def test_a_year_of_daily_entries_fits_within_four_numbered_pages(year_report: Report) -> None:
    pages = report_pages(year_report)
    assert 1 <= len(pages) <= 4
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in _texts(page)


def test_the_pdf_is_a_pdf(year_report: Report) -> None:
    pdf = render_report_pdf(year_report)
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")


def test_an_empty_diary_still_renders_and_says_so() -> None:
    report = build_report(
        [], flags=[], investigations=[], patient="p@example.org", time_zone="UTC", now=NOW
    )
    soup = BeautifulSoup(render_report_html(report), "html.parser")
    assert "No red flags" in soup.select_one("#red-flags").get_text()
    assert "Too little data" in soup.select_one("#observations").get_text()
    assert len(report_pages(report)) == 1
