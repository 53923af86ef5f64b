"""What the services and reception sections share: files sent with a form, files sent back,
the page for a request too large to read, and counts of days in words.

Uploads are only read here; their size, type and content are checked by core
(``core.files.check_upload``), which names the field beside which the problem is shown.
The whole request is capped by ``MAX_CONTENT_LENGTH`` (see ``create_app``): a larger one is
refused before any view runs, and ``too_large`` explains it instead of a bare error.
"""

from __future__ import annotations

import io

from flask import current_app, render_template, request, send_file
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from backoffice.core import files
from backoffice.models import StoredFile
from backoffice.web import db
from backoffice.web.i18n import current_locale, format_number

MEGABYTE = 1024 * 1024


def uploads(name: str) -> list[tuple[str, bytes]]:
    """The files chosen in the file input ``name`` as (name, bytes); an empty input sends a
    part without a file name, which is no file at all."""
    return [(part.filename, part.read()) for part in request.files.getlist(name) if part.filename]


def send_stored(stored: StoredFile):
    """A stored file as a download under its stored name and media type, never shown inline."""
    return send_download(stored.name, stored.media_type, stored.content)


def send_download(name: str, media_type: str, data: bytes):
    """``data`` as a download named ``name``: never shown inline, never cached."""
    response = send_file(
        io.BytesIO(data),
        mimetype=media_type,
        as_attachment=True,
        download_name=name,
        etag=False,
        conditional=False,
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


def limits() -> dict[str, int]:
    """The upload limits in megabytes, for hints: one file, and everything sent at once."""
    request_limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    return {
        "file_mb": files.MAX_FILE_BYTES // MEGABYTE,
        "request_mb": request_limit // MEGABYTE,
        "types": ", ".join(sorted({e.lstrip(".").upper() for e in files.ALLOWED_TYPES})),
    }


def too_large(_error):
    """413: the form was larger than the whole-request limit; nothing was read or saved."""
    db.failed()
    return render_template("services/too_large.html", limits=limits(), back=request.path), 413


_PLURALS = {
    "calendar": {
        "one": _l("%(num)d календарний день"),
        "few": _l("%(num)d календарні дні"),
        "many": _l("%(num)d календарних днів"),
    },
    "working": {
        "one": _l("%(num)d робочий день"),
        "few": _l("%(num)d робочі дні"),
        "many": _l("%(num)d робочих днів"),
    },
    "months": {
        "one": _l("%(num)d місяць"),
        "few": _l("%(num)d місяці"),
        "many": _l("%(num)d місяців"),
    },
    "hours": {
        "one": _l("%(num)d година"),
        "few": _l("%(num)d години"),
        "many": _l("%(num)d годин"),
    },
}


def count_text(num: int, unit: str) -> str:
    """ "10 календарних днів", "2 місяці": ``unit`` is calendar, working, months or hours; the
    plural form is the visitor's language's (Ukrainian one/few/many, English one/other)."""
    form = current_locale().plural_form(num)
    forms = _PLURALS[unit]
    return str(forms.get(form, forms["many"])) % {"num": num}


def days_text(num: int, counts: str) -> str:
    return count_text(num, "working" if counts == "working" else "calendar")


def size_text(size: int) -> str:
    """A file size for people: KB below a megabyte, else MB with one decimal."""
    if size < MEGABYTE:
        return _("%(num)s КБ", num=max(1, round(size / 1024)))
    megabytes = format_number(size / MEGABYTE, "0.0")
    return _("%(num)s МБ", num=megabytes)
