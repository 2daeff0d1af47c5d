"""The Learn pages over real HTTP: index, search, article, review status, review page, links."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import httpx
from bs4 import BeautifulSoup

from lems_companion.accounts.service import find_user
from lems_companion.cli.content import review_article
from lems_companion.db.engine import session_scope
from lems_companion.learn.articles import find_article, published_articles
from lems_companion.learn.models import ArticleReview
from lems_companion.learn.reviews import REVIEW_VALID_DAYS
from tests.conftest import Persona, csrf_token, enrol_second_factor, totp_now, web_sign_in
from tests.web.test_pages import post_entry


def page(response: httpx.Response) -> BeautifulSoup:
    assert response.status_code == 200, response.text
    return BeautifulSoup(response.text, "html.parser")


def add_review(db_url: str, *, on: date, sha256: str | None = None) -> None:
    article = find_article("red-flags")
    assert article is not None
    with session_scope(db_url) as db:
        db.add(
            ArticleReview(
                slug="red-flags",
                reviewer_name="Dr Ada Lovelace",
                reviewed_on=on,
                content_sha256=sha256 or article.sha256,
                recorded_at=datetime.now(UTC),
            )
        )


def test_the_index_lists_every_article_for_a_visitor(http: httpx.Client) -> None:
    index = page(http.get("/learn"))
    titles = [a.get_text() for a in index.select(".article-item h2 a")]
    assert titles == [article.title for article in published_articles()]
    assert index.select_one("nav") is None, "a visitor sees no account navigation"


def test_search_finds_articles_with_every_word(http: httpx.Client) -> None:
    results = page(http.get("/learn", params={"q": "CT scan"}))
    links = [a["href"] for a in results.select(".article-item h2 a")]
    assert "/learn/lung-cancer-screening" in links
    assert "/learn/keeping-a-diary" not in links
    assert "for “CT scan”" in results.select_one(".search-summary").get_text()


def test_a_search_without_results_says_so(http: httpx.Client) -> None:
    results = page(http.get("/learn", params={"q": "xylophone"}))
    assert results.select(".article-item") == []
    assert "No article contains" in results.select_one(".empty").get_text()


def test_an_article_shows_its_short_answer_first_then_status_sources_and_disclaimer(
    http: httpx.Client,
) -> None:
    article = page(http.get("/learn/red-flags")).select_one("article.learn-article")
    parts = [child for child in article.children if getattr(child, "name", None)]
    names = [child.get("class", [child.name])[0] for child in parts]
    assert names.index("short-answer") < names.index("article-body") < names.index("sources")
    assert names[-1] == "article-disclaimer"
    status = article.select_one(".review-status").get_text()
    assert status.startswith("Awaiting clinical review") and "Medically reviewed" not in status
    assert article.select_one(".updated time")["datetime"] == "2026-11-24"
    assert len(article.select(".sources li")) == len(find_article("red-flags").sources)  # type: ignore[union-attr]
    assert article.select_one('.article-body sup.citation a[href="#source-1"]')
    assert article.select_one("#source-1")


def test_a_recorded_review_shows_the_clinicians_name_and_date(
    http: httpx.Client, db_url: str
) -> None:
    review_article(db_url, "red-flags", reviewer="Dr Ada Lovelace")
    article = page(http.get("/learn/red-flags"))
    status = article.select_one(".review-status")
    assert status.get_text().startswith("Medically reviewed by Dr Ada Lovelace on")
    assert status.select_one("time")["datetime"] == date.today().isoformat()
    assert article.select_one(".banner-lapsed") is None


def test_an_old_review_shows_the_lapsed_banner_first(http: httpx.Client, db_url: str) -> None:
    add_review(db_url, on=date.today() - timedelta(days=REVIEW_VALID_DAYS + 1))
    article = page(http.get("/learn/red-flags"))
    banner = article.select_one("main > .banner-lapsed:first-child")
    assert banner is not None and "more than twelve months ago" in banner.get_text()
    assert "Medically reviewed" not in article.select_one(".review-status").get_text()


def test_a_review_of_an_older_text_shows_the_lapsed_banner(http: httpx.Client, db_url: str) -> None:
    add_review(db_url, on=date.today(), sha256="0" * 64)
    banner = page(http.get("/learn/red-flags")).select_one(".banner-lapsed")
    assert "has changed since Dr Ada Lovelace reviewed it" in banner.get_text()


def test_an_unknown_article_is_not_found(http: httpx.Client) -> None:
    response = http.get("/learn/no-such-article")
    assert response.status_code == 404
    assert "no such article" in response.text


def test_a_patient_cannot_record_a_review(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    assert http.get("/learn/red-flags/review").status_code == 403
    token = csrf_token(http)
    response = http.post(
        "/learn/red-flags/review",
        data={"csrf_token": token, "reviewer": "Dr Me", "confirmed": "true"},
    )
    assert response.status_code == 403
    status = page(http.get("/learn/red-flags")).select_one(".review-status").get_text()
    assert status.startswith("Awaiting clinical review")


def test_a_visitor_is_sent_to_sign_in_for_the_review_page(http: httpx.Client) -> None:
    response = http.get("/learn/red-flags/review")
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_a_signed_in_person_sees_the_nav_with_a_learn_link(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    article = page(http.get("/learn/early-signs"))
    assert article.select_one('nav a[href="/learn"]')


def test_an_emergency_alert_links_to_the_red_flag_article(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    saved = post_entry(
        http,
        {"recorded_at": "2026-03-01T08:30", "tz": "Europe/London", "note": "I choked on my tea"},
    )
    entry = page(http.get(saved.headers["location"]))
    alert = entry.select_one("main > .alert[role=alert]")
    assert alert.select_one('a[href="/learn/red-flags"]').get_text() == "What to do and why"
    assert alert.select("button") == []


def test_the_diary_form_and_red_flag_pages_link_to_their_articles(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    diary = page(http.get("/diary"))
    assert diary.select_one('a[href="/learn/keeping-a-diary"]')
    flags = page(http.get("/red-flags"))
    assert flags.select_one('main a[href="/learn/red-flags"]')
    form = page(http.get("/entries/new"))
    for group in form.select(".symptom-group"):
        link = group.select_one(".learn-link a")
        assert link is not None and link["href"].startswith("/learn/")
    # The swallowing, choking and breathing questions come first, with what to do about them.
    first = form.select_one('.symptom-group[aria-labelledby="your-symptoms"] .learn-link a')
    assert first is not None
    assert first["href"] == "/learn/red-flags#swallowing-choking-and-breathing"


def test_the_appointment_page_links_to_the_tests_article(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    appointment = page(http.get("/appointment"))
    assert appointment.select_one('main a[href="/learn/tests-to-ask-for"]')


def make_clinician(db_url: str, persona: Persona) -> None:
    with session_scope(db_url) as db:
        user = find_user(db, persona.email)
        assert user is not None
        user.is_clinician = True


def test_a_clinician_records_a_review_on_the_web(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    make_clinician(db_url, patient)
    web_sign_in(http, patient, code=totp_now(enrol_second_factor(db_url, patient.email)))
    article = page(http.get("/learn/red-flags"))
    assert article.select_one('a[href="/learn/red-flags/review"]')
    form = page(http.get("/learn/red-flags/review")).select_one("main form")
    token = form.select_one("input[name=csrf_token]")["value"]

    unconfirmed = http.post(
        "/learn/red-flags/review", data={"csrf_token": token, "reviewer": "Dr Ada Lovelace"}
    )
    assert unconfirmed.status_code == 422
    assert "Confirm" in page_of(unconfirmed).select_one("#error-summary").get_text()

    saved = http.post(
        "/learn/red-flags/review",
        data={"csrf_token": token, "reviewer": "Dr Ada Lovelace", "confirmed": "true"},
    )
    assert saved.status_code == 303
    shown = page(http.get(saved.headers["location"]))
    assert shown.select_one(".notice").get_text() == "Your review was recorded."
    status = shown.select_one(".review-status").get_text()
    assert status.startswith("Medically reviewed by Dr Ada Lovelace on")


def test_a_review_needs_the_clinicians_name(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    make_clinician(db_url, patient)
    web_sign_in(http, patient, code=totp_now(enrol_second_factor(db_url, patient.email)))
    response = http.post(
        "/learn/red-flags/review",
        data={"csrf_token": csrf_token(http), "reviewer": "  ", "confirmed": "true"},
    )
    assert response.status_code == 422
    assert "reviewer's name" in page_of(response).select_one("#error-summary").get_text()


def page_of(response: httpx.Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")
