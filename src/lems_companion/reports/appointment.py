"""Appointment preparation (clinical spec section 4): the diary turned into what to say and ask.

A short factual summary in the patient's own words (how often, which muscles, what improves
it), the tests to ask about, the wording of a request for screening and referral, and when and
how to seek a second opinion. Facts only, in the first person; never a diagnosis. In the
patient's language (issue 20), numbers and dates as that language writes them (Babel).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date

from lems_companion.analysis.patterns import Analysis, in_period
from lems_companion.diary.flags import FlagPublic
from lems_companion.diary.schemas import EntryPublic
from lems_companion.i18n import (
    DEFAULT_LANGUAGE,
    format_day,
    format_number,
    gettext_in,
    in_sentence,
)
from lems_companion.investigations.schemas import KINDS, InvestigationPublic, Kind
from lems_companion.reports.report import referral_request, screening_request, second_opinion

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
    screening_request: str
    referral_request: str
    second_opinion: str


@dataclass(frozen=True, slots=True)
class AppointmentText:
    """The texts the patient edited on the appointment page before printing (never stored)."""

    summary: str
    screening_request: str
    referral_request: str


def text_labels(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Return what each editable text is called on the page, for error messages."""
    t = gettext_in(language)
    return {
        "summary": t.gettext("What I have noticed"),
        "screening_request": t.gettext("Asking for screening"),
        "referral_request": t.gettext("Asking for a referral"),
    }


def text_errors(text: AppointmentText, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """Return a message for each edited text that is too long to print; empty when all fit."""
    errors = []
    too_long = gettext_in(language).gettext(
        "%(label)s: %(length)s characters is too long; shorten it to at most %(limit)s."
    )
    for field, label in text_labels(language).items():
        length = len(_plain(getattr(text, field)))
        if length > MAX_TEXT_CHARS:
            errors.append(
                too_long
                % {
                    "label": label,
                    "length": format_number(length, language),
                    "limit": format_number(MAX_TEXT_CHARS, language),
                }
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


def summary(analysis: Analysis, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """Return first-person sentences describing the diary; one saying so when it is empty.
    Symptom names are the catalogue's."""
    t = gettext_in(language)

    def long_day(moment: date) -> str:
        return format_day(moment, language, "d MMMM y")

    period = analysis.period
    if not period.entries or period.first_entry is None or period.last_entry is None:
        return [t.gettext("I have not recorded any diary entries yet.")]
    days = (period.last_entry.date() - period.first_entry.date()).days + 1
    lines = [
        t.gettext(
            "I kept a symptom diary for %(days)s days, from %(first)s to %(last)s, with "
            "%(entries)s entries."
        )
        % {
            "days": days,
            "first": long_day(period.first_entry),
            "last": long_day(period.last_entry),
            "entries": period.entries,
        }
    ]
    symptoms = sorted(
        (item for group in analysis.groups.by_group for item in group.symptoms),
        key=lambda item: -item.entries_with,
    )[:SUMMARY_SYMPTOMS]
    for item in symptoms:
        lines.append(
            t.gettext(
                "I noted %(symptom)s in %(count)s of %(entries)s entries (at worst %(worst)s)."
            )
            % {
                "symptom": in_sentence(item.label, language),
                "count": item.entries_with,
                "entries": period.entries,
                "worst": _severity(item.max_severity, language),
            }
        )
    regions = analysis.groups.limb_regions
    if regions["proximal"] or regions["distal"]:
        lines.append(
            t.gettext(
                "The weakness was in my hips, thighs or shoulders in %(proximal)s entries and in "
                "my hands or feet in %(distal)s."
            )
            % {"proximal": regions["proximal"], "distal": regions["distal"]}
        )
    tod = analysis.time_of_day
    if tod.pattern == "varies" and tod.worst:
        lines.append(
            t.gettext("The weakness is usually worst %(period)s.")
            % {"period": in_period(tod.worst, language)}
        )
    elif tod.pattern == "constant":
        lines.append(t.gettext("The weakness is about the same at every time of day."))
    moved = tod.improved_after_moving
    answered = sum(moved.values())
    if answered:
        lines.append(
            t.gettext(
                "My strength improved after moving for a few minutes %(yes)s of the %(answered)s "
                "times I noted it."
            )
            % {"yes": moved["yes"], "answered": answered}
        )
    facil = analysis.facilitation
    if facil.enough_data and facil.sessions_showing:
        lines.append(
            t.gettext(
                "In my home tests, the later efforts were better than the first in %(showing)s "
                "of %(sessions)s sessions."
            )
            % {"showing": facil.sessions_showing, "sessions": facil.sessions}
        )
    for change in analysis.medication_changes:
        if change.enough_data and change.event == "started":
            lines.append(
                t.gettext(
                    "After I started %(medicine)s on %(day)s, my weakness averaged %(after)s out "
                    "of 3, compared with %(before)s in the two weeks before."
                )
                % {
                    "medicine": change.medicine,
                    "day": long_day(change.on),
                    "after": format_number(change.after["mean_weakness"], language, "0.0"),
                    "before": format_number(change.before["mean_weakness"], language, "0.0"),
                }
            )
    weight = analysis.weight
    if weight.weight_loss_flag and weight.largest_loss_within_6_months:
        loss = weight.largest_loss_within_6_months
        lines.append(
            t.gettext(
                "I lost %(kg)s kg (%(percent)s%% of my weight) in %(days)s days without meaning to."
            )
            % {
                "kg": format_number(loss.kg, language),
                "percent": format_number(loss.percent, language),
                "days": loss.days,
            }
        )
    return lines


def _severity(value: int, language: str) -> str:
    t = gettext_in(language)
    return {1: t.gettext("mild"), 2: t.gettext("moderate"), 3: t.gettext("severe")}.get(
        value, t.gettext("none")
    )


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
    language: str = DEFAULT_LANGUAGE,
) -> Appointment:
    """Return the appointment preparation for this diary, its analysis and the tracked tests,
    in the patient's language; ``others`` are the entries someone other than the patient wrote
    (not quoted as theirs)."""
    return Appointment(
        summary=summary(analysis, language),
        notes=recent_notes(entries, others=others),
        tests=test_statuses(investigations),
        red_flags=list(analysis.red_flags),
        screening_request=screening_request(language),
        referral_request=referral_request(language),
        second_opinion=second_opinion(language),
    )
