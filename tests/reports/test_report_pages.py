"""Report, patterns, test tracker and appointment pages over real HTTP, on both databases."""

from __future__ import annotations

from datetime import date

import httpx
from bs4 import BeautifulSoup

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.diary.demo import demo_entries
from lems_companion.diary.models import EntryFlag
from lems_companion.diary.service import add_entries
from lems_companion.reports.appointment import MAX_TEXT_CHARS
from tests.conftest import Persona, csrf_token, web_sign_in

TODAY = date(2026, 3, 31)


def page(response: httpx.Response) -> BeautifulSoup:
    assert response.status_code == 200, response.text[:500]
    return BeautifulSoup(response.text, "html.parser")


def fill_diary(db_url: str, persona: Persona, *, flag: bool = False) -> None:
    """Store the demo diary (facilitation, amifampridine from day 28) for this persona."""
    with session_scope(db_url) as db:
        owner = find_user(db, persona.email)
        assert owner is not None
        rows = add_entries(db, owner=owner, items=demo_entries(today=TODAY))
        if flag:
            db.add(
                EntryFlag(
                    entry_id=rows[3].id,
                    user_id=owner.id,
                    flag="dysphagia",
                    level="emergency",
                    evidence="food sticking in my throat",
                    start=0,
                    end=26,
                    basis="spec section 3",
                )
            )


def test_the_report_page_shows_flags_observations_and_charts(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    fill_diary(db_url, patient, flag=True)
    web_sign_in(http, patient)
    soup = page(http.get("/report"))
    flag = soup.select_one("#red-flags .flag-emergency")
    assert "food sticking in my throat" in flag.get_text()
    observations = soup.select_one("#observations .observations").get_text()
    assert "sit-to-stand repetitions got faster" in observations
    assert "Amifampridine was first logged" in observations
    assert len(soup.select("#observations figure.chart img[alt]")) == 4
    assert soup.select_one('a[href="/report.pdf"]')


def test_the_report_downloads_as_pdf_and_html(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    fill_diary(db_url, patient)
    web_sign_in(http, patient)
    pdf = http.get("/report.pdf", params={"since": "2026-03-01", "until": "2026-03-31"})
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert "attachment" in pdf.headers["content-disposition"]
    html = http.get("/report.html")
    assert html.status_code == 200
    assert BeautifulSoup(html.text, "html.parser").select_one("style")  # opens anywhere


def test_the_period_limits_the_report(http: httpx.Client, db_url: str, patient: Persona) -> None:
    fill_diary(db_url, patient)
    web_sign_in(http, patient)
    soup = page(http.get("/report", params={"since": "2026-03-30", "until": "2026-03-31"}))
    period = soup.select(".report-meta dd")[1].get_text()
    assert "30 Mar 2026" in period and "entries" in period
    bad = http.get("/report", params={"since": "yesterday"})
    assert bad.status_code == 422


def test_a_visitor_is_sent_to_sign_in(http: httpx.Client) -> None:
    for path in ("/report", "/report.pdf", "/analysis", "/tests", "/appointment"):
        response = http.get(path)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login")


def test_the_report_shows_only_the_signed_in_users_diary(
    http: httpx.Client, db_url: str, patient: Persona, stranger: Persona
) -> None:
    fill_diary(db_url, patient, flag=True)
    web_sign_in(http, stranger)
    soup = page(http.get("/report"))
    assert "No red flags" in soup.select_one("#red-flags").get_text()
    assert "0 entries" in soup.select(".report-meta dd")[1].get_text()


def test_the_analysis_page_lists_observations_with_their_entries(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    fill_diary(db_url, patient)
    web_sign_in(http, patient)
    soup = page(http.get("/analysis"))
    item = soup.select_one('.observations li[data-topic="time_of_day"]')
    assert "worst in the morning" in item.get_text()
    assert item.select_one('a[href^="/entries/"]')
    assert len(soup.select("table.weeks tbody tr")) >= 8


def add_test(http: httpx.Client, **fields: str) -> httpx.Response:
    return http.post("/tests", data={**fields, "csrf_token": csrf_token(http, "/tests")})


def test_a_patient_records_tests_and_pending_ones_are_to_discuss(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    done = add_test(
        http, kind="edx", status="done", done_on="2026-03-01", increment_percent="135", result="ok"
    )
    assert done.status_code == 303
    assert add_test(http, kind="vgcc_antibodies", status="pending").status_code == 303
    soup = page(http.get("/tests"))
    items = soup.select(".tests .test-item")
    assert "to discuss" in items[0].get_text() and "VGCC" in items[0].get_text()
    assert "increment 135.0%" in items[1].get_text()
    report = page(http.get("/report"))
    assert "VGCC" in report.select_one("#tests .tests-to-discuss").get_text()


def test_a_wrong_test_is_explained_and_not_stored(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    response = add_test(http, kind="vgcc_antibodies", status="done", increment_percent="50")
    assert response.status_code == 422
    summary = BeautifulSoup(response.text, "html.parser").select_one(".error-summary")
    assert "only recorded for an electrodiagnostic study" in summary.get_text()
    assert not page(http.get("/tests")).select(".tests .test-item")


def test_a_test_form_without_the_csrf_token_is_refused(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    response = http.post("/tests", data={"kind": "edx", "status": "pending"})
    assert response.status_code == 403


def test_another_users_test_result_is_not_found(
    http: httpx.Client, patient: Persona, stranger: Persona
) -> None:
    web_sign_in(http, patient)
    add_test(http, kind="chest_ct", status="done", done_on="2026-02-01", result="clear")
    test_id = page(http.get("/tests")).select_one(".test-item a")["href"].rsplit("/", 1)[1]
    assert http.get(f"/tests/{test_id}").status_code == 200
    web_sign_in(http, stranger)
    assert http.get(f"/tests/{test_id}").status_code == 404
    token = csrf_token(http, "/tests")
    deleted = http.post(f"/tests/{test_id}/delete", data={"csrf_token": token})
    assert deleted.status_code == 404
    web_sign_in(http, patient)
    assert http.get(f"/tests/{test_id}").status_code == 200


def test_the_appointment_page_summarises_in_the_patients_words(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    fill_diary(db_url, patient)
    web_sign_in(http, patient)
    soup = page(http.get("/appointment"))
    summary = soup.select_one("form textarea[name=summary]").get_text()
    assert "I noted hip and thigh weakness in" in summary
    assert "usually worst in the morning" in summary
    assert "improved after moving" in summary
    asks = soup.select_one(".ask-tests").get_text()
    assert "VGCC" in asks and "Electrodiagnostic" in asks and "CT scan of the chest" in asks
    screening = soup.select_one("textarea[name=screening_request]").get_text()
    referral = soup.select_one("textarea[name=referral_request]").get_text()
    assert "autoimmune neuromuscular" in screening and "neuromuscular specialist" in referral
    assert "academic medical centre" in soup.get_text()
    assert "rare-disease centre" in soup.get_text()


def test_the_appointment_printout_has_a_print_stylesheet(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    soup = page(http.get("/appointment/print"))
    assert soup.select_one('link[href="/static/report.css"]')
    assert soup.select_one("h1").get_text() == "For my appointment"
    assert "I have not recorded any diary entries yet." in soup.select_one(".summary").get_text()
    css = http.get("/static/report.css").text
    assert "@media print" in css and "counter(pages)" in css


def test_the_appointment_texts_are_editable_in_a_form_that_prints_them(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    fill_diary(db_url, patient)
    web_sign_in(http, patient)
    form = page(http.get("/appointment")).select_one(
        'form[method=post][action="/appointment/print"]'
    )
    assert form.select_one("input[type=hidden][name=csrf_token]")["value"]
    for name in ("summary", "screening_request", "referral_request"):
        textarea = form.select_one(f"textarea[name={name}]")
        assert textarea["maxlength"] == str(MAX_TEXT_CHARS)
        assert form.select_one(f'label[for="{textarea["id"]}"]').get_text().strip()
    assert form.select_one("button[type=submit]").get_text() == "Print this"


def test_the_printout_shows_the_patients_edited_texts_escaped(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    fill_diary(db_url, patient)
    web_sign_in(http, patient)
    token = csrf_token(http, "/appointment")
    edited = {
        "csrf_token": token,
        "summary": "My legs give way on stairs.\r\n\r\n<b>Worse</b> in the heat.",
        "screening_request": "Could you test me for LEMS?",
        "referral_request": "",
    }
    soup = page(http.post("/appointment/print", data=edited))
    assert soup.select_one("h1").get_text() == "For my appointment"
    lines = [li.get_text() for li in soup.select(".summary li")]
    assert lines == ["My legs give way on stairs.", "<b>Worse</b> in the heat."]
    assert not soup.select(".summary b")
    requests = [p.get_text() for p in soup.select(".request")]
    assert requests == ["\u201cCould you test me for LEMS?\u201d"]
    assert "VGCC" in soup.select_one(".ask-tests").get_text()
    # Nothing is stored: the page still offers the generated text.
    again = page(http.get("/appointment")).select_one("textarea[name=summary]").get_text()
    assert "My legs give way" not in again and "usually worst in the morning" in again


def test_an_edited_text_too_long_to_print_is_refused_with_a_message(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    token = csrf_token(http, "/appointment")
    too_long = "a" * (MAX_TEXT_CHARS + 1)
    response = http.post(
        "/appointment/print", data={"csrf_token": token, "screening_request": too_long}
    )
    assert response.status_code == 422
    soup = BeautifulSoup(response.text, "html.parser")
    message = soup.select_one("#error-summary").get_text()
    assert "Asking for screening" in message and f"at most {MAX_TEXT_CHARS:,}" in message
    assert soup.select_one("textarea[name=screening_request]").get_text() == too_long
    # Line breaks count once, as in the textarea: a text the page accepts is printed.
    lines = "\r\n".join(["a" * 99] * (MAX_TEXT_CHARS // 100))
    fits = {"csrf_token": token, "summary": lines}
    assert http.post("/appointment/print", data=fits).status_code == 200


def test_printing_edited_texts_needs_the_forms_csrf_token(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    response = http.post("/appointment/print", data={"summary": "Edited"})
    assert response.status_code == 403


def test_pages_carry_no_inline_script_or_style(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    fill_diary(db_url, patient)
    web_sign_in(http, patient)
    for path in ("/report", "/analysis", "/tests", "/appointment", "/appointment/print"):
        soup = page(http.get(path))
        assert not soup.select("[style]"), path
        assert not [s for s in soup.select("script") if not s.get("src")], path
        assert not soup.select("style"), path


def test_the_analysis_page_shows_red_flags_first(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    fill_diary(db_url, patient, flag=True)
    web_sign_in(http, patient)
    soup = page(http.get("/analysis"))
    flags = soup.select_one("main .alert .flag-list")
    assert "food sticking in my throat" in flags.get_text()
    assert flags.find_next("ul", class_="observations")
