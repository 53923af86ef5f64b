"""Input checks shared by every area. A ``Checker`` collects field errors and raises them at once.

Text is kept as the person wrote it (HTML included: it is escaped on output, never stored
mangled); control characters other than line breaks and tabs are refused.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from backoffice.core.errors import InvalidInput

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
_PHONE_DIGITS = re.compile(r"\d")

REQUIRED = "Обов'язкове поле."
WRONG_TYPE = "Неправильний тип значення."


_TAX_NUMBER_WEIGHTS = (-1, 5, 7, 9, 4, 6, 10, 5, 7)


def tax_number_check_digit(body: str) -> str:
    """The tenth digit of a РНОКПП whose first nine digits are ``body``."""
    return str(sum(int(d) * w for d, w in zip(body, _TAX_NUMBER_WEIGHTS, strict=True)) % 11 % 10)


def valid_tax_number(value: str) -> bool:
    """РНОКПП: ten digits, the last a checksum of the first nine."""
    return bool(re.fullmatch(r"\d{10}", value)) and tax_number_check_digit(value[:9]) == value[9]


def normalise_phone(value: str) -> str | None:
    """A Ukrainian number as +380XXXXXXXXX, or None when it is not one."""
    if re.search(r"[^\d\s()+\-]", value):
        return None
    digits = "".join(_PHONE_DIGITS.findall(value))
    if len(digits) == 10 and digits.startswith("0"):
        digits = "38" + digits
    if len(digits) == 12 and digits.startswith("380"):
        return "+" + digits
    return None


class Checker:
    """Collects field errors: ``c = Checker(); x = c.text("x", raw); c.done()``."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def done(self) -> None:
        if self.errors:
            raise InvalidInput(self.errors)

    def text(
        self,
        field: str,
        value: Any,
        *,
        required: bool = True,
        max_length: int = 300,
        min_length: int = 0,
        multiline: bool = False,
    ) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(field, REQUIRED)
            return None
        if not isinstance(value, str):
            self.fail(field, WRONG_TYPE)
            return None
        value = value.strip()
        if not multiline and ("\n" in value or "\r" in value):
            self.fail(field, "Має бути одним рядком.")
            return None
        if _CONTROL.search(value):
            self.fail(field, "Містить недопустимі символи.")
            return None
        if len(value) > max_length:
            self.fail(field, f"Не довше {max_length} символів (зараз {len(value)}).")
            return None
        if len(value) < min_length:
            self.fail(field, f"Не коротше {min_length} символів.")
            return None
        return value

    def email(self, field: str, value: Any, *, required: bool = True) -> str | None:
        text = self.text(field, value, required=required, max_length=254)
        if text is None:
            return None
        if not _EMAIL.match(text):
            self.fail(field, "Неправильна адреса електронної пошти.")
            return None
        local, _, domain = text.rpartition("@")
        return f"{local}@{domain.lower()}"

    def phone(self, field: str, value: Any, *, required: bool = True) -> str | None:
        text = self.text(field, value, required=required, max_length=30)
        if text is None:
            return None
        phone = normalise_phone(text)
        if phone is None:
            self.fail(field, "Номер телефону у форматі +380XXXXXXXXX.")
        return phone

    def tax_number(self, field: str, value: Any, *, required: bool = False) -> str | None:
        text = self.text(field, value, required=required, max_length=10)
        if text is None:
            return None
        if not valid_tax_number(text):
            self.fail(field, "РНОКПП — 10 цифр з правильною контрольною цифрою.")
            return None
        return text

    def integer(
        self,
        field: str,
        value: Any,
        *,
        required: bool = True,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int | None:
        if value is None or value == "":
            if required:
                self.fail(field, REQUIRED)
            return None
        if isinstance(value, bool):
            self.fail(field, WRONG_TYPE)
            return None
        if isinstance(value, str):
            if not re.fullmatch(r"\s*-?\d{1,12}\s*", value):
                self.fail(field, "Має бути цілим числом.")
                return None
            value = int(value)
        if not isinstance(value, int):
            self.fail(field, WRONG_TYPE)
            return None
        if minimum is not None and value < minimum:
            self.fail(field, f"Не менше {minimum}.")
            return None
        if maximum is not None and value > maximum:
            self.fail(field, f"Не більше {maximum}.")
            return None
        return value

    def choice(self, field: str, value: Any, allowed, *, required: bool = True) -> str | None:
        if value is None or value == "":
            if required:
                self.fail(field, REQUIRED)
            return None
        allowed_values = [getattr(a, "value", a) for a in allowed]
        value = getattr(value, "value", value)
        if value not in allowed_values:
            self.fail(field, "Виберіть одне із запропонованих значень.")
            return None
        return value

    def boolean(self, field: str, value: Any) -> bool:
        if value in (True, False):
            return bool(value)
        if value in (None, "", "0", "false", "off"):
            return False
        if value in ("1", "true", "on", "yes"):
            return True
        self.fail(field, WRONG_TYPE)
        return False

    def date(self, field: str, value: Any, *, required: bool = True) -> date | None:
        if value is None or value == "":
            if required:
                self.fail(field, REQUIRED)
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.fail(field, "Дата у форматі РРРР-ММ-ДД.")
        return None

    def moment(self, field: str, value: Any, *, required: bool = True) -> datetime | None:
        """An aware datetime (ISO text with an offset is accepted)."""
        if value is None or value == "":
            if required:
                self.fail(field, REQUIRED)
            return None
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value.strip())
            except ValueError:
                self.fail(field, "Дата й час у форматі РРРР-ММ-ДД ГГ:ХХ.")
                return None
        if not isinstance(value, datetime):
            self.fail(field, WRONG_TYPE)
            return None
        if value.tzinfo is None:
            from backoffice.core.calendar import KYIV

            value = value.replace(tzinfo=KYIV)
        return value.astimezone(UTC)

    def expected_version(self, value: Any) -> int | None:
        return self.integer("version", value, required=False, minimum=1)
