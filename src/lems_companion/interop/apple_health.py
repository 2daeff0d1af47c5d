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


def parse_apple_health(stream: IO[bytes]) -> list[ImportedEntry]:
    """Return one entry per body-mass record of an Apple Health export.xml stream, with its
    weight in kg; InteropError naming each record that cannot be read, or when there is none."""
    entries: list[ImportedEntry] = []
    problems: list[str] = []
    try:
        for number, record in enumerate(_records(stream), start=1):
            where = f"body-mass record {number} ({record.get('startDate', 'no date')})"
            unit = record.get("unit", "")
            try:
                moment = datetime.strptime(record.get("startDate", ""), APPLE_DATE_FORMAT)
                kilograms = round(float(record.get("value", "")) * KG_PER_UNIT[unit], 2)
            except ValueError:
                problems.append(f"{where}: no readable date or value")
                continue
            except KeyError:
                problems.append(f"{where}: unknown unit {unit!r}; expected kg, g, lb or st")
                continue
            data = {"recorded_at": moment.isoformat(), "weight_kg": kilograms}
            try:
                entry = EntryCreate.model_validate_json(json.dumps(data))
            except ValidationError as error:
                problems.extend(describe_errors(error, prefix=f"{where}: "))
                continue
            key = f"{BODY_MASS}|{record.get('sourceName', '')}|{record.get('startDate')}"
            identifier = f"urn:uuid:{uuid.uuid5(APPLE_HEALTH_NAMESPACE, key)}"
            entries.append(ImportedEntry(entry=entry, identifier=identifier, carries_factors=False))
    except ParseError as error:
        raise InteropError([f"not a readable Apple Health export.xml: {error}"]) from None
    if problems:
        more = len(problems) - MAX_REPORTED
        raise InteropError(problems[:MAX_REPORTED] + ([f"... and {more} more"] if more > 0 else []))
    if not entries:
        raise InteropError([f"the Apple Health export holds no body-mass records ({BODY_MASS})"])
    return entries
