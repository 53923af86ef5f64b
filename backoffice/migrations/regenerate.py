"""Regenerate migration 0001 (the whole schema) from the models.

Only while nothing has been released: once a database in use exists, schema changes get a new
migration instead (``alembic revision --autogenerate``), never an edit of 0001.
Usage: .venv/bin/python -m backoffice.migrations.regenerate
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from alembic import command

from backoffice.db import make_engine
from backoffice.migrations import HERE, alembic_config

TARGET = HERE / "versions" / "0001_the_whole_schema.py"


def tidy(text: str) -> str:
    """Make the generated file independent of our Python types and of the dialect it came from."""
    text = text.replace(
        "backoffice.models.base.UTCDateTime(timezone=True)", "sa.DateTime(timezone=True)"
    )
    text = text.replace("sa.text('(CURRENT_TIMESTAMP)')", "sa.func.now()")
    text = text.replace("astext_type=Text()", "astext_type=sa.Text()")
    text = re.sub(r"^import backoffice.*\n", "", text, flags=re.M)
    text = re.sub(r"^ *# ### (commands auto generated|end Alembic).*\n", "", text, flags=re.M)
    return text


def main() -> None:
    later = sorted(p for p in (HERE / "versions").glob("*.py") if p != TARGET)
    stash = Path(tempfile.mkdtemp())
    for path in later:  # autogenerate must compare against an empty database
        path.rename(stash / path.name)
    TARGET.unlink(missing_ok=True)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            engine = make_engine(f"sqlite:///{scratch}/empty.sqlite3")
            command.revision(
                alembic_config(engine), message="the whole schema", autogenerate=True, rev_id="0001"
            )
            engine.dispose()
    finally:
        for path in later:
            (stash / path.name).rename(path)
    TARGET.write_text(tidy(TARGET.read_text(encoding="utf-8")), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(TARGET)], check=True)
    print(f"regenerated {TARGET}")


if __name__ == "__main__":
    main()
