"""Markdown preview of a page or news item, in the editor and in a window of its own.

The preview is Qt's own Markdown (no new dependency). It is safe for text anyone typed: HTML in
the body is shown as typed, never interpreted (``MarkdownNoHTML``: there is no script engine
either way), nothing is fetched (images, style sheets) and links are not followed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

MARKDOWN = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)


class MarkdownPreview(QTextBrowser):
    """A read-only rendering of a Markdown body that loads nothing and opens nothing."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # a click must not turn the preview into a file browser
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    def show_markdown(self, title: str, body: str) -> None:
        heading = _escape_heading(title.strip())
        text = f"# {heading}\n\n{body}" if heading else body
        self.document().setMarkdown(text, MARKDOWN)

    def loadResource(self, kind: int, name):  # Qt asks here for images and style sheets
        return None  # no images or files from anywhere: the portal decides what it shows


def _escape_heading(title: str) -> str:
    """A title as literal heading text (Markdown punctuation in it stays punctuation)."""
    special = "\\`*_{}[]()<>#+-.!|~"
    return "".join(f"\\{ch}" if ch in special else ch for ch in title)


class PreviewDialog(QDialog):
    """The preview in a large window of its own (to read a long text comfortably)."""

    def __init__(self, title: str, body: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("content-preview-dialog")
        self.setWindowTitle(self.tr("Попередній перегляд"))
        self.resize(900, 700)
        layout = QVBoxLayout(self)
        self.preview = MarkdownPreview()
        self.preview.setObjectName("content-preview-large")
        self.preview.show_markdown(title, body)
        layout.addWidget(self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
