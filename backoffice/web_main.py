"""``backoffice-web``: serve the resident portal with waitress (a production WSGI server).

BACKOFFICE_WEB_HOST / BACKOFFICE_WEB_PORT (127.0.0.1:8080), BACKOFFICE_WEB_THREADS (8).
Session cookies are marked Secure unless the portal listens on a loopback address (plain http
in development) or BACKOFFICE_WEB_SECURE_COOKIES says otherwise. Behind nginx set
BACKOFFICE_WEB_PROXIES=1 and BACKOFFICE_WEB_PUBLIC_URL. Other settings: backoffice/web/README.md.
"""

from __future__ import annotations

import ipaddress
import logging
import os

from waitress import serve

from backoffice.web import create_app

log = logging.getLogger("backoffice.web")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    host = os.environ.get("BACKOFFICE_WEB_HOST", "127.0.0.1")
    port = int(os.environ.get("BACKOFFICE_WEB_PORT", "8080"))
    threads = int(os.environ.get("BACKOFFICE_WEB_THREADS", "8"))
    config = {}
    if "BACKOFFICE_WEB_SECURE_COOKIES" not in os.environ:
        config["SESSION_COOKIE_SECURE"] = not _is_loopback(host)
    app = create_app(config)
    log.info("e-Ternopil portal on http://%s:%d/", host, port)
    serve(app, host=host, port=port, threads=threads, ident="e-Ternopil")


if __name__ == "__main__":
    main()
