"""Jinja2 set-up shared by every page: the catalogue, labels and the disclaimer."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from fastapi.templating import Jinja2Templates

from lems_companion import catalogue
from lems_companion.dates import zone
from lems_companion.diary.acknowledgements import Acknowledgement
from lems_companion.diary.authors import shown_written_by
from lems_companion.diary.schemas import CONTEXT_LABELS, IMPROVED_LABELS
from lems_companion.tools.records import medication_warnings
from lems_companion.triage.flags import FLAGS
from lems_companion.web.forms import error_id, field_anchor, field_label, symptom_sections

TEMPLATES_DIR = Path(__file__).with_name("templates")

# Spec section 1: every page says the app informs and does not diagnose.
DISCLAIMER = (
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


templates = Jinja2Templates(directory=TEMPLATES_DIR)
templates.env.globals.update(
    catalogue=catalogue,
    severity_labels=catalogue.SEVERITY_LABELS,
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
)
templates.env.filters["local"] = local_time
templates.env.filters["written_by"] = shown_written_by
templates.env.filters["seen_lines"] = seen_lines
