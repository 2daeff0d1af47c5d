"""Learn pages: the article index with search, one page per article, and the clinician review page.

The articles are public (no sign-in needed); the nav appears for a signed-in person as elsewhere.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse

from lems_companion.learn.articles import (
    Article,
    find_article,
    published_articles,
    render_body,
    search,
)
from lems_companion.learn.reviews import (
    REVIEW_VALID_DAYS,
    ReviewError,
    is_clinician,
    record_review,
    review_status,
)
from lems_companion.web.deps import DbSession, MaybeWebUser, SignedIn, WebUser, WebUserPosting
from lems_companion.web.templating import templates

router = APIRouter()
# Longer queries are cut: nobody types more, and it bounds the work a request can ask for.
MAX_QUERY_LENGTH = 200


def _article_or_404(slug: str) -> Article:
    """Return the published article with this slug; 404 when there is none."""
    article = find_article(slug)
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
    articles = published_articles()
    context = {
        "signed_in": signed_in,
        "query": query,
        "articles": search(query, articles) if query else articles,
    }
    return templates.TemplateResponse(request, "learn_index.html", context)


# Articles that describe something the app does link to it under the body. The link lives here,
# not in the Markdown: the content check accepts only links it can resolve (/learn/...).
APP_LINKS: dict[str, tuple[str, str]] = {
    "medical-alert-card": ("/card", "Print your medical alert card"),
}


@router.get("/learn/{slug}", response_class=HTMLResponse)
def learn_article(request: Request, db: DbSession, signed_in: MaybeWebUser, slug: str) -> Response:
    """Show one article: short answer first, review status, body, sources and the disclaimer."""
    article = _article_or_404(slug)
    context = {
        "signed_in": signed_in,
        "article": article,
        "body": render_body(article),
        "review": review_status(db, article),
        "may_review": signed_in is not None and is_clinician(signed_in.user),
        "app_link": APP_LINKS.get(article.slug),
    }
    return templates.TemplateResponse(request, "learn_article.html", context)


@router.get("/learn/{slug}/review", response_class=HTMLResponse)
def review_page(request: Request, db: DbSession, signed_in: WebUser, slug: str) -> Response:
    """Show a clinician the form that records their review of the article as it is now."""
    article = _article_or_404(slug)
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
) -> Response:
    """Record the clinician's review and show the article; the form with a message if incomplete."""
    article = _article_or_404(slug)
    _require_clinician(signed_in)
    error = None if confirmed else "Confirm that you have checked this version against its sources."
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
