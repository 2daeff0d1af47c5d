"""Charts for the report and the analysis page: small SVG documents, each with a text alternative.

The four charts (lines over dates, bars, a heat map) are written as SVG here rather than drawn
with matplotlib: importing matplotlib and drawing the charts took a third of a year's report,
and WeasyPrint drew matplotlib's detailed SVG (every tick a clipped path) for another fifth of
the PDF (docs/performance.md). What these charts need is a few lines, rectangles and labels on
fixed margins, with round axis ticks. Text stays text (searchable, sharp, small), in a font every
system has; the same data always gives the same SVG.
"""

from __future__ import annotations

import base64
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape

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

# Sized for an A4 page with 2 cm margins (about 6.7 inches wide); short, to keep a year's
# report within four pages. Everything below is in points (1/72 inch), the SVG's user unit.
POINTS_PER_INCH = 72
WIDTH = 6.6 * POINTS_PER_INCH
HEIGHT = 2.1 * POINTS_PER_INCH
FONT = "DejaVu Sans, Verdana, sans-serif"
FONT_SIZE = 8.0
TITLE_SIZE = 9.0
SMALL_SIZE = 7.0
# The heat map names each symptom on its axis, a little smaller than the other text.
HEAT_MAP_FONT_SIZE = 6.5
# Margins around the plotting area, fixed rather than measured; they fit the labels these
# charts carry: tick labels, an axis label and a title (and a legend line where there is one).
MARGIN_LEFT = 0.62 * POINTS_PER_INCH
MARGIN_RIGHT = 0.12 * POINTS_PER_INCH
MARGIN_BOTTOM = 0.5 * POINTS_PER_INCH
MARGIN_TOP = 0.25 * POINTS_PER_INCH
LEGEND_LINE = 0.17 * POINTS_PER_INCH
# Right of the heat map: its colour bar, its ticks and its label.
COLOURBAR_WIDTH = 7.0
COLOURBAR_GAP = 4.0
COLOURBAR_LABEL = 0.4 * POINTS_PER_INCH
# Between the two panels of the home-tests chart: room for the second panel's axis labels.
PANEL_GAP = 0.7 * POINTS_PER_INCH
# What a character of DejaVu Sans takes on average, in ems (points of font size), generously:
# to leave room for long tick labels (symptom names) without measuring them.
CHAR_WIDTH_EM = 0.6
TICK_LENGTH = 3.5
MARKER_SIZE = 2.6
MAX_TICKS = 6
# Colours that stay distinct for the common colour-vision deficiencies (Okabe-Ito palette).
BLUE, ORANGE, GREEN, GREY, INK = "#0072B2", "#E69F00", "#009E73", "#777777", "#222222"
# The ColorBrewer "Blues" scale (white to dark blue), light for none and dark for severe.
SEVERITY_SCALE = (
    "#f7fbff",
    "#deebf7",
    "#c6dbef",
    "#9ecae1",
    "#6baed6",
    "#4292c6",
    "#2171b5",
    "#08519c",
    "#08306b",
)
COLOUR_LEVELS = 48
# Months a date axis may step by, and days when the period is short.
MONTH_STEPS = (1, 2, 3, 4, 6, 12)
DAY_STEPS = (1, 2, 3, 7, 14, 28)
SHORT_PERIOD_DAYS = 62
MAX_MONTH_TICKS = 4


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart as SVG with its title and a text alternative for people who cannot see it."""

    id: str
    title: str
    svg: str
    alt: str

    @property
    def data_uri(self) -> str:
        """Return the SVG as a data: URI for an <img> element (allowed by the page's CSP)."""
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()


def _n(value: float) -> str:
    """Return a coordinate with two decimals at most, as SVG reads it."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass(slots=True)
class _Drawing:
    """An SVG document of the report's width being written, element by element."""

    height: float
    parts: list[str] = field(default_factory=list)

    def text(
        self,
        x: float,
        y: float,
        words: str,
        *,
        size: float = FONT_SIZE,
        anchor: str = "middle",
        colour: str = INK,
        rotate: bool = False,
    ) -> None:
        """Write a label whose baseline starts (or centres, or ends) at (x, y)."""
        turn = f' transform="rotate(-90 {_n(x)} {_n(y)})"' if rotate else ""
        self.parts.append(
            f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" text-anchor="{anchor}" '
            f'fill="{colour}"{turn}>{escape(words)}</text>'
        )

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: str = INK) -> None:
        """Draw a thin straight line."""
        self.parts.append(
            f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
            f'stroke="{colour}" stroke-width="0.8"/>'
        )

    def rect(self, x: float, y: float, width: float, height: float, colour: str) -> None:
        """Fill a rectangle."""
        self.parts.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}" '
            f'fill="{colour}"/>'
        )

    def series(self, points: Sequence[tuple[float, float]], colour: str, marker: str) -> None:
        """Draw a line through the points with a small marker (circle or square) on each."""
        if len(points) > 1:
            path = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
            self.parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.2"/>'
            )
        self.markers(points, colour, marker)

    def markers(
        self,
        points: Sequence[tuple[float, float]],
        colour: str,
        marker: str,
        size: float = MARKER_SIZE,
    ) -> None:
        """Draw a marker (circle or square) centred on each point, all as one path of short
        strokes: a round-capped stroke of no length is a dot, a butt-capped one as long as it is
        wide a square. A PDF renderer draws one element of many parts far faster than many
        elements, and a stroke than a filled outline (no arcs to work out)."""
        half = size / 2
        if marker == "square":
            strokes = "".join(f"M{_n(x - half)} {_n(y)}h{_n(size)}" for x, y in points)
            self.strokes(strokes, colour, size, cap="butt")
        else:
            strokes = "".join(f"M{_n(x)} {_n(y)}h0" for x, y in points)
            self.strokes(strokes, colour, size, cap="round")

    def strokes(self, path: str, colour: str, width: float, *, cap: str = "butt") -> None:
        """Stroke a path of several parts at once with this width and line cap."""
        if path:
            self.parts.append(
                f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="{_n(width)}" '
                f'stroke-linecap="{cap}"/>'
            )

    def svg(self) -> str:
        """Return the finished SVG document."""
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(WIDTH)}pt" '
            f'height="{_n(self.height)}pt" viewBox="0 0 {_n(WIDTH)} {_n(self.height)}" '
            f'font-family="{FONT}">' + "".join(self.parts) + "</svg>\n"
        )


@dataclass(frozen=True, slots=True)
class _Box:
    """A plotting area: its left, top, width and height in points."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height


def _box(
    drawing: _Drawing, *, left: float = MARGIN_LEFT, right: float = MARGIN_RIGHT, top: float = 0
) -> _Box:
    """Return the plotting area inside the report's margins (``top`` added above it)."""
    top_margin = MARGIN_TOP + top
    return _Box(
        left,
        top_margin,
        WIDTH - left - right,
        drawing.height - top_margin - MARGIN_BOTTOM,
    )


def _label_width(labels: Sequence[str], font_size: float) -> float:
    """Return the width in points that the longest of these labels may take."""
    return max((len(label) for label in labels), default=0) * font_size * CHAR_WIDTH_EM


def nice_ticks(low: float, high: float, most: int = MAX_TICKS) -> list[float]:
    """Return round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) covering the range
    from ``low`` to ``high`` with at most ``most`` ticks."""
    if high <= low:
        low, high = low - 0.5, high + 0.5
    raw = (high - low) / max(1, most - 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step + 1e-9) * step
    count = math.ceil(round((high - first) / step, 9)) + 1
    return [round(first + i * step, 10) for i in range(count)]


def _tick_label(value: float, ticks: Sequence[float]) -> str:
    """Return a tick value with the decimals its step needs (80.2, 2.5, 24)."""
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    decimals = max(0, -math.floor(math.log10(step)))
    if abs(step * 10**decimals - round(step * 10**decimals)) > 1e-6:
        decimals += 1
    return f"{value:.{decimals}f}"


def _months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1)


def date_ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Return a few round dates between first and last, each with its label: the first day of
    months ("Mar", and the year for January) for a long period, days ("02 Mar") for a short
    one."""
    span = (last - first).days
    if span >= SHORT_PERIOD_DAYS:
        months = (last.year - first.year) * 12 + last.month - first.month
        step = next((s for s in MONTH_STEPS if months / s <= MAX_MONTH_TICKS), MONTH_STEPS[-1])
        start = _months_after(first, 0 if first.day == 1 else 1)
        # Steps aligned to the calendar: January, April, July and October for three months.
        while (start.month - 1) % step:
            start = _months_after(start, 1)
        ticks = []
        while start <= last:
            ticks.append(start)
            start = _months_after(start, step)
        return [(day, f"{day:%Y}" if day.month == 1 else f"{day:%b}") for day in ticks]
    step_days = next((s for s in DAY_STEPS if span / s < MAX_TICKS), DAY_STEPS[-1])
    return [
        (first + timedelta(days=d), f"{first + timedelta(days=d):%d %b}")
        for d in range(0, span + 1, step_days)
    ]


@dataclass(frozen=True, slots=True)
class _Scale:
    """Maps data values onto a plotting area's width or height."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        if self.high == self.low:
            return (self.start + self.end) / 2
        return self.start + (value - self.low) / (self.high - self.low) * (self.end - self.start)


def _axes(drawing: _Drawing, box: _Box, *, title: str, xlabel: str, ylabel: str) -> None:
    """Draw the left and bottom axis lines and the title and axis labels around a plotting area."""
    drawing.line(box.left, box.top, box.left, box.bottom)
    drawing.line(box.left, box.bottom, box.right, box.bottom)
    drawing.text((box.left + box.right) / 2, MARGIN_TOP - 6, title, size=TITLE_SIZE)
    drawing.text((box.left + box.right) / 2, box.bottom + 27, xlabel)
    drawing.text(box.left - 34, (box.top + box.bottom) / 2, ylabel, rotate=True)


def _y_axis(drawing: _Drawing, box: _Box, values: Sequence[float]) -> _Scale:
    """Draw round ticks for the values on the left axis; return the scale they set."""
    # A margin of 5% of the range, so no point sits on the axis line.
    margin = (max(values) - min(values)) * 0.05
    ticks = nice_ticks(min(values) - margin, max(values) + margin, most=5)
    scale = _Scale(ticks[0], ticks[-1], box.bottom, box.top)
    for tick in ticks:
        y = scale(tick)
        drawing.line(box.left - TICK_LENGTH, y, box.left, y)
        drawing.text(box.left - TICK_LENGTH - 2, y + 2.8, _tick_label(tick, ticks), anchor="end")
    return scale


def _date_axis(drawing: _Drawing, box: _Box, days: Sequence[date]) -> _Scale:
    """Draw date ticks along the bottom axis; return the scale (in days) they set."""
    first, last = min(days), max(days)
    pad = max(1.0, (last - first).days * 0.03)
    scale = _Scale(-pad, (last - first).days + pad, box.left, box.right)
    for day, label in date_ticks(first, last):
        x = scale((day - first).days)
        drawing.line(x, box.bottom, x, box.bottom + TICK_LENGTH)
        drawing.text(x, box.bottom + TICK_LENGTH + 8, label)
    return scale


def _legend(drawing: _Drawing, box: _Box, items: Sequence[tuple[str, str, str]]) -> None:
    """Write a one-line legend (marker and label for each series) above the plotting area,
    at its right."""
    x = box.right
    y = box.top - 4
    for label, colour, marker in reversed(items):
        x -= _label_width([label], SMALL_SIZE)
        drawing.text(x, y, label, size=SMALL_SIZE, anchor="start")
        drawing.line(x - 14, y - 2.4, x - 4, y - 2.4, colour)
        drawing.markers([(x - 9, y - 2.4)], colour, marker)
        x -= 22


def home_tests_chart(changes: Sequence[SessionChange]) -> Chart | None:
    """Return first vs later effort for sit-to-stand and grip sessions; None when neither."""
    sit = [c for c in changes if c.test == "sit_to_stand"]
    grip = [c for c in changes if c.test == "grip"]
    if not sit and not grip:
        return None
    panels = [(name, items) for name, items in (("sit", sit), ("grip", grip)) if items]
    drawing = _Drawing(HEIGHT)
    whole = _box(drawing, top=LEGEND_LINE)
    width = (whole.width - PANEL_GAP * (len(panels) - 1)) / len(panels)
    for index, (name, items) in enumerate(panels):
        box = _Box(whole.left + index * (width + PANEL_GAP), whole.top, width, whole.height)
        if name == "sit":
            title, ylabel = "Sit-to-stand: first vs last repetitions", "seconds per repetition"
            names = ("1st", "4th-5th")
        else:
            title, ylabel = "Grip: at rest vs after a 10 s squeeze", "grip (kg)"
            names = ("rest", "squeeze")
        _axes(drawing, box, title=title, xlabel="date", ylabel=ylabel)
        days = [c.recorded_at.date() for c in items]
        x = _date_axis(drawing, box, days)
        y = _y_axis(drawing, box, [v for c in items for v in (c.first, c.later)])
        first_day = min(days)
        for values, colour, marker in (
            ([c.first for c in items], ORANGE, "circle"),
            ([c.later for c in items], BLUE, "square"),
        ):
            points = [
                (x((day - first_day).days), y(v)) for day, v in zip(days, values, strict=True)
            ]
            drawing.series(points, colour, marker)
        _legend(drawing, box, [(names[0], ORANGE, "circle"), (names[1], BLUE, "square")])
    parts = []
    if sit:
        faster = sum(1 for c in sit if c.later < c.first)
        parts.append(
            f"Sit-to-stand, {len(sit)} sessions: the last repetitions were faster than the "
            f"first in {faster}."
        )
    if grip:
        stronger = sum(1 for c in grip if c.later > c.first)
        parts.append(
            f"Grip, {len(grip)} sessions: stronger after the squeeze than at rest in {stronger}."
        )
    return Chart(
        id="home-tests",
        title="Home tests: first and later effort",
        svg=drawing.svg(),
        alt=" ".join(parts),
    )


def time_of_day_chart(analysis: Analysis) -> Chart | None:
    """Return average weakness by time of day as bars; None when no entry has a weakness answer."""
    periods = analysis.time_of_day.by_period
    if not any(periods[p]["entries"] for p in PERIODS):
        return None
    values = [periods[p]["mean_severity"] or 0 for p in PERIODS]
    counts = [periods[p]["entries"] for p in PERIODS]
    labels = [catalogue.SEVERITY_LABELS[i] for i in range(catalogue.MAX_SEVERITY + 1)]
    drawing = _Drawing(2.0 * POINTS_PER_INCH)
    box = _box(drawing, left=MARGIN_LEFT + _label_width(labels, FONT_SIZE) / 2)
    _axes(
        drawing,
        box,
        title="Muscle weakness by time of day (average of each entry's worst)",
        xlabel="time of day (morning 05-12, afternoon 12-17, evening 17-22, night 22-05)",
        ylabel="",
    )
    drawing.text(
        box.left - _label_width(labels, FONT_SIZE) - 12,
        box.top + box.height / 2,
        "severity",
        rotate=True,
    )
    y = _Scale(0, catalogue.MAX_SEVERITY, box.bottom, box.top)
    for level, label in enumerate(labels):
        drawing.line(box.left - TICK_LENGTH, y(level), box.left, y(level))
        drawing.text(box.left - TICK_LENGTH - 2, y(level) + 2.8, label, anchor="end")
    slot = box.width / len(PERIODS)
    for index, (period, value, count) in enumerate(zip(PERIODS, values, counts, strict=True)):
        centre = box.left + slot * (index + 0.5)
        if value:
            drawing.rect(centre - slot * 0.4, y(value), slot * 0.8, box.bottom - y(value), BLUE)
        drawing.text(centre, y(value) - 2, f"n={count}", size=SMALL_SIZE, colour=GREY)
        drawing.line(centre, box.bottom, centre, box.bottom + TICK_LENGTH)
        drawing.text(centre, box.bottom + TICK_LENGTH + 8, period)
    alt = "; ".join(
        f"{p}: {periods[p]['mean_severity']:.1f} of 3 over {periods[p]['entries']} entries"
        if periods[p]["entries"]
        else f"{p}: no entries"
        for p in PERIODS
    )
    return Chart(
        id="time-of-day",
        title="Severity by time of day",
        svg=drawing.svg(),
        alt=f"Average muscle-weakness severity by time of day. {alt}.",
    )


def severity_colour(value: float) -> str:
    """Return the colour of an average severity (0 none to 3 severe) on the heat map's scale."""
    share_of_scale = min(max(value / catalogue.MAX_SEVERITY, 0.0), 1.0)
    # In COLOUR_LEVELS steps: the eye cannot tell finer ones apart, and fewer colours draw faster.
    share_of_scale = round(share_of_scale * COLOUR_LEVELS) / COLOUR_LEVELS
    position = share_of_scale * (len(SEVERITY_SCALE) - 1)
    below = min(int(position), len(SEVERITY_SCALE) - 2)
    share = position - below
    low, high = SEVERITY_SCALE[below], SEVERITY_SCALE[below + 1]
    channels = (
        round(int(low[i : i + 2], 16) * (1 - share) + int(high[i : i + 2], 16) * share)
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{c:02x}" for c in channels)


def heat_map_chart(weeks: Sequence[Week]) -> Chart | None:
    """Return a symptom-by-week heat map of average severity; None when no symptom was recorded."""
    present = [s for s in catalogue.symptoms() if any(w.symptoms.get(s.id, 0) > 0 for w in weeks)]
    if not present or not weeks:
        return None
    labels = [s.label for s in present]
    drawing = _Drawing(max(1.6 * POINTS_PER_INCH, 0.5 * POINTS_PER_INCH + 12.24 * len(present)))
    label_width = _label_width(labels, HEAT_MAP_FONT_SIZE)
    box = _box(
        drawing,
        left=label_width + MARGIN_RIGHT,
        right=MARGIN_RIGHT + COLOURBAR_LABEL + COLOURBAR_WIDTH + COLOURBAR_GAP,
    )
    drawing.text(
        (box.left + box.right) / 2,
        MARGIN_TOP - 6,
        "Symptoms week by week (average severity, 0 none to 3 severe)",
        size=TITLE_SIZE,
    )
    cell_width = box.width / len(weeks)
    cell_height = box.height / len(present)
    # The cells of one colour are one path of strokes as tall as a row (see _Drawing.markers),
    # each a hair longer and taller than its cell so that no gap shows between neighbours.
    cells: dict[str, list[str]] = defaultdict(list)
    for row, symptom in enumerate(present):
        top = box.top + row * cell_height
        middle = top + cell_height / 2
        for column, week in enumerate(weeks):
            colour = severity_colour(week.symptoms.get(symptom.id, 0.0))
            cells[colour].append(
                f"M{_n(box.left + column * cell_width)} {_n(middle)}h{_n(cell_width + 0.3)}"
            )
        drawing.line(box.left - TICK_LENGTH, middle, box.left, middle)
        drawing.text(
            box.left - TICK_LENGTH - 2,
            middle + 2.2,
            symptom.label,
            size=HEAT_MAP_FONT_SIZE,
            anchor="end",
        )
    for colour, shapes in cells.items():
        drawing.strokes("".join(shapes), colour, cell_height + 0.3)
    # As many week labels as fit side by side ("27 Oct" is six characters).
    step = max(1, math.ceil((_label_width(["27 Oct"], HEAT_MAP_FONT_SIZE) + 6) / cell_width))
    for index in range(0, len(weeks), step):
        x = box.left + (index + 0.5) * cell_width
        drawing.line(x, box.bottom, x, box.bottom + TICK_LENGTH)
        drawing.text(
            x,
            box.bottom + TICK_LENGTH + 7,
            f"{weeks[index].week_start:%d %b}",
            size=HEAT_MAP_FONT_SIZE,
        )
    drawing.text((box.left + box.right) / 2, box.bottom + 25, "week starting")
    bar_left = box.right + COLOURBAR_GAP
    steps = 24
    for index in range(steps):
        value = catalogue.MAX_SEVERITY * (index + 0.5) / steps
        top = box.bottom - box.height * (index + 1) / steps
        drawing.rect(
            bar_left, top, COLOURBAR_WIDTH, box.height / steps + 0.3, severity_colour(value)
        )
    for level in range(catalogue.MAX_SEVERITY + 1):
        y = box.bottom - box.height * level / catalogue.MAX_SEVERITY
        drawing.line(bar_left + COLOURBAR_WIDTH, y, bar_left + COLOURBAR_WIDTH + 2.5, y)
        drawing.text(
            bar_left + COLOURBAR_WIDTH + 4,
            y + 2.2,
            str(level),
            size=HEAT_MAP_FONT_SIZE,
            anchor="start",
        )
    drawing.text(
        bar_left + COLOURBAR_WIDTH + 20,
        (box.top + box.bottom) / 2,
        "severity",
        size=SMALL_SIZE,
        rotate=True,
    )
    busiest = sorted(present, key=lambda s: -sum(w.symptoms.get(s.id, 0) for w in weeks))[:3]
    alt = (
        f"Heat map of {len(present)} symptoms over {len(weeks)} weeks, from "
        f"{weeks[0].week_start:%d %b %Y} to {weeks[-1].week_start:%d %b %Y}. Highest overall: "
        + ", ".join(s.label.lower() for s in busiest)
        + "."
    )
    return Chart(id="heat-map", title="Symptoms by week", svg=drawing.svg(), alt=alt)


def weight_chart(points: Sequence[WeightPoint]) -> Chart | None:
    """Return weight over time; None with fewer than two weights."""
    if len(points) < 2:  # a line needs two points
        return None
    first, last = points[0], points[-1]
    change = (last.kg - first.kg) / first.kg * 100
    drawing = _Drawing(1.7 * POINTS_PER_INCH)
    box = _box(drawing)
    # The axis is zoomed to the weights, so it does not start at zero and small changes look
    # large: the title says so and gives the change in percent, the figure to read.
    _axes(
        drawing,
        box,
        title=f"Body weight: {change:+.1f}% from first to last (axis does not start at 0 kg)",
        xlabel="date",
        ylabel="kg (axis does not start at 0)",
    )
    days = [p.recorded_at.date() for p in points]
    x = _date_axis(drawing, box, days)
    y = _y_axis(drawing, box, [p.kg for p in points])
    first_day = min(days)
    drawing.series(
        [(x((day - first_day).days), y(p.kg)) for day, p in zip(days, points, strict=True)],
        GREEN,
        "circle",
    )
    lightest = min(points, key=lambda p: p.kg)
    alt = (
        f"Body weight, {len(points)} measurements: {first.kg:g} kg on {first.recorded_at:%d %b %Y},"
        f" {last.kg:g} kg on {last.recorded_at:%d %b %Y} ({change:+.1f}%); lowest "
        f"{lightest.kg:g} kg on {lightest.recorded_at:%d %b %Y}. The axis does not start at zero."
    )
    return Chart(id="weight", title="Weight over time", svg=drawing.svg(), alt=alt)


def charts(entries: Sequence[EntryPublic], analysis: Analysis) -> list[Chart]:
    """Return the report's charts in report order, leaving out those without data."""
    points = [
        WeightPoint(entry_id=e.id, recorded_at=e.recorded_at, kg=e.weight_kg)
        for e in entries
        if e.weight_kg is not None
    ]
    found = (
        home_tests_chart(session_changes(entries)),
        time_of_day_chart(analysis),
        heat_map_chart(analysis.weeks.weeks),
        weight_chart(points),
    )
    return [chart for chart in found if chart is not None]
