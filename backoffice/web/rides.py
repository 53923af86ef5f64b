"""Rate Your Ride: the review form (anyone, signed in or not) and the public statistics.

Core checks every field (route active, board number, ride time not in the future and not too
old, ratings 1..5). The one thing done here is reading the form's local date and time
(``datetime-local``: no offset) as Kyiv time; text that is not a date goes to core as typed,
and core names the problem.
"""

from __future__ import annotations

import re
from datetime import datetime

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from backoffice.core import transport
from backoffice.core.calendar import KYIV
from backoffice.models import RIDE_ASPECTS, utcnow
from backoffice.models.transport import TRANSPORT_MODES
from backoffice.web import db
from backoffice.web.forms import Form
from backoffice.web.nav import NavItem

bp = Blueprint("rides", __name__, url_prefix="/rides")
NAV = [
    NavItem(
        "rides.index",
        _l("Оцініть поїздку"),
        _l("Оцініть поїздку громадським транспортом і дивіться статистику маршрутів."),
    ),
]

FIELDS = ("route_id", "board_number", "ride_at", "rating", *RIDE_ASPECTS, "comment")
LOCAL_FORMAT = "%Y-%m-%dT%H:%M"  # what <input type="datetime-local"> sends

MODES = {
    "bus": _l("Автобус"),
    "trolleybus": _l("Тролейбус"),
    "minibus": _l("Маршрутне таксі"),
    "tram": _l("Трамвай"),
}
MODE_GROUPS = {
    "bus": _l("Автобуси"),
    "trolleybus": _l("Тролейбуси"),
    "minibus": _l("Маршрутні таксі"),
    "tram": _l("Трамваї"),
}
RATING_WORDS = {
    1: _l("дуже погано"),
    2: _l("погано"),
    3: _l("задовільно"),
    4: _l("добре"),
    5: _l("чудово"),
}
ASPECTS = {
    "punctuality": (_l("Пунктуальність"), _l("Чи їхав транспорт за розкладом.")),
    "cleanliness": (_l("Чистота салону"), ""),
    "driver": (_l("Водій"), _l("Ввічливість і манера їзди.")),
    "crowding": (_l("Заповненість"), _l("5 — було вільно, 1 — тіснота.")),
}
# Column heads of the figure tables: short, so that a table fits a laptop's width.
COLUMNS = {
    "rating": _l("Оцінка"),
    "punctuality": _l("Пунктуальність"),
    "cleanliness": _l("Чистота"),
    "driver": _l("Водій"),
    "crowding": _l("Заповненість"),
}


def _number_key(number: str) -> tuple:
    """Route numbers in the order people expect: 2 before 10, 10 before 10А."""
    return tuple(int(p) if p.isdigit() else p for p in re.findall(r"\d+|\D+", number))


def _route_groups(routes) -> list[tuple[str, list]]:
    """Routes grouped by mode (the modes' own order), numbers in natural order."""
    groups = []
    for mode in TRANSPORT_MODES:
        members = sorted((r for r in routes if r.mode == mode), key=lambda r: _number_key(r.number))
        if members:
            groups.append((mode, members))
    return groups


def _kyiv_moment(text: str) -> datetime | str:
    """The form's "2026-05-01T14:30" as an aware Kyiv time; anything else as typed."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return text
    return moment if moment.tzinfo else moment.replace(tzinfo=KYIV)


def _kyiv_now_local() -> str:
    return utcnow().astimezone(KYIV).strftime(LOCAL_FORMAT)


@bp.route("", methods=["GET", "POST"])
def index():
    session = db.session()
    form = Form(FIELDS, data={"route_id": request.args.get("route"), "ride_at": _kyiv_now_local()})
    if form.submitted:
        values = {**form.values, "ride_at": _kyiv_moment(form["ride_at"])}
        with form.core_errors():
            review = transport.submit_review(session, g.actor, **values)
            flash(_("Дякуємо! Вашу оцінку збережено."), "success")
            return redirect(url_for(".route", route_id=review.route_id), code=303)
    routes = transport.list_routes(session)
    return render_template(
        "rides/index.html",
        form=form,
        groups=_route_groups(routes),
        latest=_kyiv_now_local(),
        **_labels(),
    ), form.status


@bp.get("/routes/<int:route_id>")
def route(route_id: int):
    session = db.session()
    item = transport.get_route(session, route_id)
    (figures,) = transport.route_stats(session, route_id=item.id)
    months = transport.monthly_stats(session, route_id=item.id)
    return render_template(
        "rides/route.html", route=item, stats=figures.stats, months=months, **_labels()
    )


@bp.get("/stats")
def stats():
    session = db.session()
    routes = transport.route_stats(session)
    carriers = transport.carrier_stats(session)
    names = {c.carrier_id: c.name for c in carriers}
    groups = [
        (mode, sorted((r for r in routes if r.mode == mode), key=lambda r: _number_key(r.number)))
        for mode in TRANSPORT_MODES
    ]
    return render_template(
        "rides/stats.html",
        groups=[(mode, rows) for mode, rows in groups if rows],
        carriers=carriers,
        carrier_names=names,
        **_labels(),
    )


def _labels() -> dict:
    return {
        "modes": MODES,
        "mode_groups": MODE_GROUPS,
        "rating_words": RATING_WORDS,
        "aspects": ASPECTS,
        "columns": COLUMNS,
    }
