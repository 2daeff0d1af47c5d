"""``lems analyze``, ``lems report`` and ``lems tests``: patterns, the clinician report, tests."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from lems_companion.cli.common import command_group, fail, require_user, settings_from
from lems_companion.dates import parse_bound, zone
from lems_companion.investigations.kinds import KIND_IDS

if TYPE_CHECKING:
    from lems_companion.accounts.models import User
    from lems_companion.analysis.patterns import Analysis
    from lems_companion.reports.report import Report

USER_OPTION = typer.Option(..., "--user", help="E-mail address of the diary's owner.")
SINCE_OPTION = typer.Option(
    None, "--since", help="First day to include (2026-03-01), in the owner's time zone."
)
UNTIL_OPTION = typer.Option(
    None, "--until", help="Last day to include (2026-03-31), in the owner's time zone."
)


class DocumentLanguage(StrEnum):
    """The languages a document is written in: i18n.LANGUAGES, named here so that the command's
    help imports no catalogue (a test holds the two equal)."""

    en = "en"
    es = "es"
    fr = "fr"
    de = "de"


# Typer refuses any other value, naming the choices: "'xx' is not one of 'en', 'es', 'fr', 'de'".
LANGUAGE_OPTION = typer.Option(
    None,
    "--language",
    help="The language to write in; default: the owner's profile language, else English.",
)

tests_app = command_group("Record and list tests done or to discuss.")


class ReportFormat(StrEnum):
    html = "html"
    pdf = "pdf"


def _bounds(
    owner: User, since: str | None, until: str | None
) -> tuple[datetime | None, datetime | None]:
    tz = zone(owner.time_zone)
    try:
        start = parse_bound(since, tz=tz, end=False) if since else None
        end = parse_bound(until, tz=tz, end=True) if until else None
    except ValueError:
        fail("--since and --until take a date (2026-03-01) or an ISO 8601 date-time")
    return start, end


def document_language(owner: User, chosen: str | None) -> str:
    """Return the language to write the owner's document in: the one chosen, else the owner's
    profile language, else English."""
    from lems_companion.i18n import choose_language

    return choose_language(chosen or owner.language, None, None)


def analysis_for(
    url: str, email: str, since: str | None, until: str | None, language: str | None = None
) -> tuple[Analysis, str]:
    """Return the analysis of this user's diary in the period and the language it is worded in
    (``document_language``). Reads the database."""
    from lems_companion.analysis.patterns import analyze
    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.reports.service import load_period

    upgrade(url)
    with session_scope(url) as db:
        owner = require_user(db, email)
        start, end = _bounds(owner, since, until)
        data = load_period(db, owner=owner, since=start, until=end)
        worded_in = document_language(owner, language)
    analysis = analyze(data.entries, flags=data.flags, since=start, until=end, language=worded_in)
    return analysis, worded_in


def report_for(
    url: str, email: str, since: str | None, until: str | None, language: str | None = None
) -> Report:
    """Return the clinician report of this user's diary in the period, in the language
    ``document_language`` gives. Reads the database."""
    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.reports.service import owner_report

    upgrade(url)
    with session_scope(url) as db:
        owner = require_user(db, email)
        start, end = _bounds(owner, since, until)
        return owner_report(
            db,
            owner=owner,
            since=start,
            until=end,
            language=document_language(owner, language),
        )


def analyze_command(
    ctx: typer.Context,
    user: str = USER_OPTION,
    since: str | None = SINCE_OPTION,
    until: str | None = UNTIL_OPTION,
    as_json: bool = typer.Option(
        False, "--json", help="Print the analysis as a JSON object (keys in docs/analysis.md)."
    ),
    language: DocumentLanguage | None = LANGUAGE_OPTION,
) -> None:
    """Describe patterns in the diary: facilitation, time of day, groups, weight, medication."""
    from lems_companion.diary.flags import flag_name

    settings = settings_from(ctx)
    result, worded_in = analysis_for(
        settings.resolved_database_url, user, since, until, language.value if language else None
    )
    if as_json:
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
        return
    for flag in result.red_flags:
        # "RED FLAG (level)" stays as it is in every language, for those who search the output.
        name = flag_name(flag.id, worded_in)
        print(f"RED FLAG ({flag.level}) {name}: {flag.recorded_at:%Y-%m-%d} {flag.evidence}")
    for item in result.observations:
        print(f"- {item.text}")
    print(result.disclaimer)


def report_command(
    ctx: typer.Context,
    user: str = USER_OPTION,
    format_: ReportFormat = typer.Option(ReportFormat.pdf, "--format", help="html or pdf."),
    since: str | None = SINCE_OPTION,
    until: str | None = UNTIL_OPTION,
    output: Path = typer.Option(..., "-o", "--output", help="The file to write."),
    language: DocumentLanguage | None = LANGUAGE_OPTION,
) -> None:
    """Write the clinician report (HTML or PDF, with charts) for a period of the diary."""
    from lems_companion.reports.report import render_report_html, render_report_pdf

    settings = settings_from(ctx)
    report = report_for(
        settings.resolved_database_url, user, since, until, language.value if language else None
    )
    try:
        if format_ is ReportFormat.pdf:
            output.write_bytes(render_report_pdf(report))
        else:
            output.write_text(render_report_html(report), encoding="utf-8")
    except OSError as error:
        fail(f"cannot write {output}: {error}")
    print(f"wrote the {format_.value.upper()} report to {output}", file=sys.stderr)


@tests_app.command("add")
def tests_add(
    ctx: typer.Context,
    user: str = USER_OPTION,
    kind: str = typer.Option(..., "--kind", help="One of: " + ", ".join(KIND_IDS) + "."),
    pending: bool = typer.Option(False, "--pending", help="Not done yet: shown as 'to discuss'."),
    done_on: str | None = typer.Option(None, "--date", help="When it was done (2026-03-01)."),
    result: str | None = typer.Option(None, "--result", help="The result, in words."),
    increment: float | None = typer.Option(
        None, "--increment", help="Electrodiagnostic study: CMAP increment in percent."
    ),
    note: str | None = typer.Option(None, "--note", help="Anything else."),
) -> None:
    """Record a test done (with date and result) or one to discuss."""
    from pydantic import ValidationError

    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.diary.schemas import describe_errors
    from lems_companion.investigations.schemas import InvestigationCreate
    from lems_companion.investigations.service import add_investigation
    from lems_companion.investigations.service import to_public as investigation_public

    settings = settings_from(ctx)
    try:
        data = InvestigationCreate.model_validate(
            {
                "kind": kind,
                "status": "pending" if pending else "done",
                "done_on": date.fromisoformat(done_on) if done_on else None,
                "result": result,
                "increment_percent": increment,
                "note": note,
            }
        )
    except ValidationError as error:
        fail("the test was not stored:\n  " + "\n  ".join(describe_errors(error)))
    except ValueError:
        fail("--date takes a date such as 2026-03-01")
    upgrade(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as db:
        owner = require_user(db, user)
        stored = investigation_public(add_investigation(db, owner=owner, data=data))
    print(json.dumps(stored.model_dump(mode="json"), indent=2, ensure_ascii=False))


@tests_app.command("list")
def tests_list(
    ctx: typer.Context,
    user: str = USER_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """List the tests recorded, pending ones ('to discuss') first."""
    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.investigations.service import list_investigations
    from lems_companion.investigations.service import to_public as investigation_public

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as db:
        owner = require_user(db, user)
        items = [investigation_public(row) for row in list_investigations(db, owner=owner)]
    if as_json:
        print(json.dumps([item.model_dump(mode="json") for item in items], indent=2))
        return
    for item in items:
        state = "to discuss" if item.status == "pending" else f"done {item.done_on or ''}".strip()
        extra = f", increment {item.increment_percent:g}%" if item.increment_percent else ""
        print(
            f"{item.id:>5}  {item.label}: {state}{extra}{', ' + item.result if item.result else ''}"
        )
    print(f"{len(items)} tests")
