"""axe-core on the portal's main pages: no violation of impact "serious" or "critical".

axe-core is the copy bundled with the pinned axe-playwright-python (see pyproject.toml). Each
page's full result (all impacts) is written to /tmp/e2e/axe-<page>.json for reading.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page

from backoffice.core import reception
from backoffice.core.actor import Actor
from backoffice.models import Role, User
from tests.conftest import People
from tests.e2e.conftest import SCREENSHOTS, TIMEOUT_MS, numbered, sign_in

BLOCKING = ("serious", "critical")


@dataclass(frozen=True)
class Site:
    service: int
    survey: int
    route: int


@pytest.fixture(scope="module")
def site(make_service, make_survey, make_route) -> Site:
    route_id, _number = make_route("Центр — Аляска")
    return Site(
        service=make_service(numbered("Витяг з реєстру територіальної громади")),
        survey=make_survey(numbered("Благоустрій набережної №")),
        route=route_id,
    )


@pytest.fixture(scope="module")
def resident(db, make_resident) -> User:
    """A resident with something in the cabinet: an answered appeal and its notifications."""
    user = make_resident()
    with db() as session:
        officer = People.actor(People(session).staff(Role.RECEPTION))
        mine = Actor.for_user(session.get(User, user.id), "web")
        appeal = reception.submit(
            session, mine, kind="appeal", subject="Освітлення парку", text="Прошу додати ліхтарі."
        )
        reception.register(session, officer, appeal.id)
        reception.assign(session, officer, appeal.id, officer.user_id)
        reception.answer(session, officer, appeal.id, "Ліхтарі встановлять у червні.")
    return user


@pytest.fixture(scope="module")
def signed_in(browser, portal_url, resident) -> Iterator[BrowserContext]:
    context = browser.new_context(base_url=portal_url, locale="uk-UA")
    context.set_default_timeout(TIMEOUT_MS)
    sign_in(context.new_page(), resident.email)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture(scope="module")
def anonymous(browser, portal_url) -> Iterator[BrowserContext]:
    context = browser.new_context(base_url=portal_url, locale="uk-UA")
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context
    finally:
        context.close()


# (name, address, signed in). The address may name the site's service, survey or route.
PAGES = [
    ("home", "/", False),
    ("catalog", "/services", False),
    ("service", "/services/{service}", False),
    ("service-form", "/services/{service}/order", True),
    ("reception-form", "/reception/appeal", True),
    ("surveys", "/democracy/surveys", False),
    ("survey-ballot", "/democracy/surveys/{survey}", True),
    ("survey-signed-out", "/democracy/surveys/{survey}", False),
    ("rides", "/rides", False),
    ("ride-stats", "/rides/stats", False),
    ("route-stats", "/rides/routes/{route}", False),
    ("sign-in", "/sign-in", False),
    ("register", "/register", False),
    ("cabinet", "/cabinet/", True),
]


def _report(name: str, violations: list[dict]) -> str:
    lines = [f"axe-core: {len(violations)} serious or critical violation(s) on {name}:"]
    for violation in violations:
        lines.append(f"- [{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


def _check(page: Page, name: str) -> None:
    result = Axe().run(page).response
    assert result["testEngine"]["name"] == "axe-core" and result["passes"], "axe did not run"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"axe-{name}.json").write_text(
        json.dumps(result["violations"], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    blocking = [v for v in result["violations"] if v["impact"] in BLOCKING]
    assert not blocking, _report(name, blocking)


@pytest.mark.parametrize(("name", "address", "needs_sign_in"), PAGES, ids=[p[0] for p in PAGES])
def test_no_serious_accessibility_violations(name, address, needs_sign_in, site, request):
    context = request.getfixturevalue("signed_in" if needs_sign_in else "anonymous")
    page = context.new_page()
    try:
        response = page.goto(address.format(**vars(site)))
        assert response is not None and response.status == 200, (address, response)
        _check(page, name)
    finally:
        page.close()


def test_no_serious_accessibility_violations_in_a_form_with_errors(anonymous):
    """The register form sent empty: the error summary and the fields marked invalid."""
    page = anonymous.new_page()
    try:
        page.goto("/register")
        page.get_by_role("button", name="Зареєструватися").click()
        assert page.get_by_role("alert").is_visible()
        _check(page, "register-errors")
    finally:
        page.close()


def test_axe_reports_a_known_violation(anonymous):
    """The check itself: a page with an unlabelled field and an image without alt fails it."""
    page = anonymous.new_page()
    try:
        page.set_content('<html lang="uk"><title>x</title><main><img src="data:,"><input></main>')
        with pytest.raises(AssertionError) as failure:
            _check(page, "known-violation")
        assert "image-alt" in str(failure.value) and "label" in str(failure.value)
    finally:
        page.close()
