"""The clinician report and the appointment preparation, built from an analysis.

Report order (issue 4, docs/analysis.md): period and patient; red flags with dates and the words
that raised them; key observations with charts; features in clinical terms with HPO ids; tests
done and tests to discuss; medications, with a warning for any that can worsen LEMS; disclaimer.

Rendering uses the web app's Jinja2 templates (``report_*.html``, ``appointment_*.html``) so the
page, the printout and the PDF cannot drift apart. The PDF goes through WeasyPrint.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from lems_companion import catalogue
from lems_companion.analysis.patterns import Analysis, analyze
from lems_companion.diary.flags import FlagPublic, FlagRecord, plain_name
from lems_companion.diary.schemas import EntryPublic
from lems_companion.investigations.schemas import KINDS, InvestigationPublic, Kind
from lems_companion.reports.charts import Chart, charts
from lems_companion.tools.records import ToolsSection

PACKAGE_DIR = Path(__file__).resolve().parents[1]
TEMPLATES_DIR = PACKAGE_DIR / "web" / "templates"
STATIC_DIR = PACKAGE_DIR / "web" / "static"
REPORT_CSS = STATIC_DIR / "report.css"
# Each red flag is listed with its dates and words. Beyond this many occurrences of one prompt
# flag the oldest are summarised with their count and date range, so a year of entries stays
# within four pages; emergencies are always listed in full. The app's red-flag page shows all.
MAX_FLAG_ROWS = 6
# Observations cite at most this many entry ids; the analysis JSON has all of them.
MAX_CITED_ENTRIES = 8

# Spec section 1: every report says that the app informs and does not diagnose.
REPORT_DISCLAIMER = (
    "This report was produced by LEMS Companion from the patient's own diary entries. It "
    "describes patterns in what was recorded and lists what a clinician may want to check. It "
    "is information, not a diagnosis: the app does not diagnose or rule out any condition, and "
    "it does not replace a clinical assessment."
)

# Spec section 4: appointment preparation wording.
SCREENING_REQUEST = (
    "I have been keeping a diary of muscle weakness and other symptoms. I would like to be "
    "assessed for an autoimmune neuromuscular condition, including a blood test for P/Q-type "
    "voltage-gated calcium channel (VGCC) antibodies and nerve conduction studies with "
    "repetitive nerve stimulation, and to be referred to a neuromuscular specialist."
)
REFERRAL_REQUEST = (
    "Could you refer me to a neuromuscular specialist (a neurologist with a neuromuscular "
    "clinic)? I would like my diary and the tests listed here to be looked at together."
)
SECOND_OPINION = (
    "You may ask for a second opinion if your symptoms are not explained, if tests have not been "
    "done, or if things are getting worse. Ask your doctor to refer you to a neuromuscular "
    "clinic at an academic medical centre (a university hospital) or to a rare-disease centre; "
    "in Europe, the neuromuscular European Reference Network (EURO-NMD) lists such centres. "
    "Bring this printout, your diary report and copies of any test results."
)


@dataclass(frozen=True, slots=True)
class FlagGroup:
    """One red flag with its occurrences; the oldest beyond MAX_FLAG_ROWS summarised."""

    flag: str
    name: str
    level: str
    shown: list[FlagPublic]
    more: int
    first: datetime
    last: datetime

    @property
    def plain_name(self) -> str:
        """Return the flag's name with what its level asks ("Choking - get urgent care now")."""
        return plain_name(self.flag, self.level)


@dataclass(frozen=True, slots=True)
class TestToDiscuss:
    """A test to discuss: recorded as pending, or suggested by spec section 4 and not recorded."""

    kind: Kind
    recorded: InvestigationPublic | None


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the clinician report shows, in report order."""

    patient: str
    time_zone: str
    generated_at: datetime
    analysis: Analysis
    charts: list[Chart]
    flag_groups: list[FlagGroup]
    features: list[dict[str, Any]]
    tests_done: list[InvestigationPublic]
    tests_to_discuss: list[TestToDiscuss]
    disclaimer: str = REPORT_DISCLAIMER
    # Saved clinician-tool results and the screening schedule; None when the caller has none.
    tools: ToolsSection | None = None


def group_flags(flags: Sequence[FlagPublic]) -> list[FlagGroup]:
    """Return the red flags grouped by flag, most urgent first; empty when none."""
    by_flag: dict[str, list[FlagPublic]] = defaultdict(list)
    for flag in flags:  # already most urgent first, then oldest first
        by_flag[flag.id].append(flag)
    groups = []
    for flag_id, items in by_flag.items():
        recent = sorted(items, key=lambda f: f.recorded_at)
        # Spec section 1: an emergency is never batched, so each one is listed with its words;
        # a prompt flag repeated entry after entry (an ongoing cough) keeps its latest rows.
        shown = recent if items[0].level == "emergency" else recent[-MAX_FLAG_ROWS:]
        groups.append(
            FlagGroup(
                flag=flag_id,
                name=items[0].name,
                level=items[0].level,
                shown=shown,
                more=len(items) - len(shown),
                first=recent[0].recorded_at,
                last=recent[-1].recorded_at,
            )
        )
    return groups


def clinical_features(analysis: Analysis) -> list[dict[str, Any]]:
    """Return each recorded symptom in clinical terms (HPO id and label) with how often."""
    features = []
    for group in analysis.groups.by_group:
        for item in group.symptoms:
            features.append(
                {
                    "hpo": item.hpo,
                    "hpo_labels": item.hpo_labels,
                    "label": item.label,
                    "group": group.title,
                    "entries_with": item.entries_with,
                    "entries": analysis.groups.entries,
                    "max_severity": catalogue.SEVERITY_LABELS[item.max_severity],
                    "first": item.first_recorded,
                    "last": item.last_recorded,
                }
            )
    return features


def tests_to_discuss(investigations: Sequence[InvestigationPublic]) -> list[TestToDiscuss]:
    """Return pending tests and the spec section 4 tests with no record; empty when all done."""
    pending = [
        TestToDiscuss(kind=next(k for k in KINDS if k.id == item.kind), recorded=item)
        for item in investigations
        if item.status == "pending"
    ]
    recorded_kinds = {item.kind for item in investigations}
    missing = [
        TestToDiscuss(kind=kind, recorded=None)
        for kind in KINDS
        if kind.ask_about and kind.id not in recorded_kinds
    ]
    return pending + missing


def build_report(
    entries: Sequence[EntryPublic],
    *,
    flags: Sequence[FlagRecord],
    investigations: Sequence[InvestigationPublic],
    patient: str,
    time_zone: str,
    since: datetime | None = None,
    until: datetime | None = None,
    now: datetime | None = None,
    tools: ToolsSection | None = None,
) -> Report:
    """Return the report of these entries, red flags and tests for one patient."""
    analysis = analyze(entries, flags=flags, since=since, until=until)
    return Report(
        patient=patient,
        time_zone=time_zone,
        generated_at=now or datetime.now(UTC),
        analysis=analysis,
        charts=charts(entries, analysis),
        flag_groups=group_flags(analysis.red_flags),
        features=clinical_features(analysis),
        tests_done=[item for item in investigations if item.status == "done"],
        tests_to_discuss=tests_to_discuss(investigations),
        tools=tools,
    )


@cache
def environment() -> Environment:
    """Return the Jinja2 environment over the web templates, for documents outside a request."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        catalogue=catalogue, severity_labels=catalogue.SEVERITY_LABELS, max_cited=MAX_CITED_ENTRIES
    )
    return env


def render_report_html(report: Report, *, stylesheet: str | None = None) -> str:
    """Return the report as a standalone HTML document; the CSS inline unless a link is given.

    Inline CSS makes a file that opens anywhere (``lems report --format html``); the PDF links
    the packaged file instead. Reads report.css when inlining.
    """
    template = environment().get_template("report_document.html")
    css = None if stylesheet else REPORT_CSS.read_text(encoding="utf-8")
    return template.render(report=report, stylesheet=stylesheet, inline_css=css)


def render_report_pdf(report: Report) -> bytes:
    """Return the report as PDF bytes (WeasyPrint; A4, numbered pages). Reads report.css."""
    return html_to_pdf(render_report_html(report, stylesheet=REPORT_CSS.as_uri()))


def html_to_pdf(html: str) -> bytes:
    """Return this HTML document as PDF bytes; local stylesheets are read from the static folder."""
    # Imported here: WeasyPrint loads Pango at import, which the rest of the app never needs.
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/").write_pdf()
    return pdf


def report_pages(report: Report) -> list[Any]:
    """Return the laid-out PDF pages of the report (WeasyPrint page objects), for checks."""
    from weasyprint import HTML

    html = render_report_html(report, stylesheet=REPORT_CSS.as_uri())
    return list(HTML(string=html, base_url=STATIC_DIR.as_uri() + "/").render().pages)
