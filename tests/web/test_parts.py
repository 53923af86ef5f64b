"""The portal's small parts on their own: throttle, redirects, mail, Markdown, catalog, server."""

from __future__ import annotations

import smtplib
from pathlib import Path
from typing import ClassVar

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import backoffice.web
from backoffice.web import outbox, secret_key
from backoffice.web.markup import render_markdown
from backoffice.web.throttle import SlidingWindow
from backoffice.web.urls import safe_next

WEB = Path(backoffice.web.__file__).parent


def test_the_sliding_window_counts_recent_failures_only():
    window = SlidingWindow(limit=3, window_seconds=60)
    for t in (0, 10, 20):
        assert window.retry_after("1.2.3.4", now=t) == 0
        window.hit("1.2.3.4", now=t)
    assert window.retry_after("1.2.3.4", now=30) == 31  # the oldest expires at 60
    assert window.retry_after("5.6.7.8", now=30) == 0
    assert window.retry_after("1.2.3.4", now=60.5) == 0


def test_the_sliding_window_forgets_the_stalest_addresses():
    window = SlidingWindow(limit=1, window_seconds=60, max_keys=2)
    for n, key in enumerate(("a", "b", "c")):
        window.hit(key, now=n)
    assert window.retry_after("a", now=3) == 0
    assert window.retry_after("c", now=3) > 0


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/cabinet/", "/cabinet/"),
        ("/news?page=2", "/news?page=2"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("cabinet", "/"),
        ("/a\nb", "/"),
        ("", "/"),
        (None, "/"),
    ],
)
def test_only_local_paths_are_followed(target, expected):
    assert safe_next(target) == expected


def test_markdown_keeps_structure_and_drops_danger():
    html = render_markdown(
        "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<b onmouseover=x>b</b> <svg onload=alert(1)>",
        drop_title=True,
    )
    assert "<table>" in html and "<td>1</td>" in html and "<b>b</b>" in html
    assert "svg" not in html and "onload" not in html and "<h2>T</h2>" not in html
    assert render_markdown(None) == ""


class FakeSMTP:
    instances: ClassVar[list[FakeSMTP]] = []
    fail = False

    def __init__(self, host, port, timeout):
        self.host, self.port, self.calls = host, port, []
        FakeSMTP.instances.append(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def starttls(self, context):
        self.calls.append("starttls")

    def login(self, user, password):
        self.calls.append(("login", user, password))

    def send_message(self, message):
        if FakeSMTP.fail:
            raise smtplib.SMTPServerDisconnected("gone")
        self.calls.append(("send", message["To"]))


def test_mail_goes_through_smtp_when_configured(monkeypatch):
    monkeypatch.setattr(outbox.smtplib, "SMTP", FakeSMTP)
    monkeypatch.setenv("BACKOFFICE_SMTP_HOST", "smtp.example")
    monkeypatch.setenv("BACKOFFICE_SMTP_USER", "portal")
    monkeypatch.setenv("BACKOFFICE_SMTP_PASSWORD", "secret")
    box = outbox.Outbox.from_config(outbox.config_from_env())
    assert box.send("a@example.com", "Тема", "Текст") is True
    smtp = FakeSMTP.instances[-1]
    assert (smtp.host, smtp.port) == ("smtp.example", 587)
    assert smtp.calls == ["starttls", ("login", "portal", "secret"), ("send", "a@example.com")]
    FakeSMTP.fail = True
    try:
        assert box.send("a@example.com", "Тема", "Текст") is False  # logged, not raised
    finally:
        FakeSMTP.fail = False


def test_without_smtp_the_message_is_logged(caplog):
    box = outbox.Outbox.from_config({**outbox.config_from_env(), "SMTP_HOST": ""})
    with caplog.at_level("INFO", logger="backoffice.web.outbox"):
        assert box.send("a@example.com", "Тема", "Посилання: https://x/") is True
    assert "a@example.com" in caplog.text
    assert box.sent[-1]["Subject"] == "Тема"


def test_the_secret_key_is_made_once_and_kept(monkeypatch, tmp_path):
    from backoffice import config

    monkeypatch.delenv("BACKOFFICE_WEB_SECRET", raising=False)
    monkeypatch.setenv("BACKOFFICE_DATA_DIR", str(tmp_path))
    config.get_settings.cache_clear()
    try:
        first = secret_key()
        assert len(first) > 40 and secret_key() == first
        assert (tmp_path / "web-secret.key").stat().st_mode & 0o077 == 0
        monkeypatch.setenv("BACKOFFICE_WEB_SECRET", "from-the-environment")
        assert secret_key() == "from-the-environment"
    finally:
        config.get_settings.cache_clear()


def test_the_english_catalog_covers_every_string_and_is_compiled():
    method_map = [
        ("**.py", "python"),
        ("templates/**.html", "jinja2"),
        ("templates/**.txt", "jinja2"),
    ]
    keywords = {"_": None, "_l": None, "gettext": None, "lazy_gettext": None}
    wanted = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(WEB), method_map, keywords=keywords
        )
    }
    folder = WEB / "translations" / "en" / "LC_MESSAGES"
    with open(folder / "messages.po", "rb") as file:
        po = {m.id: m.string for m in read_po(file) if m.id}
    with open(folder / "messages.mo", "rb") as file:
        mo = {m.id: m.string for m in read_mo(file) if m.id}
    untranslated = sorted(m for m in wanted if not po.get(m))
    assert not untranslated, f"add English for: {untranslated}"
    assert mo == po, "run: pybabel compile -d backoffice/web/translations"


def test_the_server_command_serves_the_app_with_waitress(monkeypatch, committed_engine):
    from backoffice import web_main

    served = {}

    def fake_create_app(config):
        served["config"] = config
        return "the app"

    monkeypatch.setattr(web_main, "create_app", fake_create_app)
    monkeypatch.setattr(web_main, "serve", lambda app, **kw: served.update(app=app, **kw))
    monkeypatch.setenv("BACKOFFICE_WEB_PORT", "8099")
    monkeypatch.delenv("BACKOFFICE_WEB_SECURE_COOKIES", raising=False)
    web_main.main()
    assert served["app"] == "the app"
    assert (served["host"], served["port"]) == ("127.0.0.1", 8099)
    assert served["config"]["SESSION_COOKIE_SECURE"] is False  # plain http on loopback
    monkeypatch.setenv("BACKOFFICE_WEB_HOST", "0.0.0.0")
    web_main.main()
    assert served["config"]["SESSION_COOKIE_SECURE"] is True
