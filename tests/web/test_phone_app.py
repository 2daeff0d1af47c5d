"""The installable app over real HTTP: manifest, service worker, favicon, offline page, the pocket
red-flag rules, and the quick entry form (usual symptoms and medicines first, plain messages)."""

from __future__ import annotations

from collections import Counter

import httpx
from bs4 import BeautifulSoup

from lems_companion.triage import flags as flag_defs
from lems_companion.triage.offline import EMERGENCY_WORDS, LANGUAGES
from tests.conftest import Persona, api_token, csrf_token, web_sign_in


def page(response: httpx.Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def test_the_manifest_names_the_app_its_icons_and_a_start_page(http: httpx.Client) -> None:
    response = http.get("/manifest.webmanifest")
    assert response.headers["content-type"].startswith("application/manifest+json")
    manifest = response.json()
    assert manifest["display"] == "standalone" and manifest["scope"] == "/"
    for icon in manifest["icons"]:
        assert http.get(icon["src"]).headers["content-type"] == "image/png", icon["src"]
    assert {icon.get("purpose", "any") for icon in manifest["icons"]} == {"any", "maskable"}


def test_the_service_worker_is_served_from_the_root_with_the_release_stamped_in(
    http: httpx.Client,
) -> None:
    response = http.get("/sw.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert "__VERSION__" not in response.text and "lems-shell-" in response.text
    assert response.headers["cache-control"] == "no-cache"


def test_every_page_links_the_manifest_and_the_favicon(http: httpx.Client) -> None:
    login = page(http.get("/signup"))
    assert login.select_one("link[rel=manifest]")["href"] == "/manifest.webmanifest"
    assert http.get("/favicon.ico").headers["content-type"] == "image/x-icon"
    offline = page(http.get("/offline"))
    assert "You are offline" in offline.select_one("h1").get_text()


def test_the_pocket_rules_cover_every_emergency_flag_in_four_languages(
    http: httpx.Client,
) -> None:
    rules = http.get("/offline/red-flags.json").json()
    emergencies = [flag.id for flag in flag_defs.FLAGS if flag.level == "emergency"]
    assert [flag["id"] for flag in rules["flags"]] == emergencies
    for flag_id in emergencies:
        assert set(EMERGENCY_WORDS[flag_id]) == set(LANGUAGES), flag_id
        assert all(EMERGENCY_WORDS[flag_id][lang] for lang in LANGUAGES), flag_id
    assert rules["headline"] == "This may need urgent care now: call 999"
    assert rules["symptoms"] == {
        "swallowing_difficulty": "dysphagia",
        "choking": "choking",
        "shortness_of_breath": "dyspnea",
    }
    choking = next(flag for flag in rules["flags"] if flag["id"] == "choking")
    assert choking["advice"] == flag_defs.advice_for("choking", emergency_number="999")
    assert {"chok", "atragant", "etouff", "verschluck"} <= set(choking["words"])


def test_a_first_entry_asks_the_common_symptoms_and_every_emergency_question_first(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    form = page(http.get("/entries/new"))
    first = [item["id"] for item in form.select("section.symptom-group .severity")][:6]
    assert first == [
        "symptom_proximal_leg_weakness",
        "symptom_fatigue",
        "symptom_dry_mouth",
        "symptom_swallowing_difficulty",
        "symptom_choking",
        "symptom_shortness_of_breath",
    ]
    more = form.select_one("details.more-symptoms")
    assert more.select_one("#symptom_tingling") is not None
    assert more.select_one("#symptom_choking") is None
    assert form.select_one("input[name=idempotency_key]")["value"]


def test_the_form_learns_the_persons_symptoms_and_medicines(
    http: httpx.Client, patient: Persona
) -> None:
    headers = api_token(http, patient)
    for day, dose in ((1, 10), (2, 10), (3, 15)):
        http.post(
            "/api/v1/entries",
            headers=headers,
            json={
                "recorded_at": f"2026-03-0{day}T08:00:00+01:00",
                "symptoms": {"double_vision": 1, "tingling": day % 2},
                "medications": [{"name": "Amifampridine", "dose_mg": dose}],
            },
        ).raise_for_status()
    web_sign_in(http, patient)
    form = page(http.get("/entries/new"))
    first = [item["id"] for item in form.select("section.symptom-group .severity")][:2]
    assert first == ["symptom_double_vision", "symptom_tingling"]
    chips = [label.get_text() for label in form.select(".med-chips label")]
    assert chips == ["Amifampridine 10 mg"]
    assert form.select_one("#previous-answers") is not None


def test_a_ticked_usual_medicine_is_saved_at_the_time_of_the_entry(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    response = http.post(
        "/entries",
        data={
            "recorded_at": "2026-03-01T08:30",
            "tz": "Europe/London",
            "usual_med": "Amifampridine|10",
            "csrf_token": csrf_token(http),
        },
    )
    assert response.status_code == 303
    shown = page(http.get(response.headers["location"]))
    assert "Amifampridine, 10 mg at 08:30" in shown.select_one("main").get_text()


def test_mistakes_are_named_in_plain_words_next_to_their_field(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    response = http.post(
        "/entries",
        data={
            "recorded_at": "2026-03-01T08:30",
            "med_name": ["", "Amifampridine"],
            "med_dose": ["", "ten"],
            "med_time": ["", ""],
            "sts_1": "fast",
            "tug_1": "12",
            "csrf_token": csrf_token(http),
        },
    )
    assert response.status_code == 422
    form = page(response)
    summary = [item.get_text() for item in form.select("#error-summary li")]
    assert "Medication 2, dose: Enter the dose in mg, e.g. 10." in summary
    assert "Sit-to-stand, repetition 1: Enter a number of seconds, e.g. 12.5." in summary
    assert "Up-and-go, trial 1: Enter all three trial times." in summary
    for link in form.select("#error-summary a"):
        assert form.select_one(link["href"]) is not None, link["href"]
    assert form.select_one("#med_dose_1")["aria-describedby"] == "medications-1-dose_mg-error"
    assert "_" not in " ".join(summary).split(":")[0]


def test_every_control_on_the_entry_form_has_a_unique_id_and_a_label(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    form = page(http.get("/entries/new"))
    ids = Counter(node["id"] for node in form.select("[id]"))
    assert [name for name, seen in ids.items() if seen > 1] == []
    for control in form.select("form.entry-form input:not([type=hidden]), textarea"):
        wrapped = control.find_parent("label") is not None
        assert wrapped or form.select_one(f"label[for='{control['id']}']"), control
