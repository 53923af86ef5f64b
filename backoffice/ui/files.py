"""Opening a stored file from the database with the system's own viewer."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices

from backoffice.core.files import clean_file_name

_folder: Path | None = None


def open_bytes(name: str, data: bytes) -> Path:
    """Write ``data`` to a private temporary folder and open it; returns the path."""
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="e-ternopil-"))
    path = _folder / clean_file_name(name)
    path.write_bytes(data)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path


def read_file(path: Path, limit: int) -> tuple[str, bytes]:
    """(name, bytes) of a chosen file, refusing one larger than ``limit`` before reading it."""
    size = path.stat().st_size
    if size > limit:
        from backoffice.core.errors import InvalidInput

        message = QCoreApplication.translate("files", "Файл більший за {n} МБ.")
        raise InvalidInput({"file": message.format(n=limit // (1024 * 1024))})
    return path.name, path.read_bytes()
