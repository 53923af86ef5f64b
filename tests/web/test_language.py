"""Ukrainian by default; English when chosen, kept in the session."""

from __future__ import annotations

from tests.web.conftest import csrf_token


def test_ukrainian_is_the_default(portal):
    page = portal.page("/")
    assert '<html lang="uk">' in page
    assert "Перейти до основного вмісту" in page and "Останні новини" in page
    assert 'lang="en"' in page and ">English</button>" in page


def test_english_when_chosen_and_back(portal, resident):
    token = csrf_token(portal.page("/register"))
    response = portal.post(
        "/language", data={"lang": "en", "next": "/register", "csrf_token": token}
    )
    assert response.status_code == 303 and response.headers["Location"] == "/register"
    page = portal.page("/register")
    assert '<html lang="en">' in page
    assert "Skip to main content" in page and "<h1>Register</h1>" in page
    assert ">Українська</button>" in page

    # Core's messages are translated too.
    response = portal.submit("/register", {"full_name": "", "email": "x"})
    page = response.get_data(as_text=True)
    assert "This field is required." in page and "not a valid e-mail address" in page
    assert "Your consent to the processing of personal data is required." in page

    # The choice survives signing in.
    response = portal.sign_in(resident.email)
    assert "You are signed in as" in portal.page("/cabinet/")

    token = csrf_token(portal.page("/cabinet/"))
    portal.post("/language", data={"lang": "uk", "next": "/cabinet/", "csrf_token": token})
    assert '<html lang="uk">' in portal.page("/cabinet/")


def test_unknown_languages_and_foreign_next_addresses_are_ignored(portal):
    token = csrf_token(portal.page("/"))
    for next_url in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = portal.post(
            "/language", data={"lang": "xx", "next": next_url, "csrf_token": token}
        )
        assert response.headers["Location"] == "/"
    assert '<html lang="uk">' in portal.page("/")


def test_dates_follow_the_language(portal, db):
    from backoffice.core import content
    from backoffice.core.actor import Actor

    with db() as session:
        item = content.create_news_item(session, Actor.system(), "n", "Новина", "Текст.")
        content.publish_news_item(session, Actor.system(), item.id)
    month_uk = portal.page("/news")
    token = csrf_token(month_uk)
    portal.post("/language", data={"lang": "en", "csrf_token": token})
    month_en = portal.page("/news")
    months_uk = "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада"
    months_en = "January February March April May June July August September October November"
    assert any(m in month_uk for m in [*months_uk.split(), "грудня"])
    assert any(m in month_en for m in [*months_en.split(), "December"])


def test_the_sections_follow_the_language_and_the_sign_in(portal, resident):
    def sections(page: str) -> str:
        return page[page.index('<nav class="wrap site-nav"') : page.index("</nav>")]

    header = sections(portal.page("/news"))
    assert '<a href="/news" aria-current="page">Новини</a>' in header
    assert '<a href="/services">Послуги ЦНАП</a>' in header and "Обговорення" not in header
    home = portal.page("/")
    assert '<h3><a href="/news">Новини</a></h3>' in home and "Новини міста та порталу." in home
    assert '<h3><a href="/democracy/discussions">Обговорення</a></h3>' in home
    assert "Профіль" not in home

    portal.sign_in(resident.email)
    assert '<h3><a href="/profile">Профіль</a></h3>' in portal.page("/")

    token = csrf_token(portal.page("/news"))
    portal.post("/language", data={"lang": "en", "csrf_token": token})
    header = sections(portal.page("/news"))
    assert '<a href="/news" aria-current="page">News</a>' in header
    assert '<a href="/cabinet/">My cabinet</a>' in header and "Новини" not in header
    home = portal.page("/")
    assert '<h3><a href="/profile">Profile</a></h3>' in home and "Новини міста" not in home
