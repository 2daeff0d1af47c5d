"""Charts for the report and the analysis page: matplotlib to SVG, each with a text alternative.

Figures are built with ``matplotlib.figure.Figure`` rather than pyplot, so no global state or GUI
backend is involved and charts can be drawn from any thread of the web server.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure

from lems_companion import catalogue
from lems_companion.analysis.patterns import (
    PERIODS,
    Analysis,
    SessionChange,
    Week,
    WeightPoint,
    session_changes,
)
from lems_companion.diary.schemas import EntryPublic
from lems_companion.i18n import (
    DEFAULT_LANGUAGE,
    N_,
    format_day,
    format_number,
    gettext_in,
    in_sentence,
)
from lems_companion.reports.chart import Chart

# A change in percent with its sign, one decimal (CLDR pattern): "+1.5", "-0,8".
SIGNED_ONE_DECIMAL = "+0.0;-0.0"
# Sized for an A4 page with 2 cm margins (about 6.7 inches wide); short, to keep a year's
# report within four pages.
WIDTH_INCHES = 6.6
HEIGHT_INCHES = 2.1
# Text stays text in the SVG (searchable, sharp, small), in a font every system has.
RC: dict[str, Any] = {
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.titlesize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "lems-companion",  # stable ids, so the same data gives the same SVG
}
# Margins around the plotting area, in inches, fixed rather than measured: matplotlib's
# constrained layout and bbox_inches="tight" measured every label of every chart three times and
# drew each chart twice, two thirds of the report's drawing time (docs/performance.md). These fit
# the labels these charts carry: tick labels, an axis label and a title.
MARGIN_LEFT = 0.62
MARGIN_RIGHT = 0.12
MARGIN_BOTTOM = 0.5
MARGIN_TOP = 0.25
# Right of the heat map: its colour bar's ticks and label.
COLOURBAR_LABEL = 0.4
# Between the two panels of the home-tests chart: room for the second panel's axis labels.
PANEL_GAP = 0.7
# What a character of DejaVu Sans takes on average, in ems (points of font size), generously:
# to leave room for long tick labels (symptom names) without measuring them.
CHAR_WIDTH_EM = 0.6
POINTS_PER_INCH = 72
# Colours that stay distinct for the common colour-vision deficiencies (Okabe-Ito palette).
BLUE, ORANGE, GREEN, GREY = "#0072B2", "#E69F00", "#009E73", "#777777"
SEVERITY_COLOURMAP = "Blues"
# The heat map names each symptom on its axis, a little smaller than the other text.
HEAT_MAP_FONT_SIZE = 6.5
# The style matplotlib's SVG backend writes into every SVG, and the same as root attributes.
MATPLOTLIB_STYLE = (
    ' <defs>\n  <style type="text/css">*{stroke-linejoin: round; stroke-linecap: butt}</style>\n'
    " </defs>\n"
)
ROOT_STROKE = 'stroke-linejoin="round" stroke-linecap="butt"'
# Up to this many sessions in a panel, each is marked (circles first, squares later); beyond,
# the marks would overlap into a band (a year of twice-weekly tests is 104 sessions in 2.7
# inches) and each mark is one more SVG element to draw, so the later effort is dashed instead.
MAX_MARKED_SESSIONS = 40


def _style() -> AbstractContextManager[None]:
    # The stubs type rc_context's keys as a Literal of every rc name; ours are all valid.
    return rc_context(RC)  # type: ignore[arg-type]


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    with warnings.catch_warnings():
        # A period of a single day leaves the date locator nothing to choose; its default is fine.
        warnings.filterwarnings("ignore", message="AutoDateLocator was unable")
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    # matplotlib sets every element's line joins with a CSS rule for "*", which a renderer matches
    # against each element: about a third of the charts' time in the PDF (WeasyPrint). The same
    # properties as attributes of the root element are inherited by every element instead.
    svg = buffer.getvalue().replace(MATPLOTLIB_STYLE, "", 1)
    return svg.replace("<svg ", f"<svg {ROOT_STROKE} ", 1)


def _label_width(labels: Sequence[str], font_size: float) -> float:
    """Return the width in inches that the longest of these labels may take."""
    longest = max((len(label) for label in labels), default=0)
    return longest * font_size * CHAR_WIDTH_EM / POINTS_PER_INCH


def _figure(
    height: float = HEIGHT_INCHES,
    *,
    left: float = MARGIN_LEFT,
    right: float = MARGIN_RIGHT,
    panels: int = 1,
) -> Figure:
    """Return an empty figure of the report's width with fixed margins (in inches) and panels."""
    figure = Figure(figsize=(WIDTH_INCHES, height))
    panel_width = (WIDTH_INCHES - left - right - PANEL_GAP * (panels - 1)) / panels
    figure.subplots_adjust(
        left=left / WIDTH_INCHES,
        right=1 - right / WIDTH_INCHES,
        bottom=MARGIN_BOTTOM / height,
        top=1 - MARGIN_TOP / height,
        wspace=PANEL_GAP / panel_width,
    )
    return figure


def _dates_axis(axes: Axes) -> None:
    locator = AutoDateLocator(maxticks=6)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))


# Each home test's panel: the first and later efforts' legends, its title and its unit.
HOME_TEST_PANELS = {
    "sit": (
        N_("1st"),
        N_("4th-5th"),
        N_("Sit-to-stand: first vs last repetitions"),
        N_("seconds per repetition"),
    ),
    "grip": (
        N_("rest"),
        N_("squeeze"),
        N_("Grip: at rest vs after a 10 s squeeze"),
        N_("grip (kg)"),
    ),
}


def _unmarked(axes: Axes) -> None:
    """Draw the axes' lines without marks, the later ones dashed, so they stay distinguishable
    without colour."""
    for index, line in enumerate(axes.get_lines()):
        line.set_marker("")
        line.set_linestyle("--" if index else "-")


def home_tests_chart(
    changes: Sequence[SessionChange], language: str = DEFAULT_LANGUAGE
) -> Chart | None:
    """Return first vs later effort for sit-to-stand and grip sessions; None when neither."""
    t = gettext_in(language)
    sit = [c for c in changes if c.test == "sit_to_stand"]
    grip = [c for c in changes if c.test == "grip"]
    if not sit and not grip:
        return None
    with _style():
        panels = [(name, items) for name, items in (("sit", sit), ("grip", grip)) if items]
        figure = _figure(panels=len(panels))
        axes_list = figure.subplots(1, len(panels), squeeze=False)[0]
        for axes, (name, items) in zip(axes_list, panels, strict=True):
            days = date2num([c.recorded_at.date() for c in items])
            first_label, later_label, title, unit = HOME_TEST_PANELS[name]
            axes.plot(
                days,
                [c.first for c in items],
                "o-",
                color=ORANGE,
                ms=3,
                label=t.gettext(first_label),
            )
            axes.plot(
                days, [c.later for c in items], "s-", color=BLUE, ms=3, label=t.gettext(later_label)
            )
            axes.set_title(t.gettext(title))
            axes.set_ylabel(t.gettext(unit))
            if len(items) > MAX_MARKED_SESSIONS:
                _unmarked(axes)
            axes.set_xlabel(t.gettext("date"))
            axes.legend(frameon=False, fontsize=7)
            _dates_axis(axes)
        svg = _svg(figure)
    parts = []
    if sit:
        faster = sum(1 for c in sit if c.later < c.first)
        parts.append(
            t.gettext(
                "Sit-to-stand, %(sessions)s sessions: the last repetitions were faster than "
                "the first in %(faster)s."
            )
            % {"sessions": len(sit), "faster": faster}
        )
    if grip:
        stronger = sum(1 for c in grip if c.later > c.first)
        parts.append(
            t.gettext(
                "Grip, %(sessions)s sessions: stronger after the squeeze than at rest in "
                "%(stronger)s."
            )
            % {"sessions": len(grip), "stronger": stronger}
        )
    return Chart(
        id="home-tests",
        title=t.gettext("Home tests: first and later effort"),
        svg=svg,
        alt=" ".join(parts),
    )


def time_of_day_chart(analysis: Analysis, language: str = DEFAULT_LANGUAGE) -> Chart | None:
    """Return average weakness by time of day as bars; None when no entry has a weakness answer."""
    t = gettext_in(language)
    names = {
        "morning": t.gettext("morning"),
        "afternoon": t.gettext("afternoon"),
        "evening": t.gettext("evening"),
        "night": t.gettext("night"),
    }
    periods = analysis.time_of_day.by_period
    if not any(periods[p]["entries"] for p in PERIODS):
        return None
    values = [periods[p]["mean_severity"] or 0 for p in PERIODS]
    counts = [periods[p]["entries"] for p in PERIODS]
    labels = [catalogue.SEVERITY_LABELS[i] for i in range(catalogue.MAX_SEVERITY + 1)]
    with _style():
        figure = _figure(2.0, left=MARGIN_LEFT + _label_width(labels, RC["font.size"]) / 2)
        axes = figure.subplots()
        bars = axes.bar([names[p] for p in PERIODS], values, color=BLUE)
        for bar, count in zip(bars, counts, strict=True):
            axes.annotate(
                f"n={count}",
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                ha="center",
                va="bottom",
                fontsize=7,
                color=GREY,
            )
        axes.set_ylim(0, catalogue.MAX_SEVERITY)
        axes.set_yticks(range(catalogue.MAX_SEVERITY + 1), labels)
        axes.set_title(t.gettext("Muscle weakness by time of day (average of each entry's worst)"))
        axes.set_xlabel(
            t.gettext("time of day (morning 05-12, afternoon 12-17, evening 17-22, night 22-05)")
        )
        axes.set_ylabel(t.gettext("severity"))
        svg = _svg(figure)
    alt = "; ".join(
        t.gettext("%(period)s: %(mean)s of 3 over %(entries)s entries")
        % {
            "period": names[p],
            "mean": format_number(periods[p]["mean_severity"], language, "0.0"),
            "entries": periods[p]["entries"],
        }
        if periods[p]["entries"]
        else t.gettext("%(period)s: no entries") % {"period": names[p]}
        for p in PERIODS
    )
    return Chart(
        id="time-of-day",
        title=t.gettext("Severity by time of day"),
        svg=svg,
        alt=t.gettext("Average muscle-weakness severity by time of day. %(periods)s.")
        % {"periods": alt},
    )


def heat_map_chart(weeks: Sequence[Week], language: str = DEFAULT_LANGUAGE) -> Chart | None:
    """Return a symptom-by-week heat map of average severity; None when no symptom was recorded.
    Symptom names are the catalogue's."""
    t = gettext_in(language)
    present = [s for s in catalogue.symptoms() if any(w.symptoms.get(s.id, 0) > 0 for w in weeks)]
    if not present or not weeks:
        return None
    grid = [[w.symptoms.get(s.id, 0.0) for w in weeks] for s in present]
    labels = [s.label_in(language) for s in present]
    with _style():
        figure = _figure(
            max(1.6, 0.5 + 0.17 * len(present)),
            left=_label_width(labels, HEAT_MAP_FONT_SIZE) + MARGIN_RIGHT,
            right=MARGIN_RIGHT + COLOURBAR_LABEL,
        )
        axes = figure.subplots()
        image = axes.imshow(
            grid,
            aspect="auto",
            cmap=SEVERITY_COLOURMAP,
            vmin=0,
            vmax=catalogue.MAX_SEVERITY,
            interpolation="nearest",
        )
        axes.set_yticks(range(len(present)), labels, fontsize=HEAT_MAP_FONT_SIZE)
        step = max(1, len(weeks) // 12)
        ticks = list(range(0, len(weeks), step))
        axes.set_xticks(
            ticks,
            [format_day(weeks[i].week_start, language, "d MMM") for i in ticks],
            fontsize=HEAT_MAP_FONT_SIZE,
        )
        axes.set_xlabel(t.gettext("week starting"))
        axes.set_title(t.gettext("Symptoms week by week (average severity, 0 none to 3 severe)"))
        for spine in axes.spines.values():
            spine.set_visible(False)
        colourbar = figure.colorbar(image, ax=axes, fraction=0.03, pad=0.01)
        colourbar.set_label(t.gettext("severity"))
        svg = _svg(figure)
    busiest = sorted(present, key=lambda s: -sum(w.symptoms.get(s.id, 0) for w in weeks))[:3]
    alt = t.gettext(
        "Heat map of %(symptoms)s symptoms over %(weeks)s weeks, from %(first)s to %(last)s. "
        "Highest overall: %(busiest)s."
    ) % {
        "symptoms": len(present),
        "weeks": len(weeks),
        "first": format_day(weeks[0].week_start, language),
        "last": format_day(weeks[-1].week_start, language),
        "busiest": ", ".join(in_sentence(s.label_in(language), language) for s in busiest),
    }
    return Chart(id="heat-map", title=t.gettext("Symptoms by week"), svg=svg, alt=alt)


def weight_chart(points: Sequence[WeightPoint], language: str = DEFAULT_LANGUAGE) -> Chart | None:
    """Return weight over time; None with fewer than two weights."""
    t = gettext_in(language)
    if len(points) < 2:  # a line needs two points
        return None
    with _style():
        figure = _figure(1.7)
        axes = figure.subplots()
        axes.plot(
            date2num([p.recorded_at.date() for p in points]),
            [p.kg for p in points],
            "o-",
            color=GREEN,
            ms=2.5,
        )
        first, last = points[0], points[-1]
        change = (last.kg - first.kg) / first.kg * 100
        # The axis is zoomed to the weights, so it does not start at zero and small changes look
        # large: the title says so and gives the change in percent, the figure to read.
        axes.set_title(
            t.gettext("Body weight: %(change)s%% from first to last (axis does not start at 0 kg)")
            % {"change": format_number(change, language, SIGNED_ONE_DECIMAL)}
        )
        axes.set_xlabel(t.gettext("date"))
        axes.set_ylabel(t.gettext("kg (axis does not start at 0)"))
        _dates_axis(axes)
        svg = _svg(figure)
    lightest = min(points, key=lambda p: p.kg)
    alt = t.gettext(
        "Body weight, %(count)s measurements: %(first)s kg on %(first_day)s, %(last)s kg on "
        "%(last_day)s (%(change)s%%); lowest %(lowest)s kg on %(lowest_day)s. The axis does not "
        "start at zero."
    ) % {
        "count": len(points),
        "first": format_number(first.kg, language),
        "first_day": format_day(first.recorded_at.date(), language),
        "last": format_number(last.kg, language),
        "last_day": format_day(last.recorded_at.date(), language),
        "change": format_number(change, language, SIGNED_ONE_DECIMAL),
        "lowest": format_number(lightest.kg, language),
        "lowest_day": format_day(lightest.recorded_at.date(), language),
    }
    return Chart(id="weight", title=t.gettext("Weight over time"), svg=svg, alt=alt)


def charts(
    entries: Sequence[EntryPublic], analysis: Analysis, language: str = DEFAULT_LANGUAGE
) -> list[Chart]:
    """Return the report's charts in report order, leaving out those without data; their
    titles, labels and text alternatives in the language."""
    points = [
        WeightPoint(entry_id=e.id, recorded_at=e.recorded_at, kg=e.weight_kg)
        for e in entries
        if e.weight_kg is not None
    ]
    found = (
        home_tests_chart(session_changes(entries), language),
        time_of_day_chart(analysis, language),
        heat_map_chart(analysis.weeks.weeks, language),
        weight_chart(points, language),
    )
    return [chart for chart in found if chart is not None]
