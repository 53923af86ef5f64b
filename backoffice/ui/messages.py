"""What the person sees when something goes wrong: core's own message, or a plain one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import DBAPIError, OperationalError

from backoffice.core.errors import Conflict, CoreError, InvalidInput


def is_connection_lost(error: BaseException) -> bool:
    return isinstance(error, OperationalError) or (
        isinstance(error, DBAPIError) and error.connection_invalidated
    )


def describe(error: BaseException) -> str:
    if isinstance(error, InvalidInput):
        lines = [f"• {name}: {text}" for name, text in error.fields.items()]
        return "\n".join(
            [QCoreApplication.translate("messages", "Перевірте введені дані:"), *lines]
        )
    if isinstance(error, Conflict):
        who = error.changed_by or QCoreApplication.translate("messages", "інший користувач")
        if error.code == "conflict":
            return QCoreApplication.translate(
                "messages", "Запис щойно змінив(ла) {who}. Його оновлено — перегляньте й повторіть."
            ).format(who=who)
        return error.message
    if isinstance(error, CoreError):
        return error.message
    if is_connection_lost(error):
        return QCoreApplication.translate(
            "messages",
            "База даних недоступна. Перевірте з'єднання; роботу не втрачено — повторіть дію, "
            "коли з'єднання відновиться.",
        )
    return QCoreApplication.translate("messages", "Неочікувана помилка: {error}").format(
        error=type(error).__name__
    )


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("messages", "Не вдалося виконати дію"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote what residents wrote
    box.setText(describe(error))
    box.open()
