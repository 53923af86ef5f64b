"""``backoffice``: the staff desktop application."""

from __future__ import annotations

import sys


def main() -> int:
    from backoffice.ui.app import main as desktop_main

    return desktop_main()


if __name__ == "__main__":
    sys.exit(main())
