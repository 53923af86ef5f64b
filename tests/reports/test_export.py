"""CSV and XLSX export: exactly the filtered rows of a list, paged by keyset, capped."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from backoffice.core import reception, services
from backoffice.core.errors import InvalidInput, NotAllowed
from backoffice.core.listing import ListRequest
from backoffice.reports import export
from tests.reports.world import NOW

ORDER_COLUMNS = [
    ("registration_number", "№ заяви"),
    ("service", "Послуга"),
    ("applicant", "Заявник"),
    ("status", "Стан"),
    ("submitted_at", "Подано"),
    ("is_overdue", "Прострочено"),
]


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def order_rows(session, actor, request):
    return services.order_rows(session, actor, request, now=NOW)


def test_csv_of_rows():
    rows = [
        {
            "n": "ЦНАП-2025/000001",
            "who": "Євгенія Їжакевич-Ґудзь",
            "at": datetime(2025, 3, 1, tzinfo=UTC),
        },
        {"n": "ЦНАП-2025/000002", "who": 'Іван; «лапки» "так"', "at": None, "flag": True},
    ]
    columns = [("n", "№"), ("who", "Заявник"), ("at", "Подано"), ("flag", "Прострочено")]
    data = export.export_rows(rows, columns, "csv")
    assert b";" in data.splitlines()[0]
    assert read_csv(data) == [
        ["№", "Заявник", "Подано", "Прострочено"],
        ["ЦНАП-2025/000001", "Євгенія Їжакевич-Ґудзь", "01.03.2025 02:00", ""],
        ["ЦНАП-2025/000002", 'Іван; «лапки» "так"', "", "так"],
    ]


def test_xlsx_of_rows():
    rows = [
        {"n": "ЦНАП-2025/000001", "who": "Євгенія Їжакевич-Ґудзь", "days": 9.88, "count": 5},
        {"n": "ЦНАП-2025/000002", "who": "Ярослав", "at": datetime(2025, 3, 1, tzinfo=UTC)},
    ]
    columns = [("n", "№"), ("who", "Заявник"), ("days", "Днів"), ("count", "К-ть"), ("at", "Час")]
    book = load_workbook(io.BytesIO(export.export_rows(rows, columns, "xlsx")))
    sheet = book.active
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values == [
        ["№", "Заявник", "Днів", "К-ть", "Час"],
        ["ЦНАП-2025/000001", "Євгенія Їжакевич-Ґудзь", 9.88, 5, None],
        ["ЦНАП-2025/000002", "Ярослав", None, None, datetime(2025, 3, 1, 2, 0)],
    ]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.column_dimensions["B"].width >= len("Євгенія Їжакевич-Ґудзь")


def test_bad_requests():
    with pytest.raises(InvalidInput):
        export.export_rows([], [("a", "A")], "pdf")
    with pytest.raises(InvalidInput):
        export.export_rows([], [], "csv")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_list_holds_exactly_the_filtered_rows(world, monkeypatch, fmt):
    # Tiny windows, so that the keyset has to move on several times.
    monkeypatch.setattr(export, "MAX_PAGE", 2)
    seen: list[ListRequest] = []

    def spying(session, actor, request):
        seen.append(request)
        return order_rows(session, actor, request)

    request = ListRequest(sort="submitted_at", filters={"status": ["completed", "rejected"]})
    data = export.export_list(world.session, world.clerk, spying, request, ORDER_COLUMNS, fmt)
    expected = [f"ЦНАП-2025/{n:06d}" for n in (7, 1, 2, 8, 3, 11)]  # by submission
    if fmt == "csv":
        table = read_csv(data)
    else:
        table = [
            list(r) for r in load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)
        ]
    assert table[0] == [title for _, title in ORDER_COLUMNS]
    assert [r[0] for r in table[1:]] == expected
    assert table[1][2] == "Євгенія Їжакевич-Ґудзь"
    assert len(seen) == 4 and seen[0].after is None
    assert all(r.after is not None and r.limit == 2 for r in seen[1:])
    # The same filters in the list itself.
    count = services.order_count(world.session, world.clerk, request, now=NOW)
    assert count == len(expected)


def test_export_of_appeals_with_a_search(world):
    request = ListRequest(sort="received_at", filters={"kind": "appeal"})
    columns = [("registration_number", "№"), ("subject", "Зміст"), ("due_at", "Строк")]
    table = read_csv(
        export.export_list(
            world.session, world.reception, reception.appeal_rows, request, columns, "csv"
        )
    )
    # Appeals 1, 2, 3 and 8 (not yet registered: no number, no control date).
    assert [r[0] for r in table[1:]] == ["ЗВ-2025/0001", "ЗВ-2025/0002", "ЗВ-2025/0003", ""]
    assert table[4][2] == ""
    with pytest.raises(NotAllowed):
        export.export_list(
            world.session, world.clerk, reception.appeal_rows, request, columns, "csv"
        )


def test_export_is_capped(world, monkeypatch):
    monkeypatch.setattr(export, "MAX_PAGE", 5)
    with pytest.raises(export.TooManyRows) as error:
        export.export_list(
            world.session, world.clerk, order_rows, ListRequest(), ORDER_COLUMNS, "csv", max_rows=10
        )
    assert "Забагато рядків для експорту (понад 10)" in error.value.message
    assert error.value.code == "too_many_rows"
    exact = export.fetch_all(world.session, world.clerk, order_rows, ListRequest(), max_rows=12)
    assert len(exact) == 12
