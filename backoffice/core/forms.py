"""The form a resident fills to order a service: its schema, and the checking of the answers.

A service's ``form_schema`` is a list of field dicts, shown in this order::

    [
        {"name": "land_area", "label": "Площа ділянки, га", "type": "number",
         "required": True, "min": 0, "max": 100, "help": "За даними кадастру"},
        {"name": "purpose", "label": "Мета", "type": "select", "required": True,
         "options": ["Будівництво", "Городництво"]},
        {"name": "plan", "label": "План ділянки", "type": "file", "required": False},
    ]

Keys of a field:

- ``name`` (required): an identifier ``[a-z][a-z0-9_]*`` of at most 60 characters, unique
  within the form; the key of the answer (and of an attachment's ``field``).
- ``label`` (required): what the resident reads, in Ukrainian, at most 200 characters.
- ``type`` (required): one of ``FIELD_TYPES``:
  ``text`` (one line), ``textarea`` (several lines), ``number`` (integer or decimal, a comma is
  accepted; stored as a JSON number), ``date`` (stored as ``YYYY-MM-DD``), ``email``, ``phone``
  (stored as ``+380XXXXXXXXX``), ``tax_number`` (РНОКПП, checksum verified), ``select`` (one of
  ``options``), ``checkbox`` (stored as true/false; a required checkbox must be ticked, e.g. a
  consent), ``file`` (answered by an attachment, never by a value in the answers).
- ``required``: bool, false when absent.
- ``max_length``: text and textarea only, 1..10000 (default 300 and 4000).
- ``min``, ``max``: number only, numbers with ``min <= max``.
- ``options``: select only (and required there), 1..100 distinct non-empty strings.
- ``help``: a hint shown under the field, at most 500 characters.

Any other key is refused, so a typo in a schema is caught when the administrator saves it,
not when a resident meets it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from backoffice.core.errors import InvalidInput
from backoffice.core.validation import REQUIRED, WRONG_TYPE, Checker

FIELD_TYPES = (
    "text",
    "textarea",
    "number",
    "date",
    "email",
    "phone",
    "tax_number",
    "select",
    "checkbox",
    "file",
)
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_NUMBER = re.compile(r"\s*-?\d{1,12}(?:[.,]\d{1,6})?\s*")
_KEYS = frozenset(
    {"name", "label", "type", "required", "max_length", "min", "max", "options", "help"}
)
# Which optional keys make sense for which types.
_KEYS_OF_TYPE = {
    "max_length": {"text", "textarea"},
    "min": {"number"},
    "max": {"number"},
    "options": {"select"},
}
DEFAULT_MAX_LENGTH = {"text": 300, "textarea": 4000}
MAX_TEXT_LENGTH = 10_000
MAX_FIELDS = 100
MAX_NAME_LENGTH = 60  # OrderAttachment.field
MAX_OPTIONS = 100

SCHEMA_FIELD = "form_schema"
UNKNOWN_FIELD = "Невідоме поле."


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))


def _field_problems(position: int, field: Any, seen: set[str]) -> list[str]:
    """What is wrong with one field of a schema (empty when nothing)."""
    where = f"поле {position}"
    if not isinstance(field, dict):
        return [f"{where}: має бути об'єктом з ключами name, label, type"]
    name = field.get("name")
    if isinstance(name, str) and name:
        where = f"поле {position} («{name}»)"
    problems: list[str] = []
    unknown = sorted(str(k) for k in field if k not in _KEYS)
    if unknown:
        problems.append(f"невідомі ключі: {', '.join(unknown)}")
    if not isinstance(name, str) or not _NAME.fullmatch(name) or len(name) > MAX_NAME_LENGTH:
        problems.append("name — латинські малі літери, цифри та «_», до 60 символів")
    elif name in seen:
        problems.append("name повторюється")
    else:
        seen.add(name)
    label = field.get("label")
    if not isinstance(label, str) or not label.strip() or len(label) > 200:
        problems.append("label — непорожній текст до 200 символів")
    kind = field.get("type")
    if kind not in FIELD_TYPES:
        problems.append(f"type — один із: {', '.join(FIELD_TYPES)}")
    if not isinstance(field.get("required", False), bool):
        problems.append("required — true або false")
    help_text = field.get("help", "")
    if not isinstance(help_text, str) or len(help_text) > 500:
        problems.append("help — текст до 500 символів")
    if kind in FIELD_TYPES:
        problems += _type_key_problems(kind, field)
    return [f"{where}: {p}" for p in problems]


def _type_key_problems(kind: str, field: dict) -> list[str]:
    problems = [
        f"ключ {key} не застосовується до типу {kind}"
        for key, kinds in _KEYS_OF_TYPE.items()
        if key in field and kind not in kinds
    ]
    if "max_length" in field and kind in _KEYS_OF_TYPE["max_length"]:
        limit = field["max_length"]
        if isinstance(limit, bool) or not isinstance(limit, int):
            problems.append("max_length — ціле число")
        elif not 1 <= limit <= MAX_TEXT_LENGTH:
            problems.append(f"max_length — від 1 до {MAX_TEXT_LENGTH}")
    if kind == "number":
        bounds = [field[k] for k in ("min", "max") if k in field]
        if not all(_is_number(b) for b in bounds):
            problems.append("min і max — числа")
        elif "min" in field and "max" in field and field["min"] > field["max"]:
            problems.append("min більший за max")
    if kind == "select":
        problems += _options_problems(field.get("options"))
    return problems


def _options_problems(options: Any) -> list[str]:
    if not isinstance(options, list) or not 1 <= len(options) <= MAX_OPTIONS:
        return [f"options — список від 1 до {MAX_OPTIONS} варіантів"]
    if not all(isinstance(o, str) and o.strip() and len(o) <= 200 for o in options):
        return ["options — непорожні рядки до 200 символів"]
    if len(set(options)) != len(options):
        return ["options повторюються"]
    return []


def validate_schema(schema: Any) -> list[dict[str, Any]]:
    """The schema with ``required`` filled in, or InvalidInput({"form_schema": ...})."""
    if not isinstance(schema, list):
        raise InvalidInput({SCHEMA_FIELD: "Форма — список полів."})
    if len(schema) > MAX_FIELDS:
        raise InvalidInput({SCHEMA_FIELD: f"Не більше {MAX_FIELDS} полів."})
    seen: set[str] = set()
    problems: list[str] = []
    for position, field in enumerate(schema, start=1):
        problems += _field_problems(position, field, seen)
    if problems:
        raise InvalidInput({SCHEMA_FIELD: "; ".join(problems) + "."})
    # A copy: the caller's list is not the stored one.
    return [{**field, "required": field.get("required", False)} for field in schema]


def _number(checker: Checker, name: str, value: Any, field: dict) -> int | float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if field.get("required"):
            checker.fail(name, REQUIRED)
        return None
    if isinstance(value, str):
        if not _NUMBER.fullmatch(value):
            checker.fail(name, "Має бути числом.")
            return None
        text = value.strip().replace(",", ".")
        value = float(text) if "." in text else int(text)
    if not _is_number(value):
        checker.fail(name, WRONG_TYPE)
        return None
    if "min" in field and value < field["min"]:
        checker.fail(name, f"Не менше {field['min']}.")
        return None
    if "max" in field and value > field["max"]:
        checker.fail(name, f"Не більше {field['max']}.")
        return None
    # Whole numbers stay integers, so "3" and "3,0" are the same answer.
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _answer(checker: Checker, field: dict, value: Any) -> Any:
    """The cleaned value of one answer (None when empty); problems go to ``checker``."""
    name, kind, required = field["name"], field["type"], bool(field.get("required"))
    if kind in ("text", "textarea"):
        limit = field.get("max_length", DEFAULT_MAX_LENGTH[kind])
        multiline = kind == "textarea"
        return checker.text(name, value, required=required, max_length=limit, multiline=multiline)
    if kind == "number":
        return _number(checker, name, value, field)
    if kind == "date":
        day = checker.date(name, value, required=required)
        return day.isoformat() if day else None
    if kind == "email":
        return checker.email(name, value, required=required)
    if kind == "phone":
        return checker.phone(name, value, required=required)
    if kind == "tax_number":
        return checker.tax_number(name, value, required=required)
    if kind == "select":
        return checker.choice(name, value, field["options"], required=required)
    # checkbox: an unticked box is simply not sent by a browser.
    ticked = checker.boolean(name, value)
    if required and not ticked and name not in checker.errors:
        checker.fail(name, "Потрібно позначити.")
    return ticked


def validate_answers(
    schema: list[dict[str, Any]], answers: Any, files: Iterable[str] = ()
) -> dict[str, Any]:
    """Clean ``answers`` against ``schema``; ``files`` names the file fields that got a file.

    Raises InvalidInput naming each bad field: empty required ones, wrong type, too long,
    not one of the options, unknown fields, and file fields answered by value.
    """
    if answers is None:
        answers = {}
    if not isinstance(answers, dict):
        raise InvalidInput({"answers": WRONG_TYPE})
    by_name = {field["name"]: field for field in schema}
    checker = Checker()
    for key in answers:
        field = by_name.get(key)
        if field is None:
            checker.fail(str(key), UNKNOWN_FIELD)
        elif field["type"] == "file":
            checker.fail(key, "Файл додається як вкладення, а не як значення.")
    attached = set(files)
    for key in sorted(attached):
        field = by_name.get(key)
        if field is None or field["type"] != "file":
            checker.fail(key, "Це поле не приймає файлів.")
    cleaned: dict[str, Any] = {}
    for field in schema:
        name = field["name"]
        if field["type"] == "file":
            if field.get("required") and name not in attached:
                checker.fail(name, "Додайте файл.")
            continue
        if name in checker.errors:
            continue
        value = _answer(checker, field, answers.get(name))
        if value is not None and name not in checker.errors:
            cleaned[name] = value
    checker.done()
    return cleaned


def answer_text(field_type: str | None, value: Any) -> str:
    """An answer as people read it, in Ukrainian: "так"/"ні", a date field's ISO value
    (1990-05-17) as 17.05.1990, several choices joined; "—" for none. Screens that show another
    language translate the yes/no themselves and use this for the rest."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "так" if value else "ні"
    if field_type == "date" and isinstance(value, str):
        try:
            return date.fromisoformat(value).strftime("%d.%m.%Y")
        except ValueError:
            return value
    if isinstance(value, list | tuple):
        return ", ".join(answer_text(None, v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
