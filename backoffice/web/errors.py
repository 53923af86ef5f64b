"""Core's errors (and the database's) mapped to pages. Every handler discards the request's
database changes first.

    NotFound                    → 404 page
    NotAllowed sign_in_required → redirect to the sign-in page, with next= back here
    NotAllowed (other)          → 403 page with core's message
    InvalidInput                → 400 page listing the fields (forms catch it themselves: forms.py)
    Conflict, InvalidTransition → 409 page with core's message
    OperationalError            → 503 page: the database is out of reach, nothing half-saved
    CSRFError                   → 400 page: the form is out of date, reload it
"""

from __future__ import annotations

import logging

from flask import Flask, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, OperationalError
from werkzeug.exceptions import HTTPException, InternalServerError

from backoffice.core.errors import (
    Conflict,
    CoreError,
    InvalidInput,
    InvalidTransition,
    NotAllowed,
    NotFound,
)
from backoffice.web import db
from backoffice.web.i18n import core_message
from backoffice.web.urls import safe_next

log = logging.getLogger(__name__)


def error_page(status: int, title: str, message: str = "", *, details: list[str] | None = None):
    return (
        render_template(
            "errors/error.html", status=status, title=title, message=message, details=details or []
        ),
        status,
    )


def _not_found(_error):
    db.failed()
    return error_page(
        404,
        _("Сторінку не знайдено"),
        _("Можливо, адресу введено з помилкою або сторінку прибрано."),
    )


def _not_allowed(error: NotAllowed):
    db.failed()
    if error.code == "sign_in_required":
        if request.method == "GET":
            back = request.full_path.rstrip("?")
        else:
            back = safe_next(_same_site_referrer(), default="")
        flash(_("Увійдіть до кабінету, щоб продовжити."), "info")
        return redirect(url_for("auth.sign_in", next=back or None), code=303)
    return error_page(403, _("Немає доступу"), core_message(error.message))


def _same_site_referrer() -> str | None:
    referrer = request.referrer or ""
    root = request.host_url
    return "/" + referrer[len(root) :] if referrer.startswith(root) else None


def _invalid_input(error: InvalidInput):
    db.failed()
    details = [core_message(message) for message in error.fields.values()]
    return error_page(400, _("Перевірте введені дані"), "", details=details)


def _conflict(error: CoreError):
    db.failed()
    return error_page(409, _("Дію не виконано"), core_message(error.message))


def _unavailable(error: Exception):
    db.failed()
    log.error("database unavailable: %s", error)
    response = render_template("errors/unavailable.html")
    return response, 503, {"Retry-After": "30"}


def _csrf(_error: CSRFError):
    db.failed()
    return error_page(
        400,
        _("Форма застаріла"),
        _(
            "Сторінку з формою відкрито надто давно або з іншого сайту. Відкрийте форму ще раз "
            "і надішліть її знову."
        ),
    )


def _http(error: HTTPException):
    db.failed()
    titles = {
        405: _("Ця дія недоступна за цією адресою"),
        413: _("Надіслано завеликий файл"),
    }
    return error_page(error.code or 500, titles.get(error.code, _("Запит не виконано")), "")


def _server_error(error: InternalServerError):
    db.failed()
    original = getattr(error, "original_exception", None)
    if _is_connection_problem(original):  # e.g. the commit after the view failed
        return _unavailable(original)
    return error_page(
        500,
        _("Внутрішня помилка"),
        _("Щось пішло не так. Вашу останню дію не збережено. Спробуйте ще раз пізніше."),
    )


def _is_connection_problem(error: BaseException | None) -> bool:
    if isinstance(error, OperationalError):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated


def init_app(app: Flask) -> None:
    app.register_error_handler(NotFound, _not_found)
    app.register_error_handler(404, _not_found)
    app.register_error_handler(NotAllowed, _not_allowed)
    app.register_error_handler(InvalidInput, _invalid_input)
    app.register_error_handler(Conflict, _conflict)
    app.register_error_handler(InvalidTransition, _conflict)
    app.register_error_handler(OperationalError, _unavailable)
    app.register_error_handler(CSRFError, _csrf)
    app.register_error_handler(HTTPException, _http)
    app.register_error_handler(InternalServerError, _server_error)

    @app.context_processor
    def _visitor():
        return {"visitor": g.get("visitor")}
