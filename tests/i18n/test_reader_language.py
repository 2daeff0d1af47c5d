"""Which language a reader gets: the profile's, else the switch's, else the browser's, else
English; and the page says so in <html lang>."""

from __future__ import annotations

import httpx
import pytest
from bs4 import BeautifulSoup

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.i18n import accepted_languages, choose_language
from tests.conftest import Persona, csrf_token, web_sign_in


def page(http: httpx.Client, path: str = "/login", **headers: str) -> BeautifulSoup:
    response = http.get(path, headers=headers)
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser")


def test_accept_language_is_read_by_weight_and_order() -> None:
    assert accepted_languages("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5") == [
        "fr",
        "fr",
        "en",
        "de",
        "*",
    ]
    assert accepted_languages("en;q=0.2, es") == ["es", "en"]
    assert accepted_languages("de;q=0, es;q=oops") == []
    assert accepted_languages(None) == []


def test_the_profile_wins_over_the_switch_and_the_browser() -> None:
    assert choose_language("de", "fr", "es") == "de"
    assert choose_language(None, "fr", "es") == "fr"
    assert choose_language(None, None, "pt-BR, es;q=0.5") == "es"
    assert choose_language(None, None, "pt-BR, *;q=0.5, es;q=0.1") == "en"
    assert choose_language(None, None, None) == "en"


@pytest.mark.parametrize(
    ("header", "language", "sign_in"),
    [
        ("es-MX,es;q=0.9", "es", "Iniciar sesión"),
        ("fr-FR", "fr", "Se connecter"),
        ("de-AT, en;q=0.5", "de", "Anmelden"),
        ("ja", "en", "Sign in"),
    ],
)
def test_a_first_visit_follows_the_browser(
    http: httpx.Client, patient: Persona, header: str, language: str, sign_in: str
) -> None:
    shown = page(http, "/login", **{"Accept-Language": header})
    assert shown.html is not None and shown.html["lang"] == language
    assert shown.h1 is not None and shown.h1.get_text(strip=True) == sign_in


def test_english_is_the_default(http: httpx.Client, patient: Persona) -> None:
    shown = page(http, "/login")
    assert shown.html is not None and shown.html["lang"] == "en"
    assert "It gives information, not a diagnosis" in shown.get_text()


def test_a_visitor_switches_language_and_it_stays(http: httpx.Client, patient: Persona) -> None:
    response = http.post("/language", data={"language": "de", "next": "/signup"})
    assert response.status_code == 303 and response.headers["location"] == "/signup"
    # Marked Secure like every cookie here; httpx would not send it back over plain HTTP.
    http.cookies.set("lems_language", response.cookies["lems_language"])
    shown = page(http, "/signup", **{"Accept-Language": "es"})
    assert shown.html is not None and shown.html["lang"] == "de"
    assert "Ein Konto erstellen" in shown.get_text()


def test_the_switch_refuses_an_unknown_language_and_a_foreign_next(http: httpx.Client) -> None:
    refused = http.post("/language", data={"language": "xx", "next": "/login"})
    assert refused.status_code == 400
    assert "Deutsch" in refused.text
    elsewhere = http.post("/language", data={"language": "fr", "next": "https://evil.example/"})
    assert elsewhere.headers["location"] == "/"


def test_a_signed_in_persons_choice_is_their_profile_and_beats_the_browser(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    web_sign_in(http, patient)
    token = csrf_token(http, "/diary")
    without_token = http.post("/language", data={"language": "es", "next": "/diary"})
    assert without_token.status_code == 403
    response = http.post(
        "/language", data={"language": "es", "next": "/diary", "csrf_token": token}
    )
    assert response.status_code == 303
    with session_scope(db_url) as db:
        user = find_user(db, patient.email)
        assert user is not None and user.language == "es"
    http.cookies.clear()
    web_sign_in(http, patient)
    shown = page(http, "/diary", **{"Accept-Language": "fr"})
    assert shown.html is not None and shown.html["lang"] == "es"
    menu = shown.find("nav", id="main-nav")
    assert menu is not None and "Diario" in menu.get_text()
    assert "no un diagnóstico" in shown.get_text()
