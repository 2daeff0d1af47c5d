"""Inputs that used to answer 500 (issue 16, findings 11 and 12): each now gets a clear 4xx (or
works), stores nothing, and a stored out-of-range date cannot break any page."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import httpx
import pytest
from sqlalchemy import select

from lems_companion.accounts.models import User
from lems_companion.db.base import Base
from lems_companion.db.engine import session_scope
from lems_companion.diary.io import csv_columns
from lems_companion.tools.models import CalendarSchedule
from tests.conftest import Persona, csrf_token, make_user, web_sign_in
from tests.schema.tables import row_counts

# Tables that may change on any request: the access log of other people's reads, sign-in
# counters. Everything else must stay as it was.
VOLATILE = {"audit_events", "sign_in_throttles", "auth_sessions"}
BAD_DATES = [
    "2026-02-30",
    "9999-12-31",
    "0001-01-01",
    "\u0662\u0660\u0662\u0666-\u0660\u0661-\u0660\u0661",  # Arabic-Indic digits
    "2026-0\u00b2-01",
]
DEEP = "[" * 100_000 + "]" * 100_000


def stored(db_url: str) -> dict[str, int]:
    with session_scope(db_url) as db:
        return {name: n for name, n in row_counts(db).items() if name not in VOLATILE}


def fine(response: httpx.Response) -> bool:
    return response.status_code < 500


@pytest.mark.parametrize("path", ["/report", "/report.pdf", "/report.html", "/analysis"])
@pytest.mark.parametrize("bound", ["since", "until"])
@pytest.mark.parametrize("value", BAD_DATES)
def test_report_bounds_out_of_range_are_refused_clearly(
    http: httpx.Client, patient: Persona, path: str, bound: str, value: str
) -> None:
    web_sign_in(http, patient)
    response = http.get(path, params={bound: value})
    assert response.status_code == 422, response.text[:300]


@pytest.mark.parametrize(
    ("path", "fields"),
    [
        ("/sharing/links", {"scope": "report", "days": "\u00b2"}),
        ("/sharing/links", {"scope": "report", "days": "\u0663"}),
        ("/sharing/links", {"scope": "report", "days": "7", "label": "Dr\x00 A"}),
        ("/calendar/settings", {"diagnosed_on": "2026-01-05", "delta_p_score": "\u00b2"}),
        ("/calendar/settings", {"diagnosed_on": "9999-12-31", "delta_p_score": "2"}),
        ("/calendar/settings", {"diagnosed_on": "0001-01-01", "delta_p_score": "2"}),
        ("/tools/screening", {"diagnosed_on": "9999-06-01", "delta_p_score": "2"}),
        ("/tools/screening", {"diagnosed_on": "2026-01-05", "delta_p_score": "\u00b2"}),
        ("/tests", {"kind": "vgcc_antibodies", "status": "done", "result": "pos\x00itive"}),
    ],
)
def test_bad_form_values_get_a_4xx_and_store_nothing(
    http: httpx.Client, patient: Persona, db_url: str, path: str, fields: dict[str, str]
) -> None:
    web_sign_in(http, patient)
    token = csrf_token(http)
    before = stored(db_url)
    response = http.post(path, data={**fields, "csrf_token": token})
    assert 400 <= response.status_code < 500, response.text[:300]
    assert stored(db_url) == before


def test_a_nul_in_a_reviewers_name_is_refused(http: httpx.Client, db_url: str) -> None:
    clinician = make_user(db_url, "doctor@example.org")
    with session_scope(db_url) as db:
        db.scalars(select(User).where(User.email == clinician.email)).one().is_clinician = True
    from tests.conftest import enrol_second_factor, totp_now

    secret = enrol_second_factor(db_url, clinician.email)
    web_sign_in(http, clinician, code=totp_now(secret))
    before = stored(db_url)
    response = http.post(
        "/learn/red-flags/review",
        data={
            "csrf_token": csrf_token(http),
            "reviewer": "Dr\x00 Example",
            "confirmed": "true",
        },
    )
    assert 400 <= response.status_code < 500
    assert stored(db_url) == before


def csv_with(line_end: str = "\n", **cells: str) -> str:
    columns = csv_columns()
    row = {column: "" for column in columns}
    row.update(recorded_at="2026-03-01T08:00:00+00:00", **cells)
    return line_end.join([",".join(columns), ",".join(row[c] for c in columns)]) + line_end


IMPORTS: list[tuple[str, str]] = [
    ("deep.json", DEEP),
    ("deep-object.json", '{"a":' * 50_000 + "1" + "}" * 50_000),
    (
        "entries.json",
        json.dumps([{"recorded_at": "2026-03-01T08:00:00+00:00"}])[:-1] + "," + DEEP + "]",
    ),
    (
        "deep.fhir.json",
        '{"resourceType": "Bundle", "type": "collection", "entry": ' + DEEP + "}",
    ),
    ("deep-cell.csv", csv_with(medications='"' + "[" * 100_000 + "]" * 100_000 + '"')),
    ("cr.csv", csv_with(line_end="\r", note="a note")),
    ("wide.csv", ",".join(csv_columns()[:2]) + "," + "x" * (200 * 1024) + "\n"),
    (
        "list-system.fhir.json",
        json.dumps(
            {
                "resourceType": "Bundle",
                "type": "collection",
                "entry": [
                    {
                        "resource": {
                            "resourceType": "Observation",
                            "status": "final",
                            "code": {"coding": [{"system": ["x"], "code": "y"}]},
                        }
                    },
                    {
                        "resource": {
                            "resourceType": "QuestionnaireResponse",
                            "status": "completed",
                            "authored": "2026-03-01T08:00:00+00:00",
                            "item": [
                                {
                                    "linkId": "context",
                                    "answer": [{"valueCoding": {"system": ["x"], "code": ["y"]}}],
                                }
                            ],
                        }
                    },
                ],
            }
        ),
    ),
]


@pytest.mark.parametrize(("name", "text"), IMPORTS, ids=[name for name, _ in IMPORTS])
def test_hostile_import_files_are_refused_and_import_nothing(
    http: httpx.Client, patient: Persona, db_url: str, name: str, text: str
) -> None:
    web_sign_in(http, patient)
    before = stored(db_url)
    response = http.post(
        "/import",
        data={"csrf_token": csrf_token(http, "/interop")},
        files={"file": (name, text.encode(), "text/plain")},
    )
    if name == "cr.csv":  # old Mac line ends are still CSV: it imports
        assert response.status_code == 200, response.text[:500]
        return
    assert response.status_code == 422, response.text[:500]
    assert stored(db_url) == before


@pytest.mark.parametrize("diagnosed_on", [date(9999, 12, 31), date(1, 1, 1)])
def test_a_stored_date_out_of_range_breaks_no_page(
    http: httpx.Client, patient: Persona, db_url: str, diagnosed_on: date
) -> None:
    from lems_companion.interop.feeds import create_feed
    from lems_companion.sharing.service import create_link

    with session_scope(db_url) as db:
        owner = db.scalars(select(User).where(User.email == patient.email)).one()
        db.add(
            CalendarSchedule(
                user_id=owner.id,
                diagnosed_on=diagnosed_on,
                delta_p_score=2,
                updated_at=datetime.now(UTC),
            )
        )
        feed = create_feed(db, owner=owner)
        link, _ = create_link(db, owner=owner, scope="report")
    web_sign_in(http, patient)
    paths = [
        "/report",
        "/report.pdf",
        "/analysis",
        "/tools",
        "/tools/screening",
        "/calendar/settings",
        "/appointment",
        f"/calendar/{feed}.ics",
        f"/s/{link}/report",
        f"/s/{link}/report.pdf",
    ]
    for path in paths:
        response = http.get(path)
        assert fine(response), f"{path}: {response.status_code} {response.text[:300]}"


def test_the_volatile_tables_exist() -> None:
    names = {table.name for table in Base.metadata.sorted_tables}
    assert names >= VOLATILE
