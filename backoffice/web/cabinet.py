"""The resident's cabinet: notifications (status changes, answers), marked read.

Other sections (orders, appeals, ballots) add their own lists to the cabinet page with
``add_panel(app, Panel("services/cabinet_panel.html", load))``: ``load(session, actor)`` returns
the template's context (under the name ``panel``), and the template is a ``<section>`` with an
``<h2>``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Flask, current_app, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from backoffice.core import notifications
from backoffice.core.actor import Actor
from backoffice.web import db
from backoffice.web.nav import NavItem

bp = Blueprint("cabinet", __name__, url_prefix="/cabinet")
NAV = [NavItem("cabinet.index", _l("Мій кабінет"), _l("Сповіщення про ваші справи."))]

SHOWN = 50


@dataclass(frozen=True)
class Panel:
    template: str
    load: Callable[[Session, Actor], dict[str, Any]]


def add_panel(app: Flask, panel: Panel) -> None:
    app.extensions.setdefault("cabinet_panels", []).append(panel)


@bp.get("/")
def index():
    items = notifications.list_mine(db.session(), g.actor, limit=SHOWN)
    panels = [
        (panel.template, panel.load(db.session(), g.actor))
        for panel in current_app.extensions.get("cabinet_panels", [])
    ]
    return render_template("cabinet/index.html", notifications=items, panels=panels)


@bp.app_template_test("local_link")
def local_link(link: str | None) -> bool:
    return notifications.is_local_link(link)


@bp.get("/notifications/<int:notification_id>")
def open_notification(notification_id: int):
    """A notification's link goes through here, so that following it marks it read."""
    link = notifications.open_link(db.session(), g.actor, notification_id)
    return redirect(link or url_for(".index"), code=303)


@bp.post("/notifications/<int:notification_id>/read")
def mark_read(notification_id: int):
    notifications.mark_read(db.session(), g.actor, notification_id)
    flash(_("Сповіщення позначено як прочитане."), "success")
    return redirect(url_for(".index"), code=303)


@bp.post("/notifications/read-all")
def mark_all_read():
    count = notifications.mark_read(db.session(), g.actor)
    flash(_("Позначено як прочитані: %(count)d.", count=count), "success")
    return redirect(url_for(".index"), code=303)
