"""The desktop's Orders list over 1,000,000 orders on PostgreSQL, against a naive model.

Measures, with the real Orders tab (keyset windows fetched in a worker):
  - opening the tab until the first rows are shown,
  - searching by applicant name and by registration number,
  - jumping to the end of the list (the oldest orders: the same keyset, the other direction),
  - peak memory of the process;
and, in a separate process so memory is not mixed, a naive model that loads every row.
Targets (issue 3): first rows <= 150 ms, search <= 200 ms at 1M, <= 300 MB, >= 20x the naive model.

Usage: .venv/bin/python benchmarks/desktop_lists.py [--orders 1000000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sqlalchemy import text

from benchmarks._pg import reachable, throwaway_database

FIRST = [
    "Олена",
    "Іван",
    "Марія",
    "Петро",
    "Оксана",
    "Андрій",
    "Наталія",
    "Тарас",
    "Ірина",
    "Богдан",
    "Юлія",
    "Василь",
    "Софія",
    "Дмитро",
    "Галина",
    "Роман",
]
LAST = [
    "Шевчук",
    "Коваль",
    "Бондар",
    "Ткачук",
    "Мельник",
    "Кравчук",
    "Олійник",
    "Гнатюк",
    "Лисак",
    "Рибак",
    "Гуменюк",
    "Савчук",
    "Стельмах",
    "Паньків",
    "Дмитрук",
    "Возняк",
    "Костів",
    "Федорів",
    "Процик",
    "Чорній",
]


def load(engine, orders: int) -> None:
    """Bulk load with set-based SQL: the fastest path PostgreSQL has for generated data."""
    users = max(1000, orders // 5)
    first = "ARRAY[" + ",".join(f"'{n}'" for n in FIRST) + "]"
    last = "ARRAY[" + ",".join(f"'{n}'" for n in LAST) + "]"
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO service_categories (id, code, title, position, version) "
                "VALUES (1, 'bench', 'Бенчмарк', 0, 1)"
            )
        )
        c.execute(
            text(
                "INSERT INTO services (id, code, category_id, title, description,"
                " required_documents, term_days, term_counts, fee, department, active,"
                " form_schema, version) "
                "SELECT g, 'S-' || g, 1, 'Послуга № ' || g, '', '[]', 10, 'calendar', 0, '', true,"
                " '[]', 1 FROM generate_series(1, 40) g"
            )
        )
        c.execute(
            text(
                f"INSERT INTO users (id, email, full_name, blocked, failed_sign_ins, version) "
                f"SELECT g, 'user' || g || '@example.com', "
                f"({last})[1 + (g * 7) % {len(LAST)}] || ' ' ||"
                f" ({first})[1 + (g * 13) % {len(FIRST)}]"
                f" || ' ' || g, false, 0, 1 FROM generate_series(1, {users}) g"
            )
        )
        c.execute(
            text(
                f"INSERT INTO orders (id, registration_number, service_id, applicant_id, answers,"
                f" status, channel, submitted_at, due_at, rejection_reason, version) "
                f"SELECT g, 'ЦНАП-2025/' || lpad(g::text, 7, '0'), 1 + g % 40,"
                f" 1 + (g * 31) % {users},"
                f" '{{}}', (ARRAY['submitted','accepted','in_progress','needs_info','ready',"
                f"'completed','completed','completed','rejected','cancelled'])[1 + g % 10], 'web',"
                f" timestamptz '2024-01-01' + (g * interval '50 seconds'),"
                f" timestamptz '2024-01-11' + (g * interval '50 seconds'),"
                f" CASE WHEN g % 10 = 8 THEN 'Неповний пакет документів' END, 1"
                f" FROM generate_series(1, {orders}) g"
            )
        )
        c.execute(
            text(
                "INSERT INTO users (id, email, full_name, blocked, failed_sign_ins, version) "
                f"VALUES ({users + 1}, 'clerk@example.com', 'Бенчмарк Клерк', false, 0, 1)"
            )
        )
        c.execute(text(f"INSERT INTO staff_roles (user_id, role) VALUES ({users + 1}, 'clerk')"))
        for table in ("users", "orders", "services"):
            c.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" (SELECT max(id) FROM {table}))"
                )
            )
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text("VACUUM ANALYZE"))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_keyset(url: str, repeat: int, orders: int) -> dict:
    from PySide6.QtWidgets import QApplication

    from backoffice.core.actor import Actor, Channel
    from backoffice.db import make_engine
    from backoffice.models import User
    from backoffice.ui.backend import Backend
    from backoffice.ui.tabs.orders import Panel

    app = QApplication.instance() or QApplication([])
    number = f"ЦНАП-2025/{orders * 7 // 10:07d}"
    backend = Backend(make_engine(url))
    with backend.sessions() as session:
        clerk = session.query(User).filter_by(email="clerk@example.com").one()
        backend.actor = Actor.for_user(clerk, Channel.DESKTOP)

    def until_loaded(panel, action) -> float:
        """Milliseconds from ``action`` until the list's next window is on screen."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        panel.model.windowLoaded.connect(loop.quit)
        QTimer.singleShot(60_000, loop.quit)
        start = time.perf_counter()
        action()
        if panel.model.loading:
            loop.exec()
        elapsed = (time.perf_counter() - start) * 1000
        panel.model.windowLoaded.disconnect(loop.quit)
        return elapsed

    figures: dict[str, list[float]] = {
        "open": [],
        "search_name": [],
        "search_number": [],
        "jump_to_end": [],
    }
    for _ in range(repeat):
        panel = Panel(backend)
        panel.resize(1400, 800)
        for key, value in one_round(panel, until_loaded, number).items():
            figures[key].append(value)
        panel.deleteLater()
        app.processEvents()
    from backoffice.ui.tasks import wait_for_background

    wait_for_background()
    backend.close()
    result = {k: statistics.median(v) for k, v in figures.items()}
    result["peak_mb"] = peak_mb()
    return result


def one_round(panel, until_loaded, number: str) -> dict[str, float]:
    from PySide6.QtCore import Qt

    def search(value: str) -> None:
        panel.search.blockSignals(True)  # measured without the typing debounce
        panel.search.setText(value)
        panel.search.blockSignals(False)
        panel.apply()

    figures = {"open": until_loaded(panel, panel.start)}
    figures["search_name"] = until_loaded(panel, lambda: search("шевчук олена"))
    figures["search_number"] = until_loaded(panel, lambda: search(number))
    assert [r["registration_number"] for r in panel.model.rows] == [number]
    until_loaded(panel, lambda: search(""))
    column = [c.key for c in panel.model.columns].index("submitted_at")
    figures["jump_to_end"] = until_loaded(
        panel, lambda: panel.model.sort(column, Qt.SortOrder.AscendingOrder)
    )
    assert panel.model.rows[0]["registration_number"] == "ЦНАП-2025/0000001"
    return figures


def measure_naive(url: str) -> dict:
    """What a table model that loads every row does: one big query, then the list."""
    from sqlalchemy import select

    from backoffice.db import make_engine
    from backoffice.models import Order, Service, User

    engine = make_engine(url)
    start = time.perf_counter()
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                Order.id,
                Order.registration_number,
                Service.title,
                User.full_name,
                Order.status,
                Order.submitted_at,
                Order.due_at,
            )
            .join(Service, Service.id == Order.service_id)
            .join(User, User.id == Order.applicant_id)
            .order_by(Order.submitted_at.desc(), Order.id.desc())
        ).all()
    first_rows = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    found = [r for r in rows if "шевчук олена" in r.full_name.lower()]
    search = (time.perf_counter() - start) * 1000
    engine.dispose()
    return {
        "open": first_rows,
        "search_name": search,
        "rows": len(rows),
        "found": len(found),
        "peak_mb": peak_mb(),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--naive-only", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.naive_only:
        print(json.dumps(measure_naive(args.naive_only)))
        return 0
    if not reachable():
        print("PostgreSQL is not reachable: the desktop list benchmark did not run.")
        return 1
    with throwaway_database("bench_desktop") as engine:
        start = time.perf_counter()
        load(engine, args.orders)
        print(f"loaded {args.orders:,} orders in {time.perf_counter() - start:.1f} s")
        url = engine.url.render_as_string(hide_password=False)
        naive = json.loads(
            subprocess.run(
                [sys.executable, __file__, "--naive-only", url],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        keyset = measure_keyset(url, args.repeat, args.orders)
    print(f"\nOrders tab over {args.orders:,} orders (median of {args.repeat}; ms):")
    print(f"{'':28}{'keyset (ours)':>16}{'naive (all rows)':>20}{'ratio':>10}")
    for key, title in (("open", "open tab → first rows"), ("search_name", "search by name")):
        print(f"{title:28}{keyset[key]:>16.1f}{naive[key]:>20.1f}{naive[key] / keyset[key]:>9.1f}x")
    print(f"{'search by number':28}{keyset['search_number']:>16.1f}")
    print(f"{'jump to the end':28}{keyset['jump_to_end']:>16.1f}")
    print(f"{'peak memory, MB':28}{keyset['peak_mb']:>16.0f}{naive['peak_mb']:>20.0f}")
    targets = [
        ("first rows <= 150 ms", keyset["open"] <= 150),
        ("search <= 200 ms", max(keyset["search_name"], keyset["search_number"]) <= 200),
        ("memory <= 300 MB", keyset["peak_mb"] <= 300),
        (">= 20x the naive model", naive["open"] / keyset["open"] >= 20),
    ]
    print("\n" + "\n".join(f"  [{'ok' if ok else 'MISSED'}] {name}" for name, ok in targets))
    return 0


if __name__ == "__main__":
    sys.exit(main())
