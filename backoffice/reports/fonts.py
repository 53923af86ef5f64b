"""The fonts of every PDF: DejaVu Sans (regular and bold), shipped in ``resources/fonts``.

reportlab's built-in fonts (Helvetica, and its bundled Vera) have no Cyrillic: Ukrainian text
would come out as black boxes. The TTF files are registered once, and mapped as one family so
that ``<b>`` in a paragraph picks the bold face.

Where the files are: ``resources/fonts`` at the root of the distribution, next to the
``backoffice`` package (``Path(backoffice.__file__).parents[1] / "resources" / "fonts"``). A frozen
build (PyInstaller) unpacks its data into ``sys._MEIPASS``: the installer's spec must ship the
folder there as ``resources/fonts``. ``BACKOFFICE_FONTS_DIR`` overrides both.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import backoffice

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}


def font_dirs() -> list[Path]:
    """Where the fonts may be, in the order they are looked for."""
    found = []
    if os.environ.get("BACKOFFICE_FONTS_DIR"):
        found.append(Path(os.environ["BACKOFFICE_FONTS_DIR"]))
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        found.append(Path(frozen) / "resources" / "fonts")
    found.append(Path(backoffice.__file__).resolve().parents[1] / "resources" / "fonts")
    return found


def fonts_dir() -> Path:
    for folder in font_dirs():
        if all((folder / name).is_file() for name in FILES.values()):
            return folder
    searched = ", ".join(str(p) for p in font_dirs())
    raise FileNotFoundError(f"DejaVu fonts not found (looked in: {searched})")


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register DejaVu Sans and its bold face (once); returns the family name."""
    folder = fonts_dir()
    for name, file in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    # The mapping paragraphs use for <b> and <i>.
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)
    return FONT
