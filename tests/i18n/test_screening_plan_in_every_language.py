"""The screening plan in the reader's language: its band, scans, status words, reasons and the
new-symptoms note; English by default."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import Persona, web_sign_in
from tests.tools.test_screening_page import page, set_diagnosis, statuses

# language, then what the plan says: the heading's band, the first scan, the first status, the
# 3-month rescreen's status, its reason and the note on new symptoms.
PAGES = [
    (
        "es",
        "(alto)",
        "TAC de tórax",
        "no realizada",
        "atrasada",
        "DELTA-P de 3 o más (mayor probabilidad de cáncer de pulmón)",
        "Los síntomas nuevos, como pérdida de peso",
    ),
    (
        "fr",
        "(élevé)",
        "Scanner du thorax",
        "manqué",
        "en retard",
        "DELTA-P de 3 ou plus (probabilité plus élevée de cancer du poumon)",
        "De nouveaux symptômes, comme une perte de poids",
    ),
    (
        "de",
        "(hoch)",
        "CT des Brustkorbs",
        "versäumt",
        "überfällig",
        "DELTA-P von 3 oder mehr (höhere Wahrscheinlichkeit für Lungenkrebs)",
        "Neue Beschwerden wie Gewichtsverlust",
    ),
    (
        "en",
        "(high)",
        "CT of the chest",
        "missed",
        "overdue",
        "DELTA-P of 3 or more (higher chance of lung cancer)",
        "New symptoms, such as weight loss",
    ),
]


@pytest.mark.parametrize(
    ("language", "band", "scan", "missed", "overdue", "reason", "note"),
    PAGES,
    ids=[row[0] for row in PAGES],
)
def test_the_screening_plan_speaks_the_readers_language(
    http: httpx.Client,
    patient: Persona,
    language: str,
    band: str,
    scan: str,
    missed: str,
    overdue: str,
    reason: str,
    note: str,
) -> None:
    web_sign_in(http, patient)
    if language != "en":
        http.headers["Accept-Language"] = f"{language}-XX, en;q=0.5"
    assert set_diagnosis(http, "/tools/screening", "2026-01-15", "4").status_code == 200
    shown = page(http.get("/tools/screening", params={"on": "2026-05-01"}))
    assert shown.html is not None and shown.html["lang"] == language
    heading = shown.select_one("#plan-heading")
    assert heading is not None and band in heading.get_text()
    seen = statuses(shown)
    assert seen["m00-chest_ct"] == missed and seen["m03-chest_ct"] == overdue
    row = shown.select_one('#screening-items tr[data-item="m03-chest_ct"]')
    assert row is not None and scan in row.get_text() and reason in row.get_text()
    plan = shown.select_one("#screening-plan")
    assert plan is not None and note in plan.get_text()
