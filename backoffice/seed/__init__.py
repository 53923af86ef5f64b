"""Demo data for ``backoffice-admin seed``: deterministic, loaded through each database's fast
path. See ``demo.load_demo_data``."""

from backoffice.seed.demo import (
    DatabaseNotEmpty,
    DemoAccount,
    SeedError,
    SeedReport,
    load_demo_data,
)

__all__ = ["DatabaseNotEmpty", "DemoAccount", "SeedError", "SeedReport", "load_demo_data"]
