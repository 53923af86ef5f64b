"""City pages and news: permissions, validation, unique slugs, publishing, public queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from backoffice.core import content
from backoffice.core.actor import Actor, Channel
from backoffice.core.errors import Conflict, InvalidInput, InvalidTransition, NotAllowed, NotFound
from backoffice.models import ActivityEntry, Role, utcnow

NOW = utcnow()
ACTOR_KINDS = [*(r.value for r in Role), "resident", "anonymous"]


def actor_of(people, kind: str) -> Actor:
    if kind == "anonymous":
        return Actor.anonymous()
    if kind == "resident":
        return people.actor(people.resident(), Channel.WEB)
    return people.actor(people.staff(Role(kind)))


@pytest.fixture
def admin(people) -> Actor:
    return people.actor(people.staff(Role.ADMIN))


# The same rules for both kinds of content: (create, update, publish, unpublish, public lookup).
KINDS = {
    "page": (
        content.create_page,
        content.update_page,
        content.publish_page,
        content.unpublish_page,
        content.published_page,
        "page",
    ),
    "news": (
        content.create_news_item,
        content.update_news_item,
        content.publish_news_item,
        content.unpublish_news_item,
        content.published_news_item,
        "news_item",
    ),
}


@pytest.fixture(params=sorted(KINDS))
def kind(request):
    return KINDS[request.param]


def audit_actions(session, entity: str, entity_id: int) -> list[str]:
    return list(
        session.scalars(
            select(ActivityEntry.action)
            .where(ActivityEntry.entity == entity, ActivityEntry.entity_id == entity_id)
            .order_by(ActivityEntry.id)
        )
    )


@pytest.mark.parametrize("who", ACTOR_KINDS)
def test_content_is_managed_by_administrators(session, people, admin, kind, who):
    create, update, publish, unpublish, _, _ = kind
    item = create(session, admin, "pro-misto", "Про місто", "Текст")
    actor = actor_of(people, who)
    if who == Role.ADMIN:
        create(session, actor, "inshe", "Інше", "")
        update(session, actor, item.id, "pro-misto", "Про наше місто", "Текст")
        publish(session, actor, item.id)
        unpublish(session, actor, item.id)
        return
    code = "sign_in_required" if who == "anonymous" else "not_allowed"
    for attempt in (
        lambda: create(session, actor, "inshe", "Інше", ""),
        lambda: update(session, actor, item.id, "pro-misto", "Зламано", ""),
        lambda: publish(session, actor, item.id),
        lambda: unpublish(session, actor, item.id),
    ):
        with pytest.raises(NotAllowed) as error:
            attempt()
        assert error.value.code == code
    assert item.title == "Про місто" and not item.published


def test_lifecycle_is_logged_and_published_at_is_the_first_publication(session, admin, kind):
    create, _, publish, unpublish, public, entity = kind
    item = create(session, admin, "vakansii", "Вакансії", "# Вакансії\n\n<b>Ось</b>")
    assert item.body == "# Вакансії\n\n<b>Ось</b>"  # Markdown and HTML as typed
    with pytest.raises(NotFound):
        public(session, "vakansii")
    first = NOW - timedelta(days=2)
    publish(session, admin, item.id, expected_version=item.version, now=first)
    assert public(session, "vakansii") is item
    assert item.published_at == first
    unpublish(session, admin, item.id, expected_version=item.version)
    with pytest.raises(NotFound):
        public(session, "vakansii")
    publish(session, admin, item.id, now=NOW)
    assert item.published_at == first
    assert audit_actions(session, entity, item.id) == [
        f"{entity}.created",
        f"{entity}.published",
        f"{entity}.unpublished",
        f"{entity}.published",
    ]
    entry = session.scalar(
        select(ActivityEntry).where(
            ActivityEntry.entity == entity, ActivityEntry.entity_id == item.id
        )
    )
    assert entry.changes["slug"] == [None, "vakansii"]


def test_publishing_twice_or_unpublishing_a_draft_is_refused(session, admin, kind):
    create, _, publish, unpublish, _, _ = kind
    item = create(session, admin, "a", "А", "текст")
    with pytest.raises(InvalidTransition):
        unpublish(session, admin, item.id)
    publish(session, admin, item.id)
    with pytest.raises(InvalidTransition):
        publish(session, admin, item.id)


def test_an_empty_body_is_not_published(session, admin, kind):
    create, update, publish, _, _, _ = kind
    item = create(session, admin, "porozhnia", "Порожня")
    with pytest.raises(InvalidInput) as error:
        publish(session, admin, item.id)
    assert set(error.value.fields) == {"body"}
    update(session, admin, item.id, "porozhnia", "Порожня", "Тепер є текст")
    publish(session, admin, item.id)
    with pytest.raises(InvalidInput) as error:
        update(session, admin, item.id, "porozhnia", "Порожня", "  ")
    assert set(error.value.fields) == {"body"}


def test_duplicate_slugs_are_a_conflict(session, admin, kind):
    create, update, _, _, _, _ = kind
    create(session, admin, "kontakty", "Контакти", "")
    other = create(session, admin, "inshi-kontakty", "Інші", "")
    with pytest.raises(Conflict) as error:
        create(session, admin, "kontakty", "Ще одні", "")
    assert error.value.code == "duplicate" and error.value.details["field"] == "slug"
    with pytest.raises(Conflict):
        update(session, admin, other.id, "kontakty", "Інші", "")
    # Keeping its own slug is not a duplicate.
    assert update(session, admin, other.id, "inshi-kontakty", "Інші!", "").title == "Інші!"


def test_a_page_and_a_news_item_may_share_a_slug(session, admin):
    content.create_page(session, admin, "den-mista", "День міста", "")
    assert content.create_news_item(session, admin, "den-mista", "День міста", "").id


@pytest.mark.parametrize(
    ("slug", "title", "body", "bad"),
    [
        ("", "Т", "", {"slug"}),
        ("Pro-Misto", "Т", "", {"slug"}),
        ("про-місто", "Т", "", {"slug"}),
        ("a/b", "Т", "", {"slug"}),
        ("a" * 121, "Т", "", {"slug"}),
        ("ok", "", "", {"title"}),
        ("ok", "Т" * 301, "", {"title"}),
        ("ok", "Два\nрядки", "", {"title"}),
        ("ok", "Т", "x" * 100_001, {"body"}),
        ("ok", "Т", 5, {"body"}),
        (None, None, "\x00", {"slug", "title", "body"}),
    ],
)
def test_bad_input_names_the_fields(session, admin, kind, slug, title, body, bad):
    create, update, _, _, _, _ = kind
    with pytest.raises(InvalidInput) as error:
        create(session, admin, slug, title, body)
    assert set(error.value.fields) == bad
    item = create(session, admin, "good", "Добре", "")
    with pytest.raises(InvalidInput) as error:
        update(session, admin, item.id, slug, title, body)
    assert set(error.value.fields) == bad


def test_a_body_of_the_largest_size_is_kept(session, admin, kind):
    create = kind[0]
    assert len(create(session, admin, "velyka", "Велика", "я" * 100_000).body) == 100_000


def test_stale_versions_are_a_conflict(session, admin, kind):
    create, update, publish, _, _, _ = kind
    item = create(session, admin, "v", "В", "текст")
    seen = item.version
    update(session, admin, item.id, "v", "Нова", "текст", expected_version=seen)
    with pytest.raises(Conflict):
        update(session, admin, item.id, "v", "Моя", "текст", expected_version=seen)
    with pytest.raises(Conflict):
        publish(session, admin, item.id, expected_version=seen)
    with pytest.raises(InvalidInput) as error:
        publish(session, admin, item.id, expected_version="два")
    assert set(error.value.fields) == {"version"}
    with pytest.raises(NotFound):
        publish(session, admin, 10**9)


def test_public_lookup_of_odd_slugs_is_not_found(session):
    for slug in ("", "../etc", None, 42, "немає"):
        with pytest.raises(NotFound):
            content.published_page(session, slug)


def test_latest_news_newest_first_and_published_only(session, admin):
    made = []
    for i in range(4):
        item = content.create_news_item(session, admin, f"novyna-{i}", f"Новина {i}", "текст")
        made.append(item)
    for i in (0, 1, 3):
        content.publish_news_item(session, admin, made[i].id, now=NOW + timedelta(minutes=i))
    latest = content.latest_news(session, limit=2)
    assert [n.slug for n in latest] == ["novyna-3", "novyna-1"]
    assert [n.slug for n in content.latest_news(session)][:3] == [
        "novyna-3",
        "novyna-1",
        "novyna-0",
    ]
    for bad in (0, 101, "десять"):
        with pytest.raises(InvalidInput) as error:
            content.latest_news(session, limit=bad)
        assert set(error.value.fields) == {"limit"}
