"""The saved clinician-tool results (each tool's name and its one-line summary) and what the
electrodiagnostic study and the VGCC antibody test look for, in the reader's language, figures
written as the language writes numbers: in the report (HTML and PDF), on the test tracker and on
the tool pages; the English text unchanged."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime

import httpx
import pytest
from bs4 import BeautifulSoup

from lems_companion.reports.report import build_report, render_report_html, render_report_pdf
from lems_companion.rules.delta_p import DeltaPInput
from lems_companion.rules.edx import EdxInput
from lems_companion.tools.records import (
    ToolResultPublic,
    ToolsSection,
    check_medicine,
    run_delta_p,
    run_edx,
)
from tests.conftest import Persona, web_sign_in
from tests.i18n.test_report_warnings_in_every_language import flat
from tests.reports.test_report_pages import add_test
from tests.tools.test_tool_pages import page, post

DELTA_P = DeltaPInput(
    age_at_onset=62,
    sex="male",
    smoker_at_onset=True,
    weight_loss_percent=6,
    bulbar=True,
    erectile_dysfunction=False,
    karnofsky=80,
)
EDX = EdxInput(cmap_rest_mv=1.5, cmap_after_exercise_mv=2.7, decrement_percent=12.5)
SAVED_AT = datetime(2026, 4, 2, 9, 30, tzinfo=UTC)

# Per language: the tools' names, the three saved results' summaries (DELTA-P 4, an EDX reading
# with a decrement, a macrolide in the medicine check), then what the EDX study and the VGCC
# antibodies look for.
READS = {
    "es": (
        ("Puntuación DELTA-P", "Calculadora del incremento EDX", "Comprobación de medicamentos"),
        (
            "DELTA-P 4 de 6: el 85,7 % de los pacientes con esta puntuación tenía un cáncer de "
            "pulmón de células pequeñas en la validación prospectiva (Maddison et al., Sci Rep "
            "2020).",
            "CMAP 1,5 mV en reposo, 2,7 mV tras el ejercicio: incremento del 80,00 %, alcanza el "
            "umbral del 60 %, por debajo del umbral del 100 %; decremento del 12,5 % (alcanza el "
            "10 %).",
            "Clarithromycin: Antibióticos macrólidos.",
        ),
        "un incremento del 100 % o más es el criterio clásico y se ha propuesto el 60 % o más.",
        "Un análisis de sangre; positivo en alrededor del 90 % de las personas con LEMS.",
    ),
    "fr": (
        ("Score DELTA-P", "Calculateur de l'incrément EDX", "Vérification des médicaments"),
        (
            "DELTA-P 4 sur 6 : 85,7 % des patients avec ce score avaient un cancer du poumon à "
            "petites cellules dans la validation prospective (Maddison et al., Sci Rep 2020).",
            "CMAP 1,5 mV au repos, 2,7 mV après effort : incrément de 80,00 %, atteint le seuil de "
            "60 %, sous le seuil de 100 % ; décrément de 12,5 % (atteint 10 %).",
            "Clarithromycin : Antibiotiques macrolides.",
        ),
        "un incrément de 100 % ou plus est le critère classique, et 60 % ou plus a été proposé.",
        "Une prise de sang ; positive chez environ 90 % des personnes atteintes de LEMS.",
    ),
    "de": (
        ("DELTA-P-Score", "Rechner für das EDX-Inkrement", "Medikamentenprüfung"),
        (
            "DELTA-P 4 von 6: 85,7 % der Patienten mit diesem Score hatten in der prospektiven "
            "Validierung einen kleinzelligen Lungenkrebs (Maddison et al., Sci Rep 2020).",
            "CMAP 1,5 mV in Ruhe, 2,7 mV nach Belastung: Inkrement 80,00 %, erreicht den "
            "Grenzwert von 60 %, unter dem Grenzwert von 100 %; Dekrement 12,5 % (erreicht 10 %).",
            "Clarithromycin: Makrolid-Antibiotika.",
        ),
        "ein Inkrement von 100 % oder mehr ist das klassische Kriterium, 60 % oder mehr wurde "
        "vorgeschlagen.",
        "Ein Bluttest; positiv bei etwa 90 % der Menschen mit LEMS.",
    ),
    "en": (
        ("DELTA-P score", "EDX increment calculator", "Medicine check"),
        (
            "DELTA-P 4 of 6: 85.7% had small-cell lung cancer at this score in the prospective "
            "validation (Maddison et al., Sci Rep 2020).",
            "CMAP 1.5 mV at rest, 2.7 mV after exercise: increment 80.00%, meets the 60% cut-off, "
            "below the 100% cut-off; decrement 12.5% (meets 10%).",
            "Clarithromycin: Macrolide antibiotics.",
        ),
        "an increment of 100% or more is the classic criterion and 60% or more has been proposed.",
        "A blood test; positive in about 90% of people with LEMS.",
    ),
}


def saved_results() -> list[ToolResultPublic]:
    """Return a DELTA-P result, an EDX reading and a medicine check as saved to a record."""
    runs = [
        ("delta_p", DELTA_P.model_dump(), run_delta_p(DELTA_P).model_dump()),
        ("edx", EDX.model_dump(), run_edx(EDX).model_dump()),
        ("medicine", {"name": "Clarithromycin"}, check_medicine("Clarithromycin").model_dump()),
    ]
    return [
        ToolResultPublic(
            id=number,
            kind=kind,
            inputs=inputs,
            result=result,
            saved_by="doctor@example.org",
            saved_at=SAVED_AT,
        )
        for number, (kind, inputs, result) in enumerate(runs, start=1)
    ]


@pytest.mark.parametrize("language", READS)
def test_the_reports_tool_results_and_tests_speak_the_readers_language(language: str) -> None:
    labels, summaries, edx_looks_for, vgcc_looks_for = READS[language]
    report = build_report(
        [],
        flags=[],
        investigations=[],  # so the EDX study and the VGCC antibodies are to discuss
        patient="Ada",
        time_zone="UTC",
        now=datetime(2026, 5, 1, tzinfo=UTC),
        tools=ToolsSection(results=saved_results(), screening=None),
        language=language,
    )
    html = BeautifulSoup(render_report_html(report), "html.parser")
    results = [flat(li.get_text()) for li in html.select("#clinician-tools .tool-results li")]
    assert len(results) == len(summaries)
    for shown, label, summary in zip(results, labels, summaries, strict=True):
        assert shown.startswith(label + ",") and shown.endswith(": " + summary)
    assert summaries[0] in flat(html.select_one("#summary").get_text())  # the DELTA-P line
    to_discuss = flat(html.select_one("#tests .tests-to-discuss").get_text())
    assert edx_looks_for in to_discuss and vgcc_looks_for in to_discuss

    pdf = subprocess.run(
        ["pdftotext", "-", "-"], input=render_report_pdf(report), capture_output=True, check=True
    ).stdout.decode()
    text = flat(pdf)
    for shown in (*labels, *summaries, edx_looks_for, vgcc_looks_for):
        assert shown in text, shown


@pytest.mark.parametrize("language", READS)
def test_the_test_tracker_says_what_each_test_looks_for_in_the_readers_language(
    http: httpx.Client, patient: Persona, language: str
) -> None:
    web_sign_in(http, patient)
    http.headers["Accept-Language"] = f"{language}-XX, en;q=0.5"
    assert add_test(http, kind="edx", status="pending").status_code == 303
    assert add_test(http, kind="vgcc_antibodies", status="pending").status_code == 303
    links = [a["href"] for a in page(http.get("/tests")).select(".tests .test-item a")]
    shown = [page(http.get(link)) for link in links]
    assert all(item.html is not None and item.html["lang"] == language for item in shown)
    looks_for = " ".join(flat(item.select_one("#looks-for").get_text()) for item in shown)
    _, _, edx_looks_for, vgcc_looks_for = READS[language]
    assert edx_looks_for in looks_for and vgcc_looks_for in looks_for


@pytest.mark.parametrize("language", READS)
def test_a_saved_tool_result_reads_in_the_readers_language_on_its_page(
    http: httpx.Client, patient: Persona, language: str
) -> None:
    web_sign_in(http, patient)
    http.headers["Accept-Language"] = f"{language}-XX, en;q=0.5"
    form = {"cmap_rest_mv": "1,5", "cmap_after_exercise_mv": "2.7", "decrement_percent": "12.5"}
    assert post(http, "/tools/edx", **form, action="save").status_code == 200
    [saved] = page(http.get("/tools/edx")).select(".saved-result")
    _, summaries, _, _ = READS[language]
    assert flat(saved.get_text()).startswith(summaries[1])
