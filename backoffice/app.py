"""``backoffice``: the staff application.

Until the desktop window lands (issue 3) it prints the summary of the configured database.
"""

from __future__ import annotations

import sys

from backoffice.cli import main as admin_main


def main(argv: list[str] | None = None) -> int:
    return admin_main(["stats", *(argv if argv is not None else [])])


if __name__ == "__main__":
    sys.exit(main())
