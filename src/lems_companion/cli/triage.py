"""``lems triage``: red-flag triage of a free-text note, or of a JSON-lines file of notes.

``--json`` prints one object with exactly ``level``, ``flags`` (each ``id``, ``level``,
``evidence``, ``start``, ``end``) and ``advice``; ``--jsonl FILE`` prints one such object per
input line, in order. A bad input line is refused before anything is printed, naming its number,
with exit status 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

if TYPE_CHECKING:
    from lems_companion.triage import TriageResult

# The default of --emergency-number: triage.DEFAULT_EMERGENCY_NUMBER (a test holds them equal),
# named here so that the command's help does not load triage.
DEFAULT_EMERGENCY_NUMBER = "112"
BAD_INPUT = 1
STDIN = "-"
DISCLAIMER = "Information, not diagnosis: if you are worried, contact a doctor."


class BadLine(ValueError):
    """A JSON-lines input line that is not an object with a text string."""


def read_notes(lines: Iterable[str]) -> list[str]:
    """Return the note of every non-blank line; BadLine naming the first bad line's number."""
    notes = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise BadLine(f"line {number}: not valid JSON ({error.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise BadLine(f'line {number}: expected an object with a "text" string')
        notes.append(record["text"])
    return notes


def triage_notes(
    notes: Iterable[str], *, emergency_number: str = DEFAULT_EMERGENCY_NUMBER
) -> list[dict[str, Any]]:
    """Return the public triage object of each note, in order."""
    from lems_companion.triage import triage_text

    return [triage_text(note, emergency_number=emergency_number).as_public() for note in notes]


def summary(result: TriageResult) -> str:
    """Return a readable summary of a triage result: level, flags with evidence, advice."""
    lines = [f"Level: {result.level.upper()}"]
    for hit in result.flags:
        where = f" (characters {hit.start}-{hit.end})" if hit.start is not None else ""
        lines.append(f'  [{hit.level}] {hit.id}: "{hit.evidence}"{where}')
    lines.append("What to do:")
    lines += [f"  - {advice}" for advice in result.advice]
    lines.append(DISCLAIMER)
    return "\n".join(lines)


def triage(
    text: str | None = typer.Argument(
        None, help='The note to triage; "-" reads it from standard input.', show_default=False
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print one JSON object (level, flags, advice) instead of a summary."
    ),
    jsonl: Path | None = typer.Option(
        None,
        "--jsonl",
        help='Triage a JSON-lines file of {"text": ...} objects ("-" for standard input); '
        "prints one JSON object per line, in order.",
        show_default=False,
    ),
    emergency_number: str = typer.Option(
        DEFAULT_EMERGENCY_NUMBER,
        "--emergency-number",
        help="The local emergency number quoted in emergency advice.",
    ),
) -> None:
    """Triage a note for red flags (emergency, prompt, routine or none). Information, not
    diagnosis."""
    if jsonl is not None:
        if text is not None:
            _fail("give either a note or --jsonl FILE, not both", code=2)
        _triage_jsonl(jsonl, emergency_number=emergency_number)
        return
    if text is None:
        _fail('give a note to triage, "-" to read it from standard input, or --jsonl FILE', code=2)
    note: str = sys.stdin.read() if text == STDIN else text
    from lems_companion.triage import triage_text

    result = triage_text(note, emergency_number=emergency_number)
    typer.echo(json.dumps(result.as_public(), ensure_ascii=False) if as_json else summary(result))


def _triage_jsonl(path: Path, *, emergency_number: str) -> None:
    """Print one triage object per note of the JSON-lines file; exit 1 on a bad line."""
    try:
        if str(path) == STDIN:
            notes = read_notes(sys.stdin)
        else:
            with path.open(encoding="utf-8") as handle:
                notes = read_notes(handle)
    except BadLine as error:
        _fail(f"{path}: {error}")
    except (OSError, UnicodeDecodeError) as error:
        _fail(f"cannot read {path}: {error}")
    for record in triage_notes(notes, emergency_number=emergency_number):
        typer.echo(json.dumps(record, ensure_ascii=False))


def _fail(message: str, *, code: int = BAD_INPUT) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)
