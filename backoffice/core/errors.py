"""The errors core raises. Each carries a stable ``code`` and a message for the person.

Messages are in Ukrainian, the default language; front ends translate by ``code`` (and
``InvalidInput.fields``' codes) when the interface language is another.
"""

from __future__ import annotations


class CoreError(Exception):
    code = "error"
    default_message = "Помилка."

    def __init__(self, message: str | None = None, *, code: str | None = None, **details):
        self.message = message or self.default_message
        if code:
            self.code = code
        self.details = details
        super().__init__(self.message)


class NotAllowed(CoreError):
    code = "not_allowed"
    default_message = "У вас немає права на цю дію."


class NotFound(CoreError):
    code = "not_found"
    default_message = "Не знайдено."


class InvalidInput(CoreError):
    """Bad input: ``fields`` maps each offending field to what is wrong with it."""

    code = "invalid_input"
    default_message = "Перевірте введені дані."

    def __init__(self, fields: dict[str, str], message: str | None = None):
        self.fields = dict(fields)
        super().__init__(message or self._summary())

    def _summary(self) -> str:
        parts = "; ".join(f"{name}: {text}" for name, text in self.fields.items())
        return f"{self.default_message} {parts}" if parts else self.default_message


class Conflict(CoreError):
    """Someone else changed the item (stale version) or it already exists (second ballot)."""

    code = "conflict"
    default_message = "Цей запис щойно змінив інший користувач. Перегляньте зміни й повторіть."

    def __init__(self, message: str | None = None, *, changed_by: str | None = None, **details):
        self.changed_by = changed_by
        super().__init__(message, changed_by=changed_by, **details)


class InvalidTransition(CoreError):
    code = "invalid_transition"
    default_message = "Ця дія недоступна в поточному стані."
