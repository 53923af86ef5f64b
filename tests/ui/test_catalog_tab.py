"""The Service catalog tab: the list, the service editor with its form editor and preview,
activation, categories, and a stale edit."""

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.core import services
from backoffice.core.actor import Actor, Channel
from backoffice.models import Role, Service, ServiceCategory
from tests.ui.helpers import wait_until_loaded

LAND_SCHEMA = [
    {"name": "address", "label": "Адреса ділянки", "type": "text", "required": True},
    {"name": "area", "label": "Площа, га", "type": "number", "min": 0, "max": 100},
]


@pytest.fixture
def catalog(committed_engine):
    """Two categories and three services (one closed), through core."""
    system = Actor.system()
    with Session(committed_engine) as session, session.begin():
        land = services.create_category(session, system, code="land", title="Земельні питання")
        social = services.create_category(session, system, code="social", title="Соціальні")
        extract = services.create_service(
            session,
            system,
            code="LAND-01",
            category_id=land.id,
            title="Витяг з кадастру",
            term_days=10,
            term_counts="working",
            fee="150.50",
            department="Відділ земельних ресурсів",
            required_documents=["Паспорт", "Кадастровий номер"],
            form_schema=LAND_SCHEMA,
        )
        lease = services.create_service(
            session, system, code="LAND-02", category_id=land.id, title="Оренда землі"
        )
        aid = services.create_service(
            session,
            system,
            code="SOC-01",
            category_id=social.id,
            title="Допомога при народженні",
            active=False,
        )
        return {
            "land": land.id,
            "social": social.id,
            "extract": extract.id,
            "lease": lease.id,
            "aid": aid.id,
        }


def _panel(qtbot, backend):
    from backoffice.ui.tabs.catalog import Panel

    panel = Panel(backend)
    qtbot.addWidget(panel)
    panel.resize(1400, 800)
    panel.show()
    panel.start()
    wait_until_loaded(qtbot, panel)
    return panel


def _select(qtbot, panel, service_id):
    panel.table.selectRow(panel.model.position_of(service_id))
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail["id"] == service_id)


def _editor(qtbot, panel, service_id=None):
    if service_id is None:
        panel.new_service()
    else:
        panel.edit_service(service_id)
    editor = panel.editor
    qtbot.waitUntil(lambda: editor.ready, timeout=20_000)
    return editor


def _add_field(editor, name, label, kind="text", *, required=False, options=None):
    fields = editor.fields_editor
    fields.add_field()
    fields.name_edit.setText(name)
    fields.label_edit.setText(label)
    fields.type_combo.setCurrentIndex(fields.type_combo.findData(kind))
    fields.required_box.setChecked(required)
    if options is not None:
        fields.options_edit.setPlainText(options)


def _service(engine, service_id):
    with Session(engine) as session:
        service = session.get(Service, service_id)
        session.expunge(service)
        return service


def _preview_texts(editor):
    return {label.text() for label in editor.preview_area.widget().findChildren(QLabel)}


def test_catalog_tab_lists_filters_and_searches(qtbot, qtmodeltester, signed_in, catalog):
    panel = _panel(qtbot, signed_in(Role.ADMIN))
    assert [r["title"] for r in panel.model.rows] == [
        "Витяг з кадастру",
        "Допомога при народженні",
        "Оренда землі",
    ]
    qtmodeltester.check(panel.model, force_py=True)
    extract = panel.model.rows[0]
    assert panel.model.columns[3].text(extract) == "10 роб. днів"
    assert panel.model.columns[4].text(extract) == "150,50 грн"
    lease = panel.model.rows[2]
    assert panel.model.columns[3].text(lease) == "типовий (30 кал. днів)"
    assert panel.model.columns[4].text(lease) == "безоплатно"
    closed = panel.model.rows[1]
    assert panel.row_colour(closed) is not None and panel.row_colour(extract) is None
    assert panel.model.columns[6].text(closed) == "неактивна"

    qtbot.waitUntil(lambda: panel.category_filter.count() == 3, timeout=20_000)
    panel.category_filter.setCurrentIndex(panel.category_filter.findData(catalog["land"]))
    wait_until_loaded(qtbot, panel)
    assert {r["code"] for r in panel.model.rows} == {"LAND-01", "LAND-02"}

    panel.active_filter.setCurrentIndex(panel.active_filter.findData(False))
    wait_until_loaded(qtbot, panel)
    assert panel.model.rowCount() == 0
    panel.category_filter.setCurrentIndex(0)
    wait_until_loaded(qtbot, panel)
    assert [r["code"] for r in panel.model.rows] == ["SOC-01"]

    panel.active_filter.setCurrentIndex(0)
    panel.search.setText("оренда")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and not panel.model.loading)
    assert panel.model.rows[0]["code"] == "LAND-02"
    panel.search.setText("land-01")  # codes are searched too
    qtbot.waitUntil(
        lambda: not panel.model.loading and [r["code"] for r in panel.model.rows] == ["LAND-01"]
    )
    qtbot.waitUntil(lambda: panel.model.total == 1)
    assert "1 з 1" in panel.status.text()


def test_create_a_service_with_two_form_fields(qtbot, signed_in, catalog, committed_engine):
    panel = _panel(qtbot, signed_in(Role.ADMIN))
    editor = _editor(qtbot, panel)
    editor.code.setText("SOC-02")
    editor.title_edit.setText("Довідка про склад сім'ї")
    editor.category.setCurrentIndex(editor.category.findData(catalog["social"]))
    editor.department.setText("Управління соціального захисту")
    editor.fee.setValue(25.5)
    editor.default_term.setChecked(False)
    editor.term_days.setValue(5)
    editor.term_counts.setCurrentIndex(editor.term_counts.findData("working"))
    editor.description.setPlainText("Видається <b>за місцем</b> реєстрації.\nБезстроково.")
    editor.add_document("Паспорт", edit=False)
    editor.add_document("Довідка з місця проживання", edit=False)
    editor.add_document("   ", edit=False)  # an empty line is left out
    _add_field(editor, "members", "Кількість членів сім'ї", "number", required=True)
    editor.fields_editor.min_edit.setText("1")
    editor.fields_editor.max_edit.setText("20")
    _add_field(editor, "purpose", "Для чого потрібна довідка", "textarea")
    editor.fields_editor.max_length_spin.setValue(500)
    editor.fields_editor.help_edit.setText("Наприклад: для банку")

    with qtbot.waitSignal(editor.saved, timeout=20_000) as signal:
        editor.save()
    service = _service(committed_engine, signal.args[0])
    assert service.code == "SOC-02"
    assert service.category_id == catalog["social"]
    assert service.fee == Decimal("25.50")
    assert (service.term_days, service.term_counts) == (5, "working")
    assert service.description == "Видається <b>за місцем</b> реєстрації.\nБезстроково."
    assert service.required_documents == ["Паспорт", "Довідка з місця проживання"]
    assert service.form_schema == [
        {
            "name": "members",
            "label": "Кількість членів сім'ї",
            "type": "number",
            "required": True,
            "min": 1,
            "max": 20,
        },
        {
            "name": "purpose",
            "label": "Для чого потрібна довідка",
            "type": "textarea",
            "required": False,
            "max_length": 500,
            "help": "Наприклад: для банку",
        },
    ]
    # The list shows it and keeps it selected.
    qtbot.waitUntil(
        lambda: panel.detail is not None and panel.detail["id"] == service.id, timeout=20_000
    )
    assert panel.fields.labels["term"].text() == "5 роб. днів"
    assert panel.fields.labels["description"].textFormat().name == "PlainText"


def test_edit_adds_a_select_field_and_moves_it_up(qtbot, signed_in, catalog, committed_engine):
    panel = _panel(qtbot, signed_in(Role.ADMIN))
    _select(qtbot, panel, catalog["extract"])
    panel.perform("edit")
    editor = panel.editor
    qtbot.waitUntil(lambda: editor.ready, timeout=20_000)
    assert editor.code.text() == "LAND-01"
    assert editor.fields_editor.table.rowCount() == 2
    _add_field(editor, "purpose", "Цільове призначення", "select", required=True)
    editor.fields_editor.options_edit.setPlainText("Будівництво, Городництво,  Сінокосіння")
    assert editor.fields_editor.table.currentRow() == 2
    editor.fields_editor.move_field(-1)
    assert editor.fields_editor.table.currentRow() == 1
    assert editor.fields_editor.table.item(1, 0).text() == "purpose"

    with qtbot.waitSignal(editor.saved, timeout=20_000):
        editor.save()
    service = _service(committed_engine, catalog["extract"])
    assert [f["name"] for f in service.form_schema] == ["address", "purpose", "area"]
    assert service.form_schema[1]["options"] == ["Будівництво", "Городництво", "Сінокосіння"]
    assert service.title == "Витяг з кадастру"  # untouched fields stay as they were
    qtbot.waitUntil(
        lambda: panel.detail is not None and panel.detail["version"] == service.version,
        timeout=20_000,
    )
    assert "form-purpose" in {w.objectName() for w in panel.preview.findChildren(object)}


def test_a_malformed_field_shows_the_schema_error_and_saves_nothing(
    qtbot, signed_in, catalog, committed_engine
):
    panel = _panel(qtbot, signed_in(Role.ADMIN))
    before = _service(committed_engine, catalog["lease"])
    editor = _editor(qtbot, panel, catalog["lease"])
    _add_field(editor, "applicant", "Заявник")
    _add_field(editor, "1abc", "Погане ім'я")
    editor.code.setText("LAND 02")  # a space: core refuses the code too
    editor.save()
    qtbot.waitUntil(lambda: bool(editor.message.text()), timeout=20_000)
    assert editor.pages.currentIndex() == 0  # the first page with a problem
    assert not editor.pages.tabIcon(1).isNull()  # the form page is marked as well
    assert editor.errors["code"].isVisibleTo(editor)
    assert "Латинські" in editor.errors["code"].text()
    editor.pages.setCurrentIndex(1)
    problems = editor.fields_editor.problems
    assert problems.isVisibleTo(editor)
    assert "поле 2 («1abc»): name" in problems.text()
    marked = editor.fields_editor.table.item(1, 0).background().color()
    assert marked.name() == "#fde2e1"
    assert "Форма заяви" in editor.message.text() and "Код" in editor.message.text()
    after = _service(committed_engine, catalog["lease"])
    assert (after.version, after.form_schema, after.code) == (before.version, [], "LAND-02")

    # Fixed, it saves.
    editor.code.setText("LAND-02")
    editor.fields_editor.table.setCurrentCell(1, 0)
    editor.fields_editor.name_edit.setText("abc")
    with qtbot.waitSignal(editor.saved, timeout=20_000):
        editor.save()
    assert [f["name"] for f in _service(committed_engine, catalog["lease"]).form_schema] == [
        "applicant",
        "abc",
    ]


def test_deactivate_and_activate(qtbot, signed_in, catalog, committed_engine):
    panel = _panel(qtbot, signed_in(Role.ADMIN))
    _select(qtbot, panel, catalog["lease"])
    assert panel.actions.buttons["deactivate"].isVisibleTo(panel)
    assert not panel.actions.buttons["activate"].isVisibleTo(panel)
    panel.perform("deactivate")
    qtbot.waitUntil(lambda: panel.detail is not None and not panel.detail["active"], timeout=20_000)
    qtbot.waitUntil(
        lambda: (
            not panel.model.loading
            and panel.model.position_of(catalog["lease"]) is not None
            and not panel.model.rows[panel.model.position_of(catalog["lease"])]["active"]
        ),
        timeout=20_000,
    )
    row = panel.model.rows[panel.model.position_of(catalog["lease"])]
    assert panel.row_colour(row) is not None
    assert panel.model.columns[6].text(row) == "неактивна"
    assert _service(committed_engine, catalog["lease"]).active is False
    assert panel.actions.buttons["activate"].isVisibleTo(panel)
    panel.perform("activate")
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail["active"], timeout=20_000)
    assert _service(committed_engine, catalog["lease"]).active is True


def test_a_stale_edit_says_who_changed_it_and_reloads(
    qtbot, signed_in, catalog, committed_engine, make_staff
):
    panel = _panel(qtbot, signed_in(Role.ADMIN))
    editor = _editor(qtbot, panel, catalog["extract"])
    other = make_staff(Role.ADMIN, name="Наталія Конкурентна")
    with Session(committed_engine) as session, session.begin():
        services.update_service(
            session,
            Actor.for_user(other, Channel.DESKTOP),
            catalog["extract"],
            {"title": "Витяг з Державного земельного кадастру"},
        )
    editor.fee.setValue(200)
    editor.save()
    qtbot.waitUntil(lambda: "Наталія Конкурентна" in editor.message.text(), timeout=20_000)
    qtbot.waitUntil(
        lambda: (
            editor.ready and editor.title_edit.text() == "Витяг з Державного земельного кадастру"
        ),
        timeout=20_000,
    )
    assert _service(committed_engine, catalog["extract"]).fee == Decimal("150.50")
    assert editor.fee.value() == pytest.approx(150.5)  # reloaded: the edit is to be redone
    editor.fee.setValue(200)
    with qtbot.waitSignal(editor.saved, timeout=20_000):
        editor.save()
    service = _service(committed_engine, catalog["extract"])
    assert service.fee == Decimal("200.00")
    assert service.title == "Витяг з Державного земельного кадастру"


def test_a_stale_deactivation_says_who_changed_it(
    qtbot, signed_in, catalog, committed_engine, make_staff, monkeypatch
):
    panel = _panel(qtbot, signed_in(Role.ADMIN))
    _select(qtbot, panel, catalog["lease"])
    other = make_staff(Role.ADMIN, name="Олег Швидкий")
    with Session(committed_engine) as session, session.begin():
        services.update_service(
            session,
            Actor.for_user(other, Channel.DESKTOP),
            catalog["lease"],
            {"department": "ЦНАП, вікно 4"},
        )
    shown = []
    monkeypatch.setattr(
        "backoffice.ui.tabs.catalog.show_error", lambda parent, error: shown.append(error)
    )
    panel.perform("deactivate")
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert shown[0].code == "conflict" and shown[0].changed_by == "Олег Швидкий"
    qtbot.waitUntil(
        lambda: panel.detail is not None and panel.detail["department"] == "ЦНАП, вікно 4",
        timeout=20_000,
    )
    assert _service(committed_engine, catalog["lease"]).active is True


def test_the_preview_shows_the_fields_being_edited(qtbot, signed_in, catalog):
    panel = _panel(qtbot, signed_in(Role.ADMIN))
    editor = _editor(qtbot, panel)
    assert "Форма без полів: мешканцю досить подати заяву." in _preview_texts(editor)
    _add_field(editor, "full_name", "Прізвище, ім'я", required=True)
    _add_field(editor, "kind", "Вид довідки", "select", options="Повна\nСкорочена")
    qtbot.waitUntil(lambda: "Прізвище, ім'я *" in _preview_texts(editor), timeout=20_000)
    assert "Вид довідки" in _preview_texts(editor)
    combo = editor.preview.inputs["kind"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["", "Повна", "Скорочена"]
    editor.fields_editor.label_edit.setText("Вид витягу")
    qtbot.waitUntil(lambda: "Вид витягу" in _preview_texts(editor), timeout=20_000)
    assert "Вид довідки" not in _preview_texts(editor)
    editor.fields_editor.remove_field()
    qtbot.waitUntil(lambda: "Вид витягу" not in _preview_texts(editor), timeout=20_000)


def test_new_category_appears_in_the_filter(qtbot, signed_in, catalog, committed_engine):
    panel = _panel(qtbot, signed_in(Role.ADMIN))
    qtbot.waitUntil(lambda: panel.category_filter.count() == 3, timeout=20_000)
    panel.new_category()
    dialog = panel.category_dialog
    dialog.code.setText("land")  # taken
    dialog.title_edit.setText("Транспорт")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.errors["code"].isVisibleTo(dialog), timeout=20_000)
    dialog.code.setText("transport")
    with qtbot.waitSignal(dialog.created, timeout=20_000):
        dialog.save()
    qtbot.waitUntil(lambda: panel.category_filter.findText("Транспорт") > 0, timeout=20_000)
    with Session(committed_engine) as session:
        assert session.scalar(
            select(ServiceCategory.title).where(ServiceCategory.code == "transport")
        ) == ("Транспорт")


def test_screenshot(qtbot, signed_in, catalog):
    panel = _panel(qtbot, signed_in(Role.ADMIN))
    _select(qtbot, panel, catalog["extract"])
    panel.resize(1400, 800)
    qtbot.wait(50)
    assert panel.grab().save("/tmp/catalog_tab.png")
    editor = _editor(qtbot, panel, catalog["extract"])
    _add_field(editor, "purpose", "Цільове призначення", "select", options="Будівництво\nСад")
    _add_field(editor, "1abc", "Погане ім'я")
    editor.save()
    qtbot.waitUntil(lambda: editor.fields_editor.problems.isVisibleTo(editor), timeout=20_000)
    editor.update_preview()
    qtbot.wait(50)
    assert editor.grab().save("/tmp/catalog_editor.png")
    editor.pages.setCurrentIndex(0)
    qtbot.wait(50)
    assert editor.grab().save("/tmp/catalog_editor_general.png")
