"""Over real HTTP: factors on an entry (form, API, report) and the person's own symptoms first."""

from __future__ import annotations

import httpx
from bs4 import BeautifulSoup

from lems_companion.diary.quick import MAX_OWN_SYMPTOMS, choosable_symptoms
from tests.conftest import Persona, api_token, csrf_token, web_sign_in


def page(response: httpx.Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def first_symptoms(http: httpx.Client) -> list[str]:
    form = page(http.get("/entries/new"))
    first = form.select_one("section.symptom-group")
    return [item["id"].removeprefix("symptom_") for item in first.select(".severity")]


def test_factors_ticked_on_the_form_are_stored_shown_and_kept_on_edit(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    form = page(http.get("/entries/new"))
    boxes = form.select("#factors input[name=factor]")
    assert [box["value"] for box in boxes][:2] == ["heat", "infection"]
    assert all(form.select_one(f"label[for='{box['id']}']") for box in boxes)
    response = http.post(
        "/entries",
        data={
            "recorded_at": "2026-03-01T08:30",
            "tz": "Europe/London",
            "symptom_fatigue": "2",
            "factor": ["poor_sleep", "heat"],
            "csrf_token": csrf_token(http),
        },
    )
    assert response.status_code == 303
    shown = page(http.get(response.headers["location"]))
    assert [item.get_text() for item in shown.select(".factor-list li")] == ["Heat", "Poor sleep"]
    entry_id = response.headers["location"].split("/")[2].split("?")[0]
    edit = page(http.get(f"/entries/{entry_id}/edit"))
    ticked = [box["value"] for box in edit.select("#factors input[checked]")]
    assert ticked == ["heat", "poor_sleep"]
    assert edit.select_one("details.factors").has_attr("open")


def test_an_unknown_factor_on_the_form_is_named_in_plain_words_and_nothing_is_stored(
    http: httpx.Client, patient: Persona
) -> None:
    headers = api_token(http, patient)
    web_sign_in(http, patient)
    response = http.post(
        "/entries",
        data={
            "recorded_at": "2026-03-01T08:30",
            "factor": "sunburn",
            "csrf_token": csrf_token(http),
        },
    )
    assert response.status_code == 422
    summary = page(response).select_one("#error-summary").get_text()
    assert "Anything that may have made a difference" in summary
    assert http.get("/api/v1/entries", headers=headers).json()["items"] == []


def test_the_api_takes_and_returns_factors_and_refuses_an_unknown_one(
    http: httpx.Client, patient: Persona
) -> None:
    headers = api_token(http, patient)
    created = http.post(
        "/api/v1/entries",
        headers=headers,
        json={"recorded_at": "2026-03-01T08:30:00+01:00", "factors": ["exertion"]},
    )
    assert created.status_code == 201, created.text
    assert created.json()["factors"] == ["exertion"]
    entry_id = created.json()["id"]
    cleared = http.patch(f"/api/v1/entries/{entry_id}", headers=headers, json={"factors": None})
    assert cleared.json()["factors"] == []
    refused = http.post(
        "/api/v1/entries",
        headers=headers,
        json={"recorded_at": "2026-03-01T09:30:00+01:00", "factors": ["sunburn"]},
    )
    assert refused.status_code == 422 and "sunburn" in refused.text
    assert len(http.get("/api/v1/entries", headers=headers).json()["items"]) == 1


def test_the_report_shows_the_factors_and_the_comparison(
    http: httpx.Client, patient: Persona
) -> None:
    headers = api_token(http, patient)
    for day in range(1, 13):
        heat = day % 2 == 0
        http.post(
            "/api/v1/entries",
            headers=headers,
            json={
                "recorded_at": f"2026-03-{day:02d}T08:30:00+01:00",
                "symptoms": {"proximal_leg_weakness": 3 if heat else 1},
                "factors": ["heat"] if heat else [],
            },
        ).raise_for_status()
    web_sign_in(http, patient)
    report = page(http.get("/report.html", params={"since": "2026-03-01", "until": "2026-03-31"}))
    sections = [section["id"] for section in report.select("section.report-section")]
    assert sections[-3:] == ["medications", "factors", "disclaimer"]
    row = report.select_one("#factors table tbody tr")
    assert [cell.get_text() for cell in row.select("td")][:4] == [
        "Heat",
        "6",
        "3.0",
        "1.0 (6 days)",
    ]
    observations = report.select_one("#observations").get_text()
    assert "Muscle weakness was worse on the 6 days heat was noted" in observations


def test_own_symptoms_come_first_then_learned_ones_then_the_emergency_questions(
    http: httpx.Client, patient: Persona
) -> None:
    headers = api_token(http, patient)
    http.post(
        "/api/v1/entries",
        headers=headers,
        json={"recorded_at": "2026-03-01T08:30:00+01:00", "symptoms": {"tingling": 2}},
    ).raise_for_status()
    web_sign_in(http, patient)
    saved = http.post(
        "/account/symptoms",
        data={
            "symptom": ["double_vision", "constipation"],
            "csrf_token": csrf_token(http, "/account"),
        },
    )
    assert saved.status_code == 303
    account = page(http.get(saved.headers["location"]))
    assert account.select_one("#own-symptoms-saved") is not None
    assert [box["value"] for box in account.select("#own-symptoms input[checked]")] == [
        "constipation",
        "double_vision",
    ]
    # Chosen (catalogue order), then learned from the entries, then the emergency questions.
    assert first_symptoms(http) == [
        "constipation",
        "double_vision",
        "tingling",
        "swallowing_difficulty",
        "choking",
        "shortness_of_breath",
    ]
    more = page(http.get("/entries/new")).select_one("details.more-symptoms")
    assert more.select_one("#symptom_proximal_leg_weakness") is not None
    # An empty choice clears it: the form learns from the entries again.
    http.post("/account/symptoms", data={"csrf_token": csrf_token(http, "/account")})
    assert first_symptoms(http)[0] == "tingling"


def test_a_bad_choice_of_own_symptoms_is_refused_and_nothing_is_stored(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    token = csrf_token(http, "/account")
    too_many = [item.id for item in choosable_symptoms()][: MAX_OWN_SYMPTOMS + 1]
    for choice, message in (
        (["choking"], "is not a symptom you can choose here"),
        (["fatigue", "sunburn"], "is not a symptom you can choose here"),
        (too_many, f"Choose at most {MAX_OWN_SYMPTOMS}"),
    ):
        response = http.post("/account/symptoms", data={"symptom": choice, "csrf_token": token})
        assert response.status_code == 422
        assert message in page(response).select_one("#own-symptoms-error").get_text()
    # Still the starter symptoms: nothing was stored.
    assert first_symptoms(http)[:3] == ["proximal_leg_weakness", "fatigue", "dry_mouth"]
