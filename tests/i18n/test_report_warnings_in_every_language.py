"""The report's medicine warnings and screening schedule in the reader's language (issue 20),
in its HTML and in its PDF: the same wording as the entry pages and the screening page, which
share one installation of the filters (i18n.documents.install); and its tests named as the test
tracker names them."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime

import pytest
from bs4 import BeautifulSoup

from lems_companion.investigations.schemas import InvestigationPublic
from lems_companion.reports.report import (
    Report,
    build_report,
    render_report_html,
    render_report_pdf,
)
from lems_companion.tools.records import ToolsSection, TrackedScan, screening_overview
from tests.factories import entry

# language, then what the report says: the macrolides' class, their own warning, the closing
# advice, the first scan's name, a status (the 3-month rescreen is overdue), the abnormal CT's
# result, the note on new symptoms and the DELTA-P band.
REPORTS = [
    (
        "es",
        "Antibióticos macrólidos",
        "Los antibióticos macrólidos pueden empeorar la debilidad del LEMS.",
        "No deje ni cambie por su cuenta un medicamento recetado",
        "TAC de tórax",
        "atrasada",
        "anormal",
        "Los síntomas nuevos, como pérdida de peso",
        "(riesgo alto)",
    ),
    (
        "fr",
        "Antibiotiques macrolides",
        "Les antibiotiques macrolides peuvent aggraver la faiblesse du LEMS.",
        "N'arrêtez pas et ne modifiez pas de vous-même un médicament prescrit",
        "Scanner du thorax",
        "en retard",
        "anormal",
        "De nouveaux symptômes, comme une perte de poids",
        "(risque élevé)",
    ),
    (
        "de",
        "Makrolid-Antibiotika",
        "Makrolid-Antibiotika können die LEMS-Schwäche verschlimmern.",
        "Setzen Sie ein verordnetes Medikament nicht eigenmächtig ab",
        "CT des Brustkorbs",
        "überfällig",
        "auffällig",
        "Neue Beschwerden wie Gewichtsverlust",
        "(Risikobereich: hoch)",
    ),
    (
        "en",
        "Macrolide antibiotics",
        "Macrolide antibiotics can make LEMS weakness worse.",
        "Do not stop or change a prescribed medicine on your own",
        "CT of the chest",
        "overdue",
        "abnormal",
        "New symptoms, such as weight loss",
        "(high band)",
    ),
]


def report_in(language: str) -> Report:
    """Return the report of a diary with a macrolide logged and a screening schedule (diagnosis
    on 15 Jan 2026, DELTA-P 4, an abnormal chest CT at diagnosis), read in the language."""
    entries = [
        entry(
            "2026-03-01T08:00:00+00:00",
            symptoms={"proximal_leg_weakness": 2},
            medications=[{"name": "Clarithromycin", "dose_mg": 500}],
        )
    ]
    screening = screening_overview(
        diagnosed_on=date(2026, 1, 15),
        delta_p_score=4,
        scans=[TrackedScan(kind="chest_ct", done_on=date(2026, 1, 20), result="abnormal")],
        today=date(2026, 5, 1),
    )
    return build_report(
        entries,
        flags=[],
        investigations=[],
        patient="Ada",
        time_zone="UTC",
        now=datetime(2026, 5, 1, tzinfo=UTC),
        tools=ToolsSection(results=[], screening=screening),
        language=language,
    )


def flat(text: str) -> str:
    """Return text with every run of white space as one space (the PDF wraps lines anywhere)."""
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("language", "label", "warning", "advice", "scan", "overdue", "result", "note", "band"),
    REPORTS,
    ids=[row[0] for row in REPORTS],
)
def test_the_reports_warnings_and_schedule_speak_the_readers_language(
    language: str,
    label: str,
    warning: str,
    advice: str,
    scan: str,
    overdue: str,
    result: str,
    note: str,
    band: str,
) -> None:
    report = report_in(language)
    html = BeautifulSoup(render_report_html(report), "html.parser")
    medications = flat(html.select_one("#medications").get_text(" "))
    assert label in medications and warning in medications and advice in medications
    summary = flat(html.select_one("#summary").get_text(" "))
    assert label in summary  # the summary's "caution:" names the class too
    items = [flat(li.get_text(" ")) for li in html.select("#clinician-tools .screening-items li")]
    assert scan in items[0] and f"({result}," in items[0]
    assert scan in items[2] and overdue in items[2]  # the 3-month rescreen
    schedule = flat(html.select_one("#clinician-tools").get_text(" "))
    assert note in schedule and band in schedule
    review = html.select_one("#medications .medicines-review")
    assert (review is None) if language == "en" else review is not None

    pdf = subprocess.run(
        ["pdftotext", "-", "-"], input=render_report_pdf(report), capture_output=True, check=True
    ).stdout.decode()
    text = flat(pdf)
    for shown in (label, warning, advice, scan, overdue, note):
        assert shown in text, shown


# Per language: a test recorded as done (SOX1 antibodies) and one to discuss (the chest CT), as
# the test tracker names them.
TEST_NAMES = {
    "es": ("Anticuerpos anti-SOX1", "TAC de tórax"),
    "fr": ("Anticorps anti-SOX1", "Scanner du thorax"),
    "de": ("SOX1-Antikörper", "CT des Brustkorbs"),
    "en": ("SOX1 antibodies", "CT scan of the chest"),
}


@pytest.mark.parametrize("language", TEST_NAMES)
def test_the_reports_tests_are_named_in_the_readers_language(language: str) -> None:
    done = InvestigationPublic(
        id=1, kind="sox1_antibodies", status="done", done_on=date(2026, 2, 1), result="negative"
    )
    report = build_report(
        [], flags=[], investigations=[done], patient="Ada", time_zone="UTC", language=language
    )
    html = BeautifulSoup(render_report_html(report), "html.parser")
    recorded, to_discuss = TEST_NAMES[language]
    assert recorded in html.select_one("#tests .tests-done").get_text()
    assert to_discuss in html.select_one("#tests .tests-to-discuss").get_text()
    assert recorded in html.select_one("#summary").get_text()
