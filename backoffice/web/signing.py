"""Electronic signatures on the portal (issue #6): the applicant signs the application of an
order with their own key; the clerk's signature of the result is shown with the order.

    /orders/<id>/application.pdf     the application document to sign: the same bytes on every
                                     download (core keeps the file it made on the first one)
    /orders/<id>/sign                the signing page: the document, the upload of a detached
                                     .p7s made with any tool (the way without JavaScript), and
                                     signing in the browser with a PKCS#12 key (static/signing.js)
    /orders/<id>/signatures/<sid>    one signature's file: the .p7s, or the signed result PDF

Signing in the browser: signing.js reads the key file and its passphrase from two inputs that
have no ``name`` (a browser never sends such a field), builds the detached CMS with PKI.js and
WebCrypto, and posts only that signature, base64, in the form's ``signature`` field. The private
key never reaches the server. Uploading a ``.p7s`` is the same form with a file.

Order pages call the template global ``order_signing(order_id)`` for what to show. Every rule
is core's (``core.signing``): who may sign, whether a signature is valid, what is kept.
A refused signature is shown beside the field it came from: core's Ukrainian message, or in
English the message of its ``code`` (``core_messages.SIGNATURE_REFUSALS``).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from backoffice.core import services, signing
from backoffice.core.signing import SIGN_APPLICATION, Document, SignatureRefused
from backoffice.models import Order
from backoffice.web import casework, db
from backoffice.web.core_messages import SIGNATURE_REFUSALS
from backoffice.web.errors import error_page
from backoffice.web.forms import Form
from backoffice.web.i18n import current_language

bp = Blueprint("signing", __name__)

MEGABYTE = 1024 * 1024
# core refuses a signature over 1 MB (core.signing.verification.MAX_SIGNATURE_BYTES).
SIGNATURE_LIMIT_MB = 1
# A POST here carries one signature (a file, or base64 text a third larger) and a token: a
# request larger than this is refused before it is read (413, shown beside the upload field).
REQUEST_LIMIT = 2 * MEGABYTE

UPLOAD, BROWSER = "upload", "browser"
STATUSES = {
    "valid": _l("підпис дійсний"),
    "invalid": _l("підпис недійсний"),
    "untrusted": _l("сертифікат не довірений"),
    "expired": _l("строк дії сертифіката минув"),
    "unsupported": _l("алгоритм підпису не підтримується"),
}


# The order's timeline: the events core records when a signature is kept.
EVENTS = {
    "sign_application": _l("Заяву підписано електронним підписом"),
    "sign_result": _l("Результат підписано електронним підписом"),
}


@bp.app_template_filter("signing_event")
def signing_event(action: str) -> str:
    """The label of a signing event of an order's timeline; "" for any other event."""
    label = EVENTS.get(action)
    return str(label) if label else ""


@bp.app_template_filter("signature_status")
def signature_status(status: str) -> str:
    return str(STATUSES.get(status, status))


@bp.url_value_preprocessor
def _small_requests(_endpoint, _values) -> None:
    # Runs before CSRFProtect reads the form: the limit applies to the whole request.
    if request.method == "POST":
        request.max_content_length = REQUEST_LIMIT


def _send(document: Document):
    return casework.send_download(document.name, document.media_type, document.data)


@bp.get("/orders/<int:order_id>/application.pdf")
def application(order_id: int):
    # The first download stores the document: the request's session commits it.
    return _send(signing.application_document(db.session(), g.actor, order_id))


@bp.get("/orders/<int:order_id>/signatures/<int:signature_id>")
def signature_file(order_id: int, signature_id: int):
    return _send(signing.signature_file(db.session(), g.actor, order_id, signature_id))


# --- the signing page ----------------------------------------------------------------------


def refusal_message(error: SignatureRefused) -> str:
    """Why a signature was refused, in the visitor's language: core's own Ukrainian message
    (it names the issuer, a date, the signer), or the English of its code."""
    english = SIGNATURE_REFUSALS.get(error.code)
    if current_language() == "uk" or english is None:
        return error.fields.get("signature") or next(iter(error.fields.values()), "")
    found = error.verification
    return str(english) % {
        "issuer": (found.issuer if found else "") or "—",
        "algorithm": (found.algorithm if found else "") or "—",
        "signer": (found.signer_name if found else "") or "—",
    }


def _forms() -> tuple[Form, Form]:
    """The upload form (field ``signature``) and the browser form (its key file)."""
    return Form(("signature",)), Form(("key_file",))


def _current(order_id: int, kind: str) -> dict[str, Any] | None:
    rows = signing.order_signatures(db.session(), g.actor, order_id)
    return next((r for r in rows if r["kind"] == kind and r["is_current"]), None)


def _page(order: Order, upload: Form, browser: Form, status: int = 200):
    document = signing.application_document(db.session(), g.actor, order.id)
    return render_template(
        "signing/sign.html",
        order=order,
        document=document,
        current=_current(order.id, "application"),
        upload=upload,
        browser=browser,
        limit_mb=SIGNATURE_LIMIT_MB,
    ), status


def _signature_sent(source: str) -> bytes | str | None:
    """What the form sent: the uploaded file's bytes, or the browser's base64 text; None when
    nothing was chosen or made."""
    if source == BROWSER:
        return request.form.get("signature") or None
    part = request.files.get("signature")
    if part is None or not part.filename:
        return None
    return part.read(REQUEST_LIMIT)


@bp.route("/orders/<int:order_id>/sign", methods=["GET", "POST"])
def sign(order_id: int):
    session = db.session()
    order = services.get_order_for(session, g.actor, order_id)
    upload, browser = _forms()
    if request.method == "GET":
        if SIGN_APPLICATION not in signing.signing_actions(session, g.actor, order):
            flash(_("Цю заяву зараз не можна підписати."), "info")
            return redirect(url_for("services.order", order_id=order_id), code=303)
        return _page(order, upload, browser)

    source = BROWSER if request.form.get("source") == BROWSER else UPLOAD
    form, field = (browser, "key_file") if source == BROWSER else (upload, "signature")
    sent = _signature_sent(source)
    if sent is None:
        if source == BROWSER:
            form.fail(field, _("Підпис не створено: виберіть файл ключа й введіть пароль."))
        else:
            form.fail(field, _("Виберіть файл підпису (.p7s)."))
        return _page(order, upload, browser, form.status)
    with form.core_errors():
        try:
            row = signing.attach_application_signature(
                session, g.actor, order_id, sent, source=source
            )
        except SignatureRefused as refused:
            db.failed()
            form.fail(field, refusal_message(refused))
        else:
            flash(
                _(
                    "Заяву підписано: %(signer)s. Підпис перевірено й збережено разом із заявою.",
                    signer=row.signer_name,
                ),
                "success",
            )
            return redirect(url_for("services.order", order_id=order_id), code=303)
    return _page(order, upload, browser, form.status)


@bp.errorhandler(413)
def _too_large(_error):
    """A request over REQUEST_LIMIT, refused before anything of it was read (before the CSRF
    check and the visitor's session too): back to the signing page, which says why."""
    db.failed()
    order_id = (request.view_args or {}).get("order_id")
    if request.endpoint != "signing.sign" or order_id is None:
        return error_page(413, _("Надіслано завеликий файл"))
    flash(
        _(
            "Підпис не прийнято: файл завеликий. Файл підпису (.p7s) — не більше %(mb)s МБ: "
            "виберіть відокремлений підпис заяви, а не сам документ чи архів.",
            mb=SIGNATURE_LIMIT_MB,
        ),
        "error",
    )
    return redirect(url_for(".sign", order_id=order_id), code=303)


# --- what order pages show --------------------------------------------------------------------


@bp.app_template_global("order_signing")
def order_signing(order_id: int) -> dict[str, Any]:
    """For an order page: core's ``signing.order_signing``, and whether the visitor may sign."""
    found = signing.order_signing(db.session(), g.actor, order_id)
    return {**found, "can_sign": SIGN_APPLICATION in found["actions"]}
