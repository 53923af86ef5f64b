"""Residents and staff: Ukrainian names, Ternopil addresses, e-mails, phones and РНОКПП.

Faker is slow per call, so it is asked once for pools of names (seeded, hence deterministic);
the residents are then combined from the pools with ``random.Random``. E-mail addresses use
reserved example domains: demo data must never mail a real person.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from faker import Faker

from backoffice.core.validation import tax_number_check_digit


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


COMMON_MALE = _words(
    "Олександр Андрій Іван Василь Михайло Юрій Богдан Тарас Ярослав Володимир Петро Роман Назар "
    "Максим Дмитро Віталій Сергій Олег Ігор Степан Орест Остап Мирослав Любомир Григорій Микола "
    "Віктор Тимофій Марко Данило Артем Захар Святослав Ростислав Зеновій Євген Павло"
)
COMMON_FEMALE = _words(
    "Олена Оксана Наталія Ірина Марія Галина Світлана Тетяна Ольга Христина Софія Юлія Анна "
    "Катерина Мар'яна Ярослава Уляна Соломія Іванна Надія Людмила Віра Любов Леся Дарина "
    "Вікторія Оля Роксолана Зоряна Марта Лілія Богдана Емілія Злата Аліна Андріана Олександра"
)
# Surnames common in the Ternopil region; the same form for men and women.
WESTERN_SURNAMES = _words(
    "Гнатюк Кравчук Мельничук Савчук Ткачук Шевчук Гуменюк Стасюк Семенюк Процик Грицишин "
    "Дмитришин Микитишин Романишин Федоришин Боднар Коваль Мельник Бойко Лесів Петрів Іванів "
    "Гринів Стефанишин Олійник Кушнір Бучко Дутка Гевко Чорній Яремко Вітенко Гладун Бабій "
    "Костів Кохан Возняк Собко Дацко Мацюк Пастух Тимчишин Когут Гайда Ковальчук Гураль Сабат "
    "Ониськів Луцишин Гриджук Шпак Кучер Дзюба Глова Хома Баран Максимів"
)

TERNOPIL_STREETS = (
    "вул. Руська",
    "вул. Замкова",
    "бульв. Тараса Шевченка",
    "вул. Гетьмана Сагайдачного",
    "вул. Валова",
    "вул. Михайла Грушевського",
    "вул. Князя Острозького",
    "вул. Патріарха Йосипа Сліпого",
    "вул. Листопадова",
    "вул. Коперника",
    "вул. Опільського",
    "вул. Гоголя",
    "вул. Живова",
    "вул. Микулинецька",
    "вул. Лукіяновича",
    "вул. Бережанська",
    "вул. Протасевича",
    "вул. Василя Симоненка",
    "вул. Київська",
    "вул. 15 Квітня",
    "вул. Львівська",
    "вул. Тролейбусна",
    "вул. Текстильна",
    "вул. Бродівська",
    "вул. Збаразька",
    "вул. Гайова",
    "вул. Броварна",
    "вул. Петриківська",
    "вул. Новий Світ",
    "вул. Стадникової",
    "вул. Довженка",
    "вул. Об'єднання",
    "вул. Корольова",
    "вул. Лесі Українки",
    "вул. Купчинського",
    "вул. Винниченка",
    "вул. Братів Бойчуків",
    "вул. Юрія Федьковича",
    "вул. Клінічна",
    "вул. Медова",
    "вул. Володимира Великого",
    "вул. Миру",
    "вул. Гетьмана Івана Мазепи",
    "вул. Максима Кривоноса",
    "вул. Андрія Малишка",
    "вул. Карпенка",
    "просп. Злуки",
    "просп. Степана Бандери",
    "вул. Білецька",
    "вул. Смакули",
    "вул. Торговиця",
    "вул. Глибока Долина",
    "вул. Енергетична",
    "вул. Підволочиське шосе",
    "вул. Старий Поділ",
    "вул. Генерала Тарнавського",
    "вул. Будного",
    "вул. В'ячеслава Чорновола",
    "вул. Івана Франка",
    "вул. Шептицького",
    "вул. Родини Барвінських",
    "вул. Степова",
    "вул. Галицька",
    "вул. Дністровська",
    "вул. Весела",
    "вул. Танцорова",
    "вул. Кардинала Сліпого",
    "вул. Чалдаєва",
    "вул. Полковника Морозенка",
    "вул. Оболоня",
)
POSTCODES = tuple(f"460{n:02d}" for n in (0, 1, 2, 3, 5, 6, 8, 9, 10, 13, 16, 18, 20, 23, 25, 27))
MAIL_DOMAINS = ("example.com", "example.net", "example.org")
MOBILE_CODES = ("67", "68", "96", "97", "98", "50", "66", "95", "99", "63", "73", "93")

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "-": "-",
}  # fmt: skip
_TRANSLIT_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def transliterate(word: str) -> str:
    """Ukrainian to Latin after the official table of 2010 (lower case, for e-mail addresses)."""
    out = []
    word = word.lower().replace("зг", "zgh")
    for i, ch in enumerate(word):
        if i == 0 and ch in _TRANSLIT_INITIAL:
            out.append(_TRANSLIT_INITIAL[ch])
        else:
            out.append(_TRANSLIT.get(ch, ""))  # apostrophes (' ’ ʼ) and the rest: dropped
    return "".join(out)


def tax_number_for(birth: date, male: bool, rng: random.Random) -> str:
    """A valid РНОКПП: days since 31.12.1899, three digits, the sex digit, the checksum."""
    days = (birth - date(1899, 12, 31)).days
    sex_digit = rng.randrange(1, 10, 2) if male else rng.randrange(0, 10, 2)
    body = f"{days:05d}{rng.randrange(1000):03d}{sex_digit}"
    return body + tax_number_check_digit(body)


@dataclass(frozen=True)
class NamePools:
    male_first: tuple[str, ...]
    female_first: tuple[str, ...]
    male_last: tuple[str, ...]
    female_last: tuple[str, ...]
    male_middle: tuple[str, ...]
    female_middle: tuple[str, ...]
    translit: dict[str, str]

    @classmethod
    def build(cls, seed: int) -> NamePools:
        fake = Faker("uk_UA")
        fake.seed_instance(seed)
        # Common local names several times over, so they dominate the rarer ones Faker knows.
        male_first = COMMON_MALE * 4 + tuple(fake.first_name_male() for _ in range(40))
        female_first = COMMON_FEMALE * 4 + tuple(fake.first_name_female() for _ in range(40))
        male_last = tuple(fake.last_name_male() for _ in range(700)) + WESTERN_SURNAMES * 3
        female_last = tuple(fake.last_name_female() for _ in range(700)) + WESTERN_SURNAMES * 3
        male_middle = tuple(_patronymic(n, male=True) for n in COMMON_MALE) * 3 + tuple(
            fake.middle_name_male() for _ in range(40)
        )
        female_middle = tuple(_patronymic(n, male=False) for n in COMMON_MALE) * 3 + tuple(
            fake.middle_name_female() for _ in range(40)
        )
        words = {*male_first, *female_first, *male_last, *female_last}
        return cls(
            male_first,
            female_first,
            male_last,
            female_last,
            male_middle,
            female_middle,
            {w: transliterate(w) for w in words},
        )


_PATRONYMIC_EXCEPTIONS = {
    "Григорій": ("Григорович", "Григорівна"),
    "Микола": ("Миколайович", "Миколаївна"),
    "Ілля": ("Ілліч", "Іллівна"),
    "Юрій": ("Юрійович", "Юріївна"),
    "Сергій": ("Сергійович", "Сергіївна"),
    "Віталій": ("Віталійович", "Віталіївна"),
    "Тимофій": ("Тимофійович", "Тимофіївна"),
    "Андрій": ("Андрійович", "Андріївна"),
    "Дмитро": ("Дмитрович", "Дмитрівна"),
    "Петро": ("Петрович", "Петрівна"),
    "Павло": ("Павлович", "Павлівна"),
    "Данило": ("Данилович", "Данилівна"),
    "Захар": ("Захарович", "Захарівна"),
}


def _patronymic(name: str, *, male: bool) -> str:
    if name in _PATRONYMIC_EXCEPTIONS:
        return _PATRONYMIC_EXCEPTIONS[name][0 if male else 1]
    if name.endswith("й"):
        return name[:-1] + ("йович" if male else "ївна")
    if name.endswith("о"):  # Михайло, Марко
        name = name[:-1]
    return name + ("ович" if male else "івна")


@dataclass(frozen=True)
class Person:
    """What other areas need to know about a resident (answers in forms, paper appeals)."""

    full_name: str
    email: str
    phone: str | None
    tax_number: str | None
    address: str | None
    birth: date
    male: bool


class PersonMaker:
    """Makes people one after another; e-mail addresses are unique by construction."""

    def __init__(self, pools: NamePools, rng: random.Random, today: date) -> None:
        self.pools = pools
        self.rng = rng
        self.today = today
        self._taken: dict[str, int] = {}

    def reserve(self, email: str) -> None:
        self._taken[email] = 1

    def address(self) -> str:
        rng = self.rng
        street = rng.choice(TERNOPIL_STREETS)
        house = str(rng.randint(1, 120))
        if rng.random() < 0.12:
            house += rng.choice("абв")
        flat = f", кв. {rng.randint(1, 180)}" if rng.random() < 0.78 else ""
        return f"{street}, {house}{flat}, м. Тернопіль, {rng.choice(POSTCODES)}"

    def phone(self) -> str:
        rng = self.rng
        return f"+380{rng.choice(MOBILE_CODES)}{rng.randrange(10_000_000):07d}"

    def _email(self, first: str, last: str, birth: date) -> str:
        rng = self.rng
        f = self.pools.translit[first]
        la = self.pools.translit[last]
        r = rng.random()
        if r < 0.34:
            local = f"{f}.{la}"
        elif r < 0.50:
            local = f"{f[0]}.{la}"
        elif r < 0.60:
            local = f"{la}.{f}"
        elif r < 0.70:
            local = f"{f}{la}"
        elif r < 0.80:
            local = f"{f}_{la}"
        elif r < 0.90:
            local = f"{la}{birth.year}"
        else:
            local = f"{f}.{la}.{birth.year % 100:02d}"
        base = f"{local}@{rng.choice(MAIL_DOMAINS)}"
        # A base either ends in letters or in a fixed-width year, so "base + n" is never another
        # base: the addresses stay unique without remembering every one of them.
        seen = self._taken.get(base, 0)
        self._taken[base] = seen + 1
        if seen == 0:
            return base
        local, _, domain = base.partition("@")
        return f"{local}{seen + 1}@{domain}"

    def person(self, *, tax_share: float = 0.45) -> Person:
        rng = self.rng
        pools = self.pools
        male = rng.random() < 0.46
        age_days = int(365.25 * (18 + 62 * rng.random() ** 1.4))
        birth = self.today - timedelta(days=age_days)
        if male:
            first = rng.choice(pools.male_first)
            last = rng.choice(pools.male_last)
            middle = rng.choice(pools.male_middle)
        else:
            first = rng.choice(pools.female_first)
            last = rng.choice(pools.female_last)
            middle = rng.choice(pools.female_middle)
        return Person(
            full_name=f"{last} {first} {middle}",
            email=self._email(first, last, birth),
            phone=self.phone() if rng.random() < 0.93 else None,
            tax_number=tax_number_for(birth, male, rng) if rng.random() < tax_share else None,
            address=self.address() if rng.random() < 0.86 else None,
            birth=birth,
            male=male,
        )

    def name(self) -> str:
        """A full name only (a paper appeal from someone without an account)."""
        rng = self.rng
        pools = self.pools
        if rng.random() < 0.5:
            return f"{rng.choice(pools.male_last)} {rng.choice(pools.male_first)} " + rng.choice(
                pools.male_middle
            )
        return f"{rng.choice(pools.female_last)} {rng.choice(pools.female_first)} " + rng.choice(
            pools.female_middle
        )
