"""``lems triage``: red-flag triage of a free-text note, or of a JSON-lines file of notes.

``--json`` prints one object with exactly ``level``, ``flags`` (each ``id``, ``level``,
``evidence``, ``start``, ``end``), ``advice``, ``language`` (ISO 639-1) and ``checked`` (False
when the note is in a language triage cannot check); ``--jsonl FILE`` prints one such object per
input line, in order. ``--author`` says who wrote the note (patient, caregiver or unknown); a
JSON line may carry its own ``"author"`` and ``"language"``. A bad input line is refused before
anything is printed, naming its number, with exit status 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class NoteInput:
    """One note to triage, with who wrote it and its language when the input says so."""

    text: str
    author: str | None = None
    language: str | None = None


def read_records(lines: Iterable[str]) -> list[NoteInput]:
    """Return every non-blank line's note; BadLine naming the first bad line's number."""
    from lems_companion.triage import AUTHORS

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
        author, language = record.get("author"), record.get("language")
        if author is not None and author not in AUTHORS:
            raise BadLine(f'line {number}: "author" must be one of {", ".join(AUTHORS)}')
        if language is not None and not isinstance(language, str):
            raise BadLine(f'line {number}: "language" must be a string such as "en"')
        notes.append(NoteInput(record["text"], author=author, language=language))
    return notes


def read_notes(lines: Iterable[str]) -> list[str]:
    """Return the text of every non-blank line; BadLine naming the first bad line's number."""
    return [note.text for note in read_records(lines)]


def triage_notes(
    notes: Iterable[str | NoteInput],
    *,
    author: str = "patient",
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER,
) -> list[dict[str, Any]]:
    """Return the public triage object of each note, in order; a note's own author wins."""
    from lems_companion.triage import triage_text

    results = []
    for note in notes:
        item = note if isinstance(note, NoteInput) else NoteInput(note)
        result = triage_text(
            item.text,
            author=item.author or author,
            language=item.language,
            emergency_number=emergency_number,
        )
        results.append(result.as_public())
    return results


def summary(result: TriageResult) -> str:
    """Return a readable summary of a triage result: level, flags with evidence, advice."""
    lines = [f"Level: {result.level.upper()}"]
    if not result.checked:
        lines.append(f"Note not checked: language {result.language!r} is not one triage reads.")
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
        False,
        "--json",
        help="Print one JSON object (level, flags, advice, language, checked) instead of a "
        "summary.",
    ),
    jsonl: Path | None = typer.Option(
        None,
        "--jsonl",
        help='Triage a JSON-lines file of {"text": ...} objects, each optionally with "author" '
        'and "language" ("-" for standard input); prints one JSON object per line, in order.',
        show_default=False,
    ),
    emergency_number: str = typer.Option(
        DEFAULT_EMERGENCY_NUMBER,
        "--emergency-number",
        help="The local emergency number quoted in emergency advice.",
    ),
    author: str = typer.Option(
        "patient",
        "--author",
        help="Who wrote the note: patient, caregiver or unknown (a JSON line's own "
        '"author" wins).',
    ),
) -> None:
    """Triage a note for red flags (emergency, prompt, routine or none). Information, not
    diagnosis."""
    from lems_companion.triage import AUTHORS, triage_text

    if author not in AUTHORS:
        _fail(f"--author must be one of {', '.join(AUTHORS)}", code=2)
    if jsonl is not None:
        if text is not None:
            _fail("give either a note or --jsonl FILE, not both", code=2)
        _triage_jsonl(jsonl, author=author, emergency_number=emergency_number)
        return
    if text is None:
        _fail('give a note to triage, "-" to read it from standard input, or --jsonl FILE', code=2)
    note: str = sys.stdin.read() if text == STDIN else text
    result = triage_text(note, author=author, emergency_number=emergency_number)
    typer.echo(json.dumps(result.as_public(), ensure_ascii=False) if as_json else summary(result))


def _triage_jsonl(path: Path, *, author: str, emergency_number: str) -> None:
    """Print one triage object per note of the JSON-lines file; exit 1 on a bad line."""
    try:
        if str(path) == STDIN:
            notes = read_records(sys.stdin)
        else:
            with path.open(encoding="utf-8") as handle:
                notes = read_records(handle)
    except BadLine as error:
        _fail(f"{path}: {error}")
    except (OSError, UnicodeDecodeError) as error:
        _fail(f"cannot read {path}: {error}")
    for record in triage_notes(notes, author=author, emergency_number=emergency_number):
        typer.echo(json.dumps(record, ensure_ascii=False))


def _fail(message: str, *, code: int = BAD_INPUT) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)
