"""Appointment preparation (clinical spec section 4): the diary turned into what to say and ask.

A short factual summary in the patient's own words (how often, which muscles, what improves
it), the tests to ask about, the wording of a request for screening and referral, and when and
how to seek a second opinion. Facts only, in the first person; never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from lems_companion.analysis.patterns import Analysis
from lems_companion.diary.flags import FlagPublic
from lems_companion.diary.schemas import EntryPublic
from lems_companion.investigations.schemas import KINDS, InvestigationPublic, Kind
from lems_companion.reports.report import REFERRAL_REQUEST, SCREENING_REQUEST, SECOND_OPINION

# How many symptoms the summary names (the most often recorded first) and how many of the
# patient's own notes it quotes: enough to describe, short enough to read out in a consultation.
SUMMARY_SYMPTOMS = 5
QUOTED_NOTES = 3

# The longest text the patient may send for printing, per field: about two printed pages, far
# more than a consultation needs, and a bound on what one request may make the server render.
MAX_TEXT_CHARS = 5000


@dataclass(frozen=True, slots=True)
class TestStatus:
    """A test to ask about (spec section 4) and what the tracker says about it."""

    kind: Kind
    status: str  # "done", "pending" (to discuss) or "not recorded"
    recorded: InvestigationPublic | None


@dataclass(frozen=True, slots=True)
class Appointment:
    """What the appointment preparation page and printout show."""

    summary: list[str]
    notes: list[str]
    tests: list[TestStatus]
    # Every red flag of the period, most urgent first, each shown by its plain name and level.
    red_flags: list[FlagPublic]
    screening_request: str = SCREENING_REQUEST
    referral_request: str = REFERRAL_REQUEST
    second_opinion: str = SECOND_OPINION


@dataclass(frozen=True, slots=True)
class AppointmentText:
    """The texts the patient edited on the appointment page before printing (never stored)."""

    summary: str
    screening_request: str
    referral_request: str


# What each editable text is called on the page, for error messages.
TEXT_LABELS = {
    "summary": "What I have noticed",
    "screening_request": "Asking for screening",
    "referral_request": "Asking for a referral",
}


def text_errors(text: AppointmentText) -> list[str]:
    """Return a message for each edited text that is too long to print; empty when all fit."""
    errors = []
    for field, label in TEXT_LABELS.items():
        length = len(_plain(getattr(text, field)))
        if length > MAX_TEXT_CHARS:
            errors.append(
                f"{label}: {length:,} characters is too long; shorten it to at most "
                f"{MAX_TEXT_CHARS:,}."
            )
    return errors


def with_text(appointment: Appointment, text: AppointmentText) -> Appointment:
    """Return the appointment with the patient's edited texts in place of the generated ones."""
    return replace(
        appointment,
        summary=[line.strip() for line in _plain(text.summary).split("\n") if line.strip()],
        screening_request=_plain(text.screening_request).strip(),
        referral_request=_plain(text.referral_request).strip(),
    )


def _plain(value: str) -> str:
    # Browsers send line breaks as CRLF; count and split them as one character, as the
    # textarea's maxlength does, so a text the page accepted is never refused for its length.
    return value.replace("\r\n", "\n").replace("\r", "\n")


def summary(analysis: Analysis) -> list[str]:
    """Return first-person sentences describing the diary; one saying so when it is empty."""
    period = analysis.period
    if not period.entries or period.first_entry is None or period.last_entry is None:
        return ["I have not recorded any diary entries yet."]
    days = (period.last_entry.date() - period.first_entry.date()).days + 1
    lines = [
        f"I kept a symptom diary for {days} days, from {period.first_entry:%d %B %Y} to "
        f"{period.last_entry:%d %B %Y}, with {period.entries} entries."
    ]
    symptoms = sorted(
        (item for group in analysis.groups.by_group for item in group.symptoms),
        key=lambda item: -item.entries_with,
    )[:SUMMARY_SYMPTOMS]
    for item in symptoms:
        lines.append(
            f"I noted {item.label.lower()} in {item.entries_with} of {period.entries} entries "
            f"(at worst {_severity(item.max_severity)})."
        )
    regions = analysis.groups.limb_regions
    if regions["proximal"] or regions["distal"]:
        lines.append(
            f"The weakness was in my hips, thighs or shoulders in {regions['proximal']} entries "
            f"and in my hands or feet in {regions['distal']}."
        )
    tod = analysis.time_of_day
    if tod.pattern == "varies" and tod.worst:
        lines.append(f"The weakness is usually worst in the {tod.worst}.")
    elif tod.pattern == "constant":
        lines.append("The weakness is about the same at every time of day.")
    moved = tod.improved_after_moving
    answered = sum(moved.values())
    if answered:
        lines.append(
            f"My strength improved after moving for a few minutes {moved['yes']} of the "
            f"{answered} times I noted it."
        )
    facil = analysis.facilitation
    if facil.enough_data and facil.sessions_showing:
        lines.append(
            f"In my home tests, the later efforts were better than the first in "
            f"{facil.sessions_showing} of {facil.sessions} sessions."
        )
    for change in analysis.medication_changes:
        if change.enough_data and change.event == "started":
            lines.append(
                f"After I started {change.medicine} on {change.on:%d %B %Y}, my weakness "
                f"averaged {change.after['mean_weakness']:.1f} out of 3, compared with "
                f"{change.before['mean_weakness']:.1f} in the two weeks before."
            )
    weight = analysis.weight
    if weight.weight_loss_flag and weight.largest_loss_within_6_months:
        loss = weight.largest_loss_within_6_months
        lines.append(
            f"I lost {loss.kg:g} kg ({loss.percent:g}% of my weight) in {loss.days} days without "
            "meaning to."
        )
    return lines


def _severity(value: int) -> str:
    return {1: "mild", 2: "moderate", 3: "severe"}.get(value, "none")


def recent_notes(entries: Sequence[EntryPublic], *, others: Collection[int] = ()) -> list[str]:
    """Return the most recent distinct notes in the patient's words, newest first; may be empty.

    ``others`` are the ids of entries someone else wrote (a caregiver): their notes are not the
    patient's words, so they are never quoted as such."""
    seen: list[str] = []
    for entry in reversed(entries):
        if entry.id in others:
            continue
        if entry.note and entry.note not in seen:
            seen.append(entry.note)
        if len(seen) == QUOTED_NOTES:
            break
    return seen


def test_statuses(investigations: Sequence[InvestigationPublic]) -> list[TestStatus]:
    """Return each test to ask about (spec section 4) with its status in the tracker."""
    result = []
    for kind in KINDS:
        if not kind.ask_about:
            continue
        own = [item for item in investigations if item.kind == kind.id]
        done = next((item for item in own if item.status == "done"), None)
        pending = next((item for item in own if item.status == "pending"), None)
        if done:
            result.append(TestStatus(kind=kind, status="done", recorded=done))
        elif pending:
            result.append(TestStatus(kind=kind, status="pending", recorded=pending))
        else:
            result.append(TestStatus(kind=kind, status="not recorded", recorded=None))
    return result


def build_appointment(
    entries: Sequence[EntryPublic],
    analysis: Analysis,
    investigations: Sequence[InvestigationPublic],
    *,
    others: Collection[int] = (),
) -> Appointment:
    """Return the appointment preparation for this diary, its analysis and the tracked tests;
    ``others`` are the entries someone other than the patient wrote (not quoted as theirs)."""
    return Appointment(
        summary=summary(analysis),
        notes=recent_notes(entries, others=others),
        tests=test_statuses(investigations),
        red_flags=list(analysis.red_flags),
    )
