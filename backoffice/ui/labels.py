"""How the desktop names roles, statuses and kinds (Ukrainian source text, translated by Qt)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "labels"

ROLE_NAMES = {
    "clerk": QT_TRANSLATE_NOOP("labels", "адміністратор ЦНАП"),
    "reception": QT_TRANSLATE_NOOP("labels", "приймальня"),
    "moderator": QT_TRANSLATE_NOOP("labels", "модератор"),
    "manager": QT_TRANSLATE_NOOP("labels", "керівник"),
    "admin": QT_TRANSLATE_NOOP("labels", "адміністратор системи"),
}
ORDER_STATUSES = {
    "submitted": QT_TRANSLATE_NOOP("labels", "подано"),
    "accepted": QT_TRANSLATE_NOOP("labels", "прийнято"),
    "in_progress": QT_TRANSLATE_NOOP("labels", "опрацьовується"),
    "needs_info": QT_TRANSLATE_NOOP("labels", "очікує відомостей"),
    "ready": QT_TRANSLATE_NOOP("labels", "результат готовий"),
    "completed": QT_TRANSLATE_NOOP("labels", "виконано"),
    "rejected": QT_TRANSLATE_NOOP("labels", "відмовлено"),
    "cancelled": QT_TRANSLATE_NOOP("labels", "скасовано"),
}
APPEAL_KINDS = {
    "appeal": QT_TRANSLATE_NOOP("labels", "звернення"),
    "info_request": QT_TRANSLATE_NOOP("labels", "запит на інформацію"),
    "message": QT_TRANSLATE_NOOP("labels", "електронне повідомлення"),
}
APPEAL_STATUSES = {
    "received": QT_TRANSLATE_NOOP("labels", "надійшло"),
    "registered": QT_TRANSLATE_NOOP("labels", "зареєстровано"),
    "assigned": QT_TRANSLATE_NOOP("labels", "доручено виконавцю"),
    "extended": QT_TRANSLATE_NOOP("labels", "строк продовжено"),
    "answered": QT_TRANSLATE_NOOP("labels", "надано відповідь"),
    "forwarded": QT_TRANSLATE_NOOP("labels", "переслано за належністю"),
    "not_considered": QT_TRANSLATE_NOOP("labels", "залишено без розгляду"),
}
SURVEY_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("labels", "чернетка"),
    "published": QT_TRANSLATE_NOOP("labels", "триває"),
    "closed": QT_TRANSLATE_NOOP("labels", "завершено"),
    "archived": QT_TRANSLATE_NOOP("labels", "в архіві"),
}
COMMENT_STATUSES = {
    "pending": QT_TRANSLATE_NOOP("labels", "на модерації"),
    "approved": QT_TRANSLATE_NOOP("labels", "схвалено"),
    "rejected": QT_TRANSLATE_NOOP("labels", "відхилено"),
}
CHANNELS = {
    "web": QT_TRANSLATE_NOOP("labels", "портал"),
    "desktop": QT_TRANSLATE_NOOP("labels", "ЦНАП"),
    "cli": QT_TRANSLATE_NOOP("labels", "адміністрування"),
    "paper": QT_TRANSLATE_NOOP("labels", "паперове"),
}


def label(table: dict[str, str], key: str | None) -> str:
    """The translated name of ``key`` in ``table`` (the key itself when unknown)."""
    if key is None:
        return ""
    text = table.get(key)
    return QCoreApplication.translate(_CONTEXT, text) if text else key
