"""How printed documents name statuses, kinds and aspects (Ukrainian, the documents' language).

The desktop has its own translatable copies in ``ui/labels.py``; reports cannot import Qt.
"""

from __future__ import annotations

ORDER_STATUSES = {
    "submitted": "подано",
    "accepted": "прийнято",
    "in_progress": "опрацьовується",
    "needs_info": "очікує відомостей",
    "ready": "результат готовий",
    "completed": "виконано",
    "rejected": "відмовлено",
    "cancelled": "скасовано",
}
APPEAL_KINDS = {
    "appeal": "звернення",
    "info_request": "запит на інформацію",
    "message": "електронне повідомлення",
}
APPEAL_STATUSES = {
    "received": "надійшло",
    "registered": "зареєстровано",
    "assigned": "доручено виконавцю",
    "extended": "строк продовжено",
    "answered": "надано відповідь",
    "forwarded": "переслано за належністю",
    "not_considered": "залишено без розгляду",
}
SURVEY_STATUSES = {
    "draft": "чернетка",
    "published": "триває",
    "closed": "завершено",
    "archived": "в архіві",
}
CHANNELS = {
    "web": "портал e-Тернопіль",
    "desktop": "ЦНАП (особисто)",
    "cli": "адміністрування",
    "paper": "паперове (поштою)",
}
TRANSPORT_MODES = {
    "bus": "автобус",
    "trolleybus": "тролейбус",
    "minibus": "маршрутне таксі",
    "tram": "трамвай",
}
RIDE_MEASURES = {
    "rating": "загальна оцінка",
    "punctuality": "пунктуальність",
    "cleanliness": "чистота",
    "driver": "водій",
    "crowding": "заповненість",
}
DAY_COUNTS = {"calendar": "календарних днів", "working": "робочих днів"}


def label(table: dict[str, str], key: str | None) -> str:
    if key is None:
        return ""
    return table.get(key, key)
