"""The clinician tools inside the app: form input, saved results, the screening overview and the
medication warnings shown with diary entries.

The tools themselves are pure functions in ``lems_companion.tools`` (documented in
docs/clinical-tools.md); this module turns what a web form sends into their validated inputs,
describes a saved result in one line, and matches scans from the test tracker to the screening
plan. No storage, no clock: callers pass today's date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, Protocol, cast

from pydantic import BaseModel, ConfigDict, SkipValidation, ValidationError

from lems_companion.dates import diagnosis_window, parse_day
from lems_companion.diary.schemas import MAX_MEDICATION_NAME_CHARS
from lems_companion.i18n import (
    DEFAULT_LANGUAGE,
    N_,
    Said,
    Sentences,
    format_number,
    gettext_in,
    message_of,
    problem_message,
)
from lems_companion.inputs import whole_number
from lems_companion.investigations.schemas import MAX_RESULT_CHARS
from lems_companion.rules.delta_p import VALIDATION_SOURCE, DeltaPInput, DeltaPResult, score_delta_p
from lems_companion.rules.edx import EdxInput, EdxResult, read_edx
from lems_companion.rules.edx_cutoffs import (
    DECREMENT_CUTOFF_PERCENT,
    INCREMENT_CUTOFF_60_PERCENT,
    INCREMENT_CUTOFF_100_PERCENT,
)
from lems_companion.rules.medicines import (
    AMIFAMPRIDINE_LABEL_SOURCE,
    AMIFAMPRIDINE_MAX_DAILY_MG,
    AMIFAMPRIDINE_MAX_SINGLE_DOSE_MG,
    AMIFAMPRIDINE_TINGLING,
    US_LOW_WEIGHT_KG,
    Contraindication,
    LicenceRegion,
    MedicineCaution,
    SideEffectNote,
    amifampridine_contraindications,
    amifampridine_limits,
    cautions_for,
    is_amifampridine,
    mentions_amifampridine_tingling,
)
from lems_companion.rules.screening import (
    DELTA_P_MAX_SCORE,
    ItemProgress,
    RecordedScan,
    ScanResult,
    ScanTest,
    ScreeningPlan,
    build_plan,
    track_progress,
)
from lems_companion.tools import DISCLAIMER

ToolKind = Literal["delta_p", "edx", "medicine"]
TOOL_KINDS: tuple[ToolKind, ...] = ("delta_p", "edx", "medicine")
TOOL_LABELS: dict[str, str] = {
    "delta_p": N_("DELTA-P score"),
    "edx": N_("EDX increment calculator"),
    "medicine": N_("Medicine check"),
}
TOOL_DISCLAIMER = DISCLAIMER

# The test tracker's kinds that are screening scans; the screening plan uses the same ids.
SCAN_KINDS: tuple[ScanTest, ...] = ("chest_ct", "fdg_pet")
SCAN_RESULTS: tuple[ScanResult, ...] = ("negative", "abnormal", "unclear")
SCAN_RESULT_LABELS: dict[str, str] = {
    "negative": N_("Negative (no tumour seen)"),
    "abnormal": N_("Abnormal (needs follow-up)"),
    "unclear": N_("Unclear or not yet known"),
}
YES_NO: dict[str, bool] = {"yes": True, "no": False}
# As for diary entries (entries.EARLIEST_RECORDED_AT): a diagnosis or scan dated before 1900 is a
# mistyped year.
EARLIEST_YEAR = 1900


class ToolInputError(ValueError):
    """Form input a tool cannot use: field name -> a message safe to show."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))
        self.errors = dict(errors)


class LoggedMedicine(Protocol):
    """Anything with the name of a medicine as logged, e.g. ``entries.Medication``."""

    @property
    def name(self) -> str: ...


class MedicationWarning(BaseModel):
    """A logged medicine that can worsen LEMS: what to discuss with the prescriber, and why."""

    model_config = ConfigDict(frozen=True)

    medicine: str  # as logged
    class_id: str
    class_label: str
    warning: str
    source: str


def medication_warnings(medicines: Iterable[LoggedMedicine]) -> list[MedicationWarning]:
    """Return a warning for each logged medicine in a caution class; empty when none."""
    return [
        MedicationWarning(medicine=item.name, **caution.model_dump(exclude={"matched_name"}))
        for item in medicines
        for caution in cautions_for(item.name)
    ]


@dataclass(frozen=True, slots=True)
class AmifampridineNotices:
    """What to show with an entry that logs amifampridine (or follows it on the same day)."""

    contraindications: list[Contraindication]
    tingling: SideEffectNote | None

    def __bool__(self) -> bool:
        return bool(self.contraindications or self.tingling)


class NotedEntry(Protocol):
    """An entry's medicines and note, e.g. ``EntryPublic``."""

    @property
    def medications(self) -> Sequence[LoggedMedicine]: ...

    @property
    def note(self) -> str | None: ...


def amifampridine_notices(
    entry: NotedEntry, *, same_day: Iterable[LoggedMedicine] = ()
) -> AmifampridineNotices:
    """Return the amifampridine notices for an entry; empty (falsy) when amifampridine is not
    logged in it or in ``same_day``, the owner's other entries of that day.

    The EU/UK contraindications (SmPC 4.3) come from the medicines of the entry and its day
    together, and from the note (epilepsy, asthma, long-QT syndrome written in it). The tingling
    explanation is routine information, shown when the note mentions tingling of the lips or
    fingers.
    """
    names = [item.name for item in entry.medications]
    names += [item.name for item in same_day if item.name not in names]
    if not any(is_amifampridine(name) for name in names):
        return AmifampridineNotices(contraindications=[], tingling=None)
    tingling = AMIFAMPRIDINE_TINGLING if mentions_amifampridine_tingling(entry.note) else None
    return AmifampridineNotices(
        contraindications=amifampridine_contraindications(names, conditions=entry.note),
        tingling=tingling,
    )


# Form input --------------------------------------------------------------------------------


def _message(error: Any) -> str:
    return problem_message(error)


def _errors(error: ValidationError, *, whole_model_field: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else whole_model_field
        found.setdefault(field, _message(item))
    return found


def _whole_number(form: Mapping[str, str], field: str, errors: dict[str, str]) -> int | None:
    text = form.get(field, "").strip()
    if not text:
        errors[field] = "required"
        return None
    try:
        return whole_number(text)
    except ValueError:
        errors[field] = "give a whole number"
        return None


def _number(
    form: Mapping[str, str], field: str, errors: dict[str, str], *, required: bool = True
) -> float | None:
    # A decimal comma is accepted: "1,2" is how much of Europe writes 1.2.
    text = form.get(field, "").strip().replace(",", ".")
    if not text:
        if required:
            errors[field] = "required"
        return None
    try:
        return float(text)
    except ValueError:
        errors[field] = "give a number, e.g. 1.2"
        return None


def _yes_no(
    form: Mapping[str, str], field: str, errors: dict[str, str], *, required: bool = True
) -> bool | None:
    text = form.get(field, "").strip()
    if text in YES_NO:
        return YES_NO[text]
    if text or required:
        errors[field] = "choose yes or no"
    return None


def parse_delta_p(form: Mapping[str, str]) -> DeltaPInput:
    """Return the DELTA-P input from a form; ToolInputError naming each bad field."""
    errors: dict[str, str] = {}
    sex = form.get("sex", "").strip()
    values = {
        "age_at_onset": _whole_number(form, "age_at_onset", errors),
        "sex": sex,
        "smoker_at_onset": _yes_no(form, "smoker_at_onset", errors),
        "weight_loss_percent": _number(form, "weight_loss_percent", errors),
        "bulbar": _yes_no(form, "bulbar", errors),
        "erectile_dysfunction": _yes_no(
            form, "erectile_dysfunction", errors, required=sex == "male"
        ),
        "karnofsky": _whole_number(form, "karnofsky", errors),
    }
    if sex not in ("male", "female"):
        errors["sex"] = "choose male or female"
    if not errors:
        if sex == "female":
            values["erectile_dysfunction"] = None  # not asked of women; ignored if given
        try:
            return DeltaPInput.model_validate(values)
        except ValidationError as error:
            errors = _errors(error, whole_model_field="erectile_dysfunction")
    raise ToolInputError(errors)


def parse_edx(form: Mapping[str, str]) -> EdxInput:
    """Return the EDX input from a form; ToolInputError naming each bad field."""
    errors: dict[str, str] = {}
    values = {
        "cmap_rest_mv": _number(form, "cmap_rest_mv", errors),
        "cmap_after_exercise_mv": _number(form, "cmap_after_exercise_mv", errors),
        "decrement_percent": _number(form, "decrement_percent", errors, required=False),
    }
    if not errors:
        try:
            return EdxInput.model_validate(values)
        except ValidationError as error:
            errors = _errors(error, whole_model_field="cmap_rest_mv")
    raise ToolInputError(errors)


def parse_medicine(form: Mapping[str, str]) -> str:
    """Return the medicine name from a form; ToolInputError when blank or too long."""
    name = form.get("name", "").strip()
    if not name:
        raise ToolInputError({"name": "type the name of a medicine"})
    if len(name) > MAX_MEDICATION_NAME_CHARS or "\x00" in name:
        raise ToolInputError({"name": f"at most {MAX_MEDICATION_NAME_CHARS} characters"})
    return name


def parse_diagnosis(form: Mapping[str, str]) -> tuple[date, int]:
    """Return the diagnosis date and DELTA-P score from a form; ToolInputError when wrong."""
    errors: dict[str, str] = {}
    diagnosed_on = _date(form, "diagnosed_on", errors, latest=diagnosis_window(date.today())[1])
    score = _whole_number(form, "delta_p_score", errors)
    if score is not None and not 0 <= score <= DELTA_P_MAX_SCORE:
        errors["delta_p_score"] = Said(
            N_("a DELTA-P score runs from 0 to %(most)s"), most=DELTA_P_MAX_SCORE
        )
    if errors or diagnosed_on is None or score is None:
        raise ToolInputError(errors)
    return diagnosed_on, score


def parse_scan(form: Mapping[str, str], *, today: date) -> tuple[str, date, ScanResult, str]:
    """Return (tracker kind, date, result, note) of a scan from a form; ToolInputError if wrong."""
    errors: dict[str, str] = {}
    kind = form.get("kind", "").strip()
    if kind not in SCAN_KINDS:
        errors["kind"] = "choose a CT of the chest or an FDG-PET scan"
    # Any calendar date, so that a future one is refused below with the reason.
    performed_on = _date(form, "performed_on", errors, latest=date.max)
    if performed_on is not None and performed_on > today:
        errors["performed_on"] = "a scan result cannot be dated in the future"
    result = form.get("result", "").strip()
    if result not in SCAN_RESULTS:
        errors["result"] = "choose negative, abnormal or unclear"
    note = form.get("note", "").strip()
    if len(note) > MAX_RESULT_CHARS or "\x00" in note:
        errors["note"] = Said(N_("at most %(number)s characters"), number=MAX_RESULT_CHARS)
    if errors or performed_on is None:
        raise ToolInputError(errors)
    return kind, performed_on, result, note  # type: ignore[return-value]


def _date(
    form: Mapping[str, str], field: str, errors: dict[str, str], *, latest: date | None = None
) -> date | None:
    text = form.get(field, "").strip()
    if not text:
        errors[field] = "required"
        return None
    try:
        return parse_day(text, earliest=date(EARLIEST_YEAR, 1, 1), **_latest(latest))
    except ValueError as error:
        errors[field] = message_of(error)
        return None


def _latest(latest: date | None) -> dict[str, date]:
    return {"latest": latest} if latest else {}


# Running the tools -------------------------------------------------------------------------


class MedicineCheck(BaseModel):
    """What the medicine check says about one name: its caution classes and, for amifampridine,
    the maxima of the licence that applies to the record's owner."""

    model_config = ConfigDict(frozen=True)

    name: str
    cautions: list[MedicineCaution]
    is_amifampridine: bool
    amifampridine_max_daily_mg: float = AMIFAMPRIDINE_MAX_DAILY_MG
    amifampridine_max_single_dose_mg: float = AMIFAMPRIDINE_MAX_SINGLE_DOSE_MG
    amifampridine_source: str = AMIFAMPRIDINE_LABEL_SOURCE
    # Which licence the maxima come from, e.g. "EU/UK licence", and what else to know about them;
    # i18n.Said, so the page says them in the reader's language (not validated: validation
    # would turn them into plain text).
    region: LicenceRegion = "unknown"
    licence: SkipValidation[str] = ""
    limits_note: SkipValidation[str] = ""


# How the medicine check names each licence region's maximum ("EU/UK licence: 60 mg a day").
LICENCE_NAMES: dict[str, Said] = {
    "eu_uk": Said(N_("EU/UK licence")),
    "ch": Said(N_("Swiss licence")),
    "us": Said(N_("US label")),
    "unknown": Said(N_("EU/UK licence")),  # the lowest maximum; limits_note says why it applies
}


def _notes(*notes: str) -> Said:
    """Return the notes about a licence's limits as one text; empty when there are none."""
    return Sentences(*(note if isinstance(note, Said) else Said(note) for note in notes if note))


def check_medicine(
    name: str, *, region: str = "unknown", weight_kg: float | None = None
) -> MedicineCheck:
    """Return the cautions for a medicine name and whether it is amifampridine, with the
    amifampridine maxima of this licence region (and body weight, for the US children's limits)."""
    limits = amifampridine_limits(region, weight_kg=weight_kg)
    licence = LICENCE_NAMES[limits.region]
    if limits.max_daily_mg < AMIFAMPRIDINE_MAX_DAILY_MG:  # the US limits under 45 kg
        licence = Said(N_("US label, under %(kg)s kg"), kg=US_LOW_WEIGHT_KG)
    return MedicineCheck(
        name=name,
        cautions=cautions_for(name),
        is_amifampridine=is_amifampridine(name),
        amifampridine_max_daily_mg=limits.max_daily_mg,
        amifampridine_max_single_dose_mg=limits.max_single_dose_mg,
        amifampridine_source=limits.source,
        region=limits.region,
        licence=licence,
        limits_note=_notes(limits.daily_note, limits.note),
    )


def run_delta_p(data: DeltaPInput) -> DeltaPResult:
    """Return the DELTA-P result for this input."""
    return score_delta_p(data)


def run_edx(data: EdxInput) -> EdxResult:
    """Return the EDX reading for this input."""
    return read_edx(data)


# Saved results -----------------------------------------------------------------------------


class ToolResultPublic(BaseModel):
    """A saved tool result as pages and the report show it."""

    model_config = ConfigDict(frozen=True)

    id: int
    kind: ToolKind
    inputs: dict[str, Any]
    result: dict[str, Any]
    saved_by: str
    saved_at: datetime

    @property
    def label(self) -> str:
        """Return the tool's readable name, in English (pages translate it with the catalogue)."""
        return TOOL_LABELS[self.kind]

    @property
    def summary(self) -> str:
        """Return the result in one line, in English, as exports give it."""
        return summarise(self.kind, self.inputs, self.result)

    def summary_in(self, language: str) -> str:
        """Return the result in one line in the language, as the report and tool pages show it."""
        return summarise(self.kind, self.inputs, self.result, language=language)


# How a summary writes a figure: one typed or looked up as it was (up to six decimals, as "%g"
# wrote them before the summaries were translated), the increment with the two decimals it is
# rounded down to (rules/edx.py).
AS_TYPED = "0.######"
TWO_DECIMALS = "0.00"


def summarise(
    kind: str,
    inputs: Mapping[str, Any],
    result: Mapping[str, Any],
    *,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """Return a saved result in one line, with the source of its figures, in the language (the
    English text by default; figures as the language writes numbers); empty for an unknown kind."""
    gettext = gettext_in(language).gettext

    def number(value: float, pattern: str = AS_TYPED) -> str:
        return format_number(value, language, pattern)

    if kind == "delta_p":
        return gettext(
            "DELTA-P %(score)s of 6: %(percent)s%% had small-cell lung cancer at this score in "
            "the prospective validation (%(source)s)."
        ) % {
            "score": result["score"],
            "percent": number(result["sclc_probability_percent"]),
            "source": VALIDATION_SOURCE,  # cited as published
        }
    if kind == "edx":
        return _edx_line(inputs, result, gettext, number)
    if kind == "medicine":
        return _medicine_line(result, gettext)
    return ""


def _edx_line(
    inputs: Mapping[str, Any],
    result: Mapping[str, Any],
    gettext: Callable[[str], str],
    number: Callable[..., str],
) -> str:
    """Return a saved EDX result in one line through ``gettext``."""

    def reading(met: bool, cutoff: int) -> str:
        # Whole clauses, not "meets"/"below" alone, so that each language can word them.
        text = gettext(
            N_("meets the %(cutoff)s%% cut-off") if met else N_("below the %(cutoff)s%% cut-off")
        )
        return text % {"cutoff": number(cutoff)}

    values = {
        "rest": number(inputs["cmap_rest_mv"]),
        "after": number(inputs["cmap_after_exercise_mv"]),
        "increment": number(result["increment_percent"], TWO_DECIMALS),
        "reading_60": reading(result["meets_60"], INCREMENT_CUTOFF_60_PERCENT),
        "reading_100": reading(result["meets_100"], INCREMENT_CUTOFF_100_PERCENT),
    }
    decrement = result.get("decrement")
    if not decrement:
        return (
            gettext(
                "CMAP %(rest)s mV at rest, %(after)s mV after exercise: increment %(increment)s%%, "
                "%(reading_60)s, %(reading_100)s."
            )
            % values
        )
    met = N_("meets %(cutoff)s%%") if decrement["meets_10"] else N_("below %(cutoff)s%%")
    values["decrement"] = number(decrement["decrement_percent"])
    values["decrement_reading"] = gettext(met) % {"cutoff": number(DECREMENT_CUTOFF_PERCENT)}
    return (
        gettext(
            "CMAP %(rest)s mV at rest, %(after)s mV after exercise: increment %(increment)s%%, "
            "%(reading_60)s, %(reading_100)s; decrement %(decrement)s%% (%(decrement_reading)s)."
        )
        % values
    )


def _medicine_line(result: Mapping[str, Any], gettext: Callable[[str], str]) -> str:
    """Return a saved medicine check in one line through ``gettext``: the name as typed, then
    each caution class by its catalogued label."""
    labels = [caution["class_label"] for caution in result.get("cautions", [])]
    classes = [gettext(label) for label in labels]
    if classes:
        line = gettext("%(name)s: %(classes)s.") % {
            "name": result["name"],
            "classes": "; ".join(classes),
        }
    else:
        line = gettext("%(name)s: no caution class found.") % {"name": result["name"]}
    if result.get("is_amifampridine"):
        line += " " + gettext("It is amifampridine.")
    return line


# The screening overview --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrackedScan:
    """A screening scan recorded in the test tracker (kinds chest_ct, fdg_pet)."""

    kind: str
    done_on: date | None
    result: str | None


def scan_result(text: str | None) -> ScanResult:
    """Return how a tracker result reads for the schedule: its first word, else "unclear".

    The screening page stores "negative", "abnormal" or "unclear" as the first word. Free text
    typed elsewhere ("no tumour seen") is read as unclear rather than guessed: only an explicit
    "abnormal" result makes the FDG-PET at diagnosis not applicable.
    """
    words = (text or "").strip().lower().split()
    first = words[0].strip(".,;:") if words else ""
    return first if first in SCAN_RESULTS else "unclear"


def recorded_scans(scans: Iterable[TrackedScan]) -> list[RecordedScan]:
    """Return the tracker's dated CT and PET scans as the schedule reads them; empty when none."""
    return [
        RecordedScan(
            performed_on=scan.done_on,
            test=cast(ScanTest, scan.kind),
            result=scan_result(scan.result),
        )
        for scan in scans
        if scan.kind in SCAN_KINDS and scan.done_on is not None
    ]


@dataclass(frozen=True, slots=True)
class ScreeningOverview:
    """A patient's screening plan with each item's status on ``today``."""

    plan: ScreeningPlan
    progress: list[ItemProgress]
    today: date

    def count(self, status: str) -> int:
        """Return how many items have this status."""
        return sum(1 for item in self.progress if item.status == status)

    @property
    def next_due(self) -> ItemProgress | None:
        """Return the first item still to do (overdue or upcoming); None when none is left."""
        return next((p for p in self.progress if p.status in ("overdue", "upcoming")), None)


def screening_overview(
    *, diagnosed_on: date, delta_p_score: int, scans: Iterable[TrackedScan], today: date
) -> ScreeningOverview:
    """Return the dated plan for this diagnosis and score, with each item's status on today."""
    plan = build_plan(diagnosed_on=diagnosed_on, delta_p_score=delta_p_score)
    progress = track_progress(plan, recorded_scans(scans), today=today)
    return ScreeningOverview(plan=plan, progress=progress, today=today)


@dataclass(frozen=True, slots=True)
class ToolsSection:
    """What the clinician report shows of the tools: saved results and the screening schedule."""

    results: Sequence[ToolResultPublic]
    screening: ScreeningOverview | None
    disclaimer: str = TOOL_DISCLAIMER
