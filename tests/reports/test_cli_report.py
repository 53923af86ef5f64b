"""backoffice-admin report: the same documents from the command line."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from backoffice.cli import main
from tests.conftest import People
from tests.reports.world import build_world


@pytest.fixture
def url_and_world(committed_engine):
    with Session(committed_engine, expire_on_commit=False) as session:
        world = build_world(session, People(session))
        session.commit()
    return committed_engine.url.render_as_string(hide_password=False), world


def text_of(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_period_report_from_the_command_line(url_and_world, tmp_path, capsys):
    url, _ = url_and_world
    out = tmp_path / "звіти" / "services.pdf"
    code = main(
        [
            "--database-url",
            url,
            "report",
            "services",
            "--from",
            "2025-03-01",
            "--to",
            "2025-03-31",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    assert str(out.resolve()) in capsys.readouterr().out
    text = text_of(out)
    assert "Звіт про надання адміністративних послуг" in text
    assert "Період: 01.03.2025 — 31.03.2025" in text


def test_per_item_documents_from_the_command_line(url_and_world, tmp_path, capsys):
    url, world = url_and_world
    receipt = tmp_path / "receipt.pdf"
    args = ["--database-url", url, "report", "receipt", "--out", str(receipt)]
    assert main([*args, "--order-id", str(world.order_ids[3])]) == 0
    assert "№ ЦНАП-2025/000003" in text_of(receipt)
    card = tmp_path / "card.pdf"
    args = ["--database-url", url, "report", "control-card", "--out", str(card)]
    assert main([*args, "--appeal-id", str(world.appeal_ids[1])]) == 0
    assert "Реєстраційно-контрольна картка № ЗВ-2025/0001" in text_of(card)
    capsys.readouterr()
    # Missing what the document is about, or a period: a clear message, exit code 2.
    assert main(["--database-url", url, "report", "receipt", "--out", str(receipt)]) == 2
    assert main(["--database-url", url, "report", "appeals", "--out", str(card)]) == 2
    assert "періоду" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--database-url", url, "report", "nonsense", "--out", str(card)])
