"""The screening schedule in the app: dated plan, statuses on a given day, recorded scans."""

from __future__ import annotations

from datetime import date

import httpx
from bs4 import BeautifulSoup

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.tools.service import report_section, screening_for, set_schedule
from tests.conftest import Persona, csrf_token, make_user, web_sign_in
from tests.tools.test_tool_pages import audit_targets, invite_clinician


def page(response: httpx.Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def statuses(shown: BeautifulSoup) -> dict[str, str]:
    rows = shown.select("#screening-items tbody tr")
    return {row["data-item"]: row.select_one(".item-status").get_text() for row in rows}


def set_diagnosis(http: httpx.Client, base: str, diagnosed_on: str, score: str) -> httpx.Response:
    data = {"diagnosed_on": diagnosed_on, "delta_p_score": score}
    return http.post(base, data={**data, "csrf_token": csrf_token(http, base)})


def test_without_a_diagnosis_date_the_page_asks_for_it(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    shown = page(http.get("/tools/screening"))
    assert shown.select_one("#no-schedule") is not None
    assert shown.select_one("#diagnosis-form") is not None


def test_the_plan_shows_overdue_and_upcoming_items_on_a_given_day(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    assert set_diagnosis(http, "/tools/screening", "2026-01-15", "4").status_code == 200
    shown = page(http.get("/tools/screening", params={"on": "2026-05-01"}))
    seen = statuses(shown)
    # High band (DELTA-P 4): CT and PET at diagnosis, then 3, 9, 15, 21, 27 months.
    assert list(seen) == [
        "m00-chest_ct",
        "m00-fdg_pet_if_ct_negative",
        "m03-chest_ct",
        "m09-chest_ct",
        "m15-chest_ct",
        "m21-chest_ct",
        "m27-chest_ct",
    ]
    # On 1 May the diagnosis scans' window has closed (the 3-month window opened on 16 March).
    assert seen["m00-chest_ct"] == "missed"
    assert seen["m03-chest_ct"] == "overdue"  # due 15 April
    assert seen["m09-chest_ct"] == "upcoming"
    assert "1 overdue, 4 upcoming, 2 missed" in shown.select_one("#screening-plan .hint").get_text()
    due = shown.select_one('tr[data-item="m03-chest_ct"] time')["datetime"]
    assert due == "2026-04-15"


def test_a_recorded_scan_completes_its_item_and_goes_to_the_test_tracker(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    web_sign_in(http, patient)
    set_diagnosis(http, "/tools/screening", "2026-01-15", "2")
    scan = {
        "kind": "chest_ct",
        "performed_on": "2026-01-10",
        "result": "abnormal",
        "note": "nodule",
    }
    response = http.post(
        "/tools/screening/scans",
        data={**scan, "csrf_token": csrf_token(http, "/tools/screening")},
    )
    assert response.status_code == 200
    seen = statuses(page(http.get("/tools/screening", params={"on": "2026-02-01"})))
    assert seen["m00-chest_ct"] == "done: abnormal on 10 Jan 2026"
    assert seen["m00-fdg_pet_if_ct_negative"] == "not applicable"
    assert seen["m06-chest_ct"] == "upcoming"
    tracker = http.get("/tests").text
    assert "abnormal: nodule" in tracker


def test_refused_input_is_named(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    response = set_diagnosis(http, "/tools/screening", "15/01/2026", "9")
    assert response.status_code == 422
    summary = page(response).select_one("#tool-errors").get_text()
    assert "YYYY-MM-DD" in summary and "from 0 to 6" in summary
    set_diagnosis(http, "/tools/screening", "2026-01-15", "2")
    future = {"kind": "fdg_pet", "performed_on": "2999-01-01", "result": "maybe"}
    response = http.post(
        "/tools/screening/scans",
        data={**future, "csrf_token": csrf_token(http, "/tools/screening")},
    )
    assert response.status_code == 422
    summary = page(response).select_one("#tool-errors").get_text()
    assert "future" in summary and "negative, abnormal or unclear" in summary


def test_the_schedule_is_shared_with_the_calendar_settings_and_in_the_report(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    web_sign_in(http, patient)
    set_diagnosis(http, "/tools/screening", "2026-01-15", "1")
    calendar = page(http.get("/calendar/settings"))
    assert calendar.select_one("#diagnosed_on")["value"] == "2026-01-15"
    assert calendar.select_one("#delta_p_score")["value"] == "1"
    section = page(http.get("/report.html")).select_one("#clinician-tools")
    assert (
        section is not None
        and "DELTA-P score entered with it, 1 of 6 (low band)" in section.get_text()
    )
    assert len(section.select(".screening-items li")) == 3  # CT, PET, one rescreen at 6 months


def test_storage_reads_the_plan_on_the_day_it_is_given(db_url: str, patient: Persona) -> None:
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        assert screening_for(db, owner=owner, today=date(2026, 1, 1)) is None
        set_schedule(db, owner=owner, diagnosed_on=date(2026, 1, 15), delta_p_score=2)
        before = screening_for(db, owner=owner, today=date(2026, 1, 10))
        after = report_section(db, owner=owner, today=date(2027, 6, 1)).screening
    assert before is not None and after is not None
    assert before.count("upcoming") == 6 and before.count("overdue") == 0
    # Due 15 Jan 2027, the 12-month rescreen is overdue until the 18-month window opens in June.
    assert after.count("missed") == 3 and after.count("overdue") == 1
    assert after.count("upcoming") == 2


def test_a_clinician_records_the_diagnosis_for_an_invited_patient_audited(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    doctor = make_user(db_url, "doctor@example.org")
    owner_id = invite_clinician(db_url, patient, doctor.email)
    web_sign_in(http, doctor)
    base = f"/people/{owner_id}/tools/screening"
    assert set_diagnosis(http, base, "2026-01-15", "3").status_code == 200
    assert (doctor.email, "create", "screening schedule") in audit_targets(db_url)
    web_sign_in(http, patient)
    assert "DELTA-P 3" in page(http.get("/tools/screening")).select_one("#plan-heading").get_text()
