"""The web pages, over real HTTP: sign-up, sign-in, the entry form, timeline, edit and delete."""

from __future__ import annotations

import httpx
from bs4 import BeautifulSoup
from sqlalchemy import func, select

from lems_companion import catalogue
from lems_companion.db.engine import session_scope
from lems_companion.diary.models import Entry
from tests.conftest import Persona, csrf_token, sign_in_form, web_sign_in

FORM = {
    "recorded_at": "2026-03-01T08:30",
    "tz": "Europe/Berlin",
    "context": "after_rest",
    "improved_after_moving": "yes",
    "symptom_proximal_leg_weakness": "2",
    "symptom_dry_mouth": "1",
    "symptom_fatigue": "0",
    "weight_kg": "71,5",
    "med_name": ["Amifampridine", ""],
    "med_dose": ["10", ""],
    "med_time": ["2026-03-01T08:00", ""],
    "grip_rest": "18",
    "grip_after": "23.5",
    "note": "Needed the banister on the stairs.",
}


def page(response: httpx.Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def entry_count(db_url: str) -> int:
    with session_scope(db_url) as db:
        return db.scalar(select(func.count()).select_from(Entry)) or 0


def post_entry(http: httpx.Client, form: dict[str, object]) -> httpx.Response:
    return http.post("/entries", data={**form, "csrf_token": csrf_token(http)})


def test_an_empty_database_invites_the_first_person_to_create_an_account(
    http: httpx.Client,
) -> None:
    response = http.get("/login")
    assert response.status_code == 303 and response.headers["location"] == "/signup"
    signup = page(http.get("/signup"))
    assert "no accounts yet" in signup.select_one("main").get_text()


def test_signing_up_then_in_gives_a_secure_session_cookie(http: httpx.Client, db_url: str) -> None:
    response = sign_in_form(
        http,
        "/signup",
        email="New@Example.org",
        password="long enough pw",
        password_again="long enough pw",
        tz="Europe/Paris",
    )
    assert response.status_code == 303 and response.headers["location"] == "/login?welcome=1"
    signed_in = sign_in_form(http, email="new@example.org", password="long enough pw")
    assert signed_in.status_code == 303
    cookie = signed_in.headers["set-cookie"].lower()
    assert "httponly" in cookie and "secure" in cookie and "samesite=lax" in cookie


def test_sign_up_mistakes_are_explained(http: httpx.Client, patient: Persona) -> None:
    short = sign_in_form(
        http, "/signup", email="x@example.org", password="short", password_again="short"
    )
    assert "at least 12 characters" in page(short).select_one("#password-error").get_text()


def test_pages_need_a_signed_in_person(http: httpx.Client, patient: Persona) -> None:
    response = http.get("/diary")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/diary"
    wrong = sign_in_form(http, email=patient.email, password="wrong password")
    assert wrong.status_code == 401
    assert "do not match" in page(wrong).select_one("[role=alert]").get_text()


def test_the_form_asks_about_every_catalogue_symptom(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    form = page(http.get("/entries/new"))
    for symptom in catalogue.symptoms():
        fieldset = form.select_one(f"fieldset#symptom_{symptom.id}")
        assert fieldset is not None, symptom.id
        assert symptom.question in fieldset.select_one("legend").get_text()
        radios = fieldset.select("input[type=radio]")
        assert [radio["value"] for radio in radios] == ["0", "1", "2", "3"]
        for radio in radios:  # every control has a real label
            assert form.select_one(f"label[for='{radio['id']}']") is not None


def test_a_new_entry_is_saved_in_the_persons_time_zone_and_shown(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    response = post_entry(http, FORM)
    assert response.status_code == 303, page(response).select_one(".error-summary")
    shown = page(http.get(response.headers["location"]))
    assert shown.select_one("[role=status]").get_text().strip() == "Saved."
    assert shown.select_one("h1 time")["datetime"] == "2026-03-01T08:30:00+01:00"
    chips = [chip.get_text() for chip in shown.select(".chips .chip")]
    assert chips == ["Hip and thigh weakness: moderate", "Dry mouth: mild"]
    assert "Needed the banister" in shown.select_one(".note").get_text()
    timeline = page(http.get("/diary"))
    assert "Needed the banister" in timeline.select_one(".timeline").get_text()


def test_an_invalid_form_stores_nothing_and_keeps_what_was_typed(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    web_sign_in(http, patient)
    response = post_entry(
        http, {**FORM, "weight_kg": "7000", "symptom_dry_mouth": "5", "grip_rest": "strong"}
    )
    assert response.status_code == 422
    form = page(response)
    assert form.select_one("#weight_kg")["aria-invalid"] == "true"
    assert "Enter a weight from 20 kg to 400 kg." in form.select_one("#weight_kg-error").get_text()
    assert "Enter a number" in form.select_one("#grip_rest-error").get_text()
    assert form.select_one("#note").get_text() == FORM["note"]
    assert entry_count(db_url) == 0


def test_a_form_without_its_csrf_token_is_refused(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    web_sign_in(http, patient)
    response = http.post("/entries", data={**FORM, "csrf_token": "forged"})
    assert response.status_code == 403
    assert entry_count(db_url) == 0


def test_an_entry_can_be_edited_and_deleted(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    web_sign_in(http, patient)
    location = post_entry(http, FORM).headers["location"]
    entry_path = location.split("?")[0]
    edit = page(http.get(f"{entry_path}/edit"))
    assert edit.select_one("#symptom_proximal_leg_weakness-2").has_attr("checked")
    assert edit.select_one("#weight_kg")["value"] == "71.5"
    changed = http.post(
        f"{entry_path}/edit",
        data={**FORM, "symptom_proximal_leg_weakness": "3", "csrf_token": csrf_token(http)},
    )
    assert changed.status_code == 303
    assert (
        "Hip and thigh weakness: severe"
        in page(http.get(entry_path)).select_one(".chips").get_text()
    )
    deleted = http.post(f"{entry_path}/delete", data={"csrf_token": csrf_token(http)})
    assert deleted.status_code == 200
    assert "The entry was deleted." in page(deleted).select_one("form.undo").get_text()
    assert http.get(entry_path).status_code == 404
    assert entry_count(db_url) == 0


def test_a_deleted_entry_can_be_put_back_with_undo(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    web_sign_in(http, patient)
    entry_path = post_entry(http, {**FORM, "factor": "infection"}).headers["location"]
    entry_path = entry_path.split("?")[0]
    deleted = page(http.post(f"{entry_path}/delete", data={"csrf_token": csrf_token(http)}))
    undo = deleted.select_one("form.undo")
    fields: dict[str, list[str]] = {}
    for item in undo.select("input[type=hidden]"):
        fields.setdefault(item["name"], []).append(item["value"])
    restored = http.post(undo["action"], data=fields)
    assert restored.status_code == 303
    shown = page(http.get(restored.headers["location"]))
    chips = [chip.get_text() for chip in shown.select(".chips .chip")]
    assert chips == ["Hip and thigh weakness: moderate", "Dry mouth: mild"]
    assert "Amifampridine, 10 mg at 07:00" in shown.select_one("main").get_text()
    assert "Needed the banister" in shown.select_one(".note").get_text()
    assert shown.select_one(".factor-list").get_text(strip=True) == "An infection"
    assert entry_count(db_url) == 1


def test_a_stranger_gets_404_for_someone_elses_entry_page(
    http: httpx.Client, patient: Persona, stranger: Persona
) -> None:
    web_sign_in(http, patient)
    entry_path = post_entry(http, FORM).headers["location"].split("?")[0]
    http.cookies.clear()
    web_sign_in(http, stranger)
    assert http.get(entry_path).status_code == 404
    assert http.get(f"{entry_path}/edit").status_code == 404
    assert (
        http.post(f"{entry_path}/delete", data={"csrf_token": csrf_token(http)}).status_code == 404
    )
    assert "Needed the banister" not in http.get("/diary").text


def test_signing_out_ends_the_session_on_the_server(http: httpx.Client, patient: Persona) -> None:
    token = web_sign_in(http, patient)
    assert http.post("/logout", data={"csrf_token": csrf_token(http)}).status_code == 303
    http.cookies.clear()
    http.cookies.set("lems_session", token)  # a copied cookie must not work after sign-out
    assert http.get("/diary").status_code == 303


def test_pages_carry_security_headers_and_the_disclaimer(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    response = http.get("/diary")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "not a diagnosis" in page(response).select_one("footer").get_text()
    assert page(response).select("script:not([src])") == []
