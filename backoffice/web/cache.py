"""Rendered parts of pages kept between requests, in this process: ``fragments()``.

A fragment is stored with the version of the data it was drawn from. A view reads the version
(one small query) on every request and asks for the fragment with it; a different version is a
miss, and the fragment is drawn again and replaces the old one. So a change committed by staff
shows on the next request, in every process, without any process telling another.

Only what is the same for every visitor goes in: never the header (name, notification badge),
a CSRF token, a flashed message or a form's values. ``render_shared`` draws a fragment without
the request's template context: ``visitor``, ``session``, ``request``, ``g``, ``csrf_token`` and
flashed messages stand for an error there, so a fragment template that uses them fails loudly
instead of showing one visitor's page to the next.

Waitress serves requests on several threads: the entries are guarded by a lock, and drawing
happens outside it (two threads may both draw a missing fragment; the later one is kept).
A thread that drew from older data can overwrite a newer entry, which is then only a miss on
the next request, never a stale page: an entry is used only when its version is the one read.

The version query is a large part of what a page served from cache costs (measured with eight
concurrent clients: a read per request halved the cached catalog's throughput), so ``version()``
lets requests that arrive together share one (``SharedRead``) without any of them seeing older
data, and may trust a version read less than ``max_age`` seconds ago (the catalog: one second,
``BACKOFFICE_WEB_CATALOG_MAX_AGE``) — a fee changed by an administrator reaches residents within
a second, and the catalog page costs no query at all in between.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from flask import current_app
from markupsafe import Markup

from backoffice.web import db

MAX_ENTRIES = 64  # fragments kept per process; the least recently used go first


class SharedRead:
    """``read()`` for many threads: one run answers every caller that asked before it started.

    A caller always gets the result of a run that started after it asked, so it sees every
    change committed before its request, as if it had read alone. While a run is in progress,
    the callers that arrive wait for the next one, which then answers them all: under load, one
    query per burst of requests instead of one per request. A failed run is not shared: each
    of its waiters reads again on its own (and fails or succeeds with its own error).
    """

    def __init__(self, read: Callable[[], Any]) -> None:
        self._read = read
        self._changed = threading.Condition()
        self._started = 0  # runs started; a run's number is its place in this count
        self._running = False
        self._last: tuple[int, bool, Any] = (0, False, None)  # newest finished: number, ok, value
        self.runs = 0  # shared runs finished
        self.waiting = 0  # callers waiting for a run now

    def __call__(self) -> Any:
        with self._changed:
            wanted = self._started + 1  # the first run that starts after this call
            while self._last[0] < wanted:
                if not self._running:  # then no run started since this call: start it
                    self._running = True
                    self._started = number = wanted
                    break
                self.waiting += 1
                self._changed.wait()
                self.waiting -= 1
            else:
                _number, ok, value = self._last
                if ok:
                    return value
                number = 0
        if not number:
            return self._read()
        ok, value = False, None
        try:
            value = self._read()
            ok = True
            return value
        finally:
            with self._changed:
                self._running = False
                self._last = (number, ok, value)
                self.runs += 1
                self._changed.notify_all()


class FragmentCache:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[Hashable, Markup]] = OrderedDict()
        self._lock = threading.Lock()
        self._versions: dict[str, SharedRead] = {}
        self._checked: dict[str, tuple[float, Hashable]] = {}  # name: (read started at, version)
        self.clock = time.monotonic
        self.hits = 0
        self.misses = 0

    def version(self, name: str, read: Callable[[], Hashable], *, max_age: float = 0.0) -> Hashable:
        """``read()``, the version of the data behind some fragments, shared by the requests
        that ask for it at the same time (``SharedRead``); ``name`` tells the reads apart.
        A request that has its database session open reads alone: it may hold a lock that
        the shared read waits for (SQLite's write lock), and waiting for that read would
        then stall both.

        With ``max_age`` (seconds), a version read less than that long ago is trusted without
        asking again: a change then shows within ``max_age`` instead of on the very next
        request. The age counts from when the read *started*, so nothing committed before
        that moment is ever missed for longer."""
        if max_age > 0:
            checked = self._checked.get(name)
            if checked is not None and self.clock() - checked[0] < max_age:
                return checked[1]
        started = self.clock()
        if db.has_session():
            value = read()
        else:
            shared = self._versions.get(name)
            if shared is None:
                shared = self._versions.setdefault(name, SharedRead(read))
            value = shared()
        self._checked[name] = (started, value)
        return value

    def get(self, key: Hashable, version: Hashable, draw: Callable[[], str]) -> Markup:
        """The fragment ``key`` drawn from data at ``version``: kept, or drawn now and kept."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] == version:
                self._entries.move_to_end(key)
                self.hits += 1
                return entry[1]
            self.misses += 1
        html = Markup(draw())
        with self._lock:
            self._entries[key] = (version, html)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return html

    def __len__(self) -> int:
        return len(self._entries)


def init_app(app) -> None:
    app.extensions["fragment_cache"] = FragmentCache()


def fragments() -> FragmentCache:
    """The application's cache (one per app, so per process)."""
    return current_app.extensions["fragment_cache"]


class _NotShared:
    """Stands for something that differs between visitors while a shared fragment is drawn."""

    def __init__(self, what: str) -> None:
        self._what = what

    def _refuse(self, *_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError(f"{self._what} differs between visitors: not in a shared fragment")

    __getattr__ = __call__ = __str__ = __html__ = __bool__ = __iter__ = __getitem__ = _refuse


_PER_VISITOR = ("visitor", "session", "request", "g", "csrf_token", "get_flashed_messages")


def render_shared(template: str, **context: Any) -> Markup:
    """``template`` with ``context`` and the app's globals (``_()``, ``url_for``, filters):
    nothing from the visitor's request (see the module's notes)."""
    hidden = {name: _NotShared(name) for name in _PER_VISITOR}
    return Markup(current_app.jinja_env.get_template(template).render({**hidden, **context}))
