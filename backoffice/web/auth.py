"""Accounts: register, sign in and out, forgotten password, profile and password change."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, URLSafeTimedSerializer

from backoffice.core import people
from backoffice.core.errors import NotAllowed
from backoffice.web import db, visitor
from backoffice.web.forms import Form
from backoffice.web.i18n import core_message
from backoffice.web.nav import NavItem
from backoffice.web.urls import safe_next

bp = Blueprint("auth", __name__)
NAV = [
    NavItem(
        "auth.profile",
        _l("Профіль"),
        _l("Ваші контактні дані та пароль."),
        signed_in=True,
        header=False,
    ),
]

REGISTER_FIELDS = ("full_name", "email", "phone", "password", "consent")
PROFILE_FIELDS = ("full_name", "phone", "address", "version")


def _cabinet() -> str:
    return url_for("cabinet.index")


@bp.route("/register", methods=["GET", "POST"])
def register():
    if g.user is not None:
        return redirect(_cabinet(), code=303)
    form = Form(REGISTER_FIELDS)
    if form.submitted:
        with form.core_errors():
            user = people.register_resident(
                db.session(),
                g.actor,
                full_name=form["full_name"],
                email=form["email"],
                phone=form["phone"],
                password=request.form.get("password", ""),
                consent=form["consent"],
            )
            flash(_("Обліковий запис створено. Увійдіть, щоб відкрити кабінет."), "success")
            return redirect(url_for(".sign_in", email=user.email), code=303)
    return render_template("auth/register.html", form=form), form.status


_SIGN_IN_MESSAGES = {
    "wrong_credentials": _l("Неправильна адреса електронної пошти або пароль."),
    "blocked": _l("Обліковий запис заблоковано. Зверніться до адміністратора."),
}


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    next_url = safe_next(request.values.get("next"), default="")
    if g.user is not None:
        return redirect(next_url or _cabinet(), code=303)
    form = Form(("email", "password"), data={"email": request.args.get("email", "")})
    if not form.submitted:
        return render_template("auth/sign_in.html", form=form, next_url=next_url)
    throttle = current_app.extensions["sign_in_throttle"]
    address = request.remote_addr or "-"
    wait = throttle.retry_after(address)
    if wait:
        form.messages.append(_too_many(wait))
        return _throttled(form, next_url, wait)
    result = people.authenticate(
        db.session(),
        form["email"],
        request.form.get("password", ""),
        channel="web",
        client_address=request.remote_addr,
    )
    if result.ok:
        visitor.sign_in(result.user)
        flash(_("Ви увійшли як %(name)s.", name=result.user.full_name), "success")
        return redirect(next_url or _cabinet(), code=303)
    # The failure counter and the activity entry are committed with this response.
    if result.code == "throttled":
        form.messages.append(_too_many(result.retry_after))
        return _throttled(form, next_url, result.retry_after)
    if result.code == "wrong_credentials":
        throttle.hit(address)
    form.messages.append(str(_SIGN_IN_MESSAGES.get(result.code, core_message(result.message))))
    return render_template("auth/sign_in.html", form=form, next_url=next_url), 422


def _too_many(seconds: int) -> str:
    return _("Забагато невдалих спроб входу. Спробуйте через %(seconds)d с.", seconds=seconds)


def _throttled(form: Form, next_url: str, seconds: int):
    page = render_template("auth/sign_in.html", form=form, next_url=next_url)
    return page, 429, {"Retry-After": str(seconds)}


@bp.post("/sign-out")
def sign_out():
    visitor.sign_out()
    flash(_("Ви вийшли з кабінету."), "success")
    return redirect(url_for("pages.home"), code=303)


# --- forgotten password ---------------------------------------------------------------------------


def _reset_links() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="e-ternopil password reset")


def _reset_url(token: str) -> str:
    public = current_app.config.get("PUBLIC_URL")
    path = url_for(".reset_password", token=token)
    # Never build the link from the request's Host header: it is the sender's to choose.
    return public.rstrip("/") + path if public else request.host_url.rstrip("/") + path


@bp.route("/forgot-password", methods=["GET", "POST"])
def forgot_password():
    form = Form(("email",))
    if form.submitted:
        with form.core_errors():
            reset = people.request_password_reset(db.session(), g.actor, form["email"])
            if reset is not None:
                token = _reset_links().dumps([reset.user_id, reset.fingerprint])
                body = render_template(
                    "auth/reset_email.txt", name=reset.full_name, link=_reset_url(token)
                )
                current_app.extensions["outbox"].send(
                    reset.email, _("Відновлення пароля на порталі «е-Тернопіль»"), body
                )
            # The same answer whether or not the address is registered.
            return render_template("auth/forgot_sent.html", email=form["email"])
    return render_template("auth/forgot_password.html", form=form), form.status


def _read_token(token: str):
    """(user id, fingerprint, time issued) from a link we signed; NotAllowed when forged."""
    try:
        (user_id, fingerprint), issued_at = _reset_links().loads(token, return_timestamp=True)
    except (BadSignature, ValueError, TypeError):
        raise NotAllowed(
            _("Посилання для відновлення пароля недійсне або вже використане. Запросіть нове."),
            code="reset_invalid",
        ) from None
    return user_id, fingerprint, issued_at


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    form = Form(("new_password",))
    try:
        user_id, fingerprint, issued_at = _read_token(token)
        if not form.submitted:
            people.check_password_reset(db.session(), user_id, fingerprint, issued_at=issued_at)
            return render_template("auth/reset_password.html", form=form)
        with form.core_errors():
            people.reset_password(
                db.session(),
                g.actor,
                user_id,
                fingerprint,
                request.form.get("new_password", ""),
                issued_at=issued_at,
            )
            visitor.sign_out()
            flash(_("Пароль змінено. Увійдіть з новим паролем."), "success")
            return redirect(url_for(".sign_in"), code=303)
    except NotAllowed as error:
        db.failed()
        return render_template("auth/reset_invalid.html", message=core_message(error.message)), 410
    return render_template("auth/reset_password.html", form=form), form.status


# --- profile --------------------------------------------------------------------------------------


@bp.route("/profile", methods=["GET", "POST"])
def profile():
    user = visitor.signed_in_user()
    form = Form(
        PROFILE_FIELDS,
        data={
            "full_name": user.full_name,
            "phone": user.phone,
            "address": user.address,
            "version": user.version,
        },
    )
    if form.submitted:
        with form.core_errors():
            people.update_profile(
                db.session(),
                g.actor,
                full_name=form["full_name"],
                phone=form["phone"],
                address=form["address"],
                expected_version=form["version"],
            )
            flash(_("Профіль збережено."), "success")
            return redirect(url_for(".profile"), code=303)
    return render_template("auth/profile.html", form=form, user=user), form.status


@bp.route("/profile/password", methods=["GET", "POST"])
def change_password():
    visitor.signed_in_user()
    form = Form(("current_password", "new_password"))
    if form.submitted:
        with form.core_errors():
            user = people.change_password(
                db.session(),
                g.actor,
                request.form.get("current_password", ""),
                request.form.get("new_password", ""),
            )
            visitor.password_changed(user)
            flash(_("Пароль змінено. На інших пристроях потрібно увійти знову."), "success")
            return redirect(url_for(".profile"), code=303)
    return render_template("auth/change_password.html", form=form), form.status
