"""Administrative services (ЦНАП) on the portal: the catalog, ordering a service, My orders.

    /services                         the catalog: categories and search (anyone)
    /services/<id>                    a service: description, documents, term, fee (anyone)
    /services/<id>/order              the application form built from the service's schema
    /orders, /orders/<id>             the resident's orders; the detail page is where core's
                                      notification links lead
    /orders/<id>/info, /cancel        answering a request for information; withdrawing
    /orders/<id>/files/<file_id>      an attachment or the result, for the applicant only

Every rule is core's: which services are orderable, how answers and files are checked, what
the resident may do with an order now (``available_actions``), and whose order is whose
(someone else's is NotFound, a 404 page).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from backoffice.core import forms, services
from backoffice.core.errors import InvalidTransition
from backoffice.web import cache, casework, db, i18n, visitor
from backoffice.web.cabinet import Panel, add_panel
from backoffice.web.forms import Form
from backoffice.web.i18n import format_number
from backoffice.web.nav import NavItem

bp = Blueprint("services", __name__)
NAV = [
    NavItem(
        "services.catalog",
        _l("Послуги ЦНАП"),
        _l("Адміністративні послуги онлайн: заява, строк розгляду, готовий результат."),
    ),
]
bp.register_error_handler(413, casework.too_large)

CATALOG_LIMIT = 500  # the whole catalog (a few hundred services) on one page
MY_ORDERS_LIMIT = 100
PANEL_LIMIT = 5
# A choice with this many options or fewer is a group of radio buttons; longer ones a list.
RADIO_MAX = 5

ORDER_STATUSES = {
    "submitted": _l("Подано"),
    "accepted": _l("Прийнято до розгляду"),
    "in_progress": _l("Опрацьовується"),
    "needs_info": _l("Потрібна ваша відповідь"),
    "ready": _l("Результат готовий"),
    "completed": _l("Виконано"),
    "rejected": _l("Відмовлено"),
    "cancelled": _l("Скасовано"),
}
ORDER_EVENTS = {
    "submit": _l("Заяву подано"),
    "accept": _l("Заяву прийнято до розгляду"),
    "start": _l("Заяву взято в роботу"),
    "request_info": _l("Запитано додаткову інформацію"),
    "provide_info": _l("Ви надали відповідь"),
    "mark_ready": _l("Результат готовий"),
    "complete": _l("Послугу надано"),
    "reject": _l("У наданні послуги відмовлено"),
    "cancel": _l("Ви скасували заяву"),
    "assign": _l("Призначено виконавця"),
}

# Core's messages these pages may show (see core_messages.py), marked for the catalog.
CORE_MESSAGES = (
    _l("Ця послуга зараз не надається."),
    _l("Має бути числом."),
    _l("Потрібно позначити."),
    _l("Додайте файл."),
    _l("Файл порожній."),
    _l("Файл більший за 10 МБ."),
    _l("Недозволений тип файлу. Дозволено: .docx, .jpeg, .jpg, .p7s, .pdf, .png, .txt, .xlsx."),
    _l("Вміст файлу не відповідає його типу."),
    _l("Дата у форматі РРРР-ММ-ДД."),
    _l("РНОКПП — 10 цифр з правильною контрольною цифрою."),
    _l("Невідоме поле."),
    _l("Це поле не приймає файлів."),
)


@bp.app_template_filter("order_status")
def order_status(status: str) -> str:
    return str(ORDER_STATUSES.get(status, status))


@bp.app_template_filter("order_event")
def order_event(action: str) -> str:
    return str(ORDER_EVENTS.get(action, action))


@bp.app_template_filter("answer_value")
def answer_value(answer: dict[str, Any]) -> str:
    """An answer of the application form as residents read it (core's ``forms.answer_text``;
    yes/no in the page's language)."""
    value = answer["value"]
    if isinstance(value, bool):
        return _("так") if value else _("ні")
    return forms.answer_text(answer.get("type"), value)


@bp.app_template_filter("file_size")
def file_size(size: int) -> str:
    return casework.size_text(size)


@bp.app_template_global("service_term")
def service_term(service) -> str:
    days, counts = services.service_term(service)
    return casework.days_text(days, counts)


@bp.app_template_global("service_fee")
def service_fee(service) -> str:
    if not service.fee:
        return _("Безоплатно")
    return _("%(amount)s грн", amount=format_number(service.fee, "#,##0.00"))


def _load_panel(session, actor) -> dict[str, Any]:
    return {"orders": services.my_orders(session, actor, limit=PANEL_LIMIT)}


bp.record_once(lambda state: add_panel(state.app, Panel("services/panel.html", _load_panel)))


# --- the catalog ---------------------------------------------------------------------------


@bp.get("/services")
def catalog():
    form = Form(("query", "category_id"), data=request.args)
    if form["query"] or form["category_id"]:
        # A search or one category: drawn for each request. Their keys would be the visitor's
        # input (a cache of them needs bounds and eviction for little gain: a result list is
        # a small part of the catalog and cheap to draw).
        body, chosen = _catalog_body(form)
        return render_template("services/catalog.html", body=body, chosen=chosen), (
            400 if form.has_errors else 200
        )
    # The whole catalog is the same for everyone who reads it in one language: drawn once and
    # kept until a service or category changes (cache.py). The header stays per request.
    fragments = cache.fragments()
    body = fragments.get(
        ("services.catalog", str(i18n.current_locale()), request.script_root),
        fragments.version(
            "services.catalog", catalog_version, max_age=current_app.config["CATALOG_MAX_AGE"]
        ),
        lambda: _catalog_body(form)[0],
    )
    return render_template("services/catalog.html", body=body, chosen=None)


def _catalog_body(form: Form) -> tuple[Markup, Any]:
    """The catalog's content for ``form``'s search, and the category chosen in it (or None)."""
    categories = services.list_categories(db.session(), g.actor)
    found = []
    with form.core_errors():
        found = services.list_active_services(
            db.session(),
            g.actor,
            category_id=form["category_id"] or None,
            query=form["query"] or None,
            limit=CATALOG_LIMIT,
        )
    chosen = next((c for c in categories if str(c.id) == form["category_id"]), None)
    searching = bool(form["query"].strip()) or chosen is not None
    groups = []
    if not searching:
        by_category: dict[int, list] = {}
        for service in found:
            by_category.setdefault(service.category_id, []).append(service)
        groups = [(c, by_category[c.id]) for c in categories if c.id in by_category]
    body = cache.render_shared(
        "services/_catalog_body.html",
        form=form,
        categories=categories,
        chosen=chosen,
        searching=searching,
        found=found,
        groups=groups,
    )
    return body, chosen


def catalog_version() -> tuple:
    """What core says the catalog's version is (``services.CATALOG_VERSION``), read without a
    transaction where the database allows (``db.read_row``); cache.py compares it."""
    return tuple(db.read_row(services.CATALOG_VERSION))


@bp.get("/services/<int:service_id>")
def service(service_id: int):
    item = services.public_service(db.session(), service_id)
    return render_template("services/service.html", service=item)


def _fields(schema: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The schema with how each field is drawn (``widget``), for the form template."""
    drawn = []
    for field in schema:
        widget = field["type"]
        if widget == "select":
            widget = "radio" if len(field.get("options", ())) <= RADIO_MAX else "select"
        drawn.append({**field, "widget": widget})
    return drawn


@bp.route("/services/<int:service_id>/order", methods=["GET", "POST"])
def order_form(service_id: int):
    visitor.signed_in_user()
    item = services.public_service(db.session(), service_id)
    schema = item.form_schema
    form = Form([field["name"] for field in schema])
    sent_files = False
    if form.submitted:
        answers = {
            field["name"]: form[field["name"]] for field in schema if field["type"] != "file"
        }
        attachments = []
        for field in schema:
            if field["type"] == "file":
                for name, data in casework.uploads(field["name"]):
                    attachments.append((field["name"], name, data))
        sent_files = bool(attachments)
        with form.core_errors():
            order = services.submit_order(
                db.session(), g.actor, item.id, answers, attachments=attachments
            )
            flash(
                _(
                    "Заяву зареєстровано за № %(number)s. Строк розгляду — до %(due)s.",
                    number=order.registration_number,
                    due=format_date(order.due_at, "d MMMM y"),
                ),
                "success",
            )
            return redirect(url_for(".order", order_id=order.id), code=303)
    return render_template(
        "services/order_form.html",
        service=item,
        form=form,
        fields=_fields(schema),
        labels={field["name"]: field["label"] for field in schema},
        sent_files=sent_files,
        limits=casework.limits(),
    ), form.status


# --- my orders -----------------------------------------------------------------------------


@bp.get("/orders")
def my_orders():
    orders = services.my_orders(db.session(), g.actor, limit=MY_ORDERS_LIMIT)
    return render_template("services/my_orders.html", orders=orders, limit=MY_ORDERS_LIMIT)


def _order_page(order_id: int, *, info_form: Form | None = None, problem: str = "", status=200):
    detail = services.order_detail(db.session(), g.actor, order_id)
    actions = detail["available_actions"]
    if info_form is None and "provide_info" in actions:
        info_form = Form(("answer",))
    return render_template(
        "services/order.html",
        order=detail,
        actions=actions,
        info_form=info_form,
        problem=problem,
    ), status


@bp.get("/orders/<int:order_id>")
def order(order_id: int):
    return _order_page(order_id)


def _stale(action_done: str) -> str:
    return _(
        "%(action)s: стан заяви вже змінився. Перегляньте її поточний стан нижче.",
        action=action_done,
    )


@bp.post("/orders/<int:order_id>/info")
def provide_info(order_id: int):
    form = Form(("answer",))
    with form.core_errors():
        try:
            services.provide_info(db.session(), g.actor, order_id, form["answer"])
        except InvalidTransition:  # answered already, or the order moved on meanwhile
            db.failed()
            return _order_page(order_id, problem=_stale(_("Відповідь не надіслано")), status=409)
        flash(_("Відповідь надіслано. Заява повернулася в роботу."), "success")
        return redirect(url_for(".order", order_id=order_id), code=303)
    return _order_page(order_id, info_form=form, status=form.status)


@bp.route("/orders/<int:order_id>/cancel", methods=["GET", "POST"])
def cancel(order_id: int):
    if request.method == "POST":
        try:
            services.cancel(db.session(), g.actor, order_id)
        except InvalidTransition:
            db.failed()
            return _order_page(order_id, problem=_stale(_("Заяву не скасовано")), status=409)
        flash(_("Заяву скасовано."), "success")
        return redirect(url_for(".order", order_id=order_id), code=303)
    detail = services.order_detail(db.session(), g.actor, order_id)
    if "cancel" not in detail["available_actions"]:
        flash(_("Цю заяву вже не можна скасувати."), "info")
        return redirect(url_for(".order", order_id=order_id), code=303)
    return render_template("services/cancel.html", order=detail)


@bp.get("/orders/<int:order_id>/files/<int:file_id>")
def order_file(order_id: int, file_id: int):
    stored = services.order_file_for(db.session(), g.actor, order_id, file_id)
    return casework.send_stored(stored)
