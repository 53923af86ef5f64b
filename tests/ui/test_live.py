"""New work shows up in open windows: NOTIFY on PostgreSQL, polling on SQLite."""

from sqlalchemy.orm import Session

from backoffice.models import Role, ServiceCategory, User, utcnow
from backoffice.models.services import Order, Service
from backoffice.ui.live import LiveUpdates


def _new_order(engine) -> int:
    with Session(engine) as session, session.begin():
        category = ServiceCategory(code=f"c{utcnow().timestamp()}", title="Категорія")
        session.add(category)
        session.flush()
        service = Service(code=f"s{utcnow().timestamp()}", category_id=category.id, title="Послуга")
        resident = User(email=f"live{utcnow().timestamp()}@example.com", full_name="Жива Заявниця")
        session.add_all([service, resident])
        session.flush()
        order = Order(
            registration_number=f"ЦНАП-2026/{int(utcnow().timestamp() * 1000) % 10**6:06d}",
            service_id=service.id,
            applicant_id=resident.id,
            due_at=utcnow(),
        )
        session.add(order)
        session.flush()
        return order.id


def test_a_new_order_reaches_an_open_window(qtbot, signed_in, committed_engine):
    backend = signed_in(Role.CLERK)
    live = LiveUpdates(backend)
    live.start()
    try:
        if backend.is_postgresql:
            qtbot.wait(500)  # the listener connects and LISTENs
        else:
            qtbot.waitUntil(lambda: live._newest is not None, timeout=20_000)
        with qtbot.waitSignal(
            live.changed, timeout=10_000, check_params_cb=lambda area: area == "orders"
        ):
            _new_order(committed_engine)
            if not backend.is_postgresql:
                live.poll()
    finally:
        live.stop()


def test_main_window_refreshes_the_list_that_changed(qtbot, signed_in, committed_engine):
    from backoffice.ui.main_window import MainWindow

    backend = signed_in(Role.CLERK)
    window = MainWindow(backend)
    qtbot.addWidget(window)
    window.start()
    orders = window.panels["orders"]
    qtbot.waitUntil(lambda: not orders.model.loading, timeout=20_000)
    before = orders.model.rowCount()
    _new_order(committed_engine)
    window.on_live_change("orders")
    qtbot.waitUntil(lambda: orders.model.rowCount() == before + 1, timeout=20_000)
