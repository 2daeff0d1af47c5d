"""Appointment preparation and the report in a real browser on a phone-sized screen."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import LiveServer, Persona
from tests.e2e.browser import PHONE, go_to, sign_in
from tests.reports.test_report_pages import fill_diary

# A report with its four charts is far larger than an empty or broken PDF (a few hundred bytes).
MIN_PDF_BYTES = 10_000

# SQLite only: the pages are checked on PostgreSQL over HTTP (test_report_pages.py).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.parametrize("database_url", ["sqlite"], indirect=True),
]


def test_a_patient_prepares_for_an_appointment_on_a_phone(
    phone: Page,
    server: LiveServer,
    db_url: str,
    patient: Persona,
) -> None:
    fill_diary(db_url, patient)
    sign_in(phone, server, patient)
    go_to(phone, "Appointment")
    expect(phone.get_by_role("heading", name="Prepare for your appointment")).to_be_visible()
    summary = phone.get_by_label("Summary in my words")
    expect(summary).to_have_value(re.compile("usually worst in the morning"))
    expect(phone.get_by_role("heading", name="Tests to ask about")).to_be_visible()
    expect(phone.get_by_label("Asking for screening")).to_have_value(
        re.compile("autoimmune neuromuscular")
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    summary.fill("My legs give way on the stairs by the evening.")
    phone.get_by_role("button", name="Print this").click()
    expect(phone.get_by_role("heading", name="For my appointment")).to_be_visible()
    expect(phone.locator(".summary")).to_have_text("My legs give way on the stairs by the evening.")
    expect(phone.locator(".request").first).to_contain_text("autoimmune neuromuscular")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.emulate_media(media="print")
    expect(phone.locator(".no-print")).to_be_hidden()


def test_the_report_downloads_as_a_pdf_on_a_phone(
    phone: Page,
    server: LiveServer,
    db_url: str,
    patient: Persona,
) -> None:
    fill_diary(db_url, patient)
    sign_in(phone, server, patient)
    go_to(phone, "Report")
    with phone.expect_download() as info:
        phone.get_by_role("link", name="Download PDF").click()
    download = info.value
    assert download.suggested_filename.startswith("lems-report-")
    assert download.suggested_filename.endswith(".pdf")
    pdf = Path(download.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert len(pdf) > MIN_PDF_BYTES
    # The text is compressed in the PDF; read it where poppler's pdftotext is installed.
    if pdftotext := shutil.which("pdftotext"):
        text = subprocess.run(
            [pdftotext, download.path(), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert patient.email in text


def test_the_report_page_and_a_test_record_work_on_a_phone(
    phone: Page,
    server: LiveServer,
    db_url: str,
    patient: Persona,
) -> None:
    fill_diary(db_url, patient)
    sign_in(phone, server, patient)
    go_to(phone, "Report")
    expect(phone.locator("#chart-time-of-day img")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.get_by_role("link", name="Your tests").click()
    phone.get_by_label("Test").select_option("vgcc_antibodies")
    phone.get_by_label("Not done yet (to discuss)").check()
    phone.get_by_role("button", name="Save test").click()
    expect(phone.get_by_role("status")).to_have_text("Saved.")
    expect(phone.locator(".test-item").first).to_contain_text("to discuss")
