"""The clinician report and the appointment preparation, built from an analysis.

Report order (issue 4, docs/analysis.md): period and patient; red flags with dates and the words
that raised them; key observations with charts; features in clinical terms with HPO ids; tests
done and tests to discuss; medications, with a warning for any that can worsen LEMS; disclaimer.

Rendering uses the web app's Jinja2 templates (``report_*.html``, ``appointment_*.html``) so the
page, the printout and the PDF cannot drift apart. The PDF goes through WeasyPrint.

A report is in its READER's language (issue 20): a clinician reading a patient's report gets the
clinician's language, a patient their own. The language is chosen when the report is built (the
analysis words its observations then) and the documents are rendered in it.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, select_autoescape

from lems_companion import catalogue
from lems_companion.analysis.patterns import Analysis, analyze, medicine_key
from lems_companion.diary.alerts import flag_evidence
from lems_companion.diary.flags import FlagPublic, FlagRecord, plain_name
from lems_companion.diary.schemas import EntryPublic
from lems_companion.i18n import DEFAULT_LANGUAGE, documents, gettext_in
from lems_companion.investigations.schemas import KINDS, InvestigationPublic, Kind
from lems_companion.reports.chart import Chart, draw_charts
from lems_companion.rules import medicines
from lems_companion.tools.records import ToolResultPublic, ToolsSection
from lems_companion.triage.advice import flag_title

PACKAGE_DIR = Path(__file__).resolve().parents[1]
TEMPLATES_DIR = PACKAGE_DIR / "web" / "templates"
STATIC_DIR = PACKAGE_DIR / "web" / "static"
REPORT_CSS = STATIC_DIR / "report.css"
# WeasyPrint's PDF/UA-1 variant: a tagged PDF (structure tree, alt text, language, title).
PDF_VARIANT = "pdf/ua-1"
# Each red flag is listed with its dates and words. Beyond this many occurrences of one prompt
# flag, the first (when it began) and the latest are listed and the ones between summarised with
# their count, so a year of entries stays within four pages; emergencies are always listed in
# full. The app's red-flag page shows all.
MAX_FLAG_ROWS = 6
# Words for coughing up blood in a note (English, Spanish, French, German), the only ground on
# which the report asserts HP:0002105 Hemoptysis for a persistent cough.
HEMOPTYSIS_WORDS = re.compile(
    r"\b(blood|bloody|ha?emoptysis|sangre|sang|sanglant|blut|blutig)\b", re.IGNORECASE
)
# Observations cite at most this many entry ids; the analysis JSON has all of them.
MAX_CITED_ENTRIES = 8
# What gives a report its charts in a language: drawn now (the default) or kept
# (reports.chart_cache).
ChartSource = Callable[[Sequence[EntryPublic], Analysis, str], list[Chart]]


def report_disclaimer(language: str = DEFAULT_LANGUAGE) -> str:
    """Return what every report says about diagnosis (spec section 1), in the language."""
    return gettext_in(language).gettext(
        "This report was produced by LEMS Companion from the patient's own diary entries. It "
        "describes patterns in what was recorded and lists what a clinician may want to check. "
        "It is information, not a diagnosis: the app does not diagnose or rule out any "
        "condition, and it does not replace a clinical assessment."
    )


# Spec section 1: every report says that the app informs and does not diagnose.
REPORT_DISCLAIMER = report_disclaimer()


# Spec section 4: appointment preparation wording, in the patient's language.
def screening_request(language: str = DEFAULT_LANGUAGE) -> str:
    """Return the request for screening the patient may read out or hand over."""
    return gettext_in(language).gettext(
        "I have been keeping a diary of muscle weakness and other symptoms. I would like to be "
        "assessed for an autoimmune neuromuscular condition, including a blood test for P/Q-type "
        "voltage-gated calcium channel (VGCC) antibodies and nerve conduction studies with "
        "repetitive nerve stimulation, and to be referred to a neuromuscular specialist."
    )


def referral_request(language: str = DEFAULT_LANGUAGE) -> str:
    """Return the request for a referral to a neuromuscular specialist."""
    return gettext_in(language).gettext(
        "Could you refer me to a neuromuscular specialist (a neurologist with a neuromuscular "
        "clinic)? I would like my diary and the tests listed here to be looked at together."
    )


def second_opinion(language: str = DEFAULT_LANGUAGE) -> str:
    """Return when and how to ask for a second opinion."""
    return gettext_in(language).gettext(
        "You may ask for a second opinion if your symptoms are not explained, if tests have not "
        "been done, or if things are getting worse. Ask your doctor to refer you to a "
        "neuromuscular clinic at an academic medical centre (a university hospital) or to a "
        "rare-disease centre; in Europe, the neuromuscular European Reference Network "
        "(EURO-NMD) lists such centres. Bring this printout, your diary report and copies of "
        "any test results."
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
class DailyDose:
    """A medicine's usual total a day: the median over the days it was logged with a dose."""

    name: str
    mg_per_day: float
    days: int


def daily_doses(entries: Sequence[EntryPublic]) -> list[DailyDose]:
    """Return each medicine's median total dose a day over the days it was logged with a dose;
    empty when no dose was logged. Days are the entries' local dates."""
    per_day: dict[str, dict[date, float]] = defaultdict(lambda: defaultdict(float))
    for entry in entries:
        for item in entry.medications:
            if item.dose_mg is not None:
                per_day[medicine_key(item.name)][entry.recorded_at.date()] += item.dose_mg
    return [
        DailyDose(name=name, mg_per_day=float(statistics.median(days.values())), days=len(days))
        for name, days in sorted(per_day.items())
    ]


def mentions_blood(note: str | None) -> bool:
    """Return True when a note speaks of coughing up blood (hemoptysis); False otherwise."""
    return bool(note) and HEMOPTYSIS_WORDS.search(note or "") is not None


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
    # The reader's language (en, es, fr, de): the documents are rendered in it.
    language: str = DEFAULT_LANGUAGE
    # Saved clinician-tool results and the screening schedule; None when the caller has none.
    tools: ToolsSection | None = None
    # From the profile; None when not given.
    date_of_birth: date | None = None
    daily_doses: list[DailyDose] = field(default_factory=list)
    # Issue 14, who wrote what: entry id -> "written by NAME (caregiver)" for the entries of the
    # period not written by the patient; and (entry id, flag id) -> "seen by NAME (role) at ..."
    # for red flags someone acknowledged (the flag is listed all the same).
    written_by: dict[int, str] = field(default_factory=dict)
    seen_by: dict[tuple[int, str], list[str]] = field(default_factory=dict)

    @property
    def written_by_others(self) -> list[tuple[str, int]]:
        """Return each "written by ..." of the period with its number of entries, most first."""
        counts = Counter(self.written_by.values())
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    @property
    def latest_delta_p(self) -> ToolResultPublic | None:
        """Return the latest saved DELTA-P result; None when none was saved."""
        results = self.tools.results if self.tools else []
        return next((item for item in results if item.kind == "delta_p"), None)

    @property
    def tool_results(self) -> list[tuple[ToolResultPublic, int]]:
        """Return the saved tool results, each different one once (newest first) with how many
        times it was saved, so a result saved twice is not listed twice."""
        seen: dict[tuple[str, str], list[ToolResultPublic]] = {}
        for item in self.tools.results if self.tools else []:
            seen.setdefault((item.kind, item.summary), []).append(item)
        return [(items[0], len(items)) for items in seen.values()]


def group_flags(flags: Sequence[FlagPublic]) -> list[FlagGroup]:
    """Return the red flags grouped by flag, most urgent first; empty when none."""
    by_flag: dict[str, list[FlagPublic]] = defaultdict(list)
    for flag in flags:  # already most urgent first, then oldest first
        by_flag[flag.id].append(flag)
    groups = []
    for flag_id, items in by_flag.items():
        recent = sorted(items, key=lambda f: f.recorded_at)
        # Spec section 1: an emergency is never batched, so each one is listed with its words;
        # a prompt flag repeated entry after entry (an ongoing cough) keeps its first row (when
        # it began) and its latest ones.
        shown = recent
        if items[0].level != "emergency" and len(recent) > MAX_FLAG_ROWS:
            shown = recent[:1] + recent[-(MAX_FLAG_ROWS - 1) :]
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


def clinical_features(
    analysis: Analysis, entries: Sequence[EntryPublic] = ()
) -> list[dict[str, Any]]:
    """Return each recorded symptom in clinical terms (HPO id and label) with how often.

    Only a symptom's main HPO term is asserted; a further term (hemoptysis for a persistent
    cough) only when an entry recording the symptom says so in its note.
    """
    features = []
    for group in analysis.groups.by_group:
        for item in group.symptoms:
            asserted = 1
            if len(item.hpo) > 1 and any(
                entry.symptoms.get(item.id, 0) > 0 and mentions_blood(entry.note)
                for entry in entries
            ):
                asserted = len(item.hpo)
            features.append(
                {
                    "hpo": item.hpo[:asserted],
                    "hpo_labels": item.hpo_labels[:asserted],
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
    date_of_birth: date | None = None,
    written_by: dict[int, str] | None = None,
    seen_by: dict[tuple[int, str], list[str]] | None = None,
    language: str = DEFAULT_LANGUAGE,
    charts: ChartSource = draw_charts,
) -> Report:
    """Return the report of these entries, red flags and tests for one patient, for a reader
    of this language; ``written_by`` and ``seen_by`` name the authors of entries not written
    by the patient and who has acknowledged which red flag; ``charts`` gives the charts of the
    entries and analysis in that language."""
    analysis = analyze(entries, flags=flags, since=since, until=until, language=language)
    return Report(
        patient=patient,
        date_of_birth=date_of_birth,
        daily_doses=daily_doses(entries),
        time_zone=time_zone,
        generated_at=now or datetime.now(UTC),
        analysis=analysis,
        charts=charts(entries, analysis, language),
        flag_groups=group_flags(analysis.red_flags),
        features=clinical_features(analysis, entries),
        tests_done=[item for item in investigations if item.status == "done"],
        tests_to_discuss=tests_to_discuss(investigations),
        tools=tools,
        written_by=written_by or {},
        seen_by=seen_by or {},
        disclaimer=report_disclaimer(language),
        language=language,
    )


@cache
def environment() -> Environment:
    """Return the Jinja2 environment over the web templates, for documents outside a request.

    One per process: it keeps each template compiled (compiling the report's templates costs
    more than rendering them). Compiled templates are also kept on disk, in Jinja's own cache
    folder for this user, so that a command such as ``lems report`` does not compile them again
    in every process; Jinja compiles again any template whose source changed."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        bytecode_cache=FileSystemBytecodeCache(),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        catalogue=catalogue, severity_labels=catalogue.SEVERITY_LABELS, max_cited=MAX_CITED_ENTRIES
    )
    # The catalogue, Babel's formats and the medicine wordings, in the language the document
    # names as ``language``: the same installation as the web pages'.
    documents.install(env, wordings={**medicines.WORDINGS, "flag_evidence": flag_evidence})
    env.globals["flag_title"] = flag_title
    return env


def _css_string(text: str) -> str:
    """Return text as a CSS string literal (CSS Syntax 4.3.5: backslash escapes)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_footer_css(language: str = DEFAULT_LANGUAGE) -> str:
    """Return the printed pages' footers in the language: "Page 2 of 4" and the notice. They
    override report.css's English ones, as CSS cannot take text from the catalogue."""
    t = gettext_in(language)
    # The counters go where the language puts the numbers: marked with characters no text has.
    numbered = t.gettext("Page %(page)s of %(pages)s") % {"page": "\0", "pages": "\1"}
    counters = {"\0": "counter(page)", "\1": "counter(pages)"}
    pieces = re.split("(\0|\1)", numbered)
    content = " ".join(counters.get(piece) or _css_string(piece) for piece in pieces if piece)
    notice = _css_string(t.gettext("LEMS Companion: information, not diagnosis"))
    return (
        f"@page {{ @bottom-right {{ content: {content}; }} @bottom-left {{ content: {notice}; }} }}"
    )


def render_report_html(report: Report, *, stylesheet: str | None = None) -> str:
    """Return the report as a standalone HTML document; the CSS inline unless a link is given.

    Inline CSS makes a file that opens anywhere (``lems report --format html``); the PDF links
    the packaged file instead. Reads report.css when inlining. A document read from files (the
    PDF, the downloaded file) carries its pages' footers in the reader's language inline; one
    the app serves only links its stylesheet, as the app's CSP refuses inline style.
    """
    template = environment().get_template("report_document.html")
    css = None if stylesheet else REPORT_CSS.read_text(encoding="utf-8")
    from_files = stylesheet is None or stylesheet.startswith("file:")
    return template.render(
        report=report,
        stylesheet=stylesheet,
        inline_css=css,
        page_css=page_footer_css(report.language) if from_files else None,
        language=report.language,
    )


def render_report_pdf(report: Report) -> bytes:
    """Return the report as PDF bytes (WeasyPrint; A4, numbered pages). Reads report.css."""
    return html_to_pdf(render_report_html(report, stylesheet=REPORT_CSS.as_uri()))


def html_to_pdf(html: str) -> bytes:
    """Return this HTML document as PDF bytes; local stylesheets are read from the static folder."""
    # Imported here: WeasyPrint loads Pango at import, which the rest of the app never needs.
    from weasyprint import HTML

    # Tagged PDF/UA: a structure tree screen readers can navigate, the alt text kept, and the
    # document's title, author and language (from the HTML's <title>, author meta and lang).
    pdf: bytes = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/").write_pdf(
        pdf_variant=PDF_VARIANT
    )
    return pdf


def report_pages(report: Report) -> list[Any]:
    """Return the laid-out PDF pages of the report (WeasyPrint page objects), for checks."""
    from weasyprint import HTML

    html = render_report_html(report, stylesheet=REPORT_CSS.as_uri())
    return list(HTML(string=html, base_url=STATIC_DIR.as_uri() + "/").render().pages)
