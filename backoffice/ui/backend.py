"""The desktop's connection to the database and who is signed in."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from backoffice.core.actor import Actor, Channel
from backoffice.db import make_engine, session_factory
from backoffice.models import User


@dataclass
class Backend:
    engine: Engine
    sessions: sessionmaker[Session] = field(init=False)
    actor: Actor | None = None
    user_id: int | None = None
    closed: bool = False  # once closed, no new background work starts (shutdown)

    def __post_init__(self) -> None:
        self.sessions = session_factory(self.engine)

    @classmethod
    def connect(cls, url: str | None = None) -> Backend:
        return cls(make_engine(url))

    def sign_in_as(self, user: User) -> None:
        self.actor = Actor.for_user(user, Channel.DESKTOP)
        self.user_id = user.id

    @property
    def is_postgresql(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @property
    def display_url(self) -> str:
        """The database as shown to a person: never with a password."""
        url = make_url(self.engine.url)
        if url.get_backend_name() == "sqlite":
            return f"SQLite: {url.database}"
        return url.set(password=None).render_as_string(hide_password=True)

    def ping(self) -> None:
        """Raises when the database is out of reach (run in the background)."""
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def close(self) -> None:
        self.closed = True
        self.engine.dispose()
