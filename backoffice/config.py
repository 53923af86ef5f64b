"""Settings: environment variables BACKOFFICE_* over a TOML config file over defaults.

The config file is ``config.toml`` in the user config directory, or the path in
``BACKOFFICE_CONFIG``. Example::

    database_url = "postgresql+psycopg://backoffice@db.example/backoffice"

    [terms]
    appeal_days = 15
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path

import platformdirs

APP_NAME = "e-ternopil-backoffice"
TIME_ZONE = "Europe/Kyiv"


@dataclass(frozen=True)
class LegalTerms:
    """The legal terms of DESIGN.md, kept as configuration rather than literals in code."""

    # Law "On Citizens' Appeals", art. 20: one month; 15 days when no extra study is needed;
    # an extension may bring the total to at most 45 days.
    appeal_months: int = 1
    appeal_short_days: int = 15
    appeal_max_total_days: int = 45
    # Art. 7: an appeal outside our competence is forwarded within 5 days.
    appeal_forward_days: int = 5
    # An electronic message follows the appeal terms.
    message_months: int = 1
    # Law "On Access to Public Information", art. 20 (working days).
    info_request_working_days: int = 5
    info_request_urgent_hours: int = 48
    info_request_max_total_working_days: int = 20
    info_request_extension_notice_working_days: int = 5
    # Art. 22(3): a request for information held elsewhere is forwarded within 5 working days.
    info_request_forward_working_days: int = 5
    # Administrative service without a term of its own (calendar days).
    service_default_days: int = 30
    # Ternopil e-petition (city council decision of 28.05.2021).
    petition_signatures: int = 300
    petition_days: int = 30
    # Civil Code of Ukraine art. 254(5): a term ending on a day off ends on the next working day.
    roll_forward_to_working_day: bool = True
    # How many days before the due date an item counts as "due soon".
    due_soon_days: int = 3


@dataclass(frozen=True)
class SignInPolicy:
    """Throttling of repeated sign-in failures (per account)."""

    free_failures: int = 5
    first_lock_seconds: int = 60
    max_lock_seconds: int = 15 * 60


@dataclass(frozen=True)
class Settings:
    database_url: str = ""
    data_dir: Path = field(default_factory=lambda: Path(platformdirs.user_data_dir(APP_NAME)))
    terms: LegalTerms = field(default_factory=LegalTerms)
    sign_in: SignInPolicy = field(default_factory=SignInPolicy)
    language: str = "uk"
    sql_echo: bool = False
    # Trust anchors (CA certificates) for electronic signatures that administrators manage with
    # ``backoffice-admin trust``; None: the "trust" folder in ``data_dir``. The anchors shipped
    # in ``resources/trust`` are trusted as well (see core.signing.trust).
    trust_dir: Path | None = None

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'backoffice.sqlite3').as_posix()}"

    @property
    def effective_trust_dir(self) -> Path:
        return self.trust_dir if self.trust_dir is not None else self.data_dir / "trust"


def config_file_path() -> Path:
    explicit = os.environ.get("BACKOFFICE_CONFIG")
    if explicit:
        return Path(explicit)
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def _section(cls, raw: dict):
    known = {f.name for f in fields(cls)}
    unknown = set(raw) - known
    if unknown:
        raise ValueError(f"unknown settings in {cls.__name__}: {', '.join(sorted(unknown))}")
    return cls(**raw)


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Read settings: defaults, then the config file, then environment variables."""
    env = os.environ if environ is None else environ
    settings = Settings()
    path = Path(env["BACKOFFICE_CONFIG"]) if "BACKOFFICE_CONFIG" in env else config_file_path()
    if path.is_file():
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        terms = _section(LegalTerms, raw.pop("terms", {}))
        sign_in = _section(SignInPolicy, raw.pop("sign_in", {}))
        for name in ("data_dir", "trust_dir"):
            if name in raw:
                raw[name] = Path(raw[name])
        settings = replace(_section(Settings, raw), terms=terms, sign_in=sign_in)
    if env.get("BACKOFFICE_DATABASE_URL"):
        settings = replace(settings, database_url=env["BACKOFFICE_DATABASE_URL"])
    if env.get("BACKOFFICE_DATA_DIR"):
        settings = replace(settings, data_dir=Path(env["BACKOFFICE_DATA_DIR"]))
    if env.get("BACKOFFICE_TRUST_DIR"):
        settings = replace(settings, trust_dir=Path(env["BACKOFFICE_TRUST_DIR"]))
    if env.get("BACKOFFICE_LANGUAGE"):
        settings = replace(settings, language=env["BACKOFFICE_LANGUAGE"])
    if env.get("BACKOFFICE_SQL_ECHO") in {"1", "true", "yes"}:
        settings = replace(settings, sql_echo=True)
    return settings


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
