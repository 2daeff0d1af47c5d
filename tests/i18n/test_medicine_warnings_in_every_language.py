"""The medicine classes' own warnings in the reader's language, awaiting clinical review in a
translation: on an entry page (a caution, an amifampridine contraindication naming the medicine
as logged, the tingling note) and in the medicine check; English by default."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import Persona, web_sign_in
from tests.tools.test_amifampridine_notices import add_entry
from tests.tools.test_tool_pages import page, post

# language, then what the pages say: the macrolides' class and own warning, the closing advice,
# the QT contraindication (with the medicine as logged), the tingling note and the review note.
PAGES = [
    (
        "es",
        "Antibióticos macrólidos",
        "Los antibióticos macrólidos pueden empeorar la debilidad del LEMS.",
        "No deje ni cambie por su cuenta un medicamento recetado",
        "Clarithromycin 500mg puede alargar el intervalo QT",
        "efecto secundario más frecuente",
        "pendiente de revisión",
    ),
    (
        "fr",
        "Antibiotiques macrolides",
        "Les antibiotiques macrolides peuvent aggraver la faiblesse du LEMS.",
        "N'arrêtez pas et ne modifiez pas de vous-même un médicament prescrit",
        "Clarithromycin 500mg peut allonger l'intervalle QT",
        "l'effet indésirable le plus fréquent",
        "attend la relecture",
    ),
    (
        "de",
        "Makrolid-Antibiotika",
        "Makrolid-Antibiotika können die LEMS-Schwäche verschlimmern.",
        "Setzen Sie ein verordnetes Medikament nicht eigenmächtig ab",
        "Clarithromycin 500mg kann das QT-Intervall verlängern",
        "häufigste Nebenwirkung",
        "noch von einer Ärztin oder einem Arzt geprüft",
    ),
    (
        "en",
        "Macrolide antibiotics",
        "Macrolide antibiotics can make LEMS weakness worse.",
        "Do not stop or change a prescribed medicine on your own",
        "Clarithromycin 500mg can prolong the QT interval",
        "most common side effect",
        None,
    ),
]


@pytest.mark.parametrize(
    ("language", "label", "warning", "advice", "contraindication", "tingling", "review"),
    PAGES,
    ids=[row[0] for row in PAGES],
)
def test_medicine_warnings_speak_the_readers_language(
    http: httpx.Client,
    patient: Persona,
    language: str,
    label: str,
    warning: str,
    advice: str,
    contraindication: str,
    tingling: str,
    review: str | None,
) -> None:
    web_sign_in(http, patient)
    if language != "en":
        http.headers["Accept-Language"] = f"{language}-XX, en;q=0.5"
    add_entry(http, med_name="Firdapse", med_dose="10")
    entry = add_entry(
        http,
        recorded_at="2026-03-01T12:00",
        med_name="Clarithromycin 500mg",
        note="Tingling lips again this morning.",
    )
    assert entry.html is not None and entry.html["lang"] == language
    caution = entry.select_one("#medication-warnings")
    assert caution is not None
    text = caution.get_text(" ", strip=True)
    assert label in text and warning in text and advice in text
    notice = entry.select_one("#amifampridine-contraindications")
    assert notice is not None and contraindication in notice.get_text(" ", strip=True)
    note = entry.select_one("#amifampridine-tingling")
    assert note is not None and tingling in note.get_text()
    shown_review = entry.select_one(".medicines-review")
    assert (shown_review is None) if review is None else review in shown_review.get_text()

    check = page(post(http, "/tools/medicines", name="Clarithromycin", action="calculate"))
    [item] = check.select("#medicine-cautions li")
    text = item.get_text(" ", strip=True)
    assert label in text and warning in text and advice in text
