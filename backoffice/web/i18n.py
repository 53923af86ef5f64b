"""Languages: Ukrainian by default, English on request. The choice is kept in the session.

Strings in templates and views are written in Ukrainian inside ``_()``; the English catalog is
``translations/en/LC_MESSAGES/messages.po`` (see README.md for extracting and compiling).
Core's messages are Ukrainian too: ``core_message()`` looks them up in the same catalog.
"""

from __future__ import annotations

from flask import Blueprint, Flask, redirect, request, session
from flask_babel import get_locale
from flask_babel import gettext as _

from backoffice.web.urls import safe_next

LANGUAGES = {"uk": "Українська", "en": "English"}
DEFAULT_LANGUAGE = "uk"

bp = Blueprint("i18n", __name__)


def current_language() -> str:
    language = session.get("lang")
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def core_message(message: str) -> str:
    """A message from core (Ukrainian) in the visitor's language, when the catalog has it."""
    return _(message) if message else message


@bp.post("/language")
def choose_language():
    language = request.form.get("lang", "")
    if language in LANGUAGES:
        session["lang"] = language
    return redirect(safe_next(request.form.get("next")), code=303)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.jinja_env.globals["core_message"] = core_message  # also inside imported macros

    @app.context_processor
    def _languages():
        return {
            "languages": LANGUAGES,
            "language": str(get_locale() or DEFAULT_LANGUAGE),
        }
