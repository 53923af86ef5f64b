"""The portal's sections in the header and on the home page.

A section module declares ``NAV = [NavItem(...)]``; ``create_app`` collects them in the order
of ``SECTIONS``. ``signed_in``: shown only to signed-in residents (None: to everyone).

Templates get ``nav_items()``: the links with their addresses and labels already made. They are
the same for everyone in one language, signed in or not, so each list is made once per process
(every page shows the header: a dozen ``url_for`` and translations saved on each).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, g, request, url_for
from flask_babel import LazyString, get_locale


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: LazyString | str
    description: LazyString | str = ""
    signed_in: bool | None = None
    header: bool = True  # also in the header's navigation, not only on the home page


@dataclass(frozen=True)
class NavLink:
    """A ``NavItem`` as shown: its address and its texts in the visitor's language."""

    endpoint: str
    url: str
    label: str
    description: str


def register(app, items) -> None:
    app.extensions.setdefault("nav_items", []).extend(items)


def nav_items(*, where: str = "header") -> list[NavLink]:
    signed_in = g.get("visitor") is not None and g.visitor.signed_in
    made = current_app.extensions.setdefault("nav_links", {})
    key = (str(get_locale()), signed_in, where, request.script_root)
    links = made.get(key)
    if links is None:
        links = made[key] = [
            NavLink(item.endpoint, url_for(item.endpoint), str(item.label), str(item.description))
            for item in current_app.extensions.get("nav_items", [])
            if (item.signed_in is None or item.signed_in == signed_in)
            and (where != "header" or item.header)
        ]
    return links
