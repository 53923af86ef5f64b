"""A form's values and errors, for views and the ``macros/forms.html`` macros.

    form = Form(("full_name", "phone"), data={"full_name": user.full_name})  # data: for GET
    if form.submitted:
        with form.core_errors():          # InvalidInput/Conflict from core land in the form
            people.update_profile(db.session(), g.actor, **form.values)
            flash(_("Збережено."))
            return redirect(url_for(".profile"), code=303)
    return render_template("auth/profile.html", form=form), form.status

Core raises ``InvalidInput`` with Ukrainian messages keyed by field name; they are shown beside
the field (translated through the catalog) and in a summary at the top. A field error for a
name the form does not have goes to the summary only. Catching a core error also throws away
the request's database changes (``db.failed()``). CSRF is checked before any view runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from flask import request

from backoffice.core.errors import Conflict, InvalidInput, InvalidTransition
from backoffice.web import db
from backoffice.web.i18n import core_message


class Form:
    def __init__(self, fields: Iterable[str], data: Mapping[str, Any] | None = None) -> None:
        self.fields = tuple(fields)
        source: Mapping[str, Any] = request.form if self.submitted else (data or {})
        self.values: dict[str, str] = {
            name: "" if source.get(name) is None else str(source.get(name)) for name in self.fields
        }
        self.errors: dict[str, str] = {}
        self.messages: list[str] = []

    @property
    def submitted(self) -> bool:
        return request.method == "POST"

    def __getitem__(self, name: str) -> str:
        return self.values.get(name, "")

    def checked(self, name: str) -> bool:
        return self.values.get(name, "") in {"1", "on", "true", "yes"}

    def error(self, name: str) -> str | None:
        message = self.errors.get(name)
        return core_message(message) if message else None

    def fail(self, name: str, message: str) -> None:
        """An error of the web's own (e.g. a wrong reset link), shown like core's."""
        if name in self.fields:
            self.errors.setdefault(name, message)
        else:
            self.messages.append(message)

    @property
    def has_errors(self) -> bool:
        return bool(self.errors or self.messages)

    @property
    def status(self) -> int:
        """422 when the form comes back with errors, so tests and tools can tell."""
        return 422 if self.has_errors else 200

    @contextmanager
    def core_errors(self) -> Iterator[None]:
        try:
            yield
        except InvalidInput as error:
            db.failed()
            for name, message in error.fields.items():
                self.fail(name, message)
        except (Conflict, InvalidTransition) as error:
            db.failed()
            field = error.details.get("field")
            if isinstance(field, str) and field in self.fields:
                self.errors.setdefault(field, error.message)
            else:
                self.messages.append(error.message)
