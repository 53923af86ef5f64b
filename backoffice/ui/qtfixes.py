"""Work-arounds for defects of the pinned Qt binding, in one place.

PySide6 6.12.0 on Python 3.11: ``SignalInstance.emit()`` returns ``True`` without taking a new
reference, so every emit from Python drops one reference to ``True`` and the interpreter aborts
(``Fatal Python error: bool_dealloc``) once the count reaches zero — after some thousands of
signals, i.e. within a working day. (6.11.3 does not have this defect but crashed in other
ways in our suite.) Python 3.12 makes ``True`` immortal; this gives it the same headroom here.
Remove when the pin moves past the defect; ``tests/ui/test_qtfixes.py`` shows whether it is
still needed.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

AFFECTED_VERSIONS = {"6.12.0"}
HEADROOM = 1 << 40


def needed() -> bool:
    return sys.version_info < (3, 12) and PySide6.__version__ in AFFECTED_VERSIONS


def apply() -> None:
    """Call once at start-up, before any signal is emitted."""
    if not needed():
        return
    refcount = ctypes.c_ssize_t.from_address(id(True))  # ob_refcnt: a PyObject's first field
    if refcount.value < HEADROOM:
        refcount.value += HEADROOM
