"""The RFC 5545 calendar feed: diary reminders the person chose and upcoming screening dates.

Pure: the caller passes the reminders, the time zone, the screening plan, today's date and the
person's language (issue 20: the events read in their profile's language), so the web route and
the tests build the same feed for the same day.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from lems_companion.dates import zone
from lems_companion.i18n import DEFAULT_LANGUAGE, N_, Said, gettext_in
from lems_companion.rules.screening import NEW_SYMPTOMS_NOTE, ScreeningPlan

PRODID = "-//LEMS Companion//Diary reminders and screening dates//EN"
CALENDAR_NAME = "LEMS Companion"
UID_DOMAIN = "lems-companion"
# A fixed first day for every recurring reminder, so an event's start never moves between
# fetches of the feed (calendar apps would see a changed event each time). It is a Monday: weekly
# reminders fall on Mondays.
REMINDER_ANCHOR = date(2026, 1, 5)
REMINDER_DURATION = timedelta(minutes=15)
TIME_OF_DAY = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
# How often calendar apps should fetch the feed again (RFC 7986 REFRESH-INTERVAL).
REFRESH_INTERVAL = timedelta(hours=12)
FEED_DISCLAIMER = N_("LEMS Companion gives information, not a diagnosis; your doctor decides.")


@dataclass(frozen=True, slots=True)
class ReminderKind:
    """A reminder a person may choose: what it says (English, marked for the catalogues), how
    often, and its usual time."""

    summary: str
    description: str
    frequency: str  # RFC 5545 FREQ: DAILY or WEEKLY
    default_time: str


REMINDER_KINDS: dict[str, ReminderKind] = {
    "morning_entry": ReminderKind(
        N_("Diary: first movement after resting"),
        N_(
            "Record how strong you feel when you first move after resting, and again after "
            "moving for a few minutes."
        ),
        "DAILY",
        "08:00",
    ),
    "evening_entry": ReminderKind(
        N_("Diary: evening entry"),
        N_("Record how the day went: which muscles were weak, and anything else you noticed."),
        "DAILY",
        "20:00",
    ),
    "home_tests": ReminderKind(
        N_("Home tests: sit-to-stand, timed up-and-go, grip"),
        N_("Do the home tests you use and record the times and grip strength in the diary."),
        "WEEKLY",
        "10:00",
    ),
    "weight": ReminderKind(
        N_("Weigh yourself"),
        N_(
            "Record your body weight in the diary; unintended weight loss is worth telling a "
            "doctor."
        ),
        "WEEKLY",
        "07:30",
    ),
}


def check_time_of_day(value: str) -> str:
    """Return the time unchanged when it is "HH:MM" (24-hour); ValueError otherwise."""
    if not TIME_OF_DAY.match(value):
        raise ValueError(Said(N_("'%(time)s' is not a time of day such as 08:00"), time=value))
    return value


def _reminder_event(kind: str, when: str, *, time_zone: str, user_key: str, language: str) -> Event:
    spec = REMINDER_KINDS[kind]
    t = gettext_in(language)
    summary = t.gettext(spec.summary)
    hour, minute = (int(part) for part in when.split(":"))
    start = datetime.combine(REMINDER_ANCHOR, time(hour, minute), tzinfo=zone(time_zone))
    event = Event()
    event.add("uid", f"reminder-{kind}-{user_key}@{UID_DOMAIN}")
    event.add("summary", summary)
    event.add("description", f"{t.gettext(spec.description)}\n\n{t.gettext(FEED_DISCLAIMER)}")
    event.add("dtstart", start)
    event.add("duration", REMINDER_DURATION)
    event.add("rrule", {"freq": spec.frequency})
    # Issue 15: the reminder rings. A DISPLAY alarm at the start (RFC 5545 3.6.6: ACTION,
    # TRIGGER and DESCRIPTION); calendar apps show it as a notification.
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    return event


def _screening_events(
    plan: ScreeningPlan, *, today: date, user_key: str, language: str
) -> list[Event]:
    """Return the screening dates from today on, worded in the language: the scan, why it is
    due and the note on new symptoms (rules.screening's catalogued texts); the source is cited
    as published."""
    t = gettext_in(language)
    events = []
    for item in plan.items:
        if item.due < today:
            continue
        event = Event()
        event.add("uid", f"screening-{item.id}-{user_key}@{UID_DOMAIN}")
        scan = t.gettext(item.label)
        event.add("summary", t.gettext("Screening due: %(item)s") % {"item": scan})
        source = t.gettext("Source: %(source)s") % {"source": item.source}
        reason, note = t.gettext(item.reason), t.gettext(NEW_SYMPTOMS_NOTE)
        event.add("description", f"{reason}\n{source}\n{note}\n\n{t.gettext(FEED_DISCLAIMER)}")
        # All-day event: DTEND is exclusive (RFC 5545 3.6.1), so the next day.
        event.add("dtstart", item.due)
        event.add("dtend", item.due + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        events.append(event)
    return events


def build_feed(
    *,
    reminders: Mapping[str, str],
    time_zone: str,
    plan: ScreeningPlan | None,
    today: date,
    user_key: str,
    now: datetime | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> bytes:
    """Return the iCalendar feed: one recurring event per chosen reminder and one all-day event
    per screening date from today on, their texts in the language; an empty calendar when there
    is nothing to show."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    events = [
        _reminder_event(kind, when, time_zone=time_zone, user_key=user_key, language=language)
        for kind, when in sorted(reminders.items())
        if kind in REMINDER_KINDS
    ]
    if plan is not None:
        events += _screening_events(plan, today=today, user_key=user_key, language=language)
    for event in events:
        event.add("dtstamp", stamp)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
