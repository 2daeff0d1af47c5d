"""The clinician tool pages: results with sources, refused input, saving, who may use them."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.sharing.models import AuditEvent
from lems_companion.sharing.service import invite
from lems_companion.tools.models import ToolResult
from tests.conftest import Persona, csrf_token, make_user, web_sign_in

DELTA_P = {
    "age_at_onset": "62",
    "sex": "male",
    "smoker_at_onset": "yes",
    "weight_loss_percent": "6",
    "bulbar": "yes",
    "erectile_dysfunction": "no",
    "karnofsky": "80",
}


def page(response: httpx.Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def post(http: httpx.Client, path: str, **fields: str) -> httpx.Response:
    return http.post(path, data={**fields, "csrf_token": csrf_token(http, "/tools")})


def invite_clinician(db_url: str, patient: Persona, email: str, role: str = "clinician") -> int:
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        invite(db, owner=owner, email=email, role=role)
        return owner.id


def saved(db_url: str) -> list[ToolResult]:
    with session_scope(db_url) as db:
        return list(db.scalars(select(ToolResult).order_by(ToolResult.id)))


def audit_targets(db_url: str) -> list[tuple[str | None, str, str]]:
    with session_scope(db_url) as db:
        events = db.scalars(select(AuditEvent).order_by(AuditEvent.id))
        return [(event.actor_email, event.action, event.target) for event in events]


def test_delta_p_shows_the_score_both_studies_and_the_disclaimer(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    response = post(http, "/tools/delta-p", **DELTA_P, action="calculate")
    assert response.status_code == 200
    shown = page(response)
    assert shown.select_one("#result-heading").get_text() == "DELTA-P 4 of 6"
    assert "85.7%" in shown.select_one("#validation-figure").get_text()
    assert "Maddison et al., Sci Rep 2020" in shown.select_one("#validation-figure").get_text()
    assert "93.5-100%" in shown.select_one("#derivation-note").get_text()
    assert "Decision aid, not a diagnosis" in shown.select_one("#decision-aid").get_text()
    assert shown.select(".saved-result") == []  # calculated, not saved


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("karnofsky", "65", "not on the Karnofsky scale"),
        ("age_at_onset", "sixty", "whole number"),
        ("age_at_onset", "130", "less than or equal to 120"),
        ("weight_loss_percent", "70", "less than or equal to 50"),
        ("erectile_dysfunction", "", "choose yes or no"),
        ("sex", "", "choose male or female"),
    ],
)
def test_delta_p_refuses_bad_input_with_a_clear_message(
    http: httpx.Client, patient: Persona, field: str, value: str, message: str
) -> None:
    web_sign_in(http, patient)
    response = post(http, "/tools/delta-p", **{**DELTA_P, field: value}, action="save")
    assert response.status_code == 422
    summary = page(response).select_one("#tool-errors")
    assert summary is not None and message in summary.get_text()
    assert summary.select_one(f'li[data-field="{field}"]') is not None
    assert page(response).select_one("#tool-result") is None


def test_edx_reads_the_increment_against_both_cutoffs(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    form = {"cmap_rest_mv": "1,0", "cmap_after_exercise_mv": "1.6", "decrement_percent": "14"}
    shown = page(post(http, "/tools/edx", **form, action="calculate"))
    assert shown.select_one("#result-heading").get_text() == "Increment 60.00%"
    cutoffs = [item.get_text(" ", strip=True) for item in shown.select("#edx-cutoffs li")]
    assert cutoffs[0].startswith("Meets the 60% cut-off")
    assert "Lipka et al., Muscle Nerve 2020" in cutoffs[0] and "Oh et al." in cutoffs[0]
    assert cutoffs[1].startswith("Below the 100% cut-off")
    assert "meets 10%" in cutoffs[2]


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"cmap_rest_mv": "0", "cmap_after_exercise_mv": "2"}, "cmap_rest_mv", "greater than 0"),
        ({"cmap_rest_mv": "1", "cmap_after_exercise_mv": "80"}, "cmap_after_exercise_mv", "50"),
        ({"cmap_rest_mv": "nan", "cmap_after_exercise_mv": "2"}, "cmap_rest_mv", ""),
        ({"cmap_rest_mv": "", "cmap_after_exercise_mv": "2"}, "cmap_rest_mv", "required"),
        ({"cmap_rest_mv": "1 mV", "cmap_after_exercise_mv": "2"}, "cmap_rest_mv", "a number"),
    ],
)
def test_edx_refuses_bad_input(
    http: httpx.Client, patient: Persona, form: dict[str, str], field: str, message: str
) -> None:
    web_sign_in(http, patient)
    response = post(http, "/tools/edx", **form, action="calculate")
    assert response.status_code == 422
    item = page(response).select_one(f'#tool-errors li[data-field="{field}"]')
    assert item is not None and message in item.get_text()


def test_the_medicine_check_warns_with_the_source(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    shown = page(post(http, "/tools/medicines", name="Cipro 500mg", action="calculate"))
    [caution] = shown.select("#medicine-cautions li")
    text = caution.get_text(" ", strip=True)
    assert "Fluoroquinolone antibiotics" in text and "prescriber" in text
    assert "Source: LEMS Companion clinical specification, section 6" in text
    amifampridine = page(post(http, "/tools/medicines", name="Firdapse", action="calculate"))
    # No country on the profile: the lowest licensed maximum (EU/UK, 60 mg a day) applies.
    assert "60 mg a day" in amifampridine.select_one("#amifampridine-note").get_text()
    nothing = page(post(http, "/tools/medicines", name="paracetamol", action="calculate"))
    assert nothing.select_one("#no-caution") is not None
    blank = post(http, "/tools/medicines", name="  ", action="calculate")
    assert blank.status_code == 422 and "type the name" in blank.text


def test_a_saved_result_appears_on_the_page_and_in_the_report(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    web_sign_in(http, patient)
    response = post(http, "/tools/delta-p", **DELTA_P, action="save")
    assert page(response).select_one(".notice").get_text() == "Saved to the record."
    [row] = saved(db_url)
    assert row.kind == "delta_p" and row.saved_by == patient.email
    assert row.inputs["age_at_onset"] == 62 and row.result["score"] == 4
    listed = page(http.get("/tools/delta-p")).select(".saved-result")
    assert len(listed) == 1 and "DELTA-P 4 of 6" in listed[0].get_text()
    report = page(http.get("/report.html"))
    section = report.select_one("#clinician-tools")
    assert section is not None
    assert "DELTA-P 4 of 6" in section.select_one(".tool-results").get_text()
    assert audit_targets(db_url) == []  # the owner's own use is not audited


def test_a_clinician_with_a_grant_uses_and_saves_the_tools_audited(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    doctor = make_user(db_url, "doctor@example.org")
    owner_id = invite_clinician(db_url, patient, doctor.email)
    web_sign_in(http, doctor)
    base = f"/people/{owner_id}/tools"
    shown = page(http.get(f"{base}/edx"))
    assert patient.email in shown.select_one("#record-owner").get_text()
    assert shown.select_one("#edx-form")["action"] == f"{base}/edx"
    form = {"cmap_rest_mv": "1.2", "cmap_after_exercise_mv": "2.9"}
    response = http.post(
        f"{base}/edx", data={**form, "action": "save", "csrf_token": csrf_token(http, base)}
    )
    assert response.status_code == 200
    [row] = saved(db_url)
    assert row.saved_by == doctor.email and row.kind == "edx"
    assert [(who, action) for who, action, _ in audit_targets(db_url)] == [
        (doctor.email, "read"),  # the EDX page
        (doctor.email, "read"),  # the tools index, for the CSRF token
        (doctor.email, "read"),  # the EDX form posted
        (doctor.email, "create"),  # the saved result
    ]
    assert audit_targets(db_url)[-1][2] == f"edx result {row.id}"
    # The patient sees the clinician's result on their own page.
    web_sign_in(http, patient)
    assert doctor.email in page(http.get("/tools/edx")).select_one(".saved-result").get_text()


def test_a_stranger_and_a_caregiver_get_404(
    http: httpx.Client, patient: Persona, stranger: Persona, db_url: str
) -> None:
    carer = make_user(db_url, "carer@example.org")
    owner_id = invite_clinician(db_url, patient, carer.email, role="caregiver")
    for persona in (stranger, carer):
        web_sign_in(http, persona)
        token = csrf_token(http, "/tools")
        for path in ("", "/delta-p", "/screening"):
            assert http.get(f"/people/{owner_id}/tools{path}").status_code == 404
        data: dict[str, Any] = {**DELTA_P, "action": "save", "csrf_token": token}
        assert http.post(f"/people/{owner_id}/tools/delta-p", data=data).status_code == 404
    assert saved(db_url) == []


def test_a_revoked_clinician_gets_404(http: httpx.Client, patient: Persona, db_url: str) -> None:
    from lems_companion.sharing.service import revoke_grant

    doctor = make_user(db_url, "doctor@example.org")
    owner_id = invite_clinician(db_url, patient, doctor.email)
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        from lems_companion.sharing.service import grants_of

        revoke_grant(db, owner=owner, grant_id=grants_of(db, owner=owner)[0].id)
    web_sign_in(http, doctor)
    assert http.get(f"/people/{owner_id}/tools/edx").status_code == 404


def test_the_forms_carry_a_csrf_token_and_refuse_a_post_without_it(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    for path in ("/tools/delta-p", "/tools/edx", "/tools/medicines", "/tools/screening"):
        shown = page(http.get(path))
        for form in shown.select("form[method=post]"):
            assert form.select_one('input[name="csrf_token"]') is not None, path
        assert shown.select("[style]") == [] and shown.select("script:not([src])") == []
    assert http.post("/tools/edx", data={"cmap_rest_mv": "1"}).status_code == 403


def test_the_nav_links_to_the_tools(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    nav = page(http.get("/tools")).select_one("nav[aria-label=Main]")
    assert nav.select_one('a[href="/tools"]').get_text() == "Tools"
    links = [a["href"] for a in page(http.get("/tools")).select("#tool-links a")]
    assert links == ["/tools/delta-p", "/tools/screening", "/tools/edx", "/tools/medicines"]
