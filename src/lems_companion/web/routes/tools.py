"""The clinician tools as pages: DELTA-P, the EDX calculator, the medicine check and the screening
schedule, on one's own record (``/tools/...``) or on the record of a patient who invited this
clinician (``/people/{owner_id}/tools/...``).

Both sets of paths run the same handlers; ``storage.tools.open_record`` decides who may reach a
record (the patient and their invited clinicians; not caregivers, not share links) and writes the
audit entry for every read and save by a clinician.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, Request, Response, status
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from lems_companion.diary.service import latest_weight_kg
from lems_companion.rules.delta_p import (
    DERIVATION_SOURCE,
    KARNOFSKY_STEP,
    MAX_AGE,
    MAX_KARNOFSKY,
    MAX_WEIGHT_LOSS_PERCENT,
    MIN_AGE,
    VALIDATION_PROBABILITY_PERCENT,
    VALIDATION_SOURCE,
)
from lems_companion.rules.edx import MAX_CMAP_MV, MAX_DECREMENT_PERCENT
from lems_companion.rules.medicines import licence_region
from lems_companion.rules.screening import DELTA_P_MAX_SCORE, TEST_LABELS
from lems_companion.tools.records import (
    SCAN_KINDS,
    SCAN_RESULT_LABELS,
    TOOL_DISCLAIMER,
    TOOL_LABELS,
    ToolInputError,
    ToolKind,
    check_medicine,
    parse_delta_p,
    parse_diagnosis,
    parse_edx,
    parse_medicine,
    parse_scan,
    run_delta_p,
    run_edx,
)
from lems_companion.tools.service import (
    Record,
    list_results,
    local_today,
    open_record,
    record_scan,
    save_result,
    schedule,
    screening_for,
    set_diagnosis,
)
from lems_companion.web.deps import DbSession, PostedForm, RowId, SignedIn, WebUser, WebUserPosting
from lems_companion.web.templating import templates

router = APIRouter()

OWN = "/tools"
THEIRS = "/people/{owner_id}/tools"
# The submit button that also saves the result to the record (the other one only calculates).
SAVE = "save"


def _base(record: Record) -> str:
    """Return the path prefix of the tool pages for this record."""
    return OWN if record.by_owner else f"/people/{record.owner.id}/tools"


def _today(record: Record) -> date:
    """Return today's date where the patient lives (the schedule's "today")."""
    return local_today(record.owner)


def _page(
    request: Request,
    signed_in: SignedIn,
    record: Record,
    template: str,
    context: dict[str, Any],
    *,
    status_code: int = status.HTTP_200_OK,
) -> Response:
    return templates.TemplateResponse(
        request,
        template,
        {
            "signed_in": signed_in,
            "record": record,
            "base": _base(record),
            "tool_labels": TOOL_LABELS,
            "tool_disclaimer": TOOL_DISCLAIMER,
            "errors": {},
            "form": {},
            "result": None,
            "saved": False,
            "tz": signed_in.user.time_zone,
            **context,
        },
        status_code=status_code,
    )


def _form(posted: FormData) -> dict[str, str]:
    return {key: value for key, value in posted.items() if isinstance(value, str)}


def _owner_id(signed_in: SignedIn, owner_id: RowId | None) -> int:
    return signed_in.user.id if owner_id is None else owner_id


# The index ----------------------------------------------------------------------------------


def _index(request: Request, db: Session, signed_in: SignedIn, owner_id: RowId | None) -> Response:
    record = open_record(
        db,
        viewer=signed_in.user,
        owner_id=_owner_id(signed_in, owner_id),
        action="read",
        target="tools",
    )
    context = {
        "results": list_results(db, owner=record.owner),
        "screening": screening_for(db, owner=record.owner, today=_today(record)),
    }
    db.commit()
    return _page(request, signed_in, record, "tools_index.html", context)


@router.get(OWN, response_class=HTMLResponse)
def my_tools(request: Request, db: DbSession, signed_in: WebUser) -> Response:
    """Show the tools, the saved results and the screening summary of one's own record."""
    return _index(request, db, signed_in, None)


@router.get(THEIRS, response_class=HTMLResponse)
def their_tools(request: Request, db: DbSession, signed_in: WebUser, owner_id: RowId) -> Response:
    """Show the tools on the record of a patient who invited this clinician."""
    return _index(request, db, signed_in, owner_id)


# DELTA-P, EDX and the medicine check: a form, a result, optionally saved ----------------------

# A tool reads the form; the medicine check also reads the record (its owner's country and weight).
Runner = Callable[[dict[str, str], Session, Record], tuple[dict[str, Any], Any]]


def _delta_p(form: dict[str, str], db: Session, record: Record) -> tuple[dict[str, Any], Any]:
    data = parse_delta_p(form)
    return data.model_dump(mode="json"), run_delta_p(data)


def _edx(form: dict[str, str], db: Session, record: Record) -> tuple[dict[str, Any], Any]:
    data = parse_edx(form)
    return data.model_dump(mode="json"), run_edx(data)


def _medicine(form: dict[str, str], db: Session, record: Record) -> tuple[dict[str, Any], Any]:
    """Check the name against the licence of the record owner's country, at their latest weight."""
    name = parse_medicine(form)
    region = licence_region(record.owner.country)
    weight_kg = latest_weight_kg(db, owner=record.owner)
    return {"name": name}, check_medicine(name, region=region, weight_kg=weight_kg)


TOOLS: dict[str, tuple[ToolKind, str, Runner]] = {
    "delta-p": ("delta_p", "tools_delta_p.html", _delta_p),
    "edx": ("edx", "tools_edx.html", _edx),
    "medicines": ("medicine", "tools_medicines.html", _medicine),
}
LIMITS: dict[str, Any] = {
    "min_age": MIN_AGE,
    "max_age": MAX_AGE,
    "max_weight_loss": MAX_WEIGHT_LOSS_PERCENT,
    "karnofsky_steps": list(range(MAX_KARNOFSKY, -1, -KARNOFSKY_STEP)),
    "max_cmap": MAX_CMAP_MV,
    "max_decrement": MAX_DECREMENT_PERCENT,
    "probabilities": VALIDATION_PROBABILITY_PERCENT,
    "validation_source": VALIDATION_SOURCE,
    "derivation_source": DERIVATION_SOURCE,
}


def _tool_page(
    request: Request, db: Session, signed_in: SignedIn, owner_id: RowId | None, slug: str
) -> Response:
    kind, template, _ = TOOLS[slug]
    record = open_record(
        db,
        viewer=signed_in.user,
        owner_id=_owner_id(signed_in, owner_id),
        action="read",
        target=f"tool {kind}",
    )
    results = list_results(db, owner=record.owner, kind=kind)
    db.commit()
    return _page(request, signed_in, record, template, {"results": results, "limits": LIMITS})


def _run_tool(
    request: Request,
    db: Session,
    signed_in: SignedIn,
    owner_id: RowId | None,
    slug: str,
    posted: FormData,
) -> Response:
    kind, template, run = TOOLS[slug]
    record = open_record(
        db,
        viewer=signed_in.user,
        owner_id=_owner_id(signed_in, owner_id),
        action="read",
        target=f"tool {kind}",
    )
    form = _form(posted)
    context: dict[str, Any] = {"form": form, "limits": LIMITS}
    try:
        inputs, result = run(form, db, record)
    except ToolInputError as error:
        context.update(errors=error.errors, results=list_results(db, owner=record.owner, kind=kind))
        db.commit()
        return _page(
            request,
            signed_in,
            record,
            template,
            context,
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    saved = form.get("action") == SAVE
    if saved:
        save_result(
            db, record=record, kind=kind, inputs=inputs, result=result.model_dump(mode="json")
        )
    context.update(
        result=result, saved=saved, results=list_results(db, owner=record.owner, kind=kind)
    )
    db.commit()
    return _page(request, signed_in, record, template, context)


def _register(slug: str) -> None:
    """Add the GET and POST routes of one tool, on one's own record and on an invited one."""
    label = TOOL_LABELS[TOOLS[slug][0]]

    def own_page(request: Request, db: DbSession, signed_in: WebUser) -> Response:
        return _tool_page(request, db, signed_in, None, slug)

    def their_page(
        request: Request, db: DbSession, signed_in: WebUser, owner_id: RowId
    ) -> Response:
        return _tool_page(request, db, signed_in, owner_id, slug)

    def own_run(
        request: Request, db: DbSession, signed_in: WebUserPosting, posted: PostedForm
    ) -> Response:
        return _run_tool(request, db, signed_in, None, slug, posted)

    def their_run(
        request: Request,
        db: DbSession,
        signed_in: WebUserPosting,
        owner_id: RowId,
        posted: PostedForm,
    ) -> Response:
        return _run_tool(request, db, signed_in, owner_id, slug, posted)

    for path, page, run in ((OWN, own_page, own_run), (THEIRS, their_page, their_run)):
        page.__doc__ = f"Show the {label} form and the results saved to the record."
        run.__doc__ = f"Show the {label} result; save it to the record when asked."
        router.add_api_route(f"{path}/{slug}", page, methods=["GET"], response_class=HTMLResponse)
        router.add_api_route(f"{path}/{slug}", run, methods=["POST"], response_class=HTMLResponse)


for _slug in TOOLS:
    _register(_slug)


# The screening schedule ---------------------------------------------------------------------


def _screening_context(db: Session, record: Record, on: date | None) -> dict[str, Any]:
    today = on or _today(record)
    stored = schedule(db, owner=record.owner)
    return {
        "screening": screening_for(db, owner=record.owner, today=today),
        "stored": stored,
        "today": today,
        "max_score": DELTA_P_MAX_SCORE,
        "scan_result_labels": SCAN_RESULT_LABELS,
        "scan_kinds": {kind: TEST_LABELS[kind] for kind in SCAN_KINDS},
        "delta_p_results": list_results(db, owner=record.owner, kind="delta_p", limit=1),
    }


def _screening_page(
    request: Request, db: Session, signed_in: SignedIn, owner_id: RowId | None, on: date | None
) -> Response:
    record = open_record(
        db,
        viewer=signed_in.user,
        owner_id=_owner_id(signed_in, owner_id),
        action="read",
        target="screening schedule",
    )
    context = _screening_context(db, record, on)
    db.commit()
    return _page(request, signed_in, record, "tools_screening.html", context)


@router.get(f"{OWN}/screening", response_class=HTMLResponse)
def my_screening(
    request: Request, db: DbSession, signed_in: WebUser, on: date | None = None
) -> Response:
    """Show the screening plan with what is done, overdue and upcoming (``on``: as on that day)."""
    return _screening_page(request, db, signed_in, None, on)


@router.get(f"{THEIRS}/screening", response_class=HTMLResponse)
def their_screening(
    request: Request, db: DbSession, signed_in: WebUser, owner_id: RowId, on: date | None = None
) -> Response:
    """Show an invited patient's screening plan and progress."""
    return _screening_page(request, db, signed_in, owner_id, on)


def _change_screening(
    request: Request,
    db: Session,
    signed_in: SignedIn,
    owner_id: RowId | None,
    posted: FormData,
    *,
    scan: bool,
) -> Response:
    record = open_record(
        db,
        viewer=signed_in.user,
        owner_id=_owner_id(signed_in, owner_id),
        action="create",
        target="screening scan" if scan else "screening schedule",
    )
    form = _form(posted)
    try:
        if scan:
            kind, performed_on, result, note = parse_scan(form, today=_today(record))
            record_scan(
                db,
                owner=record.owner,
                kind=kind,
                performed_on=performed_on,
                result=result,
                note=note,
            )
        else:
            diagnosed_on, score = parse_diagnosis(form)
            set_diagnosis(db, owner=record.owner, diagnosed_on=diagnosed_on, delta_p_score=score)
    except ToolInputError as error:
        db.rollback()
        # The refused attempt is still a read of the record by this clinician: audit that.
        record = open_record(
            db,
            viewer=signed_in.user,
            owner_id=record.owner.id,
            action="read",
            target="screening schedule",
        )
        context = _screening_context(db, record, None)
        context.update(errors=error.errors, form=form)
        db.commit()
        return _page(
            request,
            signed_in,
            record,
            "tools_screening.html",
            context,
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    context = _screening_context(db, record, None)
    context.update(saved=True)
    db.commit()
    return _page(request, signed_in, record, "tools_screening.html", context)


@router.post(f"{OWN}/screening", response_class=HTMLResponse)
def set_my_screening(
    request: Request, db: DbSession, signed_in: WebUserPosting, posted: PostedForm
) -> Response:
    """Save the diagnosis date and DELTA-P score the schedule is computed from."""
    return _change_screening(request, db, signed_in, None, posted, scan=False)


@router.post(f"{THEIRS}/screening", response_class=HTMLResponse)
def set_their_screening(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    owner_id: RowId,
    posted: PostedForm,
) -> Response:
    """Save an invited patient's diagnosis date and DELTA-P score."""
    return _change_screening(request, db, signed_in, owner_id, posted, scan=False)


@router.post(f"{OWN}/screening/scans", response_class=HTMLResponse)
def add_my_scan(
    request: Request, db: DbSession, signed_in: WebUserPosting, posted: PostedForm
) -> Response:
    """Record a CT or PET result; the schedule marks the item it completes as done."""
    return _change_screening(request, db, signed_in, None, posted, scan=True)


@router.post(f"{THEIRS}/screening/scans", response_class=HTMLResponse)
def add_their_scan(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    owner_id: RowId,
    posted: PostedForm,
) -> Response:
    """Record a CT or PET result on an invited patient's record."""
    return _change_screening(request, db, signed_in, owner_id, posted, scan=True)
