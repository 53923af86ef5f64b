"""Languages: Ukrainian by default, English on request. The choice is kept in the session.

Strings in templates and views are written in Ukrainian inside ``_()``; the English catalog is
``translations/en/LC_MESSAGES/messages.po`` (see README.md for extracting and compiling).
Core's messages are Ukrainian too: ``core_message()`` looks them up in the same catalog.

Numbers go through ``format_number`` and plural forms through ``current_locale()``: Babel parses
a locale name or a number pattern given as a string anew on every call, which a page listing
hundreds of fees and terms paid hundreds of times. Both are parsed once per process here, and
templates' ``_()`` finds the message catalog once per language (flask-babel's own lookup of it
costs more than the translation, for each of a page's few dozen strings).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import NumberPattern, format_decimal, parse_pattern
from babel.support import NullTranslations
from flask import Blueprint, Flask, redirect, request, session
from flask_babel import get_locale, get_translations
from flask_babel import gettext as _

from backoffice.web.urls import safe_next

LANGUAGES = {"uk": "Українська", "en": "English"}
DEFAULT_LANGUAGE = "uk"
# Shared by every thread: a Locale is not changed after it is made (its data loads once).
_LOCALES = {code: Locale.parse(code) for code in LANGUAGES}
# Message catalogs by locale, for templates (flask-babel keeps them for the process as well).
_CATALOGS: dict[Locale | None, NullTranslations] = {}

bp = Blueprint("i18n", __name__)


def current_language() -> str:
    language = session.get("lang")
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def select_locale() -> Locale:
    """flask-babel's locale selector: the visitor's language, parsed once per process."""
    return _LOCALES[current_language()]


def current_locale() -> Locale:
    """The request's Babel ``Locale`` (flask-babel's ``force_locale`` included)."""
    return get_locale() or _LOCALES[DEFAULT_LANGUAGE]


def _catalog() -> NullTranslations:
    locale = get_locale()
    catalog = _CATALOGS.get(locale)
    if catalog is None:
        catalog = _CATALOGS[locale] = get_translations()
    return catalog


@lru_cache(maxsize=32)
def _number_pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


def format_number(number: Decimal | float | int, pattern: str) -> str:
    """``number`` by a Babel pattern ("#,##0.00") in the visitor's language: 1 234,50."""
    return format_decimal(number, format=_number_pattern(pattern), locale=current_locale())


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
    # Replaces what flask-babel installed (called after it): the same, with the catalog kept.
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _catalog().ugettext(s),
        ngettext=lambda s, p, n: _catalog().ungettext(s, p, n),
        pgettext=lambda c, s: _catalog().upgettext(c, s),
        npgettext=lambda c, s, p, n: _catalog().unpgettext(c, s, p, n),
        newstyle=True,
    )

    @app.context_processor
    def _languages():
        return {
            "languages": LANGUAGES,
            "language": str(get_locale() or DEFAULT_LANGUAGE),
        }
