"""Who is acting, through which channel and from where."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from backoffice.models import Role, User


class Channel(StrEnum):
    DESKTOP = "desktop"
    WEB = "web"
    CLI = "cli"


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    roles: frozenset[Role] = field(default_factory=frozenset)
    channel: Channel = Channel.WEB
    client_address: str | None = None
    name: str = ""

    @classmethod
    def for_user(
        cls, user: User, channel: Channel | str, client_address: str | None = None
    ) -> Actor:
        return cls(
            user_id=user.id,
            roles=user.role_names,
            channel=Channel(channel),
            client_address=client_address,
            name=user.full_name,
        )

    @classmethod
    def anonymous(cls, client_address: str | None = None) -> Actor:
        """A visitor of the portal who has not signed in."""
        return cls(user_id=None, channel=Channel.WEB, client_address=client_address)

    @classmethod
    def system(cls) -> Actor:
        """The administration command line (migrations, seeding): every staff role."""
        return cls(user_id=None, roles=frozenset(Role), channel=Channel.CLI, name="system")

    @property
    def signed_in(self) -> bool:
        return self.user_id is not None

    @property
    def is_system(self) -> bool:
        return self.user_id is None and self.channel is Channel.CLI

    def has_role(self, role: Role) -> bool:
        return role in self.roles
