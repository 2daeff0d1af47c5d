"""Learn pages: the article index with search, one page per article, and the clinician review
pages (of an article's version, and of a language's clinical wording).

The articles are public (no sign-in needed); the nav appears for a signed-in person as elsewhere.
Each is shown in the reader's language where translated, else in English with a note saying so.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse

from lems_companion.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_
from lems_companion.learn.articles import (
    Article,
    find_article,
    published_articles,
    render_body,
    search,
)
from lems_companion.learn.language_reviews import (
    TRANSLATED_LANGUAGES,
    language_status,
    record_language_review,
    reviews_of,
)
from lems_companion.learn.reviews import (
    REVIEW_VALID_DAYS,
    ReviewError,
    is_clinician,
    record_review,
    review_status,
)
from lems_companion.web.deps import DbSession, MaybeWebUser, SignedIn, WebUser, WebUserPosting
from lems_companion.web.templating import page_language, templates

router = APIRouter()
# Longer queries are cut: nobody types more, and it bounds the work a request can ask for.
MAX_QUERY_LENGTH = 200
# Shown in the reader's language by the template (it passes the message through the catalogue).
ARTICLE_UNCONFIRMED = N_("Confirm that you have checked this version against its sources.")
LANGUAGE_UNCONFIRMED = N_(
    "Confirm that you have checked this language's alerts, advice, questions and explanations "
    "against the English text."
)


def _article_or_404(slug: str, language: str = DEFAULT_LANGUAGE) -> Article:
    """Return the published article with this slug, in the language where translated; 404 when
    there is none."""
    article = find_article(slug, language if language in LANGUAGES else DEFAULT_LANGUAGE)
    if article is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Not found: there is no such article.")
    return article


def _require_clinician(signed_in: SignedIn) -> None:
    """Return nothing when the account may record reviews; 403 otherwise."""
    if not is_clinician(signed_in.user):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "Only a clinician's account can record a clinical review.",
        )


@router.get("/learn", response_class=HTMLResponse)
def learn_index(request: Request, signed_in: MaybeWebUser, q: str = "") -> Response:
    """List the articles; with ``q``, those that contain every word searched for."""
    query = q.strip()[:MAX_QUERY_LENGTH]
    articles = published_articles(page_language(request, signed_in.user if signed_in else None))
    context = {
        "signed_in": signed_in,
        "query": query,
        "articles": search(query, articles) if query else articles,
    }
    return templates.TemplateResponse(request, "learn_index.html", context)


def _language_review_page(
    request: Request, db: DbSession, signed_in: SignedIn, error: str | None = None
) -> Response:
    """Return the page of each translated language's review status, history and form."""
    context = {
        "signed_in": signed_in,
        "language_reviews": [
            (code, LANGUAGES[code], language_status(db, code), reviews_of(db, code))
            for code in TRANSLATED_LANGUAGES
        ],
        "valid_days": REVIEW_VALID_DAYS,
        "error": error,
    }
    code = status.HTTP_422_UNPROCESSABLE_CONTENT if error else status.HTTP_200_OK
    return templates.TemplateResponse(
        request, "learn_language_review.html", context, status_code=code
    )


# Registered before /learn/{slug}/review, which would otherwise take "languages" for a slug.
@router.get("/learn/languages/review", response_class=HTMLResponse)
def language_review_page(request: Request, db: DbSession, signed_in: WebUser) -> Response:
    """Show a clinician each language's review status and the form that records a review."""
    _require_clinician(signed_in)
    return _language_review_page(request, db, signed_in)


@router.post("/learn/languages/review", response_class=HTMLResponse)
def record_language_review_page(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    language: Annotated[str, Form()] = "",
    reviewer: Annotated[str, Form()] = "",
    confirmed: Annotated[bool, Form()] = False,
) -> Response:
    """Record the clinician's review of a language's clinical wording; the page again with a
    message if incomplete (nothing is stored then)."""
    _require_clinician(signed_in)
    error = None if confirmed else LANGUAGE_UNCONFIRMED
    if error is None:
        try:
            record_language_review(db, language, reviewer=reviewer, recorded_by=signed_in.user)
        except ReviewError as problem:
            error = str(problem).capitalize() + "."
    if error is not None:
        return _language_review_page(request, db, signed_in, error)
    db.commit()
    return RedirectResponse(
        f"/learn/languages/review?reviewed={language}", status.HTTP_303_SEE_OTHER
    )


# Articles that describe something the app does link to it under the body. The link lives here,
# not in the Markdown: the content check accepts only links it can resolve (/learn/...).
APP_LINKS: dict[str, tuple[str, str]] = {
    "medical-alert-card": ("/card", N_("Print your medical alert card")),
}


@router.get("/learn/{slug}", response_class=HTMLResponse)
def learn_article(request: Request, db: DbSession, signed_in: MaybeWebUser, slug: str) -> Response:
    """Show one article: short answer first, review status, body, sources and the disclaimer."""
    language = page_language(request, signed_in.user if signed_in else None)
    article = _article_or_404(slug, language)
    context = {
        "signed_in": signed_in,
        "article": article,
        # The reader asked for a language the article is not yet translated into.
        "untranslated": article.language != language,
        "body": render_body(article),
        "review": review_status(db, article),
        "may_review": signed_in is not None and is_clinician(signed_in.user),
        "app_link": APP_LINKS.get(article.slug),
    }
    return templates.TemplateResponse(request, "learn_article.html", context)


@router.get("/learn/{slug}/review", response_class=HTMLResponse)
def review_page(
    request: Request, db: DbSession, signed_in: WebUser, slug: str, language: str = "en"
) -> Response:
    """Show a clinician the form that records their review of the article, in the language's
    version (English unless ``language`` names a translation), as it is now."""
    article = _article_or_404(slug, language)
    _require_clinician(signed_in)
    context = {
        "signed_in": signed_in,
        "article": article,
        "review": review_status(db, article),
        "valid_days": REVIEW_VALID_DAYS,
        "error": None,
    }
    return templates.TemplateResponse(request, "learn_review.html", context)


@router.post("/learn/{slug}/review", response_class=HTMLResponse)
def record_review_page(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    slug: str,
    reviewer: Annotated[str, Form()] = "",
    confirmed: Annotated[bool, Form()] = False,
    language: Annotated[str, Form()] = "en",
) -> Response:
    """Record the clinician's review and show the article; the form with a message if incomplete."""
    article = _article_or_404(slug, language)
    _require_clinician(signed_in)
    error = None if confirmed else ARTICLE_UNCONFIRMED
    if error is None:
        try:
            record_review(db, article, reviewer=reviewer, recorded_by=signed_in.user)
        except ReviewError as problem:
            error = str(problem).capitalize() + "."
    if error is not None:
        context = {
            "signed_in": signed_in,
            "article": article,
            "review": review_status(db, article),
            "valid_days": REVIEW_VALID_DAYS,
            "error": error,
        }
        return templates.TemplateResponse(
            request, "learn_review.html", context, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT
        )
    db.commit()
    return RedirectResponse(f"{article.url}?reviewed=1", status.HTTP_303_SEE_OTHER)
