"""Helpers for desktop tests."""


def wait_until_loaded(qtbot, panel, timeout: int = 20_000) -> None:
    """Wait until a list panel's first window has arrived."""
    qtbot.waitUntil(lambda: not panel.model.loading, timeout=timeout)
