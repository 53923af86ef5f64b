"""Dialogs that ask for the values of an action; the rules that check them live in core."""
