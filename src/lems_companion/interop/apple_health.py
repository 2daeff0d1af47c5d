"""Apple Health ``export.xml``: body-mass records become diary weights.

The file is streamed with ``iterparse`` and each element is cleared once read, so an export of
several hundred megabytes (years of step counts) is read in constant memory. Only records of type
``HKQuantityTypeIdentifierBodyMass`` are used; everything else is skipped.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import IO
from xml.etree.ElementTree import Element, ParseError, iterparse

from pydantic import ValidationError

from lems_companion.diary.schemas import EntryCreate, describe_errors
from lems_companion.i18n import N_, Said
from lems_companion.interop.records import ImportedEntry, InteropError

BODY_MASS = "HKQuantityTypeIdentifierBodyMass"
# Apple Health's date format, e.g. "2024-03-01 07:45:12 +0100".
APPLE_DATE_FORMAT = "%Y-%m-%d %H:%M:%S %z"
# Units Apple Health writes for body mass, to kilograms.
KG_PER_UNIT = {"kg": 1.0, "g": 0.001, "lb": 0.45359237, "st": 6.35029318}
# Identifiers of imported records: uuid5 in a namespace of their own, from the record's type,
# source and start date (export.xml records carry no identifier of their own).
APPLE_HEALTH_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:lems-companion:apple-health")
MAX_REPORTED = 50


def _records(stream: IO[bytes]) -> Iterator[Element]:
    """Yield each body-mass <Record>, clearing every element once read."""
    for _, element in iterparse(stream, events=("end",)):
        if element.tag == "Record" and element.get("type") == BODY_MASS:
            yield element
        if element.tag in ("Record", "Workout", "ActivitySummary", "Correlation"):
            element.clear()


def _at(where: str, problem: Said) -> Said:
    """Return a problem after the record it was found in."""
    return Said(N_("%(location)s: %(problem)s"), location=where, problem=problem)


def _record_named(number: int, record: Element) -> Said:
    """Return how the problems name a record: its number and start date."""
    started = record.get("startDate")
    date = started if started is not None else Said(N_("no date"))
    return Said(N_("body-mass record %(number)s (%(date)s)"), number=number, date=date)


def parse_apple_health(stream: IO[bytes]) -> list[ImportedEntry]:
    """Return one entry per body-mass record of an Apple Health export.xml stream, with its
    weight in kg; InteropError naming each record that cannot be read, or when there is none.
    Each problem is an ``i18n.Said``: the import page says it in the reader's language."""
    entries: list[ImportedEntry] = []
    problems: list[str] = []
    try:
        for number, record in enumerate(_records(stream), start=1):
            where = _record_named(number, record)
            unit = record.get("unit", "")
            try:
                moment = datetime.strptime(record.get("startDate", ""), APPLE_DATE_FORMAT)
                kilograms = round(float(record.get("value", "")) * KG_PER_UNIT[unit], 2)
            except ValueError:
                problems.append(_at(where, Said(N_("no readable date or value"))))
                continue
            except KeyError:
                unknown = N_("unknown unit %(unit)s; expected kg, g, lb or st")
                problems.append(_at(where, Said(unknown, unit=repr(unit))))
                continue
            data = {"recorded_at": moment.isoformat(), "weight_kg": kilograms}
            try:
                entry = EntryCreate.model_validate_json(json.dumps(data))
            except ValidationError as error:
                problems.extend(describe_errors(error, where=where))
                continue
            key = f"{BODY_MASS}|{record.get('sourceName', '')}|{record.get('startDate')}"
            identifier = f"urn:uuid:{uuid.uuid5(APPLE_HEALTH_NAMESPACE, key)}"
            entries.append(ImportedEntry(entry=entry, identifier=identifier, carries_factors=False))
    except ParseError as error:
        unreadable = N_("not a readable Apple Health export.xml: %(reason)s")
        raise InteropError([Said(unreadable, reason=str(error))]) from None
    if problems:
        more = len(problems) - MAX_REPORTED
        tail: list[str] = [Said(N_("... and %(number)s more"), number=more)] if more > 0 else []
        raise InteropError(problems[:MAX_REPORTED] + tail)
    if not entries:
        none = N_("the Apple Health export holds no body-mass records (%(type)s)")
        raise InteropError([Said(none, type=BODY_MASS)])
    return entries
