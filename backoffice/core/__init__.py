"""Every state change and every rule. Never imports Qt or Flask."""
