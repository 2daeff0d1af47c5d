"""Measure free-text triage on a labelled set of notes: recall and false alarms per language.

Run: PYTHONPATH=src .venv/bin/python bench/triage_accuracy.py [FILE.jsonl] [--misses]
Each line of FILE: {"text", "level", "flags", optional "language", "author", "class", "id"}.
Prints, per language: emergency recall (emergency notes triaged emergency), prompt recall (prompt
notes triaged prompt or higher), false alarms (quiet notes, routine or none, triaged prompt or
higher), exact level agreement and exact flag agreement. ``--misses`` lists every note whose
level or flags differ. It is a development tool: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from lems_companion.triage import triage_text
from lems_companion.triage.flags import LEVEL_RANK

DEV_SET = Path("/work/devsets/dev_notes.jsonl")
QUIET = ("routine", "none")


@dataclass
class Tally:
    """Counts for one language (or all of them)."""

    emergency: int = 0
    emergency_caught: int = 0
    prompt: int = 0
    prompt_caught: int = 0
    quiet: int = 0
    false_alarms: int = 0
    total: int = 0
    level_right: int = 0
    flags_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, note: dict[str, Any], level: str, flags: list[str]) -> None:
        """Count one note's result against its label."""
        want = note["level"]
        self.total += 1
        self.level_right += level == want
        self.flags_right += sorted(flags) == sorted(note.get("flags", []))
        if want == "emergency":
            self.emergency += 1
            self.emergency_caught += level == "emergency"
        elif want == "prompt":
            self.prompt += 1
            self.prompt_caught += LEVEL_RANK[level] >= LEVEL_RANK["prompt"]
        else:
            self.quiet += 1
            self.false_alarms += LEVEL_RANK[level] >= LEVEL_RANK["prompt"]

    def figures(self) -> dict[str, float]:
        """Return the rates, in percent (100 for an empty class)."""

        def rate(part: int, whole: int, empty: float) -> float:
            return round(100 * part / whole, 1) if whole else empty

        return {
            "emergency_recall": rate(self.emergency_caught, self.emergency, 100.0),
            "prompt_recall": rate(self.prompt_caught, self.prompt, 100.0),
            "false_alarms": rate(self.false_alarms, self.quiet, 0.0),
            "level_exact": rate(self.level_right, self.total, 100.0),
            "flags_exact": rate(self.flags_right, self.total, 100.0),
        }


def load(path: Path) -> list[dict[str, Any]]:
    """Return the labelled notes of a JSON-lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


# Every note set so far was written on this day, and its durations ("a cough since St Martin's
# day") and six-month weight windows count from it (tests/triage/notes/README.md).
WRITTEN_ON = date(2026, 12, 1)


def _triage(note: dict[str, Any]) -> Any:
    try:
        return triage_text(note["text"], author=note.get("author", "patient"), today=WRITTEN_ON)
    except TypeError:  # the code before issue 13 takes no author; kept measurable for the report
        return triage_text(note["text"])


def measure(notes: Iterable[dict[str, Any]]) -> tuple[dict[str, Tally], list[str]]:
    """Return a tally per language (and "all") and a line for every note triaged wrongly."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    misses = []
    for note in notes:
        result = _triage(note)
        language = note.get("language", "en")
        for key in (language, "all"):
            tallies[key].add(note, result.level, result.flag_ids)
        if result.level != note["level"] or sorted(result.flag_ids) != sorted(note["flags"]):
            misses.append(
                f"{note.get('id', '?')} [{language}/{note.get('author', 'patient')}/"
                f"{note.get('class', '')}] want {note['level']} {sorted(note['flags'])} got "
                f"{result.level} {sorted(result.flag_ids)}: {note['text']!r}"
            )
    return dict(tallies), misses


def main() -> None:
    """Print the figures per language, and the misses when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEV_SET, help="labelled notes")
    parser.add_argument("--misses", action="store_true", help="list every note triaged wrongly")
    args = parser.parse_args()
    tallies, misses = measure(load(args.file))
    print(f"{'language':8} {'n':>4} {'emerg.rec':>9} {'prompt.rec':>10} {'false.al':>8} "
          f"{'level=':>7} {'flags=':>7}")  # fmt: skip
    for language in sorted(tallies, key=lambda key: (key == "all", key)):
        tally = tallies[language]
        figures = tally.figures()
        print(
            f"{language:8} {tally.total:>4} {figures['emergency_recall']:>9} "
            f"{figures['prompt_recall']:>10} {figures['false_alarms']:>8} "
            f"{figures['level_exact']:>7} {figures['flags_exact']:>7}"
        )
    if args.misses:
        print("\n".join(misses), file=sys.stdout)


if __name__ == "__main__":
    main()
