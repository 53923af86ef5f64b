"""The Qt binding's defects we work around stay worked around (see backoffice.ui.qtfixes)."""

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal
    {fix}
    class Source(QObject):
        flag = Signal(bool)
        value = Signal(object)
    app = QCoreApplication([])
    source = Source()
    source.flag.connect(lambda v: None)
    source.value.connect(lambda v: None)
    before = sys.getrefcount(True)
    for _ in range(20_000):
        source.flag.emit(True)
        source.value.emit(None)
    print("ok")
    """
)


def _run(fix: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT.format(fix=fix)], capture_output=True, text=True, timeout=120
    )


def test_twenty_thousand_signals_do_not_kill_the_application():
    result = _run("from backoffice.ui import qtfixes; qtfixes.apply()")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_the_work_around_is_still_needed_or_can_go():
    from backoffice.ui import qtfixes

    result = _run("")
    if qtfixes.needed():
        assert result.returncode != 0, "the binding is fixed: remove backoffice.ui.qtfixes"
    else:
        assert result.returncode == 0, result.stderr[-2000:]
