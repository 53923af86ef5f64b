"""The city's pages and news: Markdown bodies written by administrators, published or not.

Bodies are stored as typed (Markdown, HTML included): the web layer renders and sanitises them
on output. ``published_at`` is the first publication: unpublishing to fix a typo and publishing
again does not move a news item up the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.core import audit
from backoffice.core.actor import Actor
from backoffice.core.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from backoffice.core.permissions import Perm, require
from backoffice.core.records import check_version, flush, get_or_404
from backoffice.core.validation import REQUIRED, Checker
from backoffice.models import NewsItem, Page, utcnow

SLUG = re.compile(r"[a-z0-9-]{1,120}")
TITLE_MAX = 300
BODY_MAX = 100_000
NEWS_LIMIT_MAX = 100

FIELDS = ("slug", "title", "body", "published", "published_at")

Publishable = Page | NewsItem


@dataclass(frozen=True)
class _Kind:
    """What differs between pages and news: the model and the names in the activity log."""

    model: type[Publishable]
    entity: str
    duplicate: str


_PAGE = _Kind(Page, "page", "Сторінка з такою адресою вже є.")
_NEWS = _Kind(NewsItem, "news_item", "Новина з такою адресою вже є.")


def _check(
    session: Session, kind: _Kind, slug: Any, title: Any, body: Any, item_id: int | None
) -> tuple[str, str, str]:
    c = Checker()
    slug = c.text("slug", slug, max_length=120)
    if slug is not None and not SLUG.fullmatch(slug):
        c.fail("slug", "Адреса — малі латинські літери, цифри й дефіс, до 120 символів.")
        slug = None
    title = c.text("title", title, max_length=TITLE_MAX)
    body = c.text("body", body, required=False, max_length=BODY_MAX, multiline=True)
    c.done()
    if _slug_taken(session, kind, slug, item_id):
        raise Conflict(kind.duplicate, code="duplicate", field="slug")
    return slug, title, body or ""


def _slug_taken(session: Session, kind: _Kind, slug: str, item_id: int | None) -> bool:
    model = kind.model
    query = select(model.id).where(model.slug == slug)
    if item_id is not None:
        query = query.where(model.id != item_id)
    return session.scalar(query) is not None


def _create(
    session: Session, actor: Actor, kind: _Kind, slug: Any, title: Any, body: Any
) -> Publishable:
    require(actor, Perm.CONTENT_MANAGE)
    slug, title, body = _check(session, kind, slug, title, body, None)
    item = kind.model(slug=slug, title=title, body=body, published=False, author_id=actor.user_id)
    session.add(item)
    # The check above keeps the transaction usable; the unique constraint still decides a race.
    flush(session, duplicate_message=kind.duplicate)
    audit.record(
        session,
        actor,
        f"{kind.entity}.created",
        kind.entity,
        item.id,
        audit.changes_between({}, audit.snapshot(item, FIELDS)),
    )
    return item


def _load(
    session: Session, actor: Actor, kind: _Kind, item_id: int, expected_version: int | None
) -> Publishable:
    require(actor, Perm.CONTENT_MANAGE)
    c = Checker()
    expected_version = c.expected_version(expected_version)
    c.done()
    item = get_or_404(session, kind.model, item_id)
    check_version(item, expected_version)
    return item


def _record_change(
    session: Session, actor: Actor, kind: _Kind, item: Publishable, action: str, before: dict
) -> None:
    flush(session, duplicate_message=kind.duplicate)
    audit.record(
        session,
        actor,
        f"{kind.entity}.{action}",
        kind.entity,
        item.id,
        audit.changes_between(before, audit.snapshot(item, FIELDS)),
    )


def _update(
    session: Session,
    actor: Actor,
    kind: _Kind,
    item_id: int,
    slug: Any,
    title: Any,
    body: Any,
    expected_version: int | None,
) -> Publishable:
    item = _load(session, actor, kind, item_id, expected_version)
    slug, title, body = _check(session, kind, slug, title, body, item.id)
    if item.published and not body:
        raise InvalidInput({"body": REQUIRED})
    before = audit.snapshot(item, FIELDS)
    item.slug, item.title, item.body = slug, title, body
    _record_change(session, actor, kind, item, "updated", before)
    return item


def _publish(
    session: Session,
    actor: Actor,
    kind: _Kind,
    item_id: int,
    expected_version: int | None,
    now: datetime,
) -> Publishable:
    item = _load(session, actor, kind, item_id, expected_version)
    if item.published:
        raise InvalidTransition("Уже опубліковано.", code="already_published")
    if not item.body.strip():
        raise InvalidInput({"body": "Додайте текст перед публікацією."})
    before = audit.snapshot(item, FIELDS)
    item.published = True
    item.published_at = item.published_at or now
    _record_change(session, actor, kind, item, "published", before)
    return item


def _unpublish(
    session: Session, actor: Actor, kind: _Kind, item_id: int, expected_version: int | None
) -> Publishable:
    item = _load(session, actor, kind, item_id, expected_version)
    if not item.published:
        raise InvalidTransition("Не опубліковано.", code="not_published")
    before = audit.snapshot(item, FIELDS)
    item.published = False
    _record_change(session, actor, kind, item, "unpublished", before)
    return item


# --- pages ---------------------------------------------------------------------------------------


def create_page(
    session: Session,
    actor: Actor,
    slug: str,
    title: str,
    body: str = "",
    *,
    now: datetime | None = None,
) -> Page:
    """A new, unpublished page at ``/<slug>``."""
    return _create(session, actor, _PAGE, slug, title, body)


def update_page(
    session: Session,
    actor: Actor,
    page_id: int,
    slug: str,
    title: str,
    body: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Page:
    return _update(session, actor, _PAGE, page_id, slug, title, body, expected_version)


def publish_page(
    session: Session,
    actor: Actor,
    page_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Page:
    return _publish(session, actor, _PAGE, page_id, expected_version, now or utcnow())


def unpublish_page(
    session: Session,
    actor: Actor,
    page_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Page:
    return _unpublish(session, actor, _PAGE, page_id, expected_version)


# --- news ----------------------------------------------------------------------------------------


def create_news_item(
    session: Session,
    actor: Actor,
    slug: str,
    title: str,
    body: str = "",
    *,
    now: datetime | None = None,
) -> NewsItem:
    return _create(session, actor, _NEWS, slug, title, body)


def update_news_item(
    session: Session,
    actor: Actor,
    news_item_id: int,
    slug: str,
    title: str,
    body: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> NewsItem:
    return _update(session, actor, _NEWS, news_item_id, slug, title, body, expected_version)


def publish_news_item(
    session: Session,
    actor: Actor,
    news_item_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> NewsItem:
    return _publish(session, actor, _NEWS, news_item_id, expected_version, now or utcnow())


def unpublish_news_item(
    session: Session,
    actor: Actor,
    news_item_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> NewsItem:
    return _unpublish(session, actor, _NEWS, news_item_id, expected_version)


# --- public queries ------------------------------------------------------------------------------


def _published(session: Session, model: type[Publishable], slug: Any) -> Publishable:
    # A malformed address is simply a page that does not exist.
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        raise NotFound()
    item = session.scalar(select(model).where(model.slug == slug, model.published.is_(True)))
    if item is None:
        raise NotFound()
    return item


def published_page(session: Session, slug: str) -> Page:
    """The page at ``slug`` for the portal; NotFound when there is none or it is unpublished."""
    return _published(session, Page, slug)


def published_news_item(session: Session, slug: str) -> NewsItem:
    return _published(session, NewsItem, slug)


def latest_news(session: Session, limit: int = 10) -> list[NewsItem]:
    """Published news, newest first."""
    c = Checker()
    limit = c.integer("limit", limit, minimum=1, maximum=NEWS_LIMIT_MAX)
    c.done()
    return list(
        session.scalars(
            select(NewsItem)
            .where(NewsItem.published.is_(True))
            .order_by(NewsItem.published_at.desc(), NewsItem.id.desc())
            .limit(limit)
        )
    )
