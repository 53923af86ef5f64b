"""The staff desktop application (PySide6). No business rule lives here: every decision comes
from core, and nothing touches the database on the GUI thread (see ``tasks``)."""
