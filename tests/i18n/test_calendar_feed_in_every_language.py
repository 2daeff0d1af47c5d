"""The calendar feed's events read in their owner's profile language (issue 20): a reminder's
description, and a screening date's summary and description (the scan, why it is due and the
note on new symptoms); English by default."""

from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar

from lems_companion.interop.calendar import build_feed
from lems_companion.rules.screening import build_plan

# language, then what the events say: the weighing reminder's description, the 3-month
# rescreen's summary, why it is due (DELTA-P 4 is the high band), the note on new symptoms and
# the feed's disclaimer.
FEEDS = [
    (
        "es",
        "Anote su peso en el diario",
        "Prueba de cribado prevista: TAC de tórax",
        "DELTA-P de 3 o más (mayor probabilidad de cáncer de pulmón)",
        "Los síntomas nuevos, como pérdida de peso",
        "LEMS Companion ofrece información, no un diagnóstico",
    ),
    (
        "fr",
        "Notez votre poids dans le journal",
        "Dépistage prévu : Scanner du thorax",
        "DELTA-P de 3 ou plus (probabilité plus élevée de cancer du poumon)",
        "De nouveaux symptômes, comme une perte de poids",
        "LEMS Companion donne des informations, pas un diagnostic",
    ),
    (
        "de",
        "Notieren Sie Ihr Körpergewicht im Tagebuch",
        "Untersuchung fällig: CT des Brustkorbs",
        "DELTA-P von 3 oder mehr (höhere Wahrscheinlichkeit für Lungenkrebs)",
        "Neue Beschwerden wie Gewichtsverlust",
        "LEMS Companion gibt Informationen, keine Diagnose",
    ),
    (
        "en",
        "Record your body weight in the diary",
        "Screening due: CT of the chest",
        "DELTA-P of 3 or more (higher chance of lung cancer)",
        "New symptoms, such as weight loss",
        "LEMS Companion gives information, not a diagnosis",
    ),
]


@pytest.mark.parametrize(
    ("language", "reminder", "summary", "reason", "note", "disclaimer"),
    FEEDS,
    ids=[row[0] for row in FEEDS],
)
def test_the_feeds_events_are_described_in_the_owners_language(
    language: str, reminder: str, summary: str, reason: str, note: str, disclaimer: str
) -> None:
    feed = Calendar.from_ical(
        build_feed(
            reminders={"weight": "07:30"},
            time_zone="Europe/Madrid",
            plan=build_plan(diagnosed_on=date(2026, 1, 15), delta_p_score=4),
            today=date(2026, 3, 1),  # the scans at diagnosis are past: the 3-month one is next
            user_key="k",
            language=language,
        )
    )
    events = {str(event["UID"]).split("-k@")[0]: event for event in feed.walk("VEVENT")}
    weighing = str(events["reminder-weight"]["DESCRIPTION"])
    assert weighing.startswith(reminder) and disclaimer in weighing
    rescreen = events["screening-m03-chest_ct"]
    assert str(rescreen["SUMMARY"]) == summary
    described = str(rescreen["DESCRIPTION"])
    assert described.startswith(reason)
    assert note in described and disclaimer in described
