"""Every PDF builds; its text (read back with pypdf) holds the Ukrainian strings exactly, the
period, page numbers and the same figures as the aggregates; permissions per document."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from sqlalchemy import insert

from backoffice.core import analytics
from backoffice.core.errors import InvalidInput, NotAllowed, NotFound
from backoffice.models import Order, Role, Service
from backoffice.reports import REPORTS, build_report, fonts
from backoffice.reports import appeals as appeals_report
from backoffice.reports import services as services_report
from backoffice.reports import transport as transport_report
from backoffice.reports.layout import CITY, NBSP, fmt_decimal, fmt_share
from tests.reports.world import APPLICANT, MARCH, NOW, SERVICE_A, SERVICE_B

PERIOD_TEXT = "01.03.2025 — 31.03.2025"
PERIOD_REPORTS = ["services", "appeals", "surveys", "transport"]


def pages_of(pdf: bytes) -> list[str]:
    """The text of each page, no-break spaces read as spaces."""
    assert pdf.startswith(b"%PDF-")
    return [p.extract_text().replace(NBSP, " ") for p in PdfReader(io.BytesIO(pdf)).pages]


def lines_of(pdf: bytes) -> list[str]:
    return [line.strip() for page in pages_of(pdf) for line in page.splitlines() if line.strip()]


def contains_run(lines: list[str], run: list[str]) -> bool:
    """``run`` appears as consecutive lines (the cells of one table row, left to right)."""
    run = [c.replace(NBSP, " ") for c in run]
    return any(lines[i : i + len(run)] == run for i in range(len(lines) - len(run) + 1))


def text_fonts(pdf: bytes) -> set[str]:
    """The fonts every piece of text on every page is shown in."""
    reader = PdfReader(io.BytesIO(pdf))
    used = set()
    for page in reader.pages:
        names = {k: v.get_object()["/BaseFont"] for k, v in page["/Resources"]["/Font"].items()}
        current = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = operands[0]
            elif operator in (b"Tj", b"TJ", b"'", b'"'):
                used.add(str(names[current]))
    return used


def build(world, name: str, actor=None, **options) -> bytes:
    actor = actor or world.manager
    return build_report(world.session, actor, name, "2025-03-01", "2025-03-31", now=NOW, **options)


def build_item(world, name: str) -> bytes:
    if name == "receipt":
        return build(world, name, world.clerk, order_id=world.order_ids[1])
    return build(world, name, world.reception, appeal_id=world.appeal_ids[2])


@pytest.mark.parametrize("name", list(REPORTS))
def test_every_report_builds_with_ukrainian_text_and_the_page_frame(world, name):
    pdf = build_item(world, name) if name in ("receipt", "control-card") else build(world, name)
    pages = pages_of(pdf)
    text = "\n".join(pages)
    title = REPORTS[name][0]
    assert title in text
    for number, page in enumerate(pages, start=1):
        assert CITY in page
        assert f"сторінка {number} з {len(pages)}" in page
    if name in PERIOD_REPORTS:
        assert all(f"Період: {PERIOD_TEXT}" in page for page in pages)
    # Only DejaVu shows text: nothing falls back to a font without Cyrillic.
    assert text_fonts(pdf) and all("DejaVuSans" in f for f in text_fonts(pdf))
    assert "\ufffd" not in text and "■" not in text


def test_services_report_shows_the_aggregates(world):
    lines = lines_of(build(world, "services"))
    text = "\n".join(lines)
    for letter in "іїєґ№":
        assert letter in text
    assert "№ з/п" in lines and "Виконано вчасно" in text
    rows = analytics.service_summary(world.session, world.manager, MARCH, now=NOW)
    totals = analytics.order_totals(world.session, world.manager, MARCH, now=NOW)
    for row in rows:
        # Figures from «Отримано» on; the title may wrap onto two lines.
        assert contains_run(lines, services_report.service_row(0, row)[2:])
        assert row.title.split(" (")[0] in text
    assert contains_run(lines, services_report.service_row("", totals)[1:])
    assert SERVICE_A.split(" (")[0] in text and SERVICE_B in text
    # The figures computed by hand, as printed.
    assert contains_run(lines, ["5", "4", "0", "50,0 %", "9,88", "8,50", "2", "1"])
    assert contains_run(lines, ["Усього", "10", "5", "1", "60,0 %", "8,70", "5,00", "4", "2"])
    # The headline figures.
    assert contains_run(lines, ["10", "5", "1", "60,0 %", "8,70", "5,00", "2"])


def test_appeals_report_shows_the_aggregates(world):
    lines = lines_of(build(world, "appeals"))
    text = "\n".join(lines)
    assert "запит на інформацію" in text and "електронне повідомлення" in text
    assert "Ґрунти" in text and "без категорії" in text
    kinds = analytics.appeal_summary(world.session, world.manager, MARCH, "kind", now=NOW)
    for kind in kinds:
        assert contains_run(lines, appeals_report.summary_row("x", kind)[1:])
    totals = analytics.appeal_totals(world.session, world.manager, MARCH, now=NOW)
    assert contains_run(lines, appeals_report.summary_row("Усього", totals))
    assert contains_run(lines, ["Усього", "7", "3", "66,7 %", "11,42", "1", "1", "3", "2"])


def test_surveys_report_shows_the_results(world):
    lines = lines_of(build(world, "surveys"))
    text = "\n".join(lines)
    assert "Облаштування скверу «Ґердан» і їхні пріоритети" in text
    assert contains_run(lines, ["Освітлення і лавки", "2", "50,0 %"])
    assert contains_run(lines, ["Ґазон", "1", "25,0 %"])
    assert "бюлетенів: 4" in text
    one = lines_of(build(world, "surveys", survey_id=world.survey_id))
    assert contains_run(one, ["Дитячий майданчик", "1", "25,0 %"])
    with pytest.raises(NotFound):
        build(world, "surveys", survey_id=10**9)


def test_transport_scorecard_shows_the_aggregates(world):
    lines = lines_of(build(world, "transport"))
    text = "\n".join(lines)
    assert "КП «Тернопільелектротранс»" in text and "тролейбус" in text
    (carrier,) = analytics.ride_ratings_by_carrier(world.session, world.manager, MARCH)
    assert contains_run(lines, transport_report.stats_cells(carrier.stats))
    assert contains_run(lines, ["3", "4,00", "2,50", "—", "—", "—"])
    assert contains_run(lines, ["№ 9 (тролейбус)", "2", "4,50", "3,00", "—", "—", "—"])
    assert "Пунктуальність" in text
    with pytest.raises(NotFound):
        build(world, "transport", carrier_id=10**9)


def test_receipt(world):
    text = "\n".join(pages_of(build_item(world, "receipt")))
    assert "Квитанція про прийняття заяви № ЦНАП-2025/000001" in text
    assert SERVICE_A in text.replace("\n", " ")
    assert APPLICANT in text
    assert "10 календарних днів" in text and "11.03.2025" in text
    assert "Паспорт громадянина України" in text and "безоплатно" in text
    # Submitted 28 Feb 22:30 UTC: 1 March 00:30 in Kyiv.
    assert "01.03.2025 00:30" in text


def test_control_card(world):
    text = "\n".join(pages_of(build_item(world, "control-card")))
    assert "Реєстраційно-контрольна картка № ЗВ-2025/0002" in text
    assert "Питання № 2: ремонт ґанку і їдальні" in text
    assert "Благоустрій" in text and APPLICANT in text
    assert "18.03.2025" in text and "надано відповідь" in text


def test_a_long_table_repeats_its_header_on_every_page(world, session):
    values = []
    for n in range(200):
        service = Service(
            code=f"L-{n:03d}",
            category_id=world.category_id,
            title=f"Послуга № {n:03d}: довідка про ґрунти",
            term_days=10,
        )
        session.add(service)
        session.flush()
        submitted = datetime(2025, 3, 2, 10, tzinfo=UTC) + timedelta(minutes=n)
        values.append(
            {
                "registration_number": f"ЦНАП-2025/{1000 + n:06d}",
                "service_id": service.id,
                "applicant_id": world.resident.user_id,
                "answers": {},
                "status": "completed",
                "channel": "web",
                "submitted_at": submitted,
                "due_at": submitted + timedelta(days=10),
                "closed_at": submitted + timedelta(days=n % 12),
            }
        )
    session.execute(insert(Order), values)
    pages = pages_of(build(world, "services"))
    assert len(pages) >= 4
    first = next(i for i, p in enumerate(pages) if "Показники за послугами" in p)
    with_rows = pages[first:]
    assert len(with_rows) >= 3
    for page in with_rows:
        assert "довідка про ґрунти" in page
        assert "№ з/п" in page and "Послуга" in page and "Прострочено" in page
    assert f"сторінка {len(pages)} з {len(pages)}" in pages[-1]


def test_who_may_print_what(world, people):
    # A clerk prints receipts, not the services report or an appeal's card.
    assert build(world, "receipt", world.clerk, order_id=world.order_ids[2])
    with pytest.raises(NotAllowed):
        build(world, "services", world.clerk)
    with pytest.raises(NotAllowed):
        build(world, "control-card", world.clerk, appeal_id=world.appeal_ids[1])
    # The reception prints cards; managers both; no period report for the reception.
    assert build(world, "control-card", world.reception, appeal_id=world.appeal_ids[1])
    assert build(world, "control-card", world.manager, appeal_id=world.appeal_ids[1])
    assert build(world, "receipt", world.manager, order_id=world.order_ids[1])
    with pytest.raises(NotAllowed):
        build(world, "appeals", world.reception)
    with pytest.raises((NotAllowed, NotFound)):
        build(world, "receipt", world.reception, order_id=world.order_ids[1])
    # A resident: their own receipt (as the order's detail allows), nobody else's.
    assert build(world, "receipt", world.resident, order_id=world.order_ids[1])
    stranger = people.actor(people.resident())
    with pytest.raises(NotFound):
        build(world, "receipt", stranger, order_id=world.order_ids[1])
    with pytest.raises(NotAllowed):
        build(world, "transport", stranger)
    admin = people.actor(people.staff(Role.ADMIN))
    with pytest.raises(NotAllowed):
        build(world, "surveys", admin)


def test_report_requests_are_checked(world):
    with pytest.raises(InvalidInput):
        build(world, "no-such-report")
    with pytest.raises(InvalidInput):
        build_report(world.session, world.manager, "services", None, "2025-03-31")
    with pytest.raises(InvalidInput):
        build_report(world.session, world.manager, "services", "2025-03-31", "2025-03-01")
    with pytest.raises(InvalidInput):
        build_report(world.session, world.clerk, "receipt", None, None)
    with pytest.raises(NotFound):
        build_report(world.session, world.clerk, "receipt", None, None, order_id=10**9)


def test_fonts_come_from_the_shipped_resources(monkeypatch, tmp_path):
    folder = fonts.fonts_dir()
    assert folder.parts[-2:] == ("resources", "fonts")
    assert (folder / "DejaVuSans.ttf").is_file() and (folder / "DejaVuSans-Bold.ttf").is_file()
    assert any(p.name.startswith("LICENSE") for p in folder.iterdir())
    # A frozen build looks in its unpacked data first; an override comes before everything.
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert fonts.font_dirs()[0] == tmp_path / "resources" / "fonts"
    assert fonts.fonts_dir() == folder  # not there: the next place
    monkeypatch.setenv("BACKOFFICE_FONTS_DIR", str(tmp_path / "nowhere"))
    assert fonts.font_dirs()[0] == tmp_path / "nowhere"
    monkeypatch.setattr(fonts, "font_dirs", lambda: [tmp_path / "nowhere"])
    with pytest.raises(FileNotFoundError):
        fonts.fonts_dir()


def test_number_formats():
    assert fmt_decimal(1234.5) == f"1{NBSP}234,50"
    assert fmt_share(0.6667) == f"66,7{NBSP}%"
    assert fmt_share(None) == "—"
