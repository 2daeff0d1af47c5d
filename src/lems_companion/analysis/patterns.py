"""Pattern analysis of a diary over a period (clinical spec section 5).

Pure functions over ``Sequence[EntryPublic]`` (oldest first) and the red flags stored with them;
no database or web imports. Every finding is an observation about what was recorded, with the
entries behind it, and says so when there is too little data. Nothing here is a diagnosis.

The observations are worded in the reader's language (``language``: en, es, fr or de; English by
default, as ``lems analyze`` prints them) from the gettext catalogues, with numbers and dates as
that language writes them (Babel). Translations await clinical review (docs/i18n.md).

Times of day are read in the local time each entry was recorded in (the offset it was given
with), because "morning" means the person's morning wherever they were.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from lems_companion import catalogue
from lems_companion.diary.flags import FlagPublic, FlagRecord, is_red_flag
from lems_companion.diary.schemas import EntryPublic, OffsetDatetime
from lems_companion.i18n import (
    DEFAULT_LANGUAGE,
    format_day,
    format_number,
    gettext_in,
    in_sentence,
)
from lems_companion.rules import weight_loss
from lems_companion.rules.medicines import cautions_for, is_amifampridine
from lems_companion.triage.flags import LEVEL_RANK

# --- Named constants ---------------------------------------------------------------------------

# Time-of-day bands in local time: morning 05-12, afternoon 12-17, evening 17-22, night 22-05.
# Our choice (the spec names no bands): they follow everyday speech and put the first movement
# after a night's rest, the time LEMS weakness is typically worst, into "morning".
Period = Literal["morning", "afternoon", "evening", "night"]
PERIODS: tuple[Period, ...] = ("morning", "afternoon", "evening", "night")
MORNING_STARTS = time(5)
AFTERNOON_STARTS = time(12)
EVENING_STARTS = time(17)
NIGHT_STARTS = time(22)

# A home-test session "shows" facilitation (or fatigability) when later repetitions are at least
# this much faster (slower), or grip at least this much stronger (weaker) after the squeeze, than
# the first. Not from the spec: it is set above the few-percent spread of repeated home timings
# so that noise alone is not reported as a pattern; the figure is shown with every result.
MEANINGFUL_CHANGE_PERCENT = 10.0
# Fewer sessions than this is "too little data" to say whether a pattern holds.
MIN_SESSIONS = 3
# A pattern "holds across sessions" when at least this share of the sessions shows it.
CONSISTENT_SHARE = 0.75
# Time of day: each band needs this many entries before it is compared with the others.
MIN_ENTRIES_PER_PERIOD = 3
# Bands whose average weakness differs by at least this many severity steps (0-3 scale, spec
# section 2) count as "varies": half a step, since single answers only move in whole steps.
TIME_OF_DAY_DIFFERENCE = 0.5
# Rest vs activity needs this many entries with each context.
MIN_ENTRIES_PER_CONTEXT = 3
# Medication before/after: compare this many days on each side of a start or dose change, and
# only when each side has at least this many entries.
COMPARISON_DAYS = 14
MIN_ENTRIES_PER_SIDE = 3
# A dose change counts only when the new per-dose amount is logged on this many days in a row,
# so one mistyped dose is not taken for a change.
DOSE_CHANGE_PERSIST_DAYS = 3
# Weekly trend: compare the first and last this-many weeks that have entries.
TREND_WEEKS = 2
FACILITATION_SOURCE = "Clinical specification section 5 (home tests and pattern analysis)"
# The triple timed up-and-go (3TUG, spec section 5: the DAPPER trial's primary endpoint, validated
# in Muscle Nerve 2019) is marked when the latest session's mean time differs from the mean of
# the sessions before it by this much. 20% is the threshold issue 14 names for 3TUG (DAPPER
# counted a rise of more than 20% as a clinically meaningful worsening).
TUG_MARKED_CHANGE_PERCENT = 20.0
TUG_SOURCE = "Clinical specification section 5 (triple timed up-and-go, DAPPER); issue 14 (20%)"

TEST_LABELS = {
    "sit_to_stand": "sit-to-stand times",
    "tug": "timed up-and-go times",
    "grip": "grip strength",
}


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


# --- Home tests ---------------------------------------------------------------------------------


class SessionChange(_Out):
    """One home-test session: how the later effort compared with the first, in percent."""

    entry_id: int
    recorded_at: OffsetDatetime
    test: Literal["sit_to_stand", "tug", "grip"]
    first: float
    later: float
    # Positive: later repetitions faster, or grip stronger after the squeeze (facilitation).
    improvement_percent: float


def _percent(value: float) -> float:
    return round(value, 1)


def session_changes(entries: Sequence[EntryPublic]) -> list[SessionChange]:
    """Return the change within each home-test session, oldest first; empty when none.

    Sit-to-stand compares the first repetition with the mean of the last two; the triple
    timed up-and-go compares the first trial with the last; grip compares the squeeze with rest.
    A sit-to-stand recorded only as a total has no repetitions to compare and is skipped.
    """
    changes: list[SessionChange] = []
    for entry in entries:
        tests = entry.home_tests
        if tests is None:
            continue
        common = {"entry_id": entry.id, "recorded_at": entry.recorded_at}
        if tests.sit_to_stand_seconds:
            first = tests.sit_to_stand_seconds[0]
            later = statistics.fmean(tests.sit_to_stand_seconds[-2:])
            changes.append(
                SessionChange(
                    **common,
                    test="sit_to_stand",
                    first=first,
                    later=round(later, 2),
                    improvement_percent=_percent((first - later) / first * 100),
                )
            )
        if tests.tug_seconds:
            first, later = tests.tug_seconds[0], tests.tug_seconds[-1]
            changes.append(
                SessionChange(
                    **common,
                    test="tug",
                    first=first,
                    later=later,
                    improvement_percent=_percent((first - later) / first * 100),
                )
            )
        grip = tests.grip_kg
        if grip and grip.rest and grip.after_squeeze is not None:
            changes.append(
                SessionChange(
                    **common,
                    test="grip",
                    first=grip.rest,
                    later=grip.after_squeeze,
                    improvement_percent=_percent(
                        (grip.after_squeeze - grip.rest) / grip.rest * 100
                    ),
                )
            )
    return changes


class TugChange(_Out):
    """The latest 3TUG session against the sessions before it, in mean seconds per trial."""

    entry_id: int
    recorded_at: OffsetDatetime
    baseline_seconds: float
    baseline_sessions: int
    latest_seconds: float
    # Positive: the latest session was slower (worse); negative: faster.
    change_percent: float

    @property
    def marked_worse(self) -> bool:
        """Return True when the latest session was slower by the marked-change threshold."""
        return self.change_percent >= TUG_MARKED_CHANGE_PERCENT


def tug_change(entries: Sequence[EntryPublic]) -> TugChange | None:
    """Return how the latest 3TUG session compares with the mean of the earlier sessions among
    these entries (oldest first); None with fewer than two sessions."""
    sessions = [
        (entry, statistics.fmean(entry.home_tests.tug_seconds))
        for entry in entries
        if entry.home_tests is not None and entry.home_tests.tug_seconds
    ]
    if len(sessions) < 2:
        return None
    latest, latest_seconds = sessions[-1]
    baseline = statistics.fmean(seconds for _, seconds in sessions[:-1])
    return TugChange(
        entry_id=latest.id,
        recorded_at=latest.recorded_at,
        baseline_seconds=round(baseline, 2),
        baseline_sessions=len(sessions) - 1,
        latest_seconds=round(latest_seconds, 2),
        change_percent=_percent((latest_seconds - baseline) / baseline * 100),
    )


class PatternSummary(_Out):
    """Facilitation or fatigability across home-test sessions."""

    sessions: int
    sessions_showing: int
    # Facilitation: median improvement (later faster / stronger). Fatigability: median worsening
    # (later slower / weaker). Null without sessions.
    median_change_percent: float | None
    consistent: bool
    enough_data: bool
    threshold_percent: float
    by_test: dict[str, dict[str, Any]]
    entry_ids: list[int]
    observation: str
    source: str = FACILITATION_SOURCE


def _pattern(
    changes: Sequence[SessionChange],
    *,
    kind: Literal["facilitation", "fatigability"],
    language: str,
) -> PatternSummary:
    sign = 1.0 if kind == "facilitation" else -1.0
    # A session is one entry's home tests; when it holds several tests, its change is their
    # median, so three tests done on one morning count as one session, not three.
    per_session: dict[int, list[float]] = defaultdict(list)
    for change in changes:
        per_session[change.entry_id].append(sign * change.improvement_percent)
    values = [statistics.median(own) for own in per_session.values()]
    showing = [
        entry_id
        for entry_id, value in zip(per_session, values, strict=True)
        if value >= MEANINGFUL_CHANGE_PERCENT
    ]
    enough = len(values) >= MIN_SESSIONS
    consistent = enough and len(showing) >= CONSISTENT_SHARE * len(values)
    by_test: dict[str, dict[str, Any]] = {}
    for test in TEST_LABELS:
        own = [sign * c.improvement_percent for c in changes if c.test == test]
        if own:
            shown = sum(1 for value in own if value >= MEANINGFUL_CHANGE_PERCENT)
            by_test[test] = {
                "sessions": len(own),
                "sessions_showing": shown,
                "median_change_percent": _percent(statistics.median(own)),
                "consistent": len(own) >= MIN_SESSIONS and shown >= CONSISTENT_SHARE * len(own),
            }
    return PatternSummary(
        sessions=len(values),
        sessions_showing=len(showing),
        median_change_percent=_percent(statistics.median(values)) if values else None,
        consistent=consistent,
        enough_data=enough,
        threshold_percent=MEANINGFUL_CHANGE_PERCENT,
        by_test=by_test,
        entry_ids=sorted(showing),
        observation=_pattern_text(kind, by_test, len(values), language),
    )


def _pattern_text(
    kind: str, by_test: dict[str, dict[str, Any]], sessions: int, language: str
) -> str:
    t = gettext_in(language)
    if sessions < MIN_SESSIONS:
        needed = {"sessions": sessions, "needed": MIN_SESSIONS}
        if kind == "facilitation":
            return (
                t.ngettext(
                    "Too little data: %(sessions)s home-test session recorded; at least "
                    "%(needed)s are needed to say whether facilitation holds across sessions.",
                    "Too little data: %(sessions)s home-test sessions recorded; at least "
                    "%(needed)s are needed to say whether facilitation holds across sessions.",
                    sessions,
                )
                % needed
            )
        return (
            t.ngettext(
                "Too little data: %(sessions)s home-test session recorded; at least "
                "%(needed)s are needed to say whether fatigability holds across sessions.",
                "Too little data: %(sessions)s home-test sessions recorded; at least "
                "%(needed)s are needed to say whether fatigability holds across sessions.",
                sessions,
            )
            % needed
        )
    # Whole sentences per test and direction, so each language can order its own words.
    part = {
        "facilitation": {
            "sit_to_stand": t.gettext(
                "the patient's sit-to-stand repetitions got faster after the first by "
                "%(percent)s%% or more in %(showing)s of %(sessions)s sessions"
            ),
            "tug": t.gettext(
                "the patient's timed up-and-go trials got faster after the first by "
                "%(percent)s%% or more in %(showing)s of %(sessions)s sessions"
            ),
            "grip": t.gettext(
                "the patient's grip was stronger after the 10-second squeeze than at rest by "
                "%(percent)s%% or more in %(showing)s of %(sessions)s sessions"
            ),
        },
        "fatigability": {
            "sit_to_stand": t.gettext(
                "the patient's sit-to-stand repetitions got slower after the first by "
                "%(percent)s%% or more in %(showing)s of %(sessions)s sessions"
            ),
            "tug": t.gettext(
                "the patient's timed up-and-go trials got slower after the first by "
                "%(percent)s%% or more in %(showing)s of %(sessions)s sessions"
            ),
            "grip": t.gettext(
                "the patient's grip was weaker after the 10-second squeeze than at rest by "
                "%(percent)s%% or more in %(showing)s of %(sessions)s sessions"
            ),
        },
    }[kind]
    parts = [
        part[test]
        % {
            "percent": format_number(MEANINGFUL_CHANGE_PERCENT, language),
            "showing": stats["sessions_showing"],
            "sessions": stats["sessions"],
        }
        for test, stats in by_test.items()
    ]
    return t.gettext("In the period, %(findings)s.") % {"findings": "; ".join(parts)}


def facilitation(
    entries: Sequence[EntryPublic], *, language: str = DEFAULT_LANGUAGE
) -> PatternSummary:
    """Return facilitation across home-test sessions (spec section 5); sessions 0 when none."""
    return _pattern(session_changes(entries), kind="facilitation", language=language)


def fatigability(
    entries: Sequence[EntryPublic], *, language: str = DEFAULT_LANGUAGE
) -> PatternSummary:
    """Return fatigability (the opposite pattern) across home-test sessions; 0 sessions if none."""
    return _pattern(session_changes(entries), kind="fatigability", language=language)


# --- Time of day, rest and activity -------------------------------------------------------------


def period_of(moment: datetime) -> Period:
    """Return the band of the day of this moment, in its own (recorded) local time."""
    clock = moment.timetz().replace(tzinfo=None)
    if MORNING_STARTS <= clock < AFTERNOON_STARTS:
        return "morning"
    if AFTERNOON_STARTS <= clock < EVENING_STARTS:
        return "afternoon"
    if EVENING_STARTS <= clock < NIGHT_STARTS:
        return "evening"
    return "night"


@cache
def _weakness_ids() -> frozenset[str]:
    # Muscle weakness is what the limb symptoms with a region describe (catalogue.toml).
    return frozenset(item.id for item in catalogue.symptoms() if item.region is not None)


def weakness_score(entry: EntryPublic) -> float | None:
    """Return the entry's worst muscle-weakness severity (0-3); None when none was recorded."""
    values = [value for key, value in entry.symptoms.items() if key in _weakness_ids()]
    return float(max(values)) if values else None


class TimeOfDay(_Out):
    """How muscle weakness varied through the day and between rest and activity."""

    pattern: Literal["constant", "varies"] | None
    worst: Period | None
    enough_data: bool
    by_period: dict[str, dict[str, Any]]
    by_context: dict[str, dict[str, Any]]
    improved_after_moving: dict[str, int]
    observations: list[str]
    measure: str = "worst muscle-weakness severity of each entry, 0-3, averaged"


def _mean_by(groups: dict[str, list[tuple[int, float]]], keys: Iterable[str]) -> dict[str, Any]:
    result: dict[str, dict[str, Any]] = {}
    for key in keys:
        items = groups.get(key, [])
        result[key] = {
            "entries": len(items),
            "mean_severity": round(statistics.fmean(v for _, v in items), 2) if items else None,
            "entry_ids": [entry_id for entry_id, _ in items],
        }
    return result


def in_period(period: str, language: str = DEFAULT_LANGUAGE) -> str:
    """Return "in the morning" (and so on) in the language."""
    t = gettext_in(language)
    return {
        "morning": t.gettext("in the morning"),
        "afternoon": t.gettext("in the afternoon"),
        "evening": t.gettext("in the evening"),
        "night": t.gettext("at night"),
    }[period]


def time_of_day(entries: Sequence[EntryPublic], *, language: str = DEFAULT_LANGUAGE) -> TimeOfDay:
    """Return variation through the day and at rest vs after activity; pattern None if too few."""
    t = gettext_in(language)

    def one_decimal(value: float) -> str:
        return format_number(value, language, "0.0")

    by_period: dict[str, list[tuple[int, float]]] = defaultdict(list)
    by_context: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for entry in entries:
        score = weakness_score(entry)
        if score is None:
            continue
        by_period[period_of(entry.recorded_at)].append((entry.id, score))
        if entry.context:
            by_context[entry.context].append((entry.id, score))
    periods = _mean_by(by_period, PERIODS)
    contexts = _mean_by(by_context, ("after_rest", "after_activity"))
    compared = {
        key: value["mean_severity"]
        for key, value in periods.items()
        if value["entries"] >= MIN_ENTRIES_PER_PERIOD
    }
    enough = len(compared) >= 2  # comparing needs two bands
    pattern: Literal["constant", "varies"] | None = None
    worst: Period | None = None
    observations = []
    if not enough:
        observations.append(
            t.gettext(
                "Too little data to compare times of day: each time of day needs at least "
                "%(needed)s entries with a muscle-weakness answer, in two or more times of day."
            )
            % {"needed": MIN_ENTRIES_PER_PERIOD}
        )
    else:
        high = max(compared, key=lambda key: compared[key])
        low = min(compared, key=lambda key: compared[key])
        if compared[high] - compared[low] >= TIME_OF_DAY_DIFFERENCE:
            pattern, worst = "varies", high  # type: ignore[assignment]
            observations.append(
                t.gettext(
                    "Muscle weakness was recorded as worst %(worst)s (average %(worst_mean)s "
                    "of 3 over %(worst_entries)s entries) and least %(least)s (average "
                    "%(least_mean)s over %(least_entries)s)."
                )
                % {
                    "worst": in_period(high, language),
                    "worst_mean": one_decimal(compared[high]),
                    "worst_entries": periods[high]["entries"],
                    "least": in_period(low, language),
                    "least_mean": one_decimal(compared[low]),
                    "least_entries": periods[low]["entries"],
                }
            )
        else:
            pattern = "constant"
            observations.append(
                t.gettext(
                    "Muscle weakness was recorded at about the same level at every time of day "
                    "(averages within %(difference)s of a step)."
                )
                % {"difference": format_number(TIME_OF_DAY_DIFFERENCE, language)}
            )
    rest, active = contexts["after_rest"], contexts["after_activity"]
    if min(rest["entries"], active["entries"]) >= MIN_ENTRIES_PER_CONTEXT:
        observations.append(
            t.gettext(
                "On first moving after rest, weakness averaged %(rest_mean)s of 3 "
                "(%(rest_entries)s entries); after moving for a few minutes, %(active_mean)s "
                "(%(active_entries)s entries)."
            )
            % {
                "rest_mean": one_decimal(rest["mean_severity"]),
                "rest_entries": rest["entries"],
                "active_mean": one_decimal(active["mean_severity"]),
                "active_entries": active["entries"],
            }
        )
    answers = Counter(e.improved_after_moving for e in entries if e.improved_after_moving)
    improved = {key: answers.get(key, 0) for key in ("yes", "no", "unsure")}
    total = sum(improved.values())
    if total:
        observations.append(
            t.gettext(
                "The patient answered that strength improved after moving for a few minutes in "
                "%(yes)s of %(total)s answers (no: %(no)s, not sure: %(unsure)s)."
            )
            % {"total": total, **improved}
        )
    return TimeOfDay(
        pattern=pattern,
        worst=worst,
        enough_data=enough,
        by_period=periods,
        by_context=contexts,
        improved_after_moving=improved,
        observations=observations,
    )


# --- Symptom groups and weeks -------------------------------------------------------------------


class SymptomCount(_Out):
    """How often one catalogue symptom was recorded as present (severity 1 or more)."""

    id: str
    label: str
    hpo: list[str]
    hpo_labels: list[str]
    entries_with: int
    max_severity: int
    mean_severity_when_present: float
    first_recorded: OffsetDatetime
    last_recorded: OffsetDatetime


class GroupCount(_Out):
    """How often a symptom group (limb, autonomic, ocular, bulbar, ...) was involved."""

    group: str
    title: str
    entries_with: int
    share_percent: float
    symptoms: list[SymptomCount]


class Groups(_Out):
    """Which symptom groups and limb regions were involved, and how often."""

    entries: int
    by_group: list[GroupCount]
    limb_regions: dict[str, int]
    observations: list[str]


def groups(entries: Sequence[EntryPublic], *, language: str = DEFAULT_LANGUAGE) -> Groups:
    """Return how often each symptom group and limb region was recorded; empty lists if none.

    Group titles are the catalogue's (English until the catalogue is translated)."""
    t = gettext_in(language)
    present: dict[str, list[tuple[EntryPublic, int]]] = defaultdict(list)
    for entry in entries:
        for key, value in entry.symptoms.items():
            if value > 0:
                present[key].append((entry, value))
    by_group = []
    for group, title, members in catalogue.grouped():
        counts = []
        entry_ids: set[int] = set()
        for symptom in members:
            found = present.get(symptom.id)
            if not found:
                continue
            entry_ids.update(entry.id for entry, _ in found)
            values = [value for _, value in found]
            counts.append(
                SymptomCount(
                    id=symptom.id,
                    label=symptom.label_in(language),
                    hpo=list(symptom.hpo),
                    hpo_labels=list(symptom.hpo_labels),
                    entries_with=len(found),
                    max_severity=max(values),
                    mean_severity_when_present=round(statistics.fmean(values), 2),
                    first_recorded=found[0][0].recorded_at,
                    last_recorded=found[-1][0].recorded_at,
                )
            )
        if counts:
            by_group.append(
                GroupCount(
                    group=group,
                    title=title,
                    entries_with=len(entry_ids),
                    share_percent=round(len(entry_ids) / len(entries) * 100, 1),
                    symptoms=sorted(counts, key=lambda c: -c.entries_with),
                )
            )
    regions: dict[str, int] = {}
    for region in ("proximal", "distal", "axial"):
        ids = {s.id for s in catalogue.symptoms() if s.region == region}
        regions[region] = sum(
            1 for entry in entries if any(entry.symptoms.get(i, 0) > 0 for i in ids)
        )
    observations = [
        t.gettext("%(group)s: recorded in %(count)s of %(entries)s entries (%(share)s%%).")
        % {
            "group": item.title,
            "count": item.entries_with,
            "entries": len(entries),
            "share": format_number(item.share_percent, language),
        }
        for item in by_group
    ]
    if entries and (regions["proximal"] or regions["distal"]):
        observations.append(
            t.gettext(
                "Weakness near the body (hips, thighs, shoulders) was recorded in "
                "%(proximal)s entries; in the hands or feet in %(distal)s."
            )
            % {"proximal": regions["proximal"], "distal": regions["distal"]}
        )
    return Groups(
        entries=len(entries), by_group=by_group, limb_regions=regions, observations=observations
    )


class Week(_Out):
    """One calendar week (Monday first, local dates) of the diary."""

    week_start: date
    entries: int
    mean_weakness: float | None
    symptoms: dict[str, float]


class Weeks(_Out):
    """Symptoms week by week and the change from the first weeks to the last."""

    weeks: list[Week]
    trend: Literal["better", "worse", "steady"] | None
    observation: str


def week_start(moment: datetime) -> date:
    """Return the Monday of the (local) week of this moment."""
    day = moment.date()
    return day - timedelta(days=day.weekday())


def weeks(entries: Sequence[EntryPublic], *, language: str = DEFAULT_LANGUAGE) -> Weeks:
    """Return mean severities by week and the trend; trend None with fewer than four weeks."""
    t = gettext_in(language)
    buckets: dict[date, list[EntryPublic]] = defaultdict(list)
    for entry in entries:
        buckets[week_start(entry.recorded_at)].append(entry)
    result = []
    for start in sorted(buckets):
        items = buckets[start]
        scores = [s for s in (weakness_score(e) for e in items) if s is not None]
        per_symptom: dict[str, list[int]] = defaultdict(list)
        for entry in items:
            for key, value in entry.symptoms.items():
                per_symptom[key].append(value)
        result.append(
            Week(
                week_start=start,
                entries=len(items),
                mean_weakness=round(statistics.fmean(scores), 2) if scores else None,
                # Averaged over all the week's entries: a symptom not asked counts as absent.
                symptoms={
                    key: round(sum(values) / len(items), 2)
                    for key, values in sorted(per_symptom.items())
                },
            )
        )
    scored = [w for w in result if w.mean_weakness is not None]
    if len(scored) < 2 * TREND_WEEKS:
        return Weeks(
            weeks=result,
            trend=None,
            observation=t.gettext(
                "Too little data for a trend: at least %(needed)s weeks with muscle-weakness "
                "answers are needed."
            )
            % {"needed": 2 * TREND_WEEKS},
        )
    first = statistics.fmean(w.mean_weakness or 0 for w in scored[:TREND_WEEKS])
    last = statistics.fmean(w.mean_weakness or 0 for w in scored[-TREND_WEEKS:])
    trend: Literal["better", "worse", "steady"] = (
        "better"
        if last <= first - TIME_OF_DAY_DIFFERENCE
        else "worse"
        if last >= first + TIME_OF_DAY_DIFFERENCE
        else "steady"
    )
    sentence = {
        "better": t.gettext(
            "Average muscle weakness in the last %(weeks)s weeks (%(last)s of 3) was lower than "
            "in the first %(weeks)s weeks (%(first)s)."
        ),
        "worse": t.gettext(
            "Average muscle weakness in the last %(weeks)s weeks (%(last)s of 3) was higher "
            "than in the first %(weeks)s weeks (%(first)s)."
        ),
        "steady": t.gettext(
            "Average muscle weakness in the last %(weeks)s weeks (%(last)s of 3) was about the "
            "same as in the first %(weeks)s weeks (%(first)s)."
        ),
    }[trend]
    return Weeks(
        weeks=result,
        trend=trend,
        observation=sentence
        % {
            "weeks": TREND_WEEKS,
            "last": format_number(last, language, "0.0"),
            "first": format_number(first, language, "0.0"),
        },
    )


# --- Weight -------------------------------------------------------------------------------------


class WeightPoint(_Out):
    """A recorded weight."""

    entry_id: int
    recorded_at: OffsetDatetime
    kg: float


class WeightLoss(_Out):
    """The largest loss within any 6-month window, with the two weights behind it."""

    percent: float
    kg: float
    days: int
    heavier: WeightPoint
    lighter: WeightPoint


class Weight(_Out):
    """Weight change over the period and the 5%-in-6-months check."""

    measurements: int
    first: WeightPoint | None
    last: WeightPoint | None
    change_kg: float | None
    change_percent: float | None
    largest_loss_within_6_months: WeightLoss | None
    weight_loss_flag: bool
    threshold_percent: float
    observation: str
    source: str = weight_loss.SOURCE


def weight(
    entries: Sequence[EntryPublic],
    flags: Iterable[FlagRecord] = (),
    *,
    language: str = DEFAULT_LANGUAGE,
) -> Weight:
    """Return weight change and the largest loss within 6 months; flag False without weights.

    The loss is measured by the one weight-loss rule (``rules.weight_loss``), and
    ``weight_loss_flag`` is True only when triage stored a weight_loss flag on one of these
    weighed entries, so the analysis never shows a weight-loss flag that no entry raised.
    """
    t = gettext_in(language)
    points = [
        WeightPoint(entry_id=e.id, recorded_at=e.recorded_at, kg=e.weight_kg)
        for e in entries
        if e.weight_kg is not None
    ]
    if not points:
        return Weight(
            measurements=0,
            first=None,
            last=None,
            change_kg=None,
            change_percent=None,
            largest_loss_within_6_months=None,
            weight_loss_flag=False,
            threshold_percent=float(weight_loss.THRESHOLD_PERCENT),
            observation=t.gettext("No weight was recorded in the period."),
        )
    weighed = {point.entry_id for point in points}
    flagged = any(f.flag == "weight_loss" and f.entry_id in weighed for f in flags)
    found = weight_loss.largest(
        weight_loss.losses((point.recorded_at, point.kg, point) for point in points)
    )
    largest = None
    if found is not None:
        largest = WeightLoss(
            percent=float(round(found.percent, 1)),
            kg=found.kg,
            days=found.days,
            heavier=found.heavier,
            lighter=found.lighter,
        )
    first, last = points[0], points[-1]
    change = round(last.kg - first.kg, 1)
    text = t.ngettext(
        "Weight was recorded %(times)s time: %(first)s kg on %(first_day)s and %(last)s kg on "
        "%(last_day)s.",
        "Weight was recorded %(times)s times: %(first)s kg on %(first_day)s and %(last)s kg on "
        "%(last_day)s.",
        len(points),
    ) % {
        "times": len(points),
        "first": format_number(first.kg, language),
        "first_day": format_day(first.recorded_at.date(), language),
        "last": format_number(last.kg, language),
        "last_day": format_day(last.recorded_at.date(), language),
    }
    if largest and flagged:
        text += " " + t.gettext(
            "It fell by %(percent)s%% (%(kg)s kg) within %(days)s days, from %(heavier_day)s "
            "to %(lighter_day)s: a loss of %(threshold)s%% or more within 6 months is worth "
            "telling a doctor about within days."
        ) % {
            "percent": format_number(largest.percent, language),
            "kg": format_number(largest.kg, language),
            "days": largest.days,
            "heavier_day": format_day(largest.heavier.recorded_at.date(), language),
            "lighter_day": format_day(largest.lighter.recorded_at.date(), language),
            "threshold": format_number(weight_loss.THRESHOLD_PERCENT, language),
        }
    elif len(points) < 2:  # a change needs two weights
        text += " " + t.gettext("One weight is not enough to see a change.")
    return Weight(
        measurements=len(points),
        first=first,
        last=last,
        change_kg=change,
        change_percent=round(change / first.kg * 100, 1),
        largest_loss_within_6_months=largest,
        weight_loss_flag=flagged,
        threshold_percent=float(weight_loss.THRESHOLD_PERCENT),
        observation=text,
    )


# --- Medications --------------------------------------------------------------------------------


def medicine_key(name: str) -> str:
    """Return the name a logged medicine is grouped under (amifampridine under any of its names)."""
    return "Amifampridine" if is_amifampridine(name) else " ".join(name.split()).capitalize()


class Caution(_Out):
    """A caution for a logged medicine that can worsen LEMS (spec section 6)."""

    class_label: str
    warning: str
    source: str


class MedicineUse(_Out):
    """A medicine logged in the period."""

    name: str
    names_logged: list[str]
    doses_logged: int
    first_logged: OffsetDatetime
    last_logged: OffsetDatetime
    usual_dose_mg: float | None
    cautions: list[Caution]


class Comparison(_Out):
    """Entries before and after a medicine started or its dose changed."""

    medicine: str
    event: Literal["started", "dose_changed"]
    on: date
    dose_mg_before: float | None
    dose_mg_after: float | None
    days_each_side: int
    enough_data: bool
    before: dict[str, Any]
    after: dict[str, Any]
    observation: str


def medicines(entries: Sequence[EntryPublic]) -> list[MedicineUse]:
    """Return each medicine logged, with cautions for those that can worsen LEMS; empty if none."""
    logged: dict[str, list[tuple[EntryPublic, Any]]] = defaultdict(list)
    for entry in entries:
        for item in entry.medications:
            logged[medicine_key(item.name)].append((entry, item))
    result = []
    for key, uses in logged.items():
        doses = [item.dose_mg for _, item in uses if item.dose_mg is not None]
        names = sorted({item.name for _, item in uses})
        cautions: dict[str, Caution] = {}
        for name in names:
            for found in cautions_for(name):
                cautions[found.class_id] = Caution(
                    class_label=found.class_label, warning=found.warning, source=found.source
                )
        result.append(
            MedicineUse(
                name=key,
                names_logged=names,
                doses_logged=len(uses),
                first_logged=uses[0][0].recorded_at,
                last_logged=uses[-1][0].recorded_at,
                usual_dose_mg=statistics.median(doses) if doses else None,
                cautions=list(cautions.values()),
            )
        )
    return result


def _side(entries: Sequence[EntryPublic]) -> dict[str, Any]:
    scores = [s for s in (weakness_score(e) for e in entries) if s is not None]
    sts = [
        sum(e.home_tests.sit_to_stand_seconds)
        for e in entries
        if e.home_tests and e.home_tests.sit_to_stand_seconds
    ] + [
        e.home_tests.sit_to_stand_total_seconds
        for e in entries
        if e.home_tests and e.home_tests.sit_to_stand_total_seconds
    ]
    grips = [
        e.home_tests.grip_kg.rest
        for e in entries
        if e.home_tests and e.home_tests.grip_kg and e.home_tests.grip_kg.rest is not None
    ]
    return {
        "entries": len(entries),
        "mean_weakness": round(statistics.fmean(scores), 2) if scores else None,
        "mean_sit_to_stand_total_seconds": round(statistics.fmean(sts), 1) if sts else None,
        "mean_grip_rest_kg": round(statistics.fmean(grips), 1) if grips else None,
        "entry_ids": [e.id for e in entries],
    }


DoseEvent = tuple[str, str, date, float | None, float | None]


def _dose_events(entries: Sequence[EntryPublic]) -> list[DoseEvent]:
    """Return (medicine, event, day, dose before, dose after) for starts and dose changes."""
    first_day = entries[0].recorded_at.date() if entries else None
    per_day: dict[str, dict[date, list[float]]] = defaultdict(lambda: defaultdict(list))
    for entry in entries:
        for item in entry.medications:
            doses = per_day[medicine_key(item.name)][entry.recorded_at.date()]
            if item.dose_mg is not None:
                doses.append(item.dose_mg)
    events: list[DoseEvent] = []
    for name, days in per_day.items():
        ordered = sorted(days)
        # A start is only a start if the diary was being kept before it.
        if first_day is not None and ordered[0] > first_day:
            usual = days[ordered[0]]
            events.append(
                (name, "started", ordered[0], None, statistics.median(usual) if usual else None)
            )
        amounts = [statistics.median(days[d]) if days[d] else None for d in ordered]
        # The established dose changes only when a new amount holds for several days running;
        # a single odd amount (a typing slip, a missed tablet) is neither a change nor a base.
        established = next((a for a in amounts if a is not None), None)
        for index in range(1, len(ordered)):
            now = amounts[index]
            if established is None or now is None or now == established:
                continue
            following = amounts[index : index + DOSE_CHANGE_PERSIST_DAYS]
            if len(following) == DOSE_CHANGE_PERSIST_DAYS and all(a == now for a in following):
                events.append((name, "dose_changed", ordered[index], established, now))
                established = now
    return sorted(events, key=lambda event: event[2])


def medication_changes(
    entries: Sequence[EntryPublic], *, language: str = DEFAULT_LANGUAGE
) -> list[Comparison]:
    """Return before/after comparisons for each medicine start or dose change; empty if none."""
    t = gettext_in(language)
    result = []
    for name, event, day, dose_before, dose_after in _dose_events(entries):
        window = timedelta(days=COMPARISON_DAYS)
        before = [
            e for e in entries if day - window <= e.recorded_at.date() < day
        ]  # the days before the event
        after = [e for e in entries if day <= e.recorded_at.date() < day + window]
        side_before, side_after = _side(before), _side(after)
        enough = min(len(before), len(after)) >= MIN_ENTRIES_PER_SIDE and (
            side_before["mean_weakness"] is not None and side_after["mean_weakness"] is not None
        )
        what = (
            t.gettext("%(medicine)s was first logged on %(day)s.")
            if event == "started"
            else t.gettext(
                "The logged %(medicine)s dose changed from %(before)s to %(after)s mg on %(day)s."
            )
        ) % {
            "medicine": name,
            "day": format_day(day, language),
            "before": format_number(dose_before or 0, language),
            "after": format_number(dose_after or 0, language),
        }
        if enough:
            text = (
                what
                + " "
                + t.gettext(
                    "In the %(days)s days after, muscle weakness averaged %(after)s of 3 "
                    "(%(after_entries)s entries), compared with %(before)s in the %(days)s days "
                    "before (%(before_entries)s entries)."
                )
                % {
                    "days": COMPARISON_DAYS,
                    "after": format_number(side_after["mean_weakness"], language, "0.0"),
                    "after_entries": len(after),
                    "before": format_number(side_before["mean_weakness"], language, "0.0"),
                    "before_entries": len(before),
                }
            )
        else:
            text = (
                what
                + " "
                + t.gettext(
                    "Too little data to compare: at least %(needed)s entries with a weakness "
                    "answer are needed on each side."
                )
                % {"needed": MIN_ENTRIES_PER_SIDE}
            )
        result.append(
            Comparison(
                medicine=name,
                event=event,
                on=day,
                dose_mg_before=dose_before,
                dose_mg_after=dose_after,
                days_each_side=COMPARISON_DAYS,
                enough_data=enough,
                before=side_before,
                after=side_after,
                observation=text,
            )
        )
    return result


# --- Factors (heat, an infection, ...) ------------------------------------------------------------

# A factor is compared only when at least this many days noted it and this many days did not,
# each with a muscle-weakness answer. Our choice (the spec gives none): with fewer, one unusual
# day decides the average; five days is a working week either side.
MIN_FACTOR_DAYS = 5
# The difference in average worst weakness (0-3) called "worse" or "milder"; below it the days
# are "about the same". The same half-step as the time-of-day comparison.
FACTOR_DIFFERENCE = TIME_OF_DAY_DIFFERENCE


class FactorComparison(_Out):
    """Muscle weakness on the days a factor was noted against the days it was not."""

    factor: str
    label: str
    source: str
    days_noted: int
    days_not_noted: int
    enough_data: bool
    mean_weakness_noted: float | None
    mean_weakness_not_noted: float | None
    entry_ids: list[int]
    observation: str
    measure: str = "worst muscle-weakness severity of each local day, 0-3, averaged over days"


def _day_weakness(entries: Sequence[EntryPublic]) -> dict[date, tuple[float, set[str], list[int]]]:
    """Return, per local day with a weakness answer: its worst weakness, the factors any entry
    of that day noted (also one without a weakness answer) and the ids of that day's entries."""
    scores: dict[date, list[float]] = defaultdict(list)
    noted: dict[date, set[str]] = defaultdict(set)
    ids: dict[date, list[int]] = defaultdict(list)
    for entry in entries:
        day = entry.recorded_at.date()
        score = weakness_score(entry)
        if score is not None:
            scores[day].append(score)
        noted[day] |= set(entry.factors)
        ids[day].append(entry.id)
    return {day: (max(values), noted[day], ids[day]) for day, values in scores.items()}


def _factor_phrase(factor: catalogue.Factor, language: str) -> str:
    return in_sentence(factor.label_in(language), language)


def factor_comparisons(
    entries: Sequence[EntryPublic], *, language: str = DEFAULT_LANGUAGE
) -> list[FactorComparison]:
    """Return, for each factor noted at least once, weakness on the days it was noted against
    the other days; in catalogue order. An observation, never a cause: a day noted with heat
    may differ for any other reason. Factor names are the catalogue's."""
    t = gettext_in(language)
    days = _day_weakness(entries)
    noted_anywhere = {factor for entry in entries for factor in entry.factors}
    result = []
    for factor in catalogue.factors():
        if factor.id not in noted_anywhere:
            continue
        with_it = [(worst, ids) for worst, noted, ids in days.values() if factor.id in noted]
        without = [worst for worst, noted, _ in days.values() if factor.id not in noted]
        enough = min(len(with_it), len(without)) >= MIN_FACTOR_DAYS
        mean_with = round(statistics.fmean(w for w, _ in with_it), 2) if with_it else None
        mean_without = round(statistics.fmean(without), 2) if without else None
        phrase = _factor_phrase(factor, language)
        if enough and mean_with is not None and mean_without is not None:
            difference = mean_with - mean_without
            sentence = (
                t.gettext(
                    "Muscle weakness was worse on the %(noted)s days %(factor)s was noted (worst "
                    "each day averaged %(mean_noted)s of 3) than on the %(others)s days it was "
                    "not (%(mean_others)s). This is what the diary shows, not a cause."
                )
                if difference >= FACTOR_DIFFERENCE
                else t.gettext(
                    "Muscle weakness was milder on the %(noted)s days %(factor)s was noted "
                    "(worst each day averaged %(mean_noted)s of 3) than on the %(others)s days "
                    "it was not (%(mean_others)s). This is what the diary shows, not a cause."
                )
                if difference <= -FACTOR_DIFFERENCE
                else t.gettext(
                    "Muscle weakness was about the same on the %(noted)s days %(factor)s was "
                    "noted (worst each day averaged %(mean_noted)s of 3) as on the %(others)s "
                    "days it was not (%(mean_others)s). This is what the diary shows, not a "
                    "cause."
                )
            )
            text = sentence % {
                "noted": len(with_it),
                "factor": phrase,
                "mean_noted": format_number(mean_with, language, "0.0"),
                "others": len(without),
                "mean_others": format_number(mean_without, language, "0.0"),
            }
        else:
            text = t.ngettext(
                "%(factor)s was noted on %(noted)s day with a weakness answer: too little data "
                "to compare. At least %(needed)s days with it and %(needed)s without are needed "
                "(%(others)s without).",
                "%(factor)s was noted on %(noted)s days with a weakness answer: too little data "
                "to compare. At least %(needed)s days with it and %(needed)s without are needed "
                "(%(others)s without).",
                len(with_it),
            ) % {
                "factor": factor.label_in(language),
                "noted": len(with_it),
                "needed": MIN_FACTOR_DAYS,
                "others": len(without),
            }
        result.append(
            FactorComparison(
                factor=factor.id,
                label=factor.label_in(language),
                source=factor.source,
                days_noted=len(with_it),
                days_not_noted=len(without),
                enough_data=enough,
                mean_weakness_noted=mean_with,
                mean_weakness_not_noted=mean_without,
                entry_ids=[entry_id for _, ids in with_it for entry_id in ids],
                observation=text,
            )
        )
    return result


# --- The whole analysis -------------------------------------------------------------------------


class PeriodInfo(_Out):
    """The period analysed and how many entries it holds."""

    since: OffsetDatetime | None
    until: OffsetDatetime | None
    entries: int
    first_entry: OffsetDatetime | None
    last_entry: OffsetDatetime | None


class Observation(_Out):
    """A key observation in plain words, with the entries behind it."""

    topic: str
    text: str
    entry_ids: list[int]


class Analysis(_Out):
    """Everything ``lems analyze --json`` prints; every key is described in docs/analysis.md."""

    period: PeriodInfo
    facilitation: PatternSummary
    fatigability: PatternSummary
    time_of_day: TimeOfDay
    groups: Groups
    weeks: Weeks
    weight: Weight
    medications: list[MedicineUse]
    medication_changes: list[Comparison]
    factors: list[FactorComparison]
    red_flags: list[FlagPublic]
    observations: list[Observation]
    disclaimer: str

    def to_json(self) -> dict[str, Any]:
        """Return the analysis as JSON-ready data."""
        return self.model_dump(mode="json")


def disclaimer(language: str = DEFAULT_LANGUAGE) -> str:
    """Return the analysis disclaimer in the language."""
    return gettext_in(language).gettext(
        "These are observations about what was recorded in the diary, not a diagnosis. LEMS "
        "Companion does not diagnose; a clinician interprets them together with an examination "
        "and tests."
    )


def red_flags(flags: Iterable[FlagRecord]) -> list[FlagPublic]:
    """Return the red flags, most urgent first, then oldest first; empty when none.

    Read from what triage stored, never computed here; routine findings are left out.
    """
    raised = [flag for flag in flags if is_red_flag(flag.level)]
    ordered = sorted(raised, key=lambda f: (-LEVEL_RANK[f.level], f.recorded_at))
    return [FlagPublic.of(flag) for flag in ordered]


def analyze(
    entries: Sequence[EntryPublic],
    *,
    flags: Iterable[FlagRecord] = (),
    since: datetime | None = None,
    until: datetime | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> Analysis:
    """Return the analysis of these entries (oldest first) and the red flags stored with them,
    its observations worded in the language."""
    facil = facilitation(entries, language=language)
    fatig = fatigability(entries, language=language)
    tod = time_of_day(entries, language=language)
    grp = groups(entries, language=language)
    wks = weeks(entries, language=language)
    all_flags = list(flags)
    wgt = weight(entries, all_flags, language=language)
    changes = medication_changes(entries, language=language)
    factors = factor_comparisons(entries, language=language)
    observations = [
        Observation(topic="facilitation", text=facil.observation, entry_ids=facil.entry_ids),
    ]
    if fatig.enough_data and fatig.sessions_showing:
        observations.append(
            Observation(topic="fatigability", text=fatig.observation, entry_ids=fatig.entry_ids)
        )
    # The worst band's entries back the first time-of-day sentence; the others are counts.
    observations += [
        Observation(
            topic="time_of_day",
            text=text,
            entry_ids=tod.by_period[tod.worst]["entry_ids"] if tod.worst and index == 0 else [],
        )
        for index, text in enumerate(tod.observations)
    ]
    observations += [Observation(topic="groups", text=t, entry_ids=[]) for t in grp.observations]
    observations.append(Observation(topic="weeks", text=wks.observation, entry_ids=[]))
    observations.append(
        Observation(
            topic="weight",
            text=wgt.observation,
            entry_ids=_weight_entry_ids(wgt),
        )
    )
    observations += [
        Observation(
            topic="medication_changes",
            text=c.observation,
            entry_ids=c.before["entry_ids"][-3:] + c.after["entry_ids"][:3],
        )
        for c in changes
    ]
    observations += [
        Observation(
            topic="factors", text=f.observation, entry_ids=f.entry_ids if f.enough_data else []
        )
        for f in factors
    ]
    return Analysis(
        period=PeriodInfo(
            since=since,
            until=until,
            entries=len(entries),
            first_entry=entries[0].recorded_at if entries else None,
            last_entry=entries[-1].recorded_at if entries else None,
        ),
        facilitation=facil,
        fatigability=fatig,
        time_of_day=tod,
        groups=grp,
        weeks=wks,
        weight=wgt,
        medications=medicines(entries),
        medication_changes=changes,
        factors=factors,
        red_flags=red_flags(all_flags),
        observations=observations,
        disclaimer=disclaimer(language),
    )


def _weight_entry_ids(result: Weight) -> list[int]:
    loss = result.largest_loss_within_6_months
    if loss is None or not result.weight_loss_flag:
        return []
    return [loss.heavier.entry_id, loss.lighter.entry_id]
