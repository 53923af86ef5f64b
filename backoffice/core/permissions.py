"""The permission matrix of DESIGN.md: which role may do what. Enforced here, tested cell by cell.

Residents are not a role: every signed-in person (staff included) holds ``RESIDENT_PERMISSIONS``
for their own items; ownership is checked by the area's core module.
"""

from __future__ import annotations

from enum import StrEnum

from backoffice.core.actor import Actor
from backoffice.core.errors import NotAllowed
from backoffice.models import Role


class Perm(StrEnum):
    # people
    USER_VIEW = "user.view"
    USER_VIEW_PERSONAL = "user.view_personal"
    USER_MANAGE = "user.manage"  # create staff, block, unblock
    USER_ROLES = "user.roles"
    # administrative services
    CATALOG_VIEW = "catalog.view"
    CATALOG_MANAGE = "catalog.manage"
    ORDER_VIEW = "order.view"
    ORDER_PROCESS = "order.process"
    ORDER_REGISTER_AT_DESK = "order.register_at_desk"
    ORDER_SUBMIT = "order.submit"
    # e-reception
    APPEAL_VIEW = "appeal.view"
    APPEAL_PROCESS = "appeal.process"
    APPEAL_SUBMIT = "appeal.submit"
    # e-democracy
    SURVEY_VIEW = "survey.view"
    SURVEY_MANAGE = "survey.manage"
    BALLOT_CAST = "ballot.cast"
    BALLOT_RECORD_PAPER = "ballot.record_paper"
    DISCUSSION_MANAGE = "discussion.manage"
    COMMENT_POST = "comment.post"
    COMMENT_MODERATE = "comment.moderate"
    # transport
    RIDE_REVIEW = "ride.review"
    TRANSPORT_MANAGE = "transport.manage"
    # content
    CONTENT_MANAGE = "content.manage"
    # oversight
    ANALYTICS_VIEW = "analytics.view"
    AUDIT_VIEW = "audit.view"
    AUDIT_VERIFY = "audit.verify"


ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.CLERK: frozenset(
        {
            Perm.USER_VIEW,
            Perm.USER_VIEW_PERSONAL,
            Perm.CATALOG_VIEW,
            Perm.ORDER_VIEW,
            Perm.ORDER_PROCESS,
            Perm.ORDER_REGISTER_AT_DESK,
            Perm.SURVEY_VIEW,
            Perm.BALLOT_RECORD_PAPER,
        }
    ),
    Role.RECEPTION: frozenset(
        {
            Perm.USER_VIEW,
            Perm.USER_VIEW_PERSONAL,
            Perm.CATALOG_VIEW,
            Perm.APPEAL_VIEW,
            Perm.APPEAL_PROCESS,
        }
    ),
    Role.MODERATOR: frozenset(
        {
            Perm.USER_VIEW,
            Perm.CATALOG_VIEW,
            Perm.SURVEY_VIEW,
            Perm.SURVEY_MANAGE,
            Perm.DISCUSSION_MANAGE,
            Perm.COMMENT_MODERATE,
        }
    ),
    # Managers read everything but personal data, and change nothing.
    Role.MANAGER: frozenset(
        {
            Perm.USER_VIEW,
            Perm.CATALOG_VIEW,
            Perm.ORDER_VIEW,
            Perm.APPEAL_VIEW,
            Perm.SURVEY_VIEW,
            Perm.ANALYTICS_VIEW,
            Perm.AUDIT_VIEW,
            Perm.AUDIT_VERIFY,
        }
    ),
    Role.ADMIN: frozenset(
        {
            Perm.USER_VIEW,
            Perm.USER_VIEW_PERSONAL,
            Perm.USER_MANAGE,
            Perm.USER_ROLES,
            Perm.CATALOG_VIEW,
            Perm.CATALOG_MANAGE,
            Perm.TRANSPORT_MANAGE,
            Perm.CONTENT_MANAGE,
            Perm.AUDIT_VIEW,
            Perm.AUDIT_VERIFY,
        }
    ),
}

# What any signed-in, unblocked person may do with their own items.
RESIDENT_PERMISSIONS: frozenset[Perm] = frozenset(
    {Perm.ORDER_SUBMIT, Perm.APPEAL_SUBMIT, Perm.BALLOT_CAST, Perm.COMMENT_POST, Perm.RIDE_REVIEW}
)
# A visitor who has not signed in may rate a ride (a QR code in the vehicle) and nothing else.
ANONYMOUS_PERMISSIONS: frozenset[Perm] = frozenset({Perm.RIDE_REVIEW})

_STAFF_ONLY_FOR_SYSTEM = frozenset(Perm) - RESIDENT_PERMISSIONS


def permissions_of(actor: Actor) -> frozenset[Perm]:
    if actor.is_system:
        return _STAFF_ONLY_FOR_SYSTEM
    if not actor.signed_in:
        return ANONYMOUS_PERMISSIONS
    granted: set[Perm] = set(RESIDENT_PERMISSIONS)
    for role in actor.roles:
        granted |= ROLE_PERMISSIONS[role]
    return frozenset(granted)


def can(actor: Actor, perm: Perm) -> bool:
    return perm in permissions_of(actor)


def require(actor: Actor, perm: Perm) -> None:
    if not can(actor, perm):
        if not actor.signed_in and not actor.is_system:
            raise NotAllowed("Увійдіть до кабінету, щоб виконати цю дію.", code="sign_in_required")
        raise NotAllowed(permission=perm.value)
