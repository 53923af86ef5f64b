"""The permission matrix, cell by cell, written out here independently of the code."""

import pytest

from backoffice.core.actor import Actor, Channel
from backoffice.core.errors import NotAllowed
from backoffice.core.permissions import Perm, can, permissions_of, require
from backoffice.models import Role

C, R, M, G, A = "clerk", "reception", "moderator", "manager", "admin"
# permission: the staff roles that hold it ("resident" = every signed-in person, "anon" = visitor)
EXPECTED = {
    "user.view": {C, R, M, G, A},
    "user.view_personal": {C, R, A},
    "user.manage": {A},
    "user.roles": {A},
    "catalog.view": {C, R, M, G, A},
    "catalog.manage": {A},
    "order.view": {C, G},
    "order.process": {C},
    "order.register_at_desk": {C},
    "order.submit": {"resident"},
    "appeal.view": {R, G},
    "appeal.process": {R},
    "appeal.submit": {"resident"},
    "survey.view": {C, M, G},
    "survey.manage": {M},
    "ballot.cast": {"resident"},
    "ballot.record_paper": {C},
    "discussion.manage": {M},
    "comment.post": {"resident"},
    "comment.moderate": {M},
    "ride.review": {"resident", "anon"},
    "transport.manage": {A},
    "content.manage": {A},
    "analytics.view": {G},
    "audit.view": {G, A},
    "audit.verify": {G, A},
}


def test_expected_table_names_every_permission():
    assert set(EXPECTED) == {p.value for p in Perm}


def _actor(who: str) -> Actor:
    if who == "anon":
        return Actor.anonymous()
    roles = frozenset() if who == "resident" else frozenset({Role(who)})
    return Actor(user_id=1, roles=roles, channel=Channel.DESKTOP)


CELLS = [(perm, who) for perm in EXPECTED for who in (C, R, M, G, A, "resident", "anon")]


@pytest.mark.parametrize(("perm", "who"), CELLS)
def test_cell(perm, who):
    holders = EXPECTED[perm]
    # Every signed-in person holds the resident permissions, staff included.
    expected = who in holders or ("resident" in holders and who != "anon")
    assert can(_actor(who), Perm(perm)) is expected


def test_roles_add_up():
    both = Actor(user_id=1, roles=frozenset({Role.CLERK, Role.RECEPTION}))
    assert permissions_of(both) >= permissions_of(_actor(C)) | permissions_of(_actor(R))


def test_require_tells_a_visitor_to_sign_in():
    with pytest.raises(NotAllowed) as caught:
        require(Actor.anonymous(), Perm.BALLOT_CAST)
    assert caught.value.code == "sign_in_required"


def test_require_refuses_a_resident_staff_work():
    with pytest.raises(NotAllowed) as caught:
        require(_actor("resident"), Perm.ORDER_PROCESS)
    assert caught.value.code == "not_allowed"


def test_system_actor_holds_staff_permissions_but_cannot_vote():
    system = Actor.system()
    assert can(system, Perm.USER_MANAGE)
    assert not can(system, Perm.BALLOT_CAST)
