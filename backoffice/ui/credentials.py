"""Remembered sign-in secrets in the system keyring — never in a file.

Without a usable keyring (headless Linux without an unlocked Secret Service, say) nothing is
stored and the person is asked for the password each time.
"""

from __future__ import annotations

import contextlib
import logging

import keyring
from keyring.errors import KeyringError

SERVICE = "e-ternopil-backoffice"
log = logging.getLogger(__name__)


def _key(login: str, database: str) -> str:
    return f"{login.strip().lower()}@{database}"


def available() -> bool:
    backend = keyring.get_keyring()
    priority = getattr(backend, "priority", 0)
    return priority is not None and priority > 0


def remember(login: str, database: str, password: str) -> bool:
    """Keep the password; False when there is no keyring to keep it in."""
    try:
        keyring.set_password(SERVICE, _key(login, database), password)
    except (KeyringError, RuntimeError) as error:
        log.info("keyring unavailable, password not remembered: %s", error)
        return False
    return True


def recall(login: str, database: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, _key(login, database))
    except (KeyringError, RuntimeError):
        return None


def forget(login: str, database: str) -> None:
    with contextlib.suppress(KeyringError, RuntimeError):
        keyring.delete_password(SERVICE, _key(login, database))


# --- the passphrase of a clerk's signing key (PKCS#12) ------------------------------------------
# Kept per person and per key file *content* (its SHA-256), so a passphrase never travels to
# another key, and a replaced key file simply asks again.
SIGNING_SERVICE = "e-ternopil-backoffice-signing-key"


def _key_entry(user_id: int, key_digest: str) -> str:
    return f"user-{user_id}:{key_digest}"


def remember_key_passphrase(user_id: int, key_digest: str, passphrase: str) -> bool:
    try:
        keyring.set_password(SIGNING_SERVICE, _key_entry(user_id, key_digest), passphrase)
    except (KeyringError, RuntimeError) as error:
        log.info("keyring unavailable, key passphrase not remembered: %s", error)
        return False
    return True


def recall_key_passphrase(user_id: int, key_digest: str) -> str | None:
    try:
        return keyring.get_password(SIGNING_SERVICE, _key_entry(user_id, key_digest))
    except (KeyringError, RuntimeError):
        return None


def forget_key_passphrase(user_id: int, key_digest: str) -> None:
    with contextlib.suppress(KeyringError, RuntimeError):
        keyring.delete_password(SIGNING_SERVICE, _key_entry(user_id, key_digest))
