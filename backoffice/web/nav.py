"""The portal's sections in the header and on the home page.

A section module declares ``NAV = [NavItem(...)]``; ``create_app`` collects them in the order
of ``SECTIONS``. ``signed_in``: shown only to signed-in residents (None: to everyone).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, g
from flask_babel import LazyString


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: LazyString | str
    description: LazyString | str = ""
    signed_in: bool | None = None
    header: bool = True  # also in the header's navigation, not only on the home page


def register(app, items) -> None:
    app.extensions.setdefault("nav_items", []).extend(items)


def nav_items(*, where: str = "header") -> list[NavItem]:
    signed_in = g.get("visitor") is not None and g.visitor.signed_in
    return [
        item
        for item in current_app.extensions.get("nav_items", [])
        if (item.signed_in is None or item.signed_in == signed_in)
        and (where != "header" or item.header)
    ]
