"""One report: the web page, the CLI, a share link and a clinician's view give the same document."""

from __future__ import annotations

from pathlib import Path

import httpx
from bs4 import BeautifulSoup

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.rules.delta_p import DeltaPInput
from lems_companion.sharing.service import create_link
from lems_companion.tools.records import run_delta_p
from lems_companion.tools.service import open_record, save_result
from tests.cli.test_cli import lems
from tests.conftest import Persona, web_sign_in
from tests.reports.test_report_pages import fill_diary

DELTA_P = DeltaPInput(
    age_at_onset=62,
    sex="male",
    smoker_at_onset=True,
    weight_loss_percent=6,
    bulbar=True,
    erectile_dysfunction=False,
    karnofsky=80,
)


def save_delta_p(db_url: str, persona: Persona) -> None:
    """Save a DELTA-P result (4 of 6) to the persona's own record, as the tools page does."""
    with session_scope(db_url) as db:
        owner = find_user(db, persona.email)
        assert owner is not None
        record = open_record(db, viewer=owner, owner_id=owner.id, action="create", target="delta_p")
        result = run_delta_p(DELTA_P).model_dump(mode="json")
        save_result(
            db, record=record, kind="delta_p", inputs=DELTA_P.model_dump(mode="json"), result=result
        )


def report_content(html: str) -> str:
    """Return the report's body as markup, without the moment it was produced."""
    main = BeautifulSoup(html, "html.parser").select_one("main.report")
    assert main is not None, html[:500]
    for term in main.select(".report-meta dt"):
        if term.get_text() == "Produced":
            produced = term.find_next_sibling("dd")
            assert produced is not None
            produced.decompose()
    return str(main)


def test_web_cli_and_share_link_reports_are_the_same_document(
    http: httpx.Client, db_url: str, patient: Persona, tmp_path: Path
) -> None:
    fill_diary(db_url, patient, flag=True)
    save_delta_p(db_url, patient)
    web_sign_in(http, patient)
    web = report_content(http.get("/report.html").text)
    output = tmp_path / "report.html"
    cli = lems(db_url, "report", "--user", patient.email, "--format", "html", "-o", str(output))
    assert cli.returncode == 0, cli.stderr
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        token, _ = create_link(db, owner=owner, scope="report")
    http.cookies.clear()
    linked = report_content(http.get(f"/s/{token}/report").text)
    assert report_content(output.read_text(encoding="utf-8")) == web
    assert linked == web
    soup = BeautifulSoup(web, "html.parser")
    assert "food sticking in my throat" in soup.select_one("#red-flags .flag-emergency").get_text()
    assert "DELTA-P 4 of 6" in soup.select_one("#clinician-tools .tool-results").get_text()
