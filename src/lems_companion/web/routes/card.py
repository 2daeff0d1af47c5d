"""The medical alert card: a preview with its options, a printable page and a one-page PDF, of
one's own record (``/card``) or of a diary shared with this account (``/people/{owner_id}/card``).

The options (diagnosis wording, emergency contact) are posted, not put in the address, so an
emergency contact's telephone number never lands in an access log.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response, status
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from lems_companion.accounts.models import User
from lems_companion.diary.service import diary_access
from lems_companion.reports.card import (
    DIAGNOSES,
    MAX_CONTACT_CHARS,
    AlertCard,
    CardInputError,
    owner_card,
    parse_card_options,
    render_card_html,
    render_card_pdf,
)
from lems_companion.settings import Settings
from lems_companion.sharing.service import audit
from lems_companion.web.deps import (
    DbSession,
    PostedForm,
    RowId,
    SettingsDep,
    SignedIn,
    WebUser,
    WebUserPosting,
)
from lems_companion.web.templating import page_language, templates

router = APIRouter()

OWN = "/card"
THEIRS = "/people/{owner_id}/card"
CARD_STYLESHEET = "/static/card.css"
PDF_NAME = "lems-alert-card.pdf"


def _owner(db: Session, signed_in: SignedIn, owner_id: int | None) -> tuple[User, str]:
    """Return whose card it is and the path prefix of its pages; NotFound when the viewer may
    not read that diary. A read by anyone but the owner is audited (the caller commits)."""
    if owner_id is None or owner_id == signed_in.user.id:
        return signed_in.user, OWN
    access = diary_access(db, viewer=signed_in.user, owner_id=owner_id, action="read")
    owner = db.get(User, owner_id)
    assert owner is not None  # diary_access found the owner
    audit(db, access, action="read", target="alert card")
    return owner, THEIRS.format(owner_id=owner_id)


def _card(
    db: Session,
    owner: User,
    settings: Settings,
    language: str,
    form: dict[str, str] | None = None,
) -> AlertCard:
    """Return the owner's card in the language of the person making it."""
    diagnosis, contact = parse_card_options(form or {}, language)
    return owner_card(
        db,
        owner=owner,
        diagnosis=diagnosis,
        emergency_contact=contact,
        default_emergency_number=settings.emergency_number,
        language=language,
    )


def _page(
    request: Request,
    db: Session,
    signed_in: SignedIn,
    settings: Settings,
    owner_id: int | None,
) -> Response:
    owner, base = _owner(db, signed_in, owner_id)
    card = _card(db, owner, settings, page_language(request, signed_in.user))
    db.commit()
    return templates.TemplateResponse(
        request,
        "card_page.html",
        _context(signed_in, owner, base, card, {"diagnosis": "confirmed", "emergency_contact": ""}),
    )


def _context(
    signed_in: SignedIn, owner: User, base: str, card: AlertCard, form: dict[str, str]
) -> dict[str, Any]:
    return {
        "signed_in": signed_in,
        "owner": owner,
        "own": owner.id == signed_in.user.id,
        "base": base,
        "card": card,
        "form": form,
        "errors": {},
        "diagnoses": DIAGNOSES,
        "max_contact": MAX_CONTACT_CHARS,
    }


def _print(
    request: Request,
    db: Session,
    signed_in: SignedIn,
    settings: Settings,
    owner_id: int | None,
    posted: FormData,
    *,
    pdf: bool,
) -> Response:
    owner, base = _owner(db, signed_in, owner_id)
    form = {key: value for key, value in posted.items() if isinstance(value, str)}
    language = page_language(request, signed_in.user)
    try:
        card = _card(db, owner, settings, language, form)
    except CardInputError as error:
        context = _context(signed_in, owner, base, _card(db, owner, settings, language), form)
        context["errors"] = error.errors
        db.commit()
        return templates.TemplateResponse(
            request, "card_page.html", context, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT
        )
    db.commit()
    # Health data: neither shared caches nor the browser may keep a copy.
    headers = {"Cache-Control": "no-store"}
    if pdf:
        headers["Content-Disposition"] = f'attachment; filename="{PDF_NAME}"'
        return Response(render_card_pdf(card), media_type="application/pdf", headers=headers)
    html = render_card_html(card, stylesheet=CARD_STYLESHEET, back=base)
    return HTMLResponse(html, headers=headers)


@router.get(OWN, response_class=HTMLResponse)
def my_card(request: Request, db: DbSession, signed_in: WebUser, settings: SettingsDep) -> Response:
    """Show the medical alert card's options and a preview."""
    return _page(request, db, signed_in, settings, None)


@router.post(f"{OWN}/print", response_class=HTMLResponse)
def print_my_card(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    settings: SettingsDep,
    posted: PostedForm,
) -> Response:
    """Show the card as a page to print on A4; the options again with messages when invalid."""
    return _print(request, db, signed_in, settings, None, posted, pdf=False)


@router.post(f"{OWN}.pdf")
def my_card_pdf(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    settings: SettingsDep,
    posted: PostedForm,
) -> Response:
    """Download the card as a one-page PDF; the options again with messages when invalid."""
    return _print(request, db, signed_in, settings, None, posted, pdf=True)


@router.get(THEIRS, response_class=HTMLResponse)
def their_card(
    request: Request, db: DbSession, signed_in: WebUser, settings: SettingsDep, owner_id: RowId
) -> Response:
    """Show the card of a patient who shared their diary with this account."""
    return _page(request, db, signed_in, settings, owner_id)


@router.post(f"{THEIRS}/print", response_class=HTMLResponse)
def print_their_card(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    settings: SettingsDep,
    owner_id: RowId,
    posted: PostedForm,
) -> Response:
    """Show a sharing patient's card as a page to print on A4."""
    return _print(request, db, signed_in, settings, owner_id, posted, pdf=False)


@router.post(f"{THEIRS}.pdf")
def their_card_pdf(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    settings: SettingsDep,
    owner_id: RowId,
    posted: PostedForm,
) -> Response:
    """Download a sharing patient's card as a one-page PDF."""
    return _print(request, db, signed_in, settings, owner_id, posted, pdf=True)
