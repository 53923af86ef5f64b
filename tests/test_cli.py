"""backoffice-admin: init, create-staff, stats, verify-log."""

import json

import pytest
from sqlalchemy.orm import Session

from backoffice.cli import main
from backoffice.core import people
from backoffice.models import Role


@pytest.fixture
def url(committed_engine):
    return committed_engine.url.render_as_string(hide_password=False)


def test_init_is_idempotent(url, capsys):
    assert main(["--database-url", url, "init"]) == 0
    assert main(["--database-url", url, "init"]) == 0
    assert "revision 0003" in capsys.readouterr().out


def test_create_staff_then_sign_in(url, committed_engine, capsys):
    code = main(
        [
            "--database-url",
            url,
            "create-staff",
            "--email",
            "oksana@ternopil.example",
            "--name",
            "Оксана Мельник",
            "--role",
            "clerk",
            "--role",
            "manager",
            "--password",
            "Довгий-пароль-2026",
        ]
    )
    assert code == 0
    with Session(committed_engine) as session:
        result = people.authenticate(
            session, "oksana@ternopil.example", "Довгий-пароль-2026", channel="cli"
        )
        assert result.ok
        assert result.user.role_names == {Role.CLERK, Role.MANAGER}


def test_create_staff_generates_a_password_when_none_given(url, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert (
        main(
            [
                "--database-url",
                url,
                "create-staff",
                "--email",
                "gen@ternopil.example",
                "--name",
                "Генерований Пароль",
                "--role",
                "admin",
            ]
        )
        == 0
    )
    assert "Password: " in capsys.readouterr().out


def test_create_staff_reports_bad_fields(url, capsys):
    code = main(
        [
            "--database-url",
            url,
            "create-staff",
            "--email",
            "not-an-email",
            "--name",
            "X",
            "--role",
            "clerk",
            "--password",
            "Довгий-пароль-2026",
        ]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "email:" in err and "full_name:" in err


def test_stats_json_counts_rows_and_statuses(url, capsys):
    main(
        [
            "--database-url",
            url,
            "create-staff",
            "--email",
            "m@ternopil.example",
            "--name",
            "Марія Бойко",
            "--role",
            "manager",
            "--password",
            "Довгий-пароль-2026",
        ]
    )
    capsys.readouterr()
    assert main(["--database-url", url, "stats", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["tables"]["users"] == 1
    assert summary["staff"] == 1 and summary["residents"] == 0
    assert summary["tables"]["activity_entries"] == 1
    assert "orders" in summary["statuses"]


def test_verify_log_on_an_intact_chain(url, capsys):
    assert main(["--database-url", url, "verify-log"]) == 0
    assert "intact" in capsys.readouterr().out


def test_unknown_role_is_refused_by_the_parser(url):
    with pytest.raises(SystemExit):
        main(
            [
                "--database-url",
                url,
                "create-staff",
                "--email",
                "a@b.cd",
                "--name",
                "Abc",
                "--role",
                "mayor",
            ]
        )
