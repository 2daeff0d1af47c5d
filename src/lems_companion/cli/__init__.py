"""The ``lems`` command: one verb per job; each verb calls a function tests can call directly."""

from __future__ import annotations

import typer

app = typer.Typer(
    help="LEMS Companion: symptom diary, red-flag triage and clinician reports. "
    "Information, not diagnosis.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Sub-commands are registered below, one line each.


def main() -> None:
    """Run the ``lems`` command line."""
    app()
