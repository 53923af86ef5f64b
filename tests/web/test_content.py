"""Pages and news from the content panel: Markdown rendered, then sanitised; titles escaped."""

from __future__ import annotations

import pytest

from backoffice.core import content
from backoffice.core.actor import Actor

ADMIN = Actor.system()

HOSTILE = """# Заголовок у тексті

Звичайний **текст** і [посилання](https://example.com/about).

<script>alert("script")</script>

<img src="x" onerror="alert('img')">

[пастка](javascript:alert('link'))

<a href="https://x.example/" onclick="alert('click')" target="_blank">з атрибутами</a>

<style>body { display: none }</style>
<iframe src="https://evil.example/"></iframe>
<form action="https://evil.example/"><input name="p"></form>
<p style="color:red" class="x">стиль</p>

# Другий розділ
"""


@pytest.fixture
def publish(db):
    def publish(kind: str, slug: str, title: str, body: str, *, published: bool = True):
        with db() as session:
            if kind == "page":
                item = content.create_page(session, ADMIN, slug, title, body)
                if published:
                    content.publish_page(session, ADMIN, item.id)
            else:
                item = content.create_news_item(session, ADMIN, slug, title, body)
                if published:
                    content.publish_news_item(session, ADMIN, item.id)
        return item

    return publish


@pytest.mark.parametrize(("kind", "url"), [("page", "/pages/about"), ("news", "/news/about")])
def test_markdown_is_sanitised(portal, publish, kind, url):
    publish(kind, "about", "Про місто", HOSTILE)
    page = portal.page(url)
    main = page[page.index("<main") :]
    assert "<strong>текст</strong>" in main
    assert '<a href="https://example.com/about" rel="noopener noreferrer">' in main
    assert main.count("<h1>") == 1 and "<h1>Про місто</h1>" in main  # the body's own # is dropped
    assert "<h2>Другий розділ</h2>" in main
    forbidden = ("<script", "alert(", "onerror", "onclick", "javascript:", "<style", "<iframe")
    forbidden += ('<form action="https://evil', "style=", 'target="_blank"')
    for text in forbidden:
        assert text not in main, text


def test_titles_are_escaped(portal, publish):
    publish("news", "xss", '<script>alert("title")</script>', "Текст новини.")
    for url in ("/", "/news", "/news/xss"):
        page = portal.page(url)
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in page


def test_the_home_page_shows_the_latest_news_and_every_section(portal, publish):
    publish("news", "first", "Перша новина", "Текст.")
    publish("news", "draft", "Чернетка", "Текст.", published=False)
    page = portal.page("/")
    assert "Перша новина" in page and "Чернетка" not in page
    for link in ('href="/news"', 'href="/cabinet/"', 'href="/news/first"'):
        assert link in page


def test_unpublished_and_unknown_items_are_not_found(portal, publish):
    publish("page", "draft", "Чернетка", "Текст.", published=False)
    for url in ("/pages/draft", "/pages/nothing", "/news/nothing", "/pages/Not_A_Slug"):
        page = portal.page(url, expected=404)
        assert "Сторінку не знайдено" in page


def test_news_list_and_empty_states(portal, publish):
    assert "Новин поки немає" in portal.page("/news")
    assert "Новин поки немає" in portal.page("/")
    publish("news", "one", "Одна новина", "Текст.")
    page = portal.page("/news")
    assert 'href="/news/one"' in page and "<time datetime=" in page
