"""What the comparison of models and database leaves out."""

from __future__ import annotations


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Dialect-only indexes made by hand in migrations (``*_trgm``) are not in the models."""
    return not (type_ == "index" and reflected and name and name.endswith("_trgm"))
