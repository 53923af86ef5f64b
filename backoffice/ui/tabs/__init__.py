"""One module per tab. ``TABS`` lists them in order with the permission that shows each."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from backoffice.core.permissions import Perm


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str  # Ukrainian source string, translated in context "MainWindow"
    permission: Perm
    module: str  # backoffice.ui.tabs.<module>, holding a class named Panel
    badge: str | None = None  # key in core.worklist.action_counts


TABS: list[TabSpec] = [
    TabSpec(
        "orders",
        QT_TRANSLATE_NOOP("MainWindow", "Замовлення послуг"),
        Perm.ORDER_VIEW,
        "orders",
        badge="orders",
    ),
    TabSpec(
        "appeals",
        QT_TRANSLATE_NOOP("MainWindow", "Звернення і запити"),
        Perm.APPEAL_VIEW,
        "appeals",
        badge="appeals",
    ),
    TabSpec(
        "democracy",
        QT_TRANSLATE_NOOP("MainWindow", "Опитування й обговорення"),
        Perm.SURVEY_VIEW,
        "democracy",
        badge="comments",
    ),
    TabSpec("users", QT_TRANSLATE_NOOP("MainWindow", "Користувачі"), Perm.USER_VIEW, "users"),
    TabSpec(
        "catalog", QT_TRANSLATE_NOOP("MainWindow", "Каталог послуг"), Perm.CATALOG_MANAGE, "catalog"
    ),
    TabSpec(
        "content", QT_TRANSLATE_NOOP("MainWindow", "Вміст порталу"), Perm.CONTENT_MANAGE, "content"
    ),
    TabSpec(
        "analytics", QT_TRANSLATE_NOOP("MainWindow", "Аналітика"), Perm.ANALYTICS_VIEW, "analytics"
    ),
    TabSpec("activity", QT_TRANSLATE_NOOP("MainWindow", "Журнал дій"), Perm.AUDIT_VIEW, "activity"),
]
