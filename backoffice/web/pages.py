"""The city's pages and news from the content panel, and the home page."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_babel import lazy_gettext as _l

from backoffice.core import content
from backoffice.web import db
from backoffice.web.nav import NavItem

bp = Blueprint("pages", __name__)
NAV = [NavItem("pages.news", _l("Новини"), _l("Новини міста та порталу."))]

HOME_NEWS = 5
NEWS_LIST = 30


@bp.get("/")
def home():
    news = content.latest_news(db.session(), HOME_NEWS)
    return render_template("pages/home.html", news=news)


@bp.get("/pages/<slug>")
def page(slug: str):
    return render_template("pages/page.html", page=content.published_page(db.session(), slug))


@bp.get("/news")
def news():
    items = content.latest_news(db.session(), NEWS_LIST)
    return render_template("pages/news.html", news=items)


@bp.get("/news/<slug>")
def news_item(slug: str):
    item = content.published_news_item(db.session(), slug)
    return render_template("pages/news_item.html", item=item)
