"""The desktop's content list: pages or news in keyset windows, filters, search; the editor's
item and its actions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from backoffice.core import content
from backoffice.core.actor import Actor
from backoffice.core.errors import Conflict, InvalidInput, NotAllowed, NotFound
from backoffice.core.listing import ListRequest
from backoffice.models import NewsItem, Page, Role

BASE = datetime(2025, 3, 3, 7, 0, tzinfo=UTC)
ROWS = 45
ROW_KEYS = {"id", "kind", "slug", "title", "published", "published_at", "updated_at", "version"}


@pytest.fixture
def admin(people) -> Actor:
    return people.actor(people.staff(Role.ADMIN))


def page_all(session, actor: Actor, request: ListRequest) -> list[dict]:
    """Every row, window by window, as the desktop's table fetches them."""
    rows: list[dict] = []
    while True:
        window = content.content_rows(session, actor, request)
        assert len(window) <= request.limit
        rows.extend(window)
        if len(window) < request.limit:
            return rows
        request = request.next(window[-1])


def ids(rows: list[dict]) -> list[int]:
    return [row["id"] for row in rows]


@pytest.fixture
def many(session) -> dict[str, list]:
    """45 pages and 5 news items; titles and update times repeat (ties for the keyset)."""
    pages = [
        Page(
            slug=f"storinka-{i}",
            title=f"Сторінка {i % 7:02d}",
            body="Текст",
            published=i % 3 == 0,
            published_at=BASE if i % 3 == 0 else None,
            updated_at=BASE + timedelta(minutes=i % 11),
        )
        for i in range(ROWS)
    ]
    news = [
        NewsItem(slug=f"novyna-{i}", title=f"Новина {i}", body="Текст", updated_at=BASE)
        for i in range(5)
    ]
    session.add_all([*pages, *news])
    session.flush()
    return {"pages": pages, "news": news}


def expected_order(items: list, sort: str, descending: bool) -> list[int]:
    return [
        item.id
        for item in sorted(items, key=lambda i: (getattr(i, sort), i.id), reverse=descending)
    ]


@pytest.mark.parametrize("limit", [100, 7])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", sorted(content.LIST_SORTS))
def test_paging_gives_every_row_once_in_order(session, admin, many, sort, descending, limit):
    request = ListRequest(sort=sort, descending=descending, limit=limit)
    rows = page_all(session, admin, request)
    assert ids(rows) == expected_order(many["pages"], sort, descending)
    assert len(set(ids(rows))) == ROWS
    assert content.content_count(session, admin, request) == ROWS


def test_rows_carry_the_list_columns(session, admin, many):
    page = many["pages"][0]
    row = content.content_rows(session, admin, ListRequest(limit=1))[0]
    assert set(row) == ROW_KEYS
    assert row == {
        "id": page.id,
        "kind": "page",
        "slug": "storinka-0",
        "title": "Сторінка 00",
        "published": True,
        "published_at": BASE,
        "updated_at": BASE,
        "version": 1,
    }


def test_kind_chooses_pages_or_news(session, admin, many):
    news = content.content_rows(session, admin, ListRequest(filters={"kind": "news"}))
    assert ids(news) == [n.id for n in many["news"]]
    assert {row["kind"] for row in news} == {"news"}
    assert content.content_count(session, admin, ListRequest(filters={"kind": "news"})) == 5
    pages = ListRequest(filters={"kind": "page"})
    assert content.content_count(session, admin, pages) == ROWS
    assert content.content_count(session, admin, ListRequest()) == ROWS  # pages by default


def test_published_filter(session, admin, many):
    published = ListRequest(filters={"published": True}, limit=500)
    drafts = ListRequest(filters={"published": False}, limit=500)
    assert ids(content.content_rows(session, admin, published)) == [
        p.id for p in many["pages"] if p.published
    ]
    assert content.content_count(session, admin, drafts) == ROWS - 15
    assert content.content_count(session, admin, ListRequest(filters={"published": None})) == ROWS


def test_search_in_title_and_address(session, admin, many):
    def found(search: str, kind: str = "page") -> set[str]:
        request = ListRequest(search=search, filters={"kind": kind}, limit=500)
        return {row["slug"] for row in content.content_rows(session, admin, request)}

    assert found("СТОРІНКА 03") == {f"storinka-{i}" for i in range(ROWS) if i % 7 == 3}
    assert found("storinka-4") == {"storinka-4", *(f"storinka-{i}" for i in range(40, 45))}
    assert found("новина 2", "news") == {"novyna-2"}
    assert found("100%") == set()  # wildcards are plain characters
    assert found("   ") == {f"storinka-{i}" for i in range(ROWS)}


@pytest.mark.parametrize(
    ("request_", "fields"),
    [
        (ListRequest(filters={"kind": "faq"}), {"filters.kind"}),
        (ListRequest(filters={"kind": 5}), {"filters.kind"}),
        (ListRequest(filters={"published": "можливо"}), {"filters.published"}),
        (ListRequest(filters={"author": 1, "kind": "x"}), {"filters.author", "filters.kind"}),
        (ListRequest(sort="slug"), {"sort"}),
        (ListRequest(filters=["kind"]), {"filters"}),  # type: ignore[arg-type]
    ],
)
def test_bad_requests_are_named(session, admin, many, request_, fields):
    with pytest.raises(InvalidInput) as caught:
        content.content_rows(session, admin, request_)
    assert set(caught.value.fields) == fields


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.ADMIN])
def test_only_administrators_list_content(session, people, many, role):
    actor = people.actor(people.staff(role))
    with pytest.raises(NotAllowed):
        content.content_rows(session, actor, ListRequest())
    with pytest.raises(NotAllowed):
        content.content_count(session, actor, ListRequest())
    with pytest.raises(NotAllowed):
        content.content_item(session, actor, "page", many["pages"][0].id)
    with pytest.raises(NotAllowed):
        content.content_rows(session, Actor.anonymous(), ListRequest())


def test_content_item_for_the_editor(session, admin, many):
    page, news = many["pages"][1], many["news"][1]
    assert content.content_item(session, admin, "page", page.id) is page
    assert content.content_item(session, admin, "news", news.id) is news
    with pytest.raises(NotFound):
        content.content_item(session, admin, "news", 10**9)
    with pytest.raises(NotFound):
        content.content_item(session, admin, "page", "1")  # type: ignore[arg-type]
    for bad in ("faq", None, ""):
        with pytest.raises(InvalidInput) as caught:
            content.content_item(session, admin, bad, page.id)  # type: ignore[arg-type]
        assert set(caught.value.fields) == {"kind"}


def test_a_stale_edit_names_who_changed_the_item(session, people, admin):
    editor = people.actor(people.staff(Role.ADMIN, full_name="Ярина Редакторка"))
    item = content.create_news_item(session, admin, "vybory", "Вибори", "Текст")
    seen = item.version
    content.update_news_item(
        session, editor, item.id, "vybory", "Вибори 2025", "Текст", expected_version=seen
    )
    with pytest.raises(Conflict) as caught:
        content.update_news_item(
            session, admin, item.id, "vybory", "Моя назва", "Текст", expected_version=seen
        )
    assert caught.value.changed_by == "Ярина Редакторка"
    assert caught.value.code == "conflict"


def test_available_actions_follow_the_state(session, people, admin):
    item = content.create_page(session, admin, "dii", "Дії", "Текст")
    assert content.available_actions(admin, None) == ["save"]
    assert content.available_actions(admin, item) == ["save", "publish"]
    content.publish_page(session, admin, item.id)
    assert content.available_actions(admin, item) == ["save", "unpublish"]
    assert content.available_actions(people.actor(people.staff(Role.MANAGER)), item) == []
