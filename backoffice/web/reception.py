"""E-Reception on the portal: appeals, public-information requests and electronic messages.

    /reception                        what each kind is for, and links to the forms (anyone)
    /reception/appeal                 the appeal form          (signed-in residents)
    /reception/info-request           the information request (urgent flag with a reason)
    /reception/message                the electronic message
    /appeals, /appeals/<id>           the resident's requests; the detail page is where core's
                                      notification links lead
    /appeals/<id>/files/<file_id>     an attachment or a response file, for the applicant only

An item gets its registration number and due date when the reception registers it, not when it
is sent: until then the pages say it was received and will be registered. Every rule (which
fields are required, that only an information request may be urgent, whose item is whose) is
core's; someone else's item or file is NotFound, a 404 page.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from backoffice.config import get_settings
from backoffice.core import reception
from backoffice.core.errors import InvalidInput
from backoffice.web import casework, db, visitor
from backoffice.web.cabinet import Panel, add_panel
from backoffice.web.forms import Form
from backoffice.web.nav import NavItem

bp = Blueprint("reception", __name__)
NAV = [
    NavItem(
        "reception.index",
        _l("Е-приймальня"),
        _l("Звернення до міської ради, запит на публічну інформацію, електронне повідомлення."),
    ),
]
bp.register_error_handler(413, casework.too_large)

MY_APPEALS_LIMIT = 100
PANEL_LIMIT = 5
ATTACHMENTS = "attachments"

KINDS = {
    "appeal": {
        "endpoint": "reception.new_appeal",
        "title": _l("Звернення"),
        "heading": _l("Нове звернення"),
        "about": _l(
            "Пропозиція, заява чи скарга до міської ради за Законом України «Про звернення "
            "громадян»."
        ),
        "text_label": _l("Текст звернення"),
    },
    "info_request": {
        "endpoint": "reception.new_info_request",
        "title": _l("Запит на публічну інформацію"),
        "heading": _l("Новий запит на публічну інформацію"),
        "about": _l(
            "Запит на інформацію, якою володіє міська рада, за Законом України «Про доступ до "
            "публічної інформації»."
        ),
        "text_label": _l("Яку інформацію ви просите надати"),
    },
    "message": {
        "endpoint": "reception.new_message",
        "title": _l("Електронне повідомлення"),
        "heading": _l("Нове електронне повідомлення"),
        "about": _l("Коротке повідомлення, подяка чи пропозиція міській раді."),
        "text_label": _l("Текст повідомлення"),
    },
}


def _term_text(kind: str) -> str:
    """The legal term of ``kind`` in words, from the configured terms."""
    terms = get_settings().terms
    if kind == "info_request":
        return _(
            "Відповідь — протягом %(days)s від отримання; терміновий запит (для захисту життя "
            "чи свободи особи, щодо стану довкілля, аварії чи надзвичайної ситуації) — "
            "протягом %(hours)s.",
            days=casework.count_text(terms.info_request_working_days, "working"),
            hours=casework.count_text(terms.info_request_urgent_hours, "hours"),
        )
    months = terms.message_months if kind == "message" else terms.appeal_months
    return _(
        "Строк розгляду — %(term)s від реєстрації.",
        term=casework.count_text(months, "months"),
    )


APPEAL_KINDS = {
    "appeal": _l("Звернення"),
    "info_request": _l("Запит на інформацію"),
    "message": _l("Електронне повідомлення"),
}
APPEAL_STATUSES = {
    "received": _l("Отримано, очікує реєстрації"),
    "registered": _l("Зареєстровано"),
    "assigned": _l("Розглядається"),
    "extended": _l("Строк розгляду продовжено"),
    "answered": _l("Надано відповідь"),
    "forwarded": _l("Переслано за належністю"),
    "not_considered": _l("Залишено без розгляду"),
}
APPEAL_EVENTS = {
    "submit": _l("Надійшло"),
    "register": _l("Зареєстровано"),
    "assign": _l("Доручено виконавцю"),
    "reassign": _l("Передано іншому виконавцю"),
    "extend": _l("Строк розгляду продовжено"),
    "forward": _l("Переслано за належністю"),
    "answer": _l("Надано відповідь"),
    "mark_not_considered": _l("Залишено без розгляду"),
    "mark_delivered": _l("Відповідь надіслано поштою"),
}

# Core's messages these pages may show (see core_messages.py), marked for the catalog.
CORE_MESSAGES = (
    _l("Терміновим може бути лише запит на інформацію."),
    _l("Не більше 10 файлів."),
)


@bp.app_template_filter("appeal_kind")
def appeal_kind(kind: str) -> str:
    return str(APPEAL_KINDS.get(kind, kind))


@bp.app_template_filter("appeal_status")
def appeal_status(status: str) -> str:
    return str(APPEAL_STATUSES.get(status, status))


@bp.app_template_filter("appeal_event")
def appeal_event(action: str) -> str:
    return str(APPEAL_EVENTS.get(action, action))


def _load_panel(session, actor) -> dict[str, Any]:
    return {"appeals": reception.my_appeals(session, actor, limit=PANEL_LIMIT)}


bp.record_once(lambda state: add_panel(state.app, Panel("reception/panel.html", _load_panel)))


@bp.get("/reception")
def index():
    terms = {kind: _term_text(kind) for kind in KINDS}
    return render_template("reception/index.html", kinds=KINDS, terms=terms)


def _one_field(problems: dict[str, str], files: list[tuple[str, bytes]]) -> dict[str, str]:
    """Core names a bad file ``attachments[i]``: shown beside the one file input, with the
    file's name when several were sent."""
    fields: dict[str, str] = {}
    for key, message in problems.items():
        if key.startswith(f"{ATTACHMENTS}["):
            index = key[len(ATTACHMENTS) + 1 : -1]
            text = str(_(message))
            if len(files) > 1 and index.isdigit() and int(index) < len(files):
                text = f"{files[int(index)][0]}: {text}"
            fields.setdefault(ATTACHMENTS, text)
        else:
            fields[key] = message
    return fields


def _new(kind: str):
    visitor.signed_in_user()
    names = ["subject", "text", "category", "hide_identity", ATTACHMENTS]
    if kind == "info_request":
        names[3:3] = ["urgent", "urgent_reason"]
    form = Form(names)
    sent_files = False
    if form.submitted:
        files = casework.uploads(ATTACHMENTS)
        sent_files = bool(files)
        values: dict[str, Any] = {
            "subject": form["subject"],
            "text": form["text"],
            "category": form["category"],
            "hide_identity": form.checked("hide_identity"),
        }
        if kind == "info_request":
            values["urgent"] = form.checked("urgent")
            values["urgent_reason"] = form["urgent_reason"]
        with form.core_errors():
            try:
                appeal = reception.submit(
                    db.session(), g.actor, kind=kind, attachments=files, **values
                )
            except InvalidInput as error:
                raise InvalidInput(_one_field(error.fields, files)) from error
            flash(
                _(
                    "%(kind)s «%(subject)s» отримано. Після реєстрації тут з'являться його "
                    "номер і строк розгляду.",
                    kind=appeal_kind(appeal.kind),
                    subject=appeal.subject,
                ),
                "success",
            )
            return redirect(url_for(".appeal", appeal_id=appeal.id), code=303)
    return render_template(
        "reception/new.html",
        kind=kind,
        about=KINDS[kind],
        term=_term_text(kind),
        labels={
            "subject": _("Тема"),
            "text": str(KINDS[kind]["text_label"]),
            "category": _("Сфера"),
            "urgent": _("Запит терміновий"),
            "urgent_reason": _("Чому запит терміновий"),
            "attachments": _("Файли"),
            "hide_identity": _("Не показувати моє ім'я виконавцям"),
        },
        form=form,
        sent_files=sent_files,
        limits=casework.limits(),
    ), form.status


@bp.route("/reception/appeal", methods=["GET", "POST"])
def new_appeal():
    return _new("appeal")


@bp.route("/reception/info-request", methods=["GET", "POST"])
def new_info_request():
    return _new("info_request")


@bp.route("/reception/message", methods=["GET", "POST"])
def new_message():
    return _new("message")


@bp.get("/appeals")
def my_appeals():
    appeals = reception.my_appeals(db.session(), g.actor, limit=MY_APPEALS_LIMIT)
    return render_template("reception/my_appeals.html", appeals=appeals, limit=MY_APPEALS_LIMIT)


@bp.get("/appeals/<int:appeal_id>")
def appeal(appeal_id: int):
    item = reception.get_appeal_for(db.session(), g.actor, appeal_id)
    files = reception.appeal_files(db.session(), g.actor, appeal_id)
    return render_template(
        "reception/appeal.html",
        appeal=item,
        attachments=[f for f in files if f["purpose"] == "attachment"],
        responses=[f for f in files if f["purpose"] == "response"],
    )


@bp.get("/appeals/<int:appeal_id>/files/<int:file_id>")
def appeal_file(appeal_id: int, file_id: int):
    stored = reception.appeal_file_for(db.session(), g.actor, appeal_id, file_id)
    return casework.send_stored(stored)
