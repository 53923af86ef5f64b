"""The resident portal: a thin Flask layer over ``backoffice.core``.

``create_app`` builds the application; each section of the portal is a blueprint listed in
``SECTIONS``. Views call core, render a template and map core's errors (see ``errors.py``);
they hold no business rule. How to add a section: README.md next to this file.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask
from flask_babel import Babel
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from backoffice.config import get_settings
from backoffice.web import (
    auth,
    cabinet,
    cache,
    db,
    democracy,
    errors,
    i18n,
    nav,
    outbox,
    pages,
    reception,
    rides,
    services,
    signing,
    visitor,
)
from backoffice.web.markup import render_markdown
from backoffice.web.throttle import SlidingWindow

log = logging.getLogger(__name__)

# One blueprint per section, in the order of the navigation. A new section adds its module here.
SECTIONS = (
    pages,
    services,
    signing,
    reception,
    democracy,
    rides,
    cabinet,
    auth,
)

csrf = CSRFProtect()
babel = Babel()


def _env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def secret_key() -> str:
    """BACKOFFICE_WEB_SECRET, or a random key made once and kept in the data folder (so that
    sessions and reset links survive a restart; every worker of one host shares it)."""
    explicit = os.environ.get("BACKOFFICE_WEB_SECRET")
    if explicit:
        return explicit
    path = Path(get_settings().data_dir) / "web-secret.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(path, "x", encoding="ascii") as file:  # "x": two workers never both write
                file.write(secrets.token_urlsafe(48))
            path.chmod(0o600)
        except FileExistsError:
            pass
    return path.read_text(encoding="ascii").strip()


def default_config() -> dict[str, Any]:
    """Settings from the environment; ``create_app(config)`` overrides any of them."""
    return {
        "SESSION_COOKIE_SECURE": _env_flag("BACKOFFICE_WEB_SECURE_COOKIES", True),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_NAME": "eternopil_session",
        "PERMANENT_SESSION_LIFETIME": 14 * 24 * 3600,
        # A long form (an appeal) may take a while to write: the token lasts a working day.
        "WTF_CSRF_TIME_LIMIT": 8 * 3600,
        "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
        "BABEL_DEFAULT_LOCALE": "uk",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Kyiv",
        # Per-address sign-in throttle (core throttles per account): failures in a window.
        "SIGN_IN_IP_LIMIT": 20,
        "SIGN_IN_IP_WINDOW": 15 * 60,
        # How many proxies (nginx) set X-Forwarded-For in front of the app; 0 = none.
        "PROXIES": int(os.environ.get("BACKOFFICE_WEB_PROXIES", "0") or 0),
        # The address residents use (https://e.ternopil.example): reset links are built on it.
        "PUBLIC_URL": os.environ.get("BACKOFFICE_WEB_PUBLIC_URL", ""),
        # Seconds the catalog page trusts the catalog's version it last read (cache.py): a
        # change made in the back office reaches the portal within this time. 0: every request.
        "CATALOG_MAX_AGE": float(os.environ.get("BACKOFFICE_WEB_CATALOG_MAX_AGE", "1") or 0),
        **outbox.config_from_env(),
    }


def create_app(config: dict[str, Any] | None = None, *, engine: Engine | None = None) -> Flask:
    """The portal over ``engine`` (the configured database when None)."""
    app = Flask(__name__)
    app.config.update(default_config())
    app.config.update(config or {})
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secret_key()
    if app.config["PROXIES"]:
        n = app.config["PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)

    db.init_app(app, engine)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    app.extensions["sign_in_throttle"] = SlidingWindow(
        app.config["SIGN_IN_IP_LIMIT"], app.config["SIGN_IN_IP_WINDOW"]
    )
    app.extensions["outbox"] = outbox.Outbox.from_config(app.config)
    cache.init_app(app)

    visitor.init_app(app)
    errors.init_app(app)
    i18n.init_app(app)
    for section in SECTIONS:
        app.register_blueprint(section.bp)
        nav.register(app, getattr(section, "NAV", ()))

    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.globals["nav_items"] = nav.nav_items
    app.after_request(_security_headers)
    return app


def _security_headers(response):
    headers = response.headers
    headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' https: data:; script-src 'self'; "
        "style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'",
    )
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    if response.mimetype == "text/html":
        headers.setdefault("Cache-Control", "no-store")
    return response
