"""Users: find residents and staff; the resident's one file; block/unblock; staff roles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from backoffice.core import people
from backoffice.models import Role
from backoffice.ui.labels import ROLE_NAMES, label
from backoffice.ui.listmodel import Column
from backoffice.ui.listpanel import ListPanel
from backoffice.ui.messages import show_error
from backoffice.ui.tasks import run_in_background
from backoffice.ui.widgets import ActionBar, FieldsView, ask_text, local_time, plain_label


class Panel(ListPanel):
    name = "users"
    default_sort = "full_name"

    def __init__(self, backend, parent=None) -> None:
        self.search_hint = self.tr("Пошук: ім'я, e-mail, телефон або РНОКПП")
        super().__init__(backend, parent)
        self.current_user = None

    def columns(self) -> list[Column]:
        return [
            Column("full_name", self.tr("ПІБ"), sortable=True, width=240),
            Column("email", self.tr("Ел. пошта"), sortable=True, width=220),
            Column("phone", self.tr("Телефон"), width=130),
            Column("roles", self.tr("Ролі"), format=_roles_text, width=180),
            Column("blocked", self.tr("Стан"), format=self._state_text, width=110),
            Column(
                "created_at",
                self.tr("Зареєстровано"),
                format=lambda r: local_time(r["created_at"], with_time=False),
                sortable=True,
            ),
        ]

    def fetch(self, session, actor, request):
        return people.user_rows(session, actor, request)

    def count(self, session, actor, request):
        return people.user_count(session, actor, request)

    def _state_text(self, row) -> str:
        return self.tr("заблоковано") if row["blocked"] else self.tr("активний")

    def row_colour(self, row):
        return QColor("#fde7e9") if row["blocked"] else None

    # --- filters ------------------------------------------------------------------------------
    def build_filters(self, bar: QHBoxLayout) -> None:
        self.kind = QComboBox()
        self.kind.setObjectName("users-kind")
        for text, value in (
            (self.tr("Усі"), None),
            (self.tr("Мешканці"), "resident"),
            (self.tr("Працівники"), "staff"),
        ):
            self.kind.addItem(text, value)
        self.role = QComboBox()
        self.role.setObjectName("users-role")
        self.role.addItem(self.tr("Будь-яка роль"), None)
        for role in Role:
            self.role.addItem(label(ROLE_NAMES, role.value), role.value)
        self.blocked = QComboBox()
        self.blocked.setObjectName("users-blocked")
        for text, value in (
            (self.tr("Будь-який стан"), None),
            (self.tr("Активні"), False),
            (self.tr("Заблоковані"), True),
        ):
            self.blocked.addItem(text, value)
        for combo in (self.kind, self.role, self.blocked):
            combo.currentIndexChanged.connect(self.apply)
            bar.addWidget(combo)

    def current_filters(self) -> dict:
        filters = {}
        if self.kind.currentData() is not None:
            filters["kind"] = self.kind.currentData()
        if self.role.currentData() is not None:
            filters["role"] = self.role.currentData()
        if self.blocked.currentData() is not None:
            filters["blocked"] = self.blocked.currentData()
        return filters

    # --- detail -------------------------------------------------------------------------------
    def build_detail(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.fields = FieldsView(
            [
                ("full_name", self.tr("ПІБ:")),
                ("email", self.tr("Ел. пошта:")),
                ("roles", self.tr("Ролі:")),
                ("state", self.tr("Стан:")),
                ("last_sign_in", self.tr("Останній вхід:")),
            ]
        )
        layout.addWidget(self.fields)
        self.actions = ActionBar(
            [
                ("open_file", self.tr("Картка мешканця…")),
                ("block", self.tr("Заблокувати…")),
                ("unblock", self.tr("Розблокувати")),
                ("roles", self.tr("Ролі…")),
            ],
            self.perform,
        )
        layout.addWidget(self.actions)
        layout.addStretch(1)
        return box

    def show_row(self, row) -> None:
        self.current_user = None
        if row is None:
            self.fields.show_values({})
            self.actions.show_available([])
            return
        user_id = row["id"]
        self.load_detail_of(
            user_id,
            lambda session, actor: people.user_for_staff(session, actor, user_id),
            self._show_user,
        )

    def _show_user(self, result) -> None:
        user, actions = result
        self.current_user = user
        self.fields.show_values(
            {
                "full_name": user.full_name,
                "email": user.email,
                "roles": ", ".join(label(ROLE_NAMES, r.value) for r in sorted(user.role_names)),
                "state": self.tr("заблоковано: {reason}").format(reason=user.blocked_reason)
                if user.blocked
                else self.tr("активний"),
                "last_sign_in": local_time(user.last_sign_in_at),
            }
        )
        self.actions.show_available(actions)

    # --- actions ------------------------------------------------------------------------------
    def perform(self, action: str) -> None:
        user = self.current_user
        if user is None:
            return
        actor = self.backend.actor
        if action == "open_file":
            run_in_background(
                self.backend,
                lambda session: _load_file(session, actor, user.id),
                lambda card: ResidentFileDialog(card, self).open(),
                lambda error: show_error(self, error),
                owner=self,
            )
            return
        if action == "block":
            reason = ask_text(
                self, self.tr("Заблокувати"), self.tr("Причина блокування:"), max_length=500
            )
            if reason is None:
                return
            self._change(
                lambda s: people.block(s, actor, user.id, reason, expected_version=user.version)
            )
        elif action == "unblock":
            self._change(lambda s: people.unblock(s, actor, user.id, expected_version=user.version))
        elif action == "roles":
            dialog = RolesDialog(user.role_names, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            roles = dialog.roles()
            self._change(
                lambda s: people.set_roles(s, actor, user.id, roles, expected_version=user.version)
            )

    def _change(self, op) -> None:
        self.actions.set_busy(True)
        run_in_background(self.backend, op, self._changed, self._change_failed, owner=self)

    def _changed(self, user) -> None:
        self.actions.set_busy(False)
        self.refresh(keep_id=user.id)
        self.changed.emit()

    def _change_failed(self, error) -> None:
        self.actions.set_busy(False)
        show_error(self, error)
        self.refresh()  # a conflict: show the item as it is now


def _roles_text(row) -> str:
    if not row["roles"]:
        return ""
    return ", ".join(label(ROLE_NAMES, r.strip()) for r in row["roles"].split(","))


def _load_file(session, actor, user_id):
    card = people.resident_file(session, actor, user_id)
    # Touch what the dialog shows while the session is open.
    for order in card.orders:
        _ = order.service.title
    return card


class RolesDialog(QDialog):
    def __init__(self, current: frozenset[Role], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ролі працівника"))
        layout = QVBoxLayout(self)
        self.boxes: dict[Role, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(label(ROLE_NAMES, role.value))
            box.setObjectName(f"role-{role.value}")
            box.setChecked(role in current)
            layout.addWidget(box)
            self.boxes[role] = box
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def roles(self) -> list[str]:
        return [role.value for role, box in self.boxes.items() if box.isChecked()]


class ResidentFileDialog(QDialog):
    """The resident's one file: orders, appeals, ballots and reviews together."""

    def __init__(self, card: people.ResidentFile, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("resident-file")
        self.setWindowTitle(self.tr("Картка: {name}").format(name=card.user.full_name))
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(f"{card.user.full_name} · {card.user.email}"))
        if card.personal_data is not None:
            personal = card.personal_data
            layout.addWidget(
                plain_label(
                    self.tr("Телефон: {phone}   РНОКПП: {tax}   Адреса: {address}").format(
                        phone=personal["phone"] or "—",
                        tax=personal["tax_number"] or "—",
                        address=personal["address"] or "—",
                    )
                )
            )
        else:
            note = QLabel(self.tr("Персональні дані приховано для вашої ролі."))
            layout.addWidget(note)
        tabs = QTabWidget()
        tabs.addTab(
            _list(f"{o.registration_number} · {o.service.title} · {o.status}" for o in card.orders),
            self.tr("Замовлення ({n})").format(n=len(card.orders)),
        )
        tabs.addTab(
            _list(
                f"{a.registration_number or '—'} · {a.subject} · {a.status}" for a in card.appeals
            ),
            self.tr("Звернення ({n})").format(n=len(card.appeals)),
        )
        tabs.addTab(
            _list(f"{local_time(b.cast_at)} · {title}" for b, title in card.ballots),
            self.tr("Голосування ({n})").format(n=len(card.ballots)),
        )
        tabs.addTab(
            _list(
                f"{local_time(r.ride_at)} · {r.board_number} · {r.rating}/5" for r in card.reviews
            ),
            self.tr("Відгуки про поїздки ({n})").format(n=len(card.reviews)),
        )
        layout.addWidget(tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def _list(lines) -> QListWidget:
    widget = QListWidget()
    for line in lines:
        widget.addItem(line)  # QListWidget items are plain text
    widget.setTextElideMode(Qt.TextElideMode.ElideRight)
    return widget
