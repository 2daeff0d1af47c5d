"""The JSON API under /api/v1, over real HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import func, select

from lems_companion.db.engine import session_scope
from lems_companion.diary.models import Entry
from tests.conftest import Persona, api_token

ENTRY = {
    "recorded_at": "2026-03-01T08:30:00+01:00",
    "context": "after_rest",
    "symptoms": {"proximal_leg_weakness": 2, "dry_mouth": 1},
    "home_tests": {"grip_kg": {"rest": 18.0, "after_squeeze": 23.0}},
    "note": "Hard to get up from the sofa.",
}


def stored_entries(db_url: str) -> int:
    with session_scope(db_url) as db:
        return db.scalar(select(func.count()).select_from(Entry)) or 0


def test_a_token_is_issued_for_the_right_password_only(
    http: httpx.Client, patient: Persona
) -> None:
    assert api_token(http, patient)["Authorization"].startswith("Bearer ")
    wrong = http.post("/api/v1/token", data={"username": patient.email, "password": "nope-nope"})
    assert wrong.status_code == 401
    assert wrong.headers["WWW-Authenticate"] == "Bearer"


def test_entries_need_a_token(http: httpx.Client) -> None:
    assert http.get("/api/v1/entries").status_code == 401
    assert (
        http.get("/api/v1/entries", headers={"Authorization": "Bearer forged"}).status_code == 401
    )


def test_an_entry_is_created_read_changed_and_deleted(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    auth = api_token(http, patient)
    created = http.post("/api/v1/entries", json=ENTRY, headers=auth)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["recorded_at"] == "2026-03-01T08:30:00+01:00"
    assert body["symptoms"] == ENTRY["symptoms"]
    assert created.headers["Location"] == f"/api/v1/entries/{body['id']}"

    assert http.get(f"/api/v1/entries/{body['id']}", headers=auth).json() == body

    patched = http.patch(
        f"/api/v1/entries/{body['id']}", json={"weight_kg": 70.5, "note": None}, headers=auth
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["weight_kg"] == 70.5
    assert patched.json()["note"] is None
    assert patched.json()["symptoms"] == ENTRY["symptoms"]

    assert http.delete(f"/api/v1/entries/{body['id']}", headers=auth).status_code == 204
    assert http.get(f"/api/v1/entries/{body['id']}", headers=auth).status_code == 404
    assert stored_entries(db_url) == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"symptoms": {"headache": 2}}, "headache"),
        ({"symptoms": {"fatigue": 7}}, "fatigue"),
        ({"weight_kg": 12}, "weight_kg"),
        ({"note": "x" * 5001}, "note"),
        ({"recorded_at": "2999-01-01T00:00:00+00:00"}, "recorded_at"),
        ({"symptoms": "fatigue"}, "symptoms"),
    ],
)
def test_bad_entries_are_refused_naming_the_field_and_nothing_is_stored(
    http: httpx.Client, patient: Persona, db_url: str, change: dict[str, object], field: str
) -> None:
    response = http.post(
        "/api/v1/entries", json={**ENTRY, **change}, headers=api_token(http, patient)
    )
    assert response.status_code == 422
    assert field in str([problem["loc"] for problem in response.json()["detail"]])
    assert stored_entries(db_url) == 0


def test_a_bad_change_leaves_the_entry_as_it_was(http: httpx.Client, patient: Persona) -> None:
    auth = api_token(http, patient)
    entry_id = http.post("/api/v1/entries", json=ENTRY, headers=auth).json()["id"]
    response = http.patch(
        f"/api/v1/entries/{entry_id}",
        json={"symptoms": {"fatigue": 9}, "note": "new"},
        headers=auth,
    )
    assert response.status_code == 422
    assert http.get(f"/api/v1/entries/{entry_id}", headers=auth).json()["note"] == ENTRY["note"]


def test_a_stranger_gets_404_for_someone_elses_entry(
    http: httpx.Client, patient: Persona, stranger: Persona
) -> None:
    entry_id = http.post("/api/v1/entries", json=ENTRY, headers=api_token(http, patient)).json()[
        "id"
    ]
    theirs = api_token(http, stranger)
    assert http.get(f"/api/v1/entries/{entry_id}", headers=theirs).status_code == 404
    assert (
        http.patch(
            f"/api/v1/entries/{entry_id}", json={"note": "mine now"}, headers=theirs
        ).status_code
        == 404
    )
    assert http.delete(f"/api/v1/entries/{entry_id}", headers=theirs).status_code == 404
    assert http.get("/api/v1/entries", headers=theirs).json()["items"] == []
    assert (
        http.get(f"/api/v1/entries/{entry_id}", headers=api_token(http, patient)).json()["note"]
        == ENTRY["note"]
    )


def test_the_listing_pages_newest_first_without_gaps_or_repeats(
    http: httpx.Client, patient: Persona
) -> None:
    auth = api_token(http, patient)
    for day in range(1, 8):
        http.post(
            "/api/v1/entries",
            json={**ENTRY, "recorded_at": f"2026-03-0{day}T08:00:00+00:00"},
            headers=auth,
        )
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = http.get("/api/v1/entries", params=params, headers=auth).json()
        seen += [item["recorded_at"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"2026-03-0{day}T08:00:00+00:00" for day in range(7, 0, -1)]


def test_the_listing_filters_by_time_and_refuses_a_forged_cursor(
    http: httpx.Client, patient: Persona
) -> None:
    auth = api_token(http, patient)
    for day in (1, 2, 3):
        http.post(
            "/api/v1/entries",
            json={**ENTRY, "recorded_at": f"2026-03-0{day}T08:00:00+00:00"},
            headers=auth,
        )
    page = http.get(
        "/api/v1/entries",
        params={"since": "2026-03-02T00:00:00+00:00", "until": "2026-03-03T00:00:00+00:00"},
        headers=auth,
    ).json()
    assert [item["recorded_at"][:10] for item in page["items"]] == ["2026-03-02"]
    assert (
        http.get("/api/v1/entries", params={"cursor": "garbage"}, headers=auth).status_code == 400
    )


def test_the_openapi_schema_documents_the_entry_routes(http: httpx.Client) -> None:
    paths = http.get("/openapi.json").json()["paths"]
    assert set(paths["/api/v1/entries"]) == {"get", "post"}
    assert set(paths["/api/v1/entries/{entry_id}"]) == {"get", "patch", "delete"}
    assert "post" in paths["/api/v1/token"]
