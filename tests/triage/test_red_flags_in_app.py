"""Red flags in the app: stored with each entry, recomputed on edit, never hidden."""

from __future__ import annotations

import json

import httpx
from bs4 import BeautifulSoup

from tests.cli.test_cli import lems
from tests.conftest import Persona, api_token, csrf_token, web_sign_in

BASE = {"recorded_at": "2026-03-01T08:30:00+00:00", "symptoms": {"proximal_leg_weakness": 2}}


def page(response: httpx.Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def save_form(http: httpx.Client, **fields: str) -> httpx.Response:
    form = {"recorded_at": "2026-03-01T08:30", "tz": "Europe/London", **fields}
    response = http.post("/entries", data={**form, "csrf_token": csrf_token(http)})
    assert response.status_code == 303, response.text
    return http.get(response.headers["location"])


def test_an_emergency_note_shows_an_alert_before_anything_else(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    shown = page(save_form(http, note="I choked on my tea this morning and had to cough it up."))
    first = shown.select_one("main > *")
    assert first is not None and "alert-emergency" in first.get("class", [])
    assert first["role"] == "alert"
    assert "Get urgent medical care now" in first.get_text()
    call = first.select_one("a.button-call")
    assert call["href"] == "tel:999" and call.get_text() == "Call 999"  # the configured number
    assert "you wrote “choked”" in first.get_text()
    assert first.select("button") == []  # nothing to dismiss it by accident


def test_a_prompt_flag_shows_a_banner_not_an_emergency(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    shown = page(save_form(http, symptom_persistent_cough="1"))
    banner = shown.select_one("main > .alert")
    assert "alert-prompt" in banner["class"]
    assert banner["role"] == "status"
    assert "Tell a doctor" in banner.get_text()


def test_a_negated_note_raises_no_alert(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    shown = page(save_form(http, note="No choking, no trouble swallowing, breathing fine."))
    assert shown.select(".alert") == []


def test_editing_an_entry_recomputes_its_flags(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    shown = save_form(http, note="Felt very breathless just walking to the kitchen.")
    entry_path = str(shown.url.path)
    assert page(shown).select_one(".alert-emergency") is not None
    form = {"recorded_at": "2026-03-01T08:30", "tz": "Europe/London", "note": "Walked to the shop."}
    http.post(f"{entry_path}/edit", data={**form, "csrf_token": csrf_token(http)})
    assert page(http.get(entry_path)).select(".alert") == []
    assert page(http.get("/red-flags")).select(".flag-row") == []


def test_the_timeline_marks_flagged_entries_and_the_history_lists_them(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    save_form(http, note="Food keeps sticking when I swallow.")
    timeline = page(http.get("/diary"))
    assert "flagged-emergency" in timeline.select_one(".timeline-item")["class"]
    history = page(http.get("/red-flags"))
    rows = history.select(".flag-row")
    assert len(rows) == 1
    assert "Difficulty swallowing" in rows[0].get_text()
    assert "sticking" in rows[0].get_text()


def test_the_api_returns_the_triage_with_the_entry(http: httpx.Client, patient: Persona) -> None:
    auth = api_token(http, patient)
    body = http.post(
        "/api/v1/entries", json={**BASE, "note": "Choked on water twice today."}, headers=auth
    ).json()
    assert body["triage"]["level"] == "emergency"
    [flag] = body["triage"]["flags"]
    assert flag["id"] == "choking"
    assert body["note"][flag["start"] : flag["end"]] == flag["evidence"]
    assert "999" in body["triage"]["advice"][0]
    patched = http.patch(
        f"/api/v1/entries/{body['id']}", json={"note": "Ate well."}, headers=auth
    ).json()
    assert patched["triage"] == {"level": "routine", "flags": [], "advice": []}


def test_a_red_flag_symptom_new_since_the_last_entry_is_an_emergency(
    http: httpx.Client, patient: Persona
) -> None:
    auth = api_token(http, patient)
    http.post("/api/v1/entries", json=BASE, headers=auth)
    later = {
        **BASE,
        "recorded_at": "2026-03-02T08:30:00+00:00",
        "symptoms": {"swallowing_difficulty": 1},
    }
    body = http.post("/api/v1/entries", json=later, headers=auth).json()
    assert [flag["id"] for flag in body["triage"]["flags"]] == ["dysphagia"]
    assert body["triage"]["level"] == "emergency"
    unchanged = {**later, "recorded_at": "2026-03-03T08:30:00+00:00"}
    again = http.post("/api/v1/entries", json=unchanged, headers=auth).json()
    assert again["triage"]["level"] == "prompt"  # present and unchanged at severity 1


def test_losing_five_percent_within_six_months_raises_the_weight_flag(
    http: httpx.Client, patient: Persona
) -> None:
    auth = api_token(http, patient)
    http.post("/api/v1/entries", json={**BASE, "weight_kg": 80.0}, headers=auth)
    later = {**BASE, "recorded_at": "2026-06-01T08:30:00+00:00", "weight_kg": 76.0}
    body = http.post("/api/v1/entries", json=later, headers=auth).json()
    assert [flag["id"] for flag in body["triage"]["flags"]] == ["weight_loss"]
    # 4.4% below the highest weight of the last six months: recorded, not flagged.
    a_little_less = {**BASE, "recorded_at": "2026-06-02T08:30:00+00:00", "weight_kg": 76.5}
    assert (
        http.post("/api/v1/entries", json=a_little_less, headers=auth).json()["triage"]["flags"]
        == []
    )


def test_imported_entries_are_triaged_in_time_order(
    db_url: str, patient: Persona, tmp_path: object
) -> None:
    from pathlib import Path

    source = Path(str(tmp_path)) / "entries.jsonl"
    lines = [
        {**BASE, "recorded_at": "2026-03-02T08:30:00+00:00", "symptoms": {"choking": 1}},
        BASE,
    ]
    source.write_text("\n".join(json.dumps(item) for item in lines))
    assert lems(db_url, "diary", "import", "--user", patient.email, str(source)).returncode == 0
    from lems_companion.accounts.service import find_user
    from lems_companion.db.engine import session_scope
    from lems_companion.diary.service import list_entries

    with session_scope(db_url) as db:
        user = find_user(db, patient.email)
        assert user is not None
        levels = [row.triage_level for row in list_entries(db, owner=user)]
    assert levels == ["routine", "emergency"]


def test_the_cli_prints_a_red_flag_on_stderr(db_url: str, patient: Persona) -> None:
    result = lems(
        db_url,
        "diary",
        "add",
        "--user",
        patient.email,
        stdin=json.dumps({**BASE, "note": "I had a fit this afternoon"}),
    )
    assert result.returncode == 0, result.stderr
    assert "RED FLAG (emergency)" in result.stderr
    assert json.loads(result.stdout)["note"] == "I had a fit this afternoon"


def test_a_caregivers_note_about_the_patient_raises_the_patients_red_flag(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    from lems_companion.accounts.service import find_user
    from lems_companion.db.engine import session_scope
    from lems_companion.sharing.service import invite
    from tests.conftest import make_user

    carer = make_user(db_url, "carer@example.org")
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        invite(db, owner=owner, email=carer.email, role="caregiver")
        owner_id = owner.id
    web_sign_in(http, carer)
    form = {
        "recorded_at": "2026-03-02T09:00",
        "tz": "Europe/London",
        "note": "Mum choked on her tea at breakfast and could not get her breath for a minute.",
    }
    added = http.post(
        f"/people/{owner_id}/entries",
        data={**form, "csrf_token": csrf_token(http, f"/people/{owner_id}/entries/new")},
    )
    assert added.status_code == 303
    # The same words from the patient's own account would be about someone else; from the
    # caregiver's they are the patient's (spec section 3, who is writing).
    items = http.get("/api/v1/entries", headers=api_token(http, patient)).json()["items"]
    [entry] = items
    assert entry["triage"]["level"] == "emergency"
    assert "choking" in {flag["id"] for flag in entry["triage"]["flags"]}
