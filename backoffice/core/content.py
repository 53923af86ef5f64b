"""The city's pages and news: Markdown bodies written by administrators, published or not.

Bodies are stored as typed (Markdown, HTML included): the web layer renders and sanitises them
on output. ``published_at`` is the first publication: unpublishing to fix a typo and publishing
again does not move a news item up the list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, literal, or_, select
from sqlalchemy.orm import Session

from backoffice.core import audit
from backoffice.core.actor import Actor
from backoffice.core.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from backoffice.core.listing import ListRequest, count_rows, fetch_page, matches, search_pattern
from backoffice.core.permissions import Perm, can, require
from backoffice.core.records import check_version, flush, get_or_404, user_name
from backoffice.core.validation import REQUIRED, WRONG_TYPE, Checker
from backoffice.models import ActivityEntry, NewsItem, Page, utcnow

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
    item = get_or_404(session, kind.model, item_id, for_update=True)
    if expected_version is not None and item.version != expected_version:
        check_version(item, expected_version, changed_by=_last_changed_by(session, kind, item.id))
    return item


def _last_changed_by(session: Session, kind: _Kind, item_id: int) -> str | None:
    """Who made the last change: content has no timeline but the activity log."""
    actor_id = session.scalar(
        select(ActivityEntry.actor_id)
        .where(ActivityEntry.entity == kind.entity, ActivityEntry.entity_id == item_id)
        .order_by(ActivityEntry.id.desc())
        .limit(1)
    )
    return user_name(session, actor_id)


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


# --- the desktop's list and editor ---------------------------------------------------------------

KINDS: dict[str, _Kind] = {"page": _PAGE, "news": _NEWS}
LIST_SORTS = frozenset({"id", "title", "updated_at"})
LIST_FILTERS = frozenset({"kind", "published"})


def _kind_of(checker: Checker, field: str, value: Any) -> _Kind | None:
    """``"page"`` or ``"news"``; None (no kind given) means pages."""
    if value is None or value == "":
        return _PAGE
    if not isinstance(value, str) or value not in KINDS:
        checker.fail(field, "Виберіть одне із запропонованих значень.")
        return None
    return KINDS[value]


def _list_statement(actor: Actor, request: ListRequest) -> Select:
    require(actor, Perm.CONTENT_MANAGE)
    c = Checker()
    filters = request.filters
    if not isinstance(filters, Mapping):
        c.fail("filters", WRONG_TYPE)
        c.done()
    for key in sorted(set(filters) - LIST_FILTERS, key=str):
        c.fail(f"filters.{str(key)[:40]}", "Невідомий фільтр.")
    kind = _kind_of(c, "filters.kind", filters.get("kind"))
    published = filters.get("published")
    if published is not None and published not in (True, False):
        c.fail("filters.published", WRONG_TYPE)
    if request.search is not None and not isinstance(request.search, str):
        c.fail("search", WRONG_TYPE)
    c.done()
    model = kind.model
    name = "news" if kind is _NEWS else "page"
    stmt = select(
        model.id.label("id"),
        literal(name).label("kind"),
        model.slug.label("slug"),
        model.title.label("title"),
        model.published.label("published"),
        model.published_at.label("published_at"),
        model.updated_at.label("updated_at"),
        model.version.label("version"),
    )
    if published is not None:
        stmt = stmt.where(model.published.is_(bool(published)))
    pattern = search_pattern(request.search)
    if pattern:
        stmt = stmt.where(or_(matches(model.title, pattern), matches(model.slug, pattern)))
    return stmt


def content_rows(session: Session, actor: Actor, request: ListRequest) -> list[dict[str, Any]]:
    """A window of pages or news (``filters["kind"]``: "page", the default, or "news") for the
    desktop: id, kind, slug, title, published, published_at, updated_at, version; optional
    ``published`` filter; search in the title and the address; sorts id, title, updated_at."""
    return fetch_page(session, _list_statement(actor, request), request, LIST_SORTS)


def content_count(session: Session, actor: Actor, request: ListRequest) -> int:
    """How many rows ``content_rows`` has with the same search and filters."""
    return count_rows(session, _list_statement(actor, request))


def content_item(session: Session, actor: Actor, kind: str, item_id: int) -> Publishable:
    """One page (``kind="page"``) or news item (``kind="news"``) for the editor."""
    require(actor, Perm.CONTENT_MANAGE)
    c = Checker()
    if kind is None or kind == "":
        c.fail("kind", REQUIRED)
        found = None
    else:
        found = _kind_of(c, "kind", kind)
    c.done()
    return get_or_404(session, found.model, item_id)


def available_actions(actor: Actor, item: Publishable | None) -> list[str]:
    """What ``actor`` may do with ``item`` in the editor (None: a new, unsaved item)."""
    if not can(actor, Perm.CONTENT_MANAGE):
        return []
    if item is None:
        return ["save"]
    return ["save", "unpublish" if item.published else "publish"]
