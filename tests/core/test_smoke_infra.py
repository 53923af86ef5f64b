from sqlalchemy import func, select

from backoffice.models import ActivityChainHead, Role, User


def test_migrated_database_has_chain_head(session):
    assert session.get(ActivityChainHead, 1).last_entry_id == 0


def test_people_factory_makes_staff_with_roles(session, people):
    clerk = people.staff(Role.CLERK, Role.MANAGER)
    assert clerk.role_names == {Role.CLERK, Role.MANAGER}
    assert session.scalar(select(func.count()).select_from(User)) >= 1
