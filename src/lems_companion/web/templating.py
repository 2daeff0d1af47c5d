"""Jinja2 set-up shared by every page: the catalogue, labels and the disclaimer."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import closing
from datetime import datetime
from pathlib import Path

from babel.dates import format_date, format_skeleton, format_time
from babel.units import format_unit
from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context

from lems_companion import catalogue
from lems_companion.accounts.models import User
from lems_companion.dates import zone
from lems_companion.db.engine import new_session
from lems_companion.diary.acknowledgements import Acknowledgement
from lems_companion.diary.alerts import basis_in, flag_evidence
from lems_companion.diary.authors import shown_written_by
from lems_companion.diary.flags import FlagRecord
from lems_companion.diary.schemas import CONTEXT_LABELS, IMPROVED_LABELS
from lems_companion.diary.weights import WEIGHT_UNITS, format_weight, unit_or_default
from lems_companion.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGE_COOKIE,
    LANGUAGES,
    N_,
    choose_language,
    documents,
    format_number,
)
from lems_companion.learn.language_reviews import language_status
from lems_companion.people.roles import ROLE_NAMES
from lems_companion.rules import medicines
from lems_companion.tools.records import medication_warnings
from lems_companion.triage.advice import flag_title
from lems_companion.triage.flags import FLAGS
from lems_companion.web.forms import error_id, field_anchor, field_label, symptom_sections

TEMPLATES_DIR = Path(__file__).with_name("templates")


# Spec section 1: every page says the app informs and does not diagnose.
DISCLAIMER = N_(
    "LEMS Companion records and organises what you notice. It gives information, not a "
    "diagnosis, and it does not replace your doctor. If you feel very unwell, get medical help."
)


def local_time(moment: datetime, time_zone: str) -> datetime:
    """Return the moment in the named time zone."""
    return moment.astimezone(zone(time_zone))


def seen_lines(acknowledgements: Iterable[Acknowledgement], time_zone: str) -> list[str]:
    """Return "Seen by NAME (role) at TIME" once per person and moment (one acknowledgement
    covers every red flag of the entry), in the order they were given."""
    lines: list[str] = []
    for item in acknowledgements:
        text = item.text(zone(time_zone))
        line = text[0].upper() + text[1:]
        if line not in lines:
            lines.append(line)
    return lines


def page_language(request: Request | None, user: User | None) -> str:
    """Return the language a page is shown in for this reader (i18n.choose_language)."""
    profile = user.language if user is not None else None
    if request is None:
        return choose_language(profile, None, None)
    return choose_language(
        profile, request.cookies.get(LANGUAGE_COOKIE), request.headers.get("accept-language")
    )


def reader_language(context: Context) -> str:
    """Return the language of the person a page is rendered for."""
    signed_in = context.get("signed_in")
    return page_language(context.get("request"), signed_in.user if signed_in else None)


templates = Jinja2Templates(directory=TEMPLATES_DIR)
# The catalogue's gettext, Babel's formats (when, day, number), the `translated` filter and the
# medicine wordings in the reader's language: the same installation as the report's documents.
documents.install(
    templates.env, reader_language, {**medicines.WORDINGS, "flag_evidence": flag_evidence}
)
templates.env.globals.update(
    catalogue=catalogue,
    severity_labels=catalogue.SEVERITY_LABELS,
    entry_factors=catalogue.factors(),
    context_labels=CONTEXT_LABELS,
    improved_labels=IMPROVED_LABELS,
    disclaimer=DISCLAIMER,
    medication_warnings=medication_warnings,
    # The level each red-flag symptom raises, so the form says it as the alert would.
    flag_levels={flag.id: flag.level for flag in FLAGS},
    error_id=error_id,
    field_anchor=field_anchor,
    field_label=field_label,
    symptom_sections=symptom_sections,
    languages=LANGUAGES,
    # A red flag's plain name in the reader's language (triage.advice, awaiting clinical review).
    flag_title=flag_title,
)
templates.env.filters["local"] = local_time
templates.env.filters["written_by"] = shown_written_by
templates.env.filters["seen_lines"] = seen_lines


# Issue 20, the diary in every language: weights in the reader's unit, measures as their
# language writes them (Babel), the catalogue's texts in their language.
@pass_context
def shown_weight(context: Context, weight_kg: float) -> str:
    """Return a stored weight in the signed-in reader's unit and language ("72,5 kg",
    "11 st 6 lb")."""
    signed_in = context.get("signed_in")
    unit = signed_in.user.weight_unit if signed_in else None
    return format_weight(weight_kg, unit_or_default(unit), reader_language(context))


@pass_context
def measure(context: Context, value: float, unit: str) -> str:
    """Return a number with its CLDR unit ("duration-second", "mass-milligram") as the reader's
    language writes it: "12.5 s", "12,5 s"."""
    return format_unit(value, unit, length="short", locale=reader_language(context))


templates.env.filters["weight"] = shown_weight
templates.env.filters["measure"] = measure
templates.env.globals.update(weight_units=WEIGHT_UNITS)


# The app's English writes dates the British way, as `when` does ("30 Nov 2026").
DATE_LOCALES = {"en": "en_GB"}


@pass_context
def day_when(context: Context, moment: datetime, length: str = "full") -> str:
    """Return a day, with its weekday, and a time as the reader's language writes them (CLDR):
    "Monday, 30 November 2026, 08:30" (full) or "Mon, 30 Nov 2026, 08:30" (short)."""
    language = reader_language(context)
    locale = DATE_LOCALES.get(language, language)
    if length == "full":
        day = format_date(moment, "full", locale=locale)
    else:
        day = format_skeleton("yMMMEd", moment, locale=locale)
    return f"{day}, {format_time(moment, 'HH:mm', locale=locale)}"


templates.env.filters["day_when"] = day_when


@pass_context
def wording_reviewed(context: Context) -> bool:
    """Return True when the reader's language's clinical wording stands reviewed: English, or a
    translation with a current clinician's review (learn.language_reviews; one query).

    False when the page has no request to find the database by: a translation then says it
    awaits review, the safe side.
    """
    language = reader_language(context)
    if language == DEFAULT_LANGUAGE:
        return True
    request = context.get("request")
    if request is None:
        return False
    # The request's own session (deps.get_db) when it has one: a second connection per request
    # can stall a worker under load (see get_db).
    db = getattr(request.state, "db", None)
    if db is not None and db.is_active:  # not after a failed statement that awaits rollback
        return language_status(db, language).state == "reviewed"
    with closing(new_session(request.app.state.settings.resolved_database_url)) as own:
        return language_status(own, language).state == "reviewed"


templates.env.globals["wording_reviewed"] = wording_reviewed

# A grantee's role in the reader's language: `_(role_names[role])` (people.roles).
templates.env.globals["role_names"] = ROLE_NAMES


@pass_context
def flag_basis(context: Context, flag: FlagRecord) -> str:
    """Return why a stored red flag was raised, in the reader's language where catalogued."""
    return basis_in(flag, reader_language(context))


templates.env.globals["flag_basis"] = flag_basis


@pass_context
def rounded(context: Context, value: float, decimals: int = 1, fixed: bool = False) -> str:
    """Return a number with at most ``decimals`` places (exactly that many when ``fixed``) as
    the reader's language writes it (Babel): "25.9" in English, "25,9" in German."""
    places = ("0" if fixed else "#") * decimals
    pattern = f"#,##0.{places}" if decimals else "#,##0"
    return format_number(value, reader_language(context), pattern)


templates.env.filters["rounded"] = rounded
