"""Every route of the portal answers, signed out and signed in, without a server error.

A new route with a URL parameter needs a sample value in SAMPLES; a section's own tests still
cover its journeys and error paths.
"""

from __future__ import annotations

SAMPLES = {
    "notification_id": "999999",
    "slug": "no-such-page",
    "token": "not-a-token",
    "filename": "site.css",
    "service_id": "999999",
    "order_id": "999999",
    "appeal_id": "999999",
    "file_id": "999999",
    "signature_id": "999999",
    "survey_id": "999999",
    "discussion_id": "999999",
    "route_id": "999999",
}


def _urls(app):
    for rule in app.url_map.iter_rules():
        url = rule.rule
        for argument in rule.arguments:
            assert argument in SAMPLES, f"add a sample value for <{argument}> in {rule.rule}"
            url = url.replace(f"<{argument}>", SAMPLES[argument])
            url = url.replace(f"<int:{argument}>", SAMPLES[argument])
            url = url.replace(f"<path:{argument}>", SAMPLES[argument])
        yield rule, url


def test_every_route_answers(app, portal, resident):
    for signed_in in (False, True):
        if signed_in:
            assert portal.sign_in(resident.email).status_code == 303
        for rule, url in _urls(app):
            if "GET" in rule.methods:
                with portal.get(url) as response:  # static files are streamed: close them
                    assert response.status_code in {200, 303, 404, 410}, (url, response.status_code)
            if "POST" in rule.methods and rule.endpoint != "auth.sign_out":
                response = portal.post(url, data={})
                assert response.status_code == 400, (url, response.status_code)  # no token
    with portal.get("/static/site.css") as response:
        assert response.headers["Content-Type"].startswith("text/css")
