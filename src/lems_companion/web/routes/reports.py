"""Report pages: the clinician report (HTML and PDF), patterns, the test tracker, appointments.

Everything is loaded for the signed-in user only; a test of another user's answers "not found".
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import ValidationError
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.analysis.patterns import analyze
from lems_companion.dates import parse_bound, zone
from lems_companion.diary.schemas import describe_errors
from lems_companion.i18n import N_, Said
from lems_companion.investigations.schemas import KINDS, InvestigationCreate, kind
from lems_companion.investigations.service import (
    add_investigation,
    delete_investigation,
    list_investigations,
    load_investigation,
)
from lems_companion.investigations.service import to_public as investigation_public
from lems_companion.reports.appointment import (
    MAX_TEXT_CHARS,
    AppointmentText,
    build_appointment,
    text_errors,
    with_text,
)
from lems_companion.reports.report import (
    MAX_CITED_ENTRIES,
    REPORT_CSS,
    Report,
    html_to_pdf,
    render_report_html,
)
from lems_companion.reports.service import load_period, owner_report
from lems_companion.web.deps import DbSession, PostedForm, RowId, WebUser, WebUserPosting
from lems_companion.web.templating import page_language, templates

router = APIRouter()

# ASCII digits only ("\d" would match any script's digits); the range is parse_bound's.
DateParam = Annotated[str | None, Query(pattern=r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$")]
# The test form's field for the increment, as its problems name it.
INCREMENT = "increment_percent"


def period_bounds(user: User, since: str | None, until: str | None) -> tuple[datetime | None, ...]:
    """Return the period's start and end; 422 naming the bound that is not a usable date."""
    tz = zone(user.time_zone)
    bounds: list[datetime | None] = []
    for name, text, end in (("since", since, False), ("until", until, True)):
        try:
            bounds.append(parse_bound(text, tz=tz, end=end) if text else None)
        except ValueError as error:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"{name}: {error}") from None
    return tuple(bounds)


def period_query(since: str | None, until: str | None) -> str:
    params = {key: value for key, value in (("since", since), ("until", until)) if value}
    return "?" + urlencode(params) if params else ""


def _report(
    request: Request, db: Session, user: User, since: str | None, until: str | None
) -> Report:
    """Return the signed-in user's report for the period, in the page's language. Queries."""
    start, end = period_bounds(user, since, until)
    report = owner_report(
        db, owner=user, since=start, until=end, language=page_language(request, user)
    )
    db.commit()  # keeps the charts if they were drawn now (reports.chart_cache)
    return report


@router.get("/report", response_class=HTMLResponse)
def report_page(
    request: Request,
    db: DbSession,
    signed_in: WebUser,
    since: DateParam = None,
    until: DateParam = None,
) -> Response:
    """Show the clinician report for the period, with PDF and HTML downloads."""
    report = _report(request, db, signed_in.user, since, until)
    context = {
        "signed_in": signed_in,
        "report": report,
        "since": since,
        "until": until,
        "query": period_query(since, until),
        "max_cited": MAX_CITED_ENTRIES,
    }
    return templates.TemplateResponse(request, "report_page.html", context)


def _download_name(report: Report, extension: str) -> str:
    return f"lems-report-{report.generated_at:%Y-%m-%d}.{extension}"


@router.get("/report.html")
def report_html(
    request: Request,
    db: DbSession,
    signed_in: WebUser,
    since: DateParam = None,
    until: DateParam = None,
) -> Response:
    """Download the report as a standalone HTML file."""
    report = _report(request, db, signed_in.user, since, until)
    return Response(
        render_report_html(report),
        media_type="text/html; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{_download_name(report, "html")}"'},
    )


@router.get("/report.pdf")
def report_pdf(
    request: Request,
    db: DbSession,
    signed_in: WebUser,
    since: DateParam = None,
    until: DateParam = None,
) -> Response:
    """Download the report as a PDF."""
    report = _report(request, db, signed_in.user, since, until)
    pdf = html_to_pdf(render_report_html(report, stylesheet=REPORT_CSS.as_uri()))
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{_download_name(report, "pdf")}"',
            "Cache-Control": "no-store",
        },
    )


@router.get("/analysis", response_class=HTMLResponse)
def analysis_page(
    request: Request,
    db: DbSession,
    signed_in: WebUser,
    since: DateParam = None,
    until: DateParam = None,
) -> Response:
    """Show the patterns in the diary, with charts and a week-by-week table."""
    report = _report(request, db, signed_in.user, since, until)
    context = {
        "signed_in": signed_in,
        "analysis": report.analysis,
        "charts": report.charts,
        "authors": report.written_by,
        "since": since,
        "until": until,
        "query": period_query(since, until),
        "max_cited": MAX_CITED_ENTRIES,
    }
    return templates.TemplateResponse(request, "analysis_page.html", context)


def _tests_page(
    request: Request,
    db: Session,
    signed_in: WebUser,
    *,
    form: dict[str, str] | None = None,
    errors: list[str] | None = None,
    saved: bool = False,
) -> Response:
    tests = [investigation_public(row) for row in list_investigations(db, owner=signed_in.user)]
    return templates.TemplateResponse(
        request,
        "tests_list.html",
        {
            "signed_in": signed_in,
            "tests": tests,
            "kinds": KINDS,
            "form": form or {},
            "errors": errors or [],
            "saved": saved,
        },
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT if errors else status.HTTP_200_OK,
    )


@router.get("/tests", response_class=HTMLResponse)
def tests_page(
    request: Request, db: DbSession, signed_in: WebUser, saved: bool = False
) -> Response:
    """Show the tests recorded so far and a form to record one."""
    return _tests_page(request, db, signed_in, saved=saved)


def parse_test_form(form: dict[str, str]) -> InvestigationCreate:
    """Return the test from the form fields; ValidationError or ValueError when invalid."""
    increment = form.get("increment_percent", "").strip().replace(",", ".")
    return InvestigationCreate.model_validate(
        {
            "kind": form.get("kind", ""),
            "status": form.get("status", ""),
            "done_on": form.get("done_on") or None,
            "result": form.get("result") or None,
            "increment_percent": float(increment) if increment else None,
            "note": form.get("note") or None,
        }
    )


@router.post("/tests", response_class=HTMLResponse)
def create_test(
    request: Request, db: DbSession, signed_in: WebUserPosting, posted: PostedForm
) -> Response:
    """Save a test and go back to the list; the form again with messages when invalid."""
    raw = {key: str(value) for key, value in posted.items()}
    try:
        data = parse_test_form(raw)
    except ValidationError as error:
        return _tests_page(request, db, signed_in, form=raw, errors=describe_errors(error))
    except ValueError:
        not_a_number = Said(N_("enter a number, e.g. 120"))
        errors: list[str] = [
            Said(N_("%(location)s: %(problem)s"), location=INCREMENT, problem=not_a_number)
        ]
        return _tests_page(request, db, signed_in, form=raw, errors=errors)
    add_investigation(db, owner=signed_in.user, data=data)
    db.commit()
    return RedirectResponse("/tests?saved=1", status.HTTP_303_SEE_OTHER)


@router.get("/tests/{test_id}", response_class=HTMLResponse)
def show_test(request: Request, db: DbSession, signed_in: WebUser, test_id: RowId) -> Response:
    """Show one recorded test."""
    test = investigation_public(load_investigation(db, test_id, viewer=signed_in.user))
    return templates.TemplateResponse(
        request,
        "tests_detail.html",
        {"signed_in": signed_in, "test": test, "kind": kind(test.kind)},
    )


@router.post("/tests/{test_id}/delete")
def remove_test(db: DbSession, signed_in: WebUserPosting, test_id: RowId) -> Response:
    """Delete a recorded test and go back to the list."""
    row = load_investigation(db, test_id, viewer=signed_in.user, action="write")
    delete_investigation(db, row)
    db.commit()
    return RedirectResponse("/tests", status.HTTP_303_SEE_OTHER)


def _appointment_context(
    request: Request,
    db: Session,
    signed_in: WebUser,
    *,
    text: AppointmentText | None = None,
    errors: list[str] | None = None,
) -> dict[str, object]:
    """Return the appointment page's context, with the patient's edited texts if given. Queries."""
    language = page_language(request, signed_in.user)
    period = load_period(db, owner=signed_in.user)
    analysis = analyze(period.entries, flags=period.flags, language=language)
    appointment = build_appointment(
        period.entries,
        analysis,
        period.investigations,
        others=period.written_by.keys(),
        language=language,
    )
    today = datetime.now(UTC).astimezone(zone(signed_in.user.time_zone)).date()
    return {
        "signed_in": signed_in,
        "appointment": with_text(appointment, text) if text else appointment,
        "today": today,
        "authors": period.written_by,
        "max_chars": MAX_TEXT_CHARS,
        "errors": errors or [],
    }


@router.get("/appointment", response_class=HTMLResponse)
def appointment_page(request: Request, db: DbSession, signed_in: WebUser) -> Response:
    """Show the appointment preparation, its texts editable before printing."""
    return templates.TemplateResponse(
        request, "appointment_page.html", _appointment_context(request, db, signed_in)
    )


@router.get("/appointment/print", response_class=HTMLResponse)
def appointment_printout(request: Request, db: DbSession, signed_in: WebUser) -> Response:
    """Show the appointment preparation, as generated, as a page made for printing."""
    return templates.TemplateResponse(
        request, "appointment_print.html", _appointment_context(request, db, signed_in)
    )


@router.post("/appointment/print", response_class=HTMLResponse)
def appointment_printout_edited(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    summary: Annotated[str, Form()] = "",
    screening_request: Annotated[str, Form()] = "",
    referral_request: Annotated[str, Form()] = "",
) -> Response:
    """Show the printout with the patient's edited texts (never stored); the page if too long."""
    text = AppointmentText(summary, screening_request, referral_request)
    if errors := text_errors(text, page_language(request, signed_in.user)):
        return templates.TemplateResponse(
            request,
            "appointment_page.html",
            _appointment_context(request, db, signed_in, text=text, errors=errors),
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    return templates.TemplateResponse(
        request, "appointment_print.html", _appointment_context(request, db, signed_in, text=text)
    )
