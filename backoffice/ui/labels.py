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
# The same kinds in a narrow list column.
APPEAL_KINDS_SHORT = {
    "appeal": QT_TRANSLATE_NOOP("labels", "звернення"),
    "info_request": QT_TRANSLATE_NOOP("labels", "запит"),
    "message": QT_TRANSLATE_NOOP("labels", "е-повідомлення"),
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
APPEAL_ACTIONS = {
    "register": QT_TRANSLATE_NOOP("labels", "зареєструвати"),
    "assign": QT_TRANSLATE_NOOP("labels", "доручити виконавцю"),
    "reassign": QT_TRANSLATE_NOOP("labels", "передати іншому виконавцю"),
    "extend": QT_TRANSLATE_NOOP("labels", "продовжити строк"),
    "forward": QT_TRANSLATE_NOOP("labels", "переслати за належністю"),
    "answer": QT_TRANSLATE_NOOP("labels", "надати відповідь"),
    "mark_not_considered": QT_TRANSLATE_NOOP("labels", "залишити без розгляду"),
    "mark_delivered": QT_TRANSLATE_NOOP("labels", "позначити відповідь доставленою"),
}
# The same actions as they read in an item's timeline (what happened).
APPEAL_EVENTS = {
    "submit": QT_TRANSLATE_NOOP("labels", "надійшло"),
    "register": QT_TRANSLATE_NOOP("labels", "зареєстровано"),
    "assign": QT_TRANSLATE_NOOP("labels", "доручено виконавцю"),
    "reassign": QT_TRANSLATE_NOOP("labels", "передано іншому виконавцю"),
    "extend": QT_TRANSLATE_NOOP("labels", "строк продовжено"),
    "forward": QT_TRANSLATE_NOOP("labels", "переслано за належністю"),
    "answer": QT_TRANSLATE_NOOP("labels", "надано відповідь"),
    "mark_not_considered": QT_TRANSLATE_NOOP("labels", "залишено без розгляду"),
    "mark_delivered": QT_TRANSLATE_NOOP("labels", "відповідь доставлено"),
}
TRANSPORT_MODES = {
    "bus": QT_TRANSLATE_NOOP("labels", "автобус"),
    "trolleybus": QT_TRANSLATE_NOOP("labels", "тролейбус"),
    "minibus": QT_TRANSLATE_NOOP("labels", "маршрутне таксі"),
    "tram": QT_TRANSLATE_NOOP("labels", "трамвай"),
}
SIGNATURE_KINDS = {
    "application": QT_TRANSLATE_NOOP("labels", "Заява"),
    "result": QT_TRANSLATE_NOOP("labels", "Результат"),
}
SIGNATURE_STATUSES = {
    "valid": QT_TRANSLATE_NOOP("labels", "дійсний"),
    "invalid": QT_TRANSLATE_NOOP("labels", "недійсний"),
    "untrusted": QT_TRANSLATE_NOOP("labels", "недовірений"),
    "expired": QT_TRANSLATE_NOOP("labels", "сертифікат прострочено"),
    "unsupported": QT_TRANSLATE_NOOP("labels", "алгоритм не підтримується"),
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
RESULTS_VISIBILITY = {
    "always": QT_TRANSLATE_NOOP("labels", "видно одразу"),
    "after_close": QT_TRANSLATE_NOOP("labels", "після завершення"),
    "staff_only": QT_TRANSLATE_NOOP("labels", "лише для працівників"),
}
QUESTION_KINDS = {
    "single": QT_TRANSLATE_NOOP("labels", "один варіант"),
    "multiple": QT_TRANSLATE_NOOP("labels", "кілька варіантів"),
    "text": QT_TRANSLATE_NOOP("labels", "відповідь текстом"),
}
CHANNELS = {
    "web": QT_TRANSLATE_NOOP("labels", "портал"),
    "desktop": QT_TRANSLATE_NOOP("labels", "ЦНАП"),
    "cli": QT_TRANSLATE_NOOP("labels", "адміністрування"),
    "paper": QT_TRANSLATE_NOOP("labels", "паперове"),
}

CONTENT_KINDS = {
    "page": QT_TRANSLATE_NOOP("labels", "сторінка"),
    "news": QT_TRANSLATE_NOOP("labels", "новина"),
}
# What the activity log's entries are about (``ActivityEntry.entity``).
ENTITIES = {
    "order": QT_TRANSLATE_NOOP("labels", "замовлення послуги"),
    "appeal": QT_TRANSLATE_NOOP("labels", "звернення"),
    "user": QT_TRANSLATE_NOOP("labels", "користувач"),
    "service": QT_TRANSLATE_NOOP("labels", "послуга"),
    "category": QT_TRANSLATE_NOOP("labels", "категорія послуг"),
    "survey": QT_TRANSLATE_NOOP("labels", "опитування"),
    "ballot": QT_TRANSLATE_NOOP("labels", "бюлетень"),
    "discussion": QT_TRANSLATE_NOOP("labels", "обговорення"),
    "comment": QT_TRANSLATE_NOOP("labels", "коментар"),
    "page": QT_TRANSLATE_NOOP("labels", "сторінка"),
    "news_item": QT_TRANSLATE_NOOP("labels", "новина"),
    "route": QT_TRANSLATE_NOOP("labels", "маршрут"),
    "carrier": QT_TRANSLATE_NOOP("labels", "перевізник"),
    "ride_review": QT_TRANSLATE_NOOP("labels", "відгук про поїздку"),
}
# Where an activity-log entry came from (``Actor.channel``): not the desk, the program.
LOG_CHANNELS = {
    "web": QT_TRANSLATE_NOOP("labels", "портал"),
    "desktop": QT_TRANSLATE_NOOP("labels", "робоче місце"),
    "cli": QT_TRANSLATE_NOOP("labels", "адміністрування"),
}
# Groups of actions in the activity log, by the prefix of ``ActivityEntry.action``.
ACTION_GROUPS = {
    "auth.": QT_TRANSLATE_NOOP("labels", "вхід до системи"),
    "user.": QT_TRANSLATE_NOOP("labels", "користувачі"),
    "order.": QT_TRANSLATE_NOOP("labels", "замовлення послуг"),
    "appeal.": QT_TRANSLATE_NOOP("labels", "звернення"),
    "service.": QT_TRANSLATE_NOOP("labels", "каталог послуг"),
    "survey.": QT_TRANSLATE_NOOP("labels", "опитування"),
    "ballot.": QT_TRANSLATE_NOOP("labels", "голосування"),
    "discussion.": QT_TRANSLATE_NOOP("labels", "обговорення"),
    "comment.": QT_TRANSLATE_NOOP("labels", "коментарі"),
    "page.": QT_TRANSLATE_NOOP("labels", "сторінки"),
    "news_item.": QT_TRANSLATE_NOOP("labels", "новини"),
    "route.": QT_TRANSLATE_NOOP("labels", "маршрути"),
    "ride_review.": QT_TRANSLATE_NOOP("labels", "відгуки про поїздки"),
}
# Why ``core.audit.verify_chain`` found the chain broken (its reasons are fixed English texts).
CHAIN_REASONS = {
    "missing": QT_TRANSLATE_NOOP("labels", "запис відсутній (його видалено)"),
    "link to the previous entry is broken": QT_TRANSLATE_NOOP(
        "labels", "порушено зв'язок із попереднім записом"
    ),
    "content does not match its hash": QT_TRANSLATE_NOOP(
        "labels", "вміст запису не відповідає його хешу (запис змінено)"
    ),
    "the newest entries were removed (chain head points past the last entry)": (
        QT_TRANSLATE_NOOP("labels", "найновіші записи видалено")
    ),
}
# The types of a service's form fields (``core.forms.FIELD_TYPES``).
FORM_FIELD_TYPES = {
    "text": QT_TRANSLATE_NOOP("labels", "рядок тексту"),
    "textarea": QT_TRANSLATE_NOOP("labels", "текст у кілька рядків"),
    "number": QT_TRANSLATE_NOOP("labels", "число"),
    "date": QT_TRANSLATE_NOOP("labels", "дата"),
    "email": QT_TRANSLATE_NOOP("labels", "ел. пошта"),
    "phone": QT_TRANSLATE_NOOP("labels", "телефон"),
    "tax_number": QT_TRANSLATE_NOOP("labels", "РНОКПП"),
    "select": QT_TRANSLATE_NOOP("labels", "вибір зі списку"),
    "checkbox": QT_TRANSLATE_NOOP("labels", "позначка (так/ні)"),
    "file": QT_TRANSLATE_NOOP("labels", "файл"),
}
# How a service's term counts its days (``models.DayCount``).
DAY_COUNTS = {
    "calendar": QT_TRANSLATE_NOOP("labels", "календарних днів"),
    "working": QT_TRANSLATE_NOOP("labels", "робочих днів"),
}


def label(table: dict[str, str], key: str | None) -> str:
    """The translated name of ``key`` in ``table`` (the key itself when unknown)."""
    if key is None:
        return ""
    text = table.get(key)
    return QCoreApplication.translate(_CONTEXT, text) if text else key
