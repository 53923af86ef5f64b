"""Start the staff application: translations, sign-in, then the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from backoffice.config import get_settings
from backoffice.ui.listpanel import settings

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def i18n_dir() -> Path:
    """Translations: beside the package in a checkout, or bundled inside a frozen build."""
    frozen = Path(getattr(sys, "_MEIPASS", "")) / "resources" / "i18n"
    return frozen if frozen.is_dir() else I18N


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Ukrainian is the source language; any other loads our file and Qt's own."""
    translators: list[QTranslator] = []
    QLocale.setDefault(QLocale(QLocale.Language.Ukrainian if language == "uk" else language))
    if language == "uk":
        qt_own = QTranslator(app)
        if qt_own.load("qtbase_uk", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            translators.append(qt_own)
        return translators
    ours = QTranslator(app)
    if ours.load(f"backoffice_{language}", str(i18n_dir())):
        app.installTranslator(ours)
        translators.append(ours)
    return translators


def language() -> str:
    chosen = settings().value("ui/language")
    return str(chosen) if chosen else get_settings().language


def main(argv: list[str] | None = None) -> int:
    from backoffice.ui import qtfixes

    qtfixes.apply()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName("e-Ternopil")
    app.setApplicationName("backoffice")
    install_translations(app, language())
    from backoffice.ui.collector import GuiThreadCollector

    collector = GuiThreadCollector(app)
    collector.start()
    app.setApplicationDisplayName(QCoreApplication.translate("app", "e-Тернопіль"))

    from backoffice.ui.live import LiveUpdates
    from backoffice.ui.main_window import MainWindow
    from backoffice.ui.signin import SignInDialog

    dialog = SignInDialog()
    if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.backend is None:
        return 0
    backend = dialog.backend
    live = LiveUpdates(backend)
    window = MainWindow(backend, live=live)
    window.show()
    window.start()
    live.start()
    code = app.exec()
    backend.close()
    collector.stop()
    return code


if __name__ == "__main__":
    sys.exit(main())
