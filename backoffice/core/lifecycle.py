"""Lifecycles declared as data: ``{from_status: {to_status: permission}}``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backoffice.core.actor import Actor
from backoffice.core.errors import InvalidTransition
from backoffice.core.permissions import Perm, can, require


@dataclass(frozen=True)
class Lifecycle:
    name: str
    transitions: Mapping[str, Mapping[str, Perm]]

    def targets(self, actor: Actor, status: str) -> list[str]:
        """The statuses ``actor`` may move an item in ``status`` to (ownership aside)."""
        return [to for to, perm in self.transitions.get(status, {}).items() if can(actor, perm)]

    def check(self, actor: Actor, status: str, target: str) -> None:
        """Refuse a move the lifecycle does not have, then one the actor may not make."""
        perm = self.transitions.get(status, {}).get(target)
        if perm is None:
            raise InvalidTransition(
                f"Неможливо перейти зі стану «{status}» у стан «{target}».",
                lifecycle=self.name,
                status=status,
                target=target,
            )
        require(actor, perm)
