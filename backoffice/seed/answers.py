"""Answers to a service's form that look like what a resident would type."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from backoffice.seed.people import TERNOPIL_STREETS, Person, PersonMaker, tax_number_for

_COMPANY_WORDS = ("Галич", "Поділля", "Тернопіль", "Збруч", "Серет", "Опілля", "Вектор", "Смарт")
_COMPANY_KINDS = ("Агро", "Буд", "Софт", "Трейд", "Сервіс", "Логістик", "Дизайн")
_KVED = ("62.01", "47.91", "56.10", "43.21", "96.02", "85.59", "49.41", "73.11", "74.10")
_BANKS = ("АТ КБ «ПриватБанк»", "АТ «Ощадбанк»", "АТ «Укрсиббанк»", "АТ «Райффайзен Банк»")
_PLATE_LETTERS = "АВЕІКМНОРСТХ"
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def _street_address(rng: random.Random) -> str:
    return f"м. Тернопіль, {rng.choice(TERNOPIL_STREETS)}, {rng.randint(1, 120)}"


def _iban(rng: random.Random) -> str:
    return "UA" + "".join(str(rng.randrange(10)) for _ in range(27))


def _plate(rng: random.Random) -> str:
    letters = "".join(rng.choice(_PLATE_LETTERS) for _ in range(2))
    return f"ВО{rng.randrange(10_000):04d}{letters}"


def _cadastral(rng: random.Random) -> str:
    return f"6110100000:{rng.randint(1, 20):02d}:{rng.randint(1, 30):03d}:{rng.randint(1, 999):04d}"


def _company(rng: random.Random) -> str:
    return f"ТОВ «{rng.choice(_COMPANY_WORDS)}{rng.choice(_COMPANY_KINDS)}»"


def _edrpou(rng: random.Random) -> str:
    return f"{rng.randint(30_000_000, 45_999_999)}"


class AnswerMaker:
    """Fills a form for one applicant; values are JSON-ready (dates as ISO text)."""

    def __init__(self, rng: random.Random, names: PersonMaker) -> None:
        self.rng = rng
        self.names = names
        rng_ = rng
        self.by_name: dict[str, Callable[[Person, date], Any]] = {
            "address_new": lambda p, d: p.address or names.address(),
            "address_previous": lambda p, d: names.address(),
            "address_current": lambda p, d: p.address or names.address(),
            "previous_address": lambda p, d: rng_.choice(
                (
                    "м. Маріуполь, просп. Миру, 45, кв. 12",
                    "м. Харків, вул. Героїв Праці, 9, кв. 88",
                    "м. Бахмут, вул. Садова, 3",
                    "м. Херсон, вул. Перекопська, 17, кв. 4",
                )
            ),
            "child_full_name": lambda p, d: self._child_name(p),
            "birth_certificate_number": lambda p, d: f"І-ИД № {rng_.randint(100_000, 999_999)}",
            "previous_passport": lambda p, d: f"FX{rng_.randint(100_000, 999_999)}",
            "trip_reason": lambda p, d: "Лікування за кордоном, запрошення клініки.",
            "application_number": lambda p, d: (
                f"{rng_.randint(6100, 6199)}-{rng_.randint(1, 99_999):05d}"
            ),
            "kved_main": lambda p, d: rng_.choice(_KVED),
            "company_name": lambda p, d: _company(rng_),
            "company_code": lambda p, d: _edrpou(rng_),
            "osbb_code": lambda p, d: _edrpou(rng_),
            "subject_code": lambda p, d: _edrpou(rng_),
            "osbb_name": lambda p, d: (
                f"ОСББ «{rng_.choice(TERNOPIL_STREETS)[5:]} {rng_.randint(1, 90)}»"
            ),
            "object_address": lambda p, d: _street_address(rng_),
            "ownership_document": lambda p, d: rng_.choice(
                (
                    "Договір купівлі-продажу, посвідчений нотаріусом",
                    "Свідоцтво про право на спадщину",
                    "Договір дарування",
                    "Сертифікат про прийняття в експлуатацію",
                )
            ),
            "bank_name": lambda p, d: rng_.choice(_BANKS),
            "cadastral_number": lambda p, d: _cadastral(rng_),
            "iban": lambda p, d: _iban(rng_),
            "licence_number": lambda p, d: f"ВХО{rng_.randint(100_000, 999_999)}",
            "vin": lambda p, d: "".join(rng_.choice(_VIN_CHARS) for _ in range(17)),
            "plate": lambda p, d: _plate(rng_),
            "record_person": lambda p, d: p.full_name,
            "period": lambda p, d: f"{rng_.randint(1975, 1995)}–{rng_.randint(1996, 2010)}",
            "object_name": lambda p, d: rng_.choice(
                (
                    "Будівництво індивідуального житлового будинку",
                    "Реконструкція нежитлового приміщення під магазин",
                    "Будівництво гаража",
                )
            ),
            "partner_full_name": lambda p, d: names.name(),
            "father_full_name": lambda p, d: names.name(),
            "deceased_full_name": lambda p, d: names.name(),
            "spouse_full_name": lambda p, d: names.name(),
            "new_full_name": lambda p, d: names.name(),
            "surname_after": lambda p, d: p.full_name.split()[0],
            "changes": lambda p, d: "Зміна місця проживання та додавання виду діяльності 62.02.",
            "loss_circumstances": lambda p, d: "Втратив гаманець з документами в тролейбусі.",
            "details": lambda p, d: (
                "Довідка про стаж роботи на Тернопільському комбайновому заводі."
            ),
            "work_kind": lambda p, d: "Заміна ділянки водопровідної мережі.",
            "reason_text": lambda p, d: "Бажаю носити прізвище матері.",
            "note": lambda p, d: rng_.choice(
                ("Прошу зателефонувати перед видачею.", "Документи принесу особисто.")
            ),
            # numbers
            "household_size": lambda p, d: rng_.choice((1, 2, 2, 3, 3, 4, 5)),
            "living_area": lambda p, d: rng_.randint(28, 95),
            "monthly_income": lambda p, d: rng_.randrange(4_000, 40_000, 100),
            "total_area": lambda p, d: rng_.randint(24, 160),
            "charter_capital": lambda p, d: rng_.choice((1_000, 10_000, 50_000, 100_000)),
            "founders_count": lambda p, d: rng_.choice((1, 1, 2, 3)),
            "land_area": lambda p, d: rng_.choice((600, 800, 1000, 1200, 2500)),
            "lease_years": lambda p, d: rng_.choice((5, 7, 10)),
            "children_count": lambda p, d: rng_.choice((1, 2, 3, 4)),
            "production_year": lambda p, d: rng_.randint(2005, 2024),
            "building_height": lambda p, d: rng_.choice((9, 12, 15, 27)),
            "planned_area": lambda p, d: rng_.randint(80, 250),
            "floors": lambda p, d: rng_.choice((1, 2)),
            "tree_count": lambda p, d: rng_.randint(1, 6),
            "structure_area": lambda p, d: rng_.randint(4, 30),
            "ad_area": lambda p, d: rng_.choice((2, 3, 6, 18)),
            "project_cost": lambda p, d: rng_.randrange(300_000, 5_000_000, 1000),
            # dates
            "child_birth_date": lambda p, d: d - timedelta(days=rng_.randint(7, 300)),
            "stop_date": lambda p, d: d + timedelta(days=rng_.randint(0, 14)),
            "lease_end": lambda p, d: d + timedelta(days=rng_.randint(30, 200)),
            "medical_certificate_date": lambda p, d: d - timedelta(days=rng_.randint(1, 60)),
            "loss_date": lambda p, d: d - timedelta(days=rng_.randint(1, 30)),
            "valid_from": lambda p, d: d + timedelta(days=rng_.randint(5, 20)),
            "valid_to": lambda p, d: d + timedelta(days=rng_.randint(60, 365)),
            "work_from": lambda p, d: d + timedelta(days=rng_.randint(12, 30)),
            "work_to": lambda p, d: d + timedelta(days=rng_.randint(31, 60)),
            "trade_from": lambda p, d: d + timedelta(days=rng_.randint(12, 30)),
            "trade_to": lambda p, d: d + timedelta(days=rng_.randint(60, 150)),
            "birth_date": lambda p, d: p.birth,
            "partner_birth_date": lambda p, d: p.birth + timedelta(days=rng_.randint(-900, 900)),
            "wedding_date": lambda p, d: d + timedelta(days=rng_.randint(31, 60)),
            "death_date": lambda p, d: d - timedelta(days=rng_.randint(1, 3)),
            "marriage_date": lambda p, d: d - timedelta(days=rng_.randint(400, 4000)),
        }

    def _child_name(self, parent: Person) -> str:
        last = parent.full_name.split()[0]
        pools = self.names.pools
        first = self.rng.choice(pools.male_first + pools.female_first)
        return f"{last} {first}"

    def value(self, field: dict[str, Any], person: Person, on: date) -> Any:
        rng = self.rng
        kind = field["type"]
        maker = self.by_name.get(field["name"])
        if kind in ("select",):
            return rng.choice(field["options"])
        if kind == "checkbox":
            return True if field["required"] else rng.random() < 0.3
        if kind == "email":
            return person.email
        if kind == "phone":
            return person.phone or self.names.phone()
        if kind == "tax_number":
            return person.tax_number or tax_number_for(person.birth, person.male, rng)
        if maker is None:
            raise KeyError(f"no demo answer for form field {field['name']!r}")
        value = maker(person, on)
        if kind == "number":
            low = field.get("min", value)
            high = field.get("max", value)
            return max(low, min(high, value))
        if kind == "date":
            return value.isoformat()
        limit = field.get("max_length")
        return value[:limit] if limit else value

    def answers(self, fields, person: Person, on: date) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field in fields:
            if field["type"] == "file":
                continue  # files need stored content; the demo attaches none
            if not field["required"] and self.rng.random() < 0.35:
                continue
            out[field["name"]] = self.value(field, person, on)
        return out
