"""Every state change and every rule. Never imports Qt or Flask."""

from backoffice.core import live as _live  # noqa: F401  registers the NOTIFY of new work
