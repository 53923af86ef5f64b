"""Who is visiting: the signed-in resident (reloaded on every request) or an anonymous visitor.

Before each view: ``g.user`` (the ``User`` or None), ``g.actor`` (the core ``Actor`` to pass to
every core call) and ``g.visitor`` (plain values for templates, safe to show even when the
database has gone away). A blocked account, a deleted one or a changed password signs the
browser out on its next request.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, flash, g, request, session
from flask_babel import gettext as _

from backoffice.core import notifications
from backoffice.core.actor import Actor
from backoffice.core.errors import NotAllowed
from backoffice.core.people import password_fingerprint
from backoffice.models import User
from backoffice.web import db


@dataclass(frozen=True)
class Visitor:
    user_id: int | None = None
    name: str = ""
    unread: int = 0

    @property
    def signed_in(self) -> bool:
        return self.user_id is not None


def init_app(app: Flask) -> None:
    app.before_request(_load)


def _load() -> None:
    g.user = None
    g.actor = Actor.anonymous(request.remote_addr)
    g.visitor = Visitor()
    if request.endpoint == "static":
        return
    user_id = session.get("uid")
    if user_id is None:
        return
    user = db.session().get(User, user_id)
    if user is None or user.blocked or session.get("fp") != password_fingerprint(user):
        session.clear()
        if user is not None and user.blocked:
            flash(_("Обліковий запис заблоковано. Зверніться до адміністратора."), "error")
        else:
            flash(_("Ви вийшли з кабінету. Увійдіть ще раз."), "info")
        return
    g.user = user
    g.actor = Actor.for_user(user, "web", request.remote_addr)
    g.visitor = Visitor(user.id, user.full_name, notifications.unread_count(db.session(), g.actor))


def sign_in(user: User) -> None:
    """Start a fresh session for ``user`` (a new session against fixation; language kept)."""
    language = session.get("lang")
    session.clear()
    session.permanent = True
    session["uid"] = user.id
    session["fp"] = password_fingerprint(user)
    if language:
        session["lang"] = language


def password_changed(user: User) -> None:
    """Keep this browser signed in after its own password change; others are signed out."""
    session["fp"] = password_fingerprint(user)


def sign_out() -> None:
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language


def signed_in_user() -> User:
    """The signed-in user, or the sign-in page (for views core does not already guard)."""
    if g.user is None:
        raise NotAllowed(code="sign_in_required")
    return g.user
