"""The portal under waitress for the browser tests: ``python -m tests.e2e.server DATABASE_URL``.

Listens on 127.0.0.1 on a port the system picks, and prints ``listening <port>`` first. CSRF is on
(as in production); session cookies are not marked Secure, since the browser talks plain http.
"""

from __future__ import annotations

import sys

from waitress import create_server

from backoffice.db import make_engine
from backoffice.web import create_app

SECRET = "e2e-secret-not-for-production"


def main() -> None:
    (database_url,) = sys.argv[1:]
    engine = make_engine(database_url, pool_size=8)
    app = create_app(
        {"SECRET_KEY": SECRET, "SESSION_COOKIE_SECURE": False, "WTF_CSRF_ENABLED": True},
        engine=engine,
    )
    server = create_server(app, host="127.0.0.1", port=0, threads=4, ident="e-Ternopil e2e")
    print(f"listening {server.effective_port}", flush=True)
    server.run()


if __name__ == "__main__":
    main()
