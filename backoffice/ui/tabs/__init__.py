"""One module per tab. ``TABS`` lists them in order with the permission that shows each."""

from __future__ import annotations

from dataclasses import dataclass

from backoffice.core.permissions import Perm


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str  # Ukrainian source string, translated through Qt
    permission: Perm
    module: str  # backoffice.ui.tabs.<module>, holding a class named Panel
    badge: str | None = None  # key in core.worklist.action_counts


TABS: list[TabSpec] = [
    TabSpec("orders", "Замовлення послуг", Perm.ORDER_VIEW, "orders", badge="orders"),
    TabSpec("appeals", "Звернення і запити", Perm.APPEAL_VIEW, "appeals", badge="appeals"),
    TabSpec(
        "democracy", "Опитування й обговорення", Perm.SURVEY_VIEW, "democracy", badge="comments"
    ),
    TabSpec("users", "Користувачі", Perm.USER_VIEW, "users"),
    TabSpec("catalog", "Каталог послуг", Perm.CATALOG_MANAGE, "catalog"),
    TabSpec("content", "Вміст порталу", Perm.CONTENT_MANAGE, "content"),
    TabSpec("activity", "Журнал дій", Perm.AUDIT_VIEW, "activity"),
]
