"""Outgoing e-mail (password-reset links).

SMTP settings come from the environment: BACKOFFICE_SMTP_HOST, BACKOFFICE_SMTP_PORT (587),
BACKOFFICE_SMTP_USER, BACKOFFICE_SMTP_PASSWORD, BACKOFFICE_SMTP_FROM and
BACKOFFICE_SMTP_STARTTLS (on by default). Without a host, as in development, a message is
written to the log instead of being sent, and the last ones are kept in ``Outbox.sent`` (which
is what the tests read).
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
from collections import deque
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

log = logging.getLogger(__name__)


def config_from_env() -> dict[str, Any]:
    env = os.environ
    return {
        "SMTP_HOST": env.get("BACKOFFICE_SMTP_HOST", ""),
        "SMTP_PORT": int(env.get("BACKOFFICE_SMTP_PORT", "587") or 587),
        "SMTP_USER": env.get("BACKOFFICE_SMTP_USER", ""),
        "SMTP_PASSWORD": env.get("BACKOFFICE_SMTP_PASSWORD", ""),
        "SMTP_FROM": env.get("BACKOFFICE_SMTP_FROM", "e-Ternopil <no-reply@e-ternopil.example>"),
        "SMTP_STARTTLS": env.get("BACKOFFICE_SMTP_STARTTLS", "1").lower() in {"1", "true", "yes"},
    }


@dataclass
class Outbox:
    host: str
    port: int
    user: str
    password: str
    sender: str
    starttls: bool
    timeout: float = 15.0

    def __post_init__(self) -> None:
        self.sent: deque[EmailMessage] = deque(maxlen=50)

    @classmethod
    def from_config(cls, config) -> Outbox:
        return cls(
            host=config["SMTP_HOST"],
            port=config["SMTP_PORT"],
            user=config["SMTP_USER"],
            password=config["SMTP_PASSWORD"],
            sender=config["SMTP_FROM"],
            starttls=config["SMTP_STARTTLS"],
        )

    def send(self, to: str, subject: str, body: str) -> bool:
        """Send (or, without SMTP, log) one plain-text message. False when sending failed: the
        failure is logged, and the caller shows the same page either way."""
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = to
        message["Subject"] = subject
        message.set_content(body)
        self.sent.append(message)
        if not self.host:
            log.info("e-mail (no SMTP host configured, not sent):\n%s", message.as_string())
            return True
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.user:
                    smtp.login(self.user, self.password)
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException):
            log.exception("sending e-mail to %s failed", to)
            return False
        return True
