"""The English interface: resources/i18n/backoffice_en.ts is complete and current, the compiled
.qm matches it, and the main window reads in English with it and in Ukrainian without it.

Refresh both files with ``make translations`` (then translate what it added to the .ts)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QLabel, QPushButton

from backoffice.models import Role
from backoffice.ui.app import i18n_dir, install_translations
from backoffice.ui.dialogs.catalog import days_text
from backoffice.ui.dialogs.democracy import field_title
from backoffice.ui.main_window import MainWindow
from backoffice.ui.signin import check_database_url
from backoffice.ui.tabs.democracy import SurveyList

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "backoffice_en.ts"
QM = ROOT / "resources" / "i18n" / "backoffice_en.qm"
PLACEHOLDER = re.compile(r"\{\w*\}")
EVERY_ROLE = (Role.ADMIN, Role.MANAGER, Role.CLERK, Role.RECEPTION, Role.MODERATOR)

ENGLISH_TABS = [
    "Service orders",
    "Appeals and requests",
    "Surveys and discussions",
    "Users",
    "Service catalogue",
    "Portal content",
    "Analytics",
    "Activity log",
]
UKRAINIAN_TABS = [
    "Замовлення послуг",
    "Звернення і запити",
    "Опитування й обговорення",
    "Користувачі",
    "Каталог послуг",
    "Вміст порталу",
    "Аналітика",
    "Журнал дій",
]


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) for every message of a .ts file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source"), message.find("translation")))
    return found


def _mnemonics(text: str) -> int:
    """How many keyboard accelerators (``&x``, not ``&&``) a text has."""
    return len(re.findall(r"(?<!&)&(?!&)", text.replace("&&", "")))


# --- (a) the .ts --------------------------------------------------------------------------------
def test_every_message_is_translated_with_its_placeholders():
    messages = _messages(TS)
    assert len(messages) > 600
    problems = []
    for context, source, translation in messages:
        text = translation.text or ""
        where = f"{context}: {source!r}"
        if translation.get("type") in {"unfinished", "vanished", "obsolete"}:
            problems.append(f"{where} is {translation.get('type')}")
        if not text.strip():
            problems.append(f"{where} has no translation")
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{where}: placeholders differ in {text!r}")
        if _mnemonics(source) != _mnemonics(text):
            problems.append(f"{where}: keyboard accelerators differ in {text!r}")
    assert not problems, "\n".join(problems)


def test_every_message_has_the_context_qt_looks_it_up_in():
    """lupdate files ``tr("…")`` without a class, ``parent.tr`` or ``QDialog.tr`` under contexts
    that nothing translates at run time: such a string would stay Ukrainian."""
    contexts = {context for context, _source, _translation in _messages(TS)}
    assert "" not in contexts
    assert not contexts & {"parent", "QDialog", "QWidget", "QObject", "self"}


LUPDATE = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(LUPDATE is None, reason="pyside6-lupdate is not installed")
def test_the_ts_holds_every_string_of_the_sources(tmp_path):
    """Nothing was added to the desktop since the last ``make translations``."""
    files = subprocess.run(
        ["git", "ls-files", "backoffice/ui/*.py", "backoffice/ui/**/*.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [LUPDATE, *files, "-source-language", "uk", "-target-language", "en", "-ts", str(fresh)],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    wanted = {(context, source) for context, source, _t in _messages(fresh)}
    present = {(context, source) for context, source, _t in _messages(TS)}
    assert wanted - present == set(), "run `make translations` and translate the new strings"
    assert present - wanted == set(), "run `make translations` to drop strings no longer used"


# --- (b) the .qm --------------------------------------------------------------------------------
def test_the_qm_is_compiled_from_the_current_ts(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = [
        f"{context}: {source!r}"
        for context, source, translation in _messages(TS)
        if translator.translate(context, source) != translation.text
    ]
    assert not stale, "run `make translations`:\n" + "\n".join(stale)
    assert translator.translate("MainWindow", "Журнал дій") == "Activity log"
    assert translator.translate("labels", "адміністратор ЦНАП") == "ASC administrator"
    assert translator.translate("messages", "Неочікувана помилка: {error}") == (
        "Unexpected error: {error}"
    )


# --- (c) and (d) the main window in each language -----------------------------------------------
@pytest.fixture
def english(qapp):
    """The English translator installed as the application does it; removed afterwards, so
    the other tests stay Ukrainian."""
    locale = QLocale()
    translators = install_translations(qapp, "en")
    assert translators, f"backoffice_en.qm did not load from {i18n_dir()}"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def _window(qtbot, signed_in) -> MainWindow:
    window = MainWindow(signed_in(*EVERY_ROLE))
    qtbot.addWidget(window)
    return window


def _tab_titles(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def _menus(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _menu_items(window: MainWindow) -> list[str]:
    return [
        item.text()
        for menu in window.menuBar().actions()
        for item in menu.menu().actions()
        if item.text()
    ]


def _headers(panel) -> list[str]:
    model = panel.model
    return [
        model.headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for i in range(model.columnCount())
    ]


def _buttons(widget) -> set[str]:
    return {button.text() for button in widget.findChildren(QPushButton)}


def _buttons_and_labels(widget) -> set[str]:
    return _buttons(widget) | {label.text() for label in widget.findChildren(QLabel)}


def test_the_main_window_in_english(qtbot, signed_in, english):
    window = _window(qtbot, signed_in)
    assert window.windowTitle() == "e-Ternopil — staff workplace"
    assert _tab_titles(window) == ENGLISH_TABS
    assert _menus(window) == ["&File", "&View", "&Help"]
    assert {"Refresh counters", "Quit", "Interface language", "About"} <= set(_menu_items(window))
    assert window.who.text().startswith("User: ")
    assert "system administrator" in window.who.text()
    assert "ASC administrator" in window.who.text()

    orders = window.panels["orders"]
    assert _headers(orders)[:2] == ["Number", "Service"]
    assert {"Refresh", "New application…", "Accept", "Refuse…"} <= _buttons(orders)
    appeals = window.panels["appeals"]
    assert {"Subject", "Applicant", "Status", "Deadline"} <= set(_headers(appeals))
    assert {"New paper appeal…", "Register…", "Forward…"} <= _buttons(appeals)
    users = window.panels["users"]
    assert _headers(users)[:3] == ["Full name", "E-mail", "Phone"]
    surveys = window.panels["democracy"].findChild(SurveyList)
    assert {"No.", "Title", "Status", "Ballots"} <= set(_headers(surveys))
    assert {"New survey…", "Publish", "Results…"} <= _buttons(surveys)
    assert "Verify the chain" in _buttons(window.panels["activity"])
    assert "Processing time:" in _buttons_and_labels(window.panels["catalog"])

    # Strings of module-level functions, which have no class to take a context from.
    assert check_database_url("mysql://db/x") == "Only PostgreSQL and SQLite are supported."
    assert field_title("questions.1.options.0") == "Question 2, option 1"
    assert days_text(1, working=True) == "1 working day"
    assert days_text(21, working=False) == "21 cal. days"


def test_the_main_window_in_ukrainian(qtbot, signed_in):
    assert QCoreApplication.translate("MainWindow", "Журнал дій") == "Журнал дій"
    window = _window(qtbot, signed_in)
    assert window.windowTitle() == "e-Тернопіль — робоче місце"
    assert _tab_titles(window) == UKRAINIAN_TABS
    assert _menus(window) == ["&Файл", "&Вигляд", "&Довідка"]
    assert {"Оновити лічильники", "Вийти", "Мова інтерфейсу"} <= set(_menu_items(window))
    assert window.who.text().startswith("Користувач: ")

    orders = window.panels["orders"]
    assert _headers(orders)[:2] == ["Номер", "Послуга"]
    assert {"Оновити", "Нова заява…", "Прийняти", "Відмовити…"} <= _buttons(orders)
    appeals = window.panels["appeals"]
    assert {"Тема", "Заявник", "Стан", "Строк"} <= set(_headers(appeals))
    assert {"Нове паперове звернення…", "Зареєструвати…"} <= _buttons(appeals)
    assert _headers(window.panels["users"])[:3] == ["ПІБ", "Ел. пошта", "Телефон"]
    surveys = window.panels["democracy"].findChild(SurveyList)
    assert {"Нове опитування…", "Опублікувати"} <= _buttons(surveys)
    assert "Перевірити ланцюжок" in _buttons(window.panels["activity"])
    assert "Строк надання:" in _buttons_and_labels(window.panels["catalog"])

    assert check_database_url("mysql://db/x") == "Підтримуються лише PostgreSQL і SQLite."
    assert field_title("questions.1.options.0") == "Питання 2, варіант 1"
    assert days_text(1, working=True) == "1 роб. день"
    assert days_text(21, working=False) == "21 кал. день"
    assert days_text(3, working=False) == "3 кал. дні"
