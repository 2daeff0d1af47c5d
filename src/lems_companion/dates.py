"""Turning the dates people type into moments in time, in their own time zone."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lems_companion.i18n import N_, Said

# No diary entry, diagnosis or test result is older than this; an earlier year is a typing slip
# (and year 1 cannot be moved to UTC east of Greenwich).
EARLIEST_DAY = date(1900, 1, 1)
# Report and export bounds after this are typing slips too (9999-12-31 has no "next day").
LATEST_BOUND_DAY = date(2199, 12, 31)
# A diagnosis date may lie up to a year ahead (entered before a planned visit), no further.
DIAGNOSIS_DAYS_AHEAD = 366
# YYYY-MM-DD in ASCII digits: "\d" would also let Arabic-Indic or superscript digits through.
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def zone(name: str) -> ZoneInfo:
    """Return the IANA time zone with this name; UTC when the name is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def is_known_zone(name: str) -> bool:
    """Return True when the name is an IANA time zone this machine knows."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def parse_day(text: str, *, earliest: date = EARLIEST_DAY, latest: date = LATEST_BOUND_DAY) -> date:
    """Return the date written YYYY-MM-DD (ASCII digits) between earliest and latest; ValueError
    saying why not, in words fit to show."""
    text = text.strip()
    if not (text.isascii() and ISO_DAY.fullmatch(text)):
        raise ValueError("give a date as YYYY-MM-DD, e.g. 2026-03-01")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError(Said(N_("%(day)s is not a day of the calendar"), day=text)) from None
    if not earliest <= day <= latest:
        raise ValueError(
            Said(
                N_("give a date from %(earliest)s to %(latest)s"),
                earliest=earliest.isoformat(),
                latest=latest.isoformat(),
            )
        )
    return day


def diagnosis_window(today: date) -> tuple[date, date]:
    """Return the first and last day a diagnosis date may be, seen from today."""
    return EARLIEST_DAY, today + timedelta(days=DIAGNOSIS_DAYS_AHEAD)


def in_diagnosis_window(day: date, today: date) -> bool:
    """Return True when a (stored) diagnosis date is one the screening plan can be built from."""
    first, last = diagnosis_window(today)
    return first <= day <= last


def parse_bound(text: str, *, tz: ZoneInfo, end: bool) -> datetime:
    """Return the moment a --since/--until value stands for; ValueError when it is not a date
    between 1900 and 2199 (the one parser of report, analysis and export bounds).

    A plain date means the start of that day; as an end bound, the start of the next day, so that
    ``--until 2026-03-31`` includes the whole of the 31st.
    """
    text = text.strip()
    if len(text) > len("2026-03-01") and text.isascii():
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError("give a date as YYYY-MM-DD, e.g. 2026-03-01") from None
        parse_day(moment.date().isoformat())  # the same range as a plain date
        return moment if moment.tzinfo else moment.replace(tzinfo=tz)
    day = parse_day(text)
    start = datetime.combine(day, time(0), tzinfo=tz)
    return start + timedelta(days=1) if end else start
