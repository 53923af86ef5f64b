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
    from alembic.script import ScriptDirectory

    from backoffice.migrations import alembic_config

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert main(["--database-url", url, "init"]) == 0
    assert main(["--database-url", url, "init"]) == 0
    assert f"revision {head}" in capsys.readouterr().out


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


# --- electronic signatures: demo-pki and trust ---------------------------------------------


def test_demo_pki_makes_keys_for_the_demo_people_and_trusts_its_ca(url, tmp_path, capsys):
    from cryptography.hazmat.primitives.serialization import pkcs12

    from backoffice.core import demo_pki
    from backoffice.core.signing import load_trust_anchors, verify_detached

    main(
        [
            "--database-url",
            url,
            "create-staff",
            "--email",
            "clerk@e-ternopil.example",
            "--name",
            "Олена Шевчук",
            "--role",
            "clerk",
            "--password",
            "Довгий-пароль-2026",
        ]
    )
    capsys.readouterr()
    out, trust = tmp_path / "pki", tmp_path / "trust"
    args = ["--database-url", url, "demo-pki", "--out", str(out), "--trust-dir", str(trust)]
    assert main([*args, "--passphrase", "секрет"]) == 0
    printed = capsys.readouterr().out
    assert "Олена Шевчук" in printed and "секрет" in printed
    key, cert, chain = pkcs12.load_key_and_certificates(
        (out / "clerk.p12").read_bytes(), "секрет".encode()
    )
    assert cert.subject.rfc4514_string().startswith("2.5.4.5=TINUA-")
    assert "CN=Олена Шевчук" in cert.subject.rfc4514_string()
    for name in ("demo-ca.pem", "expired-resident.p12", "foreign-resident.p12", "foreign-ca.pem"):
        assert (out / name).is_file()
    anchors = load_trust_anchors(folder=trust)
    assert [a.subject for a in anchors if not a.shipped] == [
        f"CN={demo_pki.DEMO_CA_NAME},O={demo_pki.DEMO_ORGANIZATION},C=UA"
    ]
    credential = demo_pki.Credential(cert, key, tuple(chain))
    result = verify_detached(
        b"data", demo_pki.sign_detached_cms(credential, b"data"), trust=anchors
    )
    assert result.is_valid and result.signer_name == "Олена Шевчук"


def test_demo_pki_without_demo_people_or_trust(url, tmp_path, capsys):
    out = tmp_path / "pki"
    assert main(["--database-url", url, "demo-pki", "--out", str(out), "--no-trust"]) == 0
    printed = capsys.readouterr().out
    assert "trust add" in printed
    assert (out / "clerk.p12").is_file() and (out / "resident1.p12").is_file()


def test_trust_list_add_remove(url, tmp_path, capsys):
    from backoffice.core import demo_pki

    ca = demo_pki.make_ca("Тестовий ЦСК")
    leaf = demo_pki.issue(ca, "Хтось Тестовий")
    (tmp_path / "ca.pem").write_bytes(ca.cert_pem)
    (tmp_path / "leaf.pem").write_bytes(leaf.cert_pem)
    trust = ["--database-url", url, "trust", "--trust-dir", str(tmp_path / "trust")]
    assert main([*trust, "list"]) == 0
    assert "(0)" in capsys.readouterr().out
    assert main([*trust, "add", str(tmp_path / "leaf.pem")]) == 2
    assert "CA" in capsys.readouterr().err
    assert main([*trust, "add", str(tmp_path / "missing.pem")]) == 2
    capsys.readouterr()
    assert main([*trust, "add", str(tmp_path / "ca.pem")]) == 0
    assert ca.fingerprint in capsys.readouterr().out
    assert main([*trust, "list"]) == 0
    listed = capsys.readouterr().out
    assert ca.fingerprint in listed and "Тестовий ЦСК" in listed
    assert main([*trust, "remove", "nothex"]) == 2
    capsys.readouterr()
    assert main([*trust, "remove", ca.fingerprint[:10]]) == 0
    assert "No longer trusted" in capsys.readouterr().out
    assert main([*trust, "remove", ca.fingerprint]) == 2  # gone: not found
    assert main([*trust, "list"]) == 0
    assert "(0)" in capsys.readouterr().out
