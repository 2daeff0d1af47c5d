"""The ``lems`` command: one verb per job; each verb calls a function tests can call directly.

The modules below import only Typer and the standard library when loaded; each command imports
what it needs when it runs (cli/common.py says why), so ``lems --help`` starts quickly.
"""

from __future__ import annotations

import typer
from pydantic import ValidationError

from lems_companion.cli import account as account_cli
from lems_companion.cli import backup as backup_cli
from lems_companion.cli import content as content_cli
from lems_companion.cli import diary as diary_cli
from lems_companion.cli import interop as interop_cli
from lems_companion.cli import report as report_cli
from lems_companion.cli import score as score_cli
from lems_companion.cli import server as server_cli
from lems_companion.cli import share as share_cli
from lems_companion.cli import triage as triage_cli
from lems_companion.cli import users as users_cli
from lems_companion.cli.common import build_settings, command_group
from lems_companion.logs import configure_logging
from lems_companion.settings import Settings

app = command_group(
    "LEMS Companion: symptom diary, red-flag triage and clinician reports. "
    "Information, not diagnosis.",
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    ctx: typer.Context,
    db: str | None = typer.Option(
        None,
        "--db",
        help="Database URL (overrides LEMS_DATABASE_URL); default SQLite in the user data folder.",
    ),
) -> None:
    ctx.obj = build_settings(db)


# Sub-commands are registered below, one line each.
app.command("serve")(server_cli.serve)
app.command("demo")(server_cli.demo)
app.add_typer(server_cli.db_app, name="db")
app.add_typer(users_cli.app, name="user")
app.add_typer(diary_cli.app, name="diary")
app.add_typer(score_cli.app, name="score")
app.command("triage")(triage_cli.triage)
app.command("analyze")(report_cli.analyze_command)
app.command("report")(report_cli.report_command)
app.add_typer(report_cli.tests_app, name="tests")
app.command("export")(interop_cli.export)
app.command("import")(interop_cli.import_)
app.command("backup")(backup_cli.backup)
app.command("restore")(backup_cli.restore)
app.add_typer(account_cli.app, name="account")
app.add_typer(content_cli.app, name="content")
app.add_typer(share_cli.app, name="share")


def main() -> None:
    """Run the ``lems`` command line, its security events logged to standard error."""
    # Here, not in the callback: tests run `app` through CliRunner, whose output should hold
    # only what the command prints. Bad settings are reported by the callback, so text here.
    try:
        log_format = Settings().log_format
    except ValidationError:
        log_format = "text"
    configure_logging(log_format)
    app()
