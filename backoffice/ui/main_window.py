"""The main window: tabs by role with counts of what needs action, and a status bar that says
who is signed in, to which database, and whether it is reachable."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

from backoffice.core import worklist
from backoffice.core.permissions import can
from backoffice.ui.backend import Backend
from backoffice.ui.labels import ROLE_NAMES, label
from backoffice.ui.listpanel import settings
from backoffice.ui.tabs import TABS, TabSpec
from backoffice.ui.tasks import run_in_background

log = logging.getLogger(__name__)
PING_INTERVAL_MS = 15_000
COUNTS_INTERVAL_MS = 60_000


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    def __init__(self, backend: Backend, *, live=None) -> None:
        super().__init__()
        self.backend = backend
        self.setWindowTitle(self.tr("e-Тернопіль — робоче місце"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("main-tabs")
        self.setCentralWidget(self.tabs)
        self.panels: dict[str, object] = {}
        self.specs: dict[str, TabSpec] = {}
        self._build_tabs()
        self._build_menu()
        self._build_status_bar()
        self.tabs.currentChanged.connect(self._tab_shown)
        self._ping_timer = QTimer(self, interval=PING_INTERVAL_MS, timeout=self.check_connection)
        self._ping_timer.start()
        self._counts_timer = QTimer(self, interval=COUNTS_INTERVAL_MS, timeout=self.refresh_counts)
        self._counts_timer.start()
        self.live = live
        if live is not None:
            live.changed.connect(self.on_live_change)
        geometry = settings().value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    # --- tabs -----------------------------------------------------------------------------------
    def _build_tabs(self) -> None:
        for spec in TABS:
            if not can(self.backend.actor, spec.permission):
                continue
            module = importlib.import_module(f"backoffice.ui.tabs.{spec.module}")
            panel = module.Panel(self.backend, self)
            panel.setObjectName(f"tab-{spec.key}")
            panel.changed.connect(self.refresh_counts)
            self.panels[spec.key] = panel
            self.specs[spec.key] = spec
            self.tabs.addTab(panel, tr(spec.title))

    def _tab_shown(self, index: int) -> None:
        panel = self.tabs.widget(index)
        if panel is not None and hasattr(panel, "start"):
            panel.start()

    def start(self) -> None:
        """Load the first tab and the counts (after the window is shown)."""
        if self.tabs.count():
            self._tab_shown(self.tabs.currentIndex())
        self.refresh_counts()
        self.check_connection()

    def refresh_counts(self) -> None:
        actor = self.backend.actor
        run_in_background(
            self.backend,
            lambda session: worklist.action_counts(session, actor),
            self._show_counts,
            lambda error: self._set_connection(False),
        )

    def _show_counts(self, counts: dict[str, int]) -> None:
        for index in range(self.tabs.count()):
            key = self.tabs.widget(index).objectName().removeprefix("tab-")
            spec = self.specs[key]
            title = tr(spec.title)
            if spec.badge and counts.get(spec.badge):
                title = f"{title} ({counts[spec.badge]})"
            self.tabs.setTabText(index, title)

    def on_live_change(self, area: str) -> None:
        """New work arrived from another desktop or the portal: refresh what shows it."""
        panel = self.panels.get(area)
        if panel is not None and hasattr(panel, "refresh"):
            panel.refresh()
        self.refresh_counts()

    # --- menu and status bar ---------------------------------------------------------------------
    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Файл"))
        refresh = QAction(self.tr("Оновити лічильники"), self)
        refresh.triggered.connect(self.refresh_counts)
        menu.addAction(refresh)
        quit_action = QAction(self.tr("Вийти"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        view = self.menuBar().addMenu(self.tr("&Вигляд"))
        language = view.addMenu(self.tr("Мова інтерфейсу"))
        for code, name in (("uk", "Українська"), ("en", "English")):
            action = QAction(name, self)
            action.triggered.connect(lambda _checked=False, c=code: self._choose_language(c))
            language.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Довідка"))
        about = QAction(self.tr("Про програму"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _choose_language(self, code: str) -> None:
        settings().setValue("ui/language", code)
        QMessageBox.information(
            self,
            self.tr("Мова інтерфейсу"),
            self.tr("Мову буде змінено після перезапуску програми."),
        )

    def _about(self) -> None:
        from backoffice import __version__

        QMessageBox.about(
            self,
            self.tr("Про програму"),
            self.tr("e-Тернопіль — робоче місце працівника, версія {version}").format(
                version=__version__
            ),
        )

    def _build_status_bar(self) -> None:
        actor = self.backend.actor
        roles = ", ".join(label(ROLE_NAMES, r.value) for r in sorted(actor.roles))
        self.who = QLabel(
            self.tr("Користувач: {name} ({roles})").format(name=actor.name, roles=roles)
        )
        self.who.setObjectName("status-who")
        self.database = QLabel(self.backend.display_url)
        self.database.setObjectName("status-database")
        self.connection = QLabel()
        self.connection.setObjectName("status-connection")
        bar = self.statusBar()
        bar.addWidget(self.who)
        bar.addWidget(self.database, 1)
        bar.addPermanentWidget(self.connection)
        self._set_connection(True)

    def check_connection(self) -> None:
        run_in_background(
            self.backend,
            lambda session: self.backend.ping(),
            lambda _result: self._set_connection(True),
            lambda _error: self._set_connection(False),
        )

    def _set_connection(self, online: bool) -> None:
        self.online = online
        if online:
            self.connection.setText(self.tr("● з'єднано"))
            self.connection.setStyleSheet("color: #1b7f3b")
        else:
            self.connection.setText(self.tr("● немає з'єднання — повторна спроба…"))
            self.connection.setStyleSheet("color: #b00020")

    def closeEvent(self, event) -> None:
        store = settings()
        store.setValue("main/geometry", self.saveGeometry())
        for panel in self.panels.values():
            if hasattr(panel, "save_layout"):
                panel.save_layout()
        if self.live is not None:
            self.live.stop()
        super().closeEvent(event)
