"""Turning the dates people type into moments in time, in their own time zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


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


def parse_bound(text: str, *, tz: ZoneInfo, end: bool) -> datetime:
    """Return the moment a --since/--until value stands for; ValueError when it is not a date.

    A plain date means the start of that day; as an end bound, the start of the next day, so that
    ``--until 2026-03-31`` includes the whole of the 31st.
    """
    text = text.strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        moment = datetime.fromisoformat(text)
        return moment if moment.tzinfo else moment.replace(tzinfo=tz)
    start = datetime.combine(day, time(0), tzinfo=tz)
    return start + timedelta(days=1) if end else start
