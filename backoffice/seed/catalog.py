"""The demo catalog of the Ternopil ЦНАП: categories, services and the forms residents fill.

Codes follow the ЦНАП's information cards ("категорія-послуга"). Fees are administrative fees
in UAH; where the law sets a fee as a share of the subsistence minimum for able-bodied persons
(ПМ), the amount is computed from ``SUBSISTENCE_MINIMUM`` (ПМ on 1 January 2026). A service
with ``term_days=None`` has no term of its own: the default (30 calendar days) applies.

Form fields are dicts ``{"name", "label", "type", "required", ...}`` with ``type`` one of
``FIELD_TYPES``; see core.forms for the format.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

SUBSISTENCE_MINIMUM = Decimal("3328")
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


def pm(share: str) -> Decimal:
    """A fee set as a share of the subsistence minimum, rounded to kopiykas."""
    return (SUBSISTENCE_MINIMUM * Decimal(share)).quantize(Decimal("0.01"))


FREE = Decimal("0.00")


# --- form fields -----------------------------------------------------------------------------


def _field(name: str, label: str, kind: str, required: bool, **extra: Any) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "label": label, "type": kind, "required": required}
    field.update({k: v for k, v in extra.items() if v is not None})
    return field


def text(name, label, *, required=True, max_length=200, help=None):
    return _field(name, label, "text", required, max_length=max_length, help=help)


def textarea(name, label, *, required=False, max_length=2000, help=None):
    return _field(name, label, "textarea", required, max_length=max_length, help=help)


def number(name, label, *, required=True, min=None, max=None, help=None):
    return _field(name, label, "number", required, min=min, max=max, help=help)


def date(name, label, *, required=True, help=None):
    return _field(name, label, "date", required, help=help)


def email(name, label, *, required=False, help=None):
    return _field(name, label, "email", required, help=help)


def phone(name, label, *, required=True, help=None):
    return _field(name, label, "phone", required, help=help)


def tax_number(name, label, *, required=False, help=None):
    return _field(name, label, "tax_number", required, help=help)


def select(name, label, options, *, required=True, help=None):
    return _field(name, label, "select", required, options=list(options), help=help)


def checkbox(name, label, *, required=False, help=None):
    return _field(name, label, "checkbox", required, help=help)


def file(name, label, *, required=False, help=None):
    return _field(name, label, "file", required, help=help)


DELIVERY = select(
    "delivery",
    "Спосіб отримання результату",
    ["Особисто у ЦНАП", "Поштою (Укрпошта)", "В електронній формі в кабінеті"],
)
CONTACT_PHONE = phone("contact_phone", "Контактний телефон", help="У форматі +380XXXXXXXXX")
CONTACT_EMAIL = email("contact_email", "Електронна пошта для зв'язку")
APPLICANT_TAX = tax_number(
    "applicant_tax_number",
    "РНОКПП заявника",
    help="Якщо через релігійні переконання ви відмовилися від РНОКПП, залиште поле порожнім.",
)
CONSENT = checkbox(
    "consent_personal_data",
    "Погоджуюся на обробку моїх персональних даних для надання послуги",
    required=True,
)
NOTE = textarea("note", "Додаткова інформація", max_length=1000)
SCAN = file("scan", "Скан-копії документів (PDF, JPG)", help="До 10 МБ; можна принести в ЦНАП.")
HOUSING_BASIS = select(
    "housing_basis",
    "Підстава для проживання",
    [
        "Власник житла",
        "Член сім'ї власника",
        "Договір найму (оренди)",
        "Гуртожиток",
        "Службове житло",
    ],
)
PASSPORT_REASON = select(
    "reason",
    "Підстава для оформлення",
    [
        "Досягнення 14-річного віку",
        "Досягнення 25-річного віку",
        "Зміна прізвища, імені або по батькові",
        "Закінчення строку дії",
        "Виявлення помилки",
        "Втрата або викрадення",
        "Непридатність для користування",
        "Обмін паспорта-книжечки",
    ],
)
CADASTRAL = text(
    "cadastral_number",
    "Кадастровий номер земельної ділянки",
    max_length=22,
    help="Формат 6110100000:01:001:0001",
)
OBJECT_ADDRESS = text("object_address", "Адреса об'єкта", max_length=300)
LAND_PURPOSE = select(
    "land_purpose",
    "Цільове призначення",
    [
        "Для будівництва і обслуговування житлового будинку (02.01)",
        "Для ведення особистого селянського господарства (01.03)",
        "Для індивідуального садівництва (01.05)",
        "Для будівництва індивідуальних гаражів (02.05)",
        "Для розміщення та експлуатації будівель торгівлі (03.07)",
    ],
)
IBAN = text("iban", "Рахунок IBAN для виплати", max_length=29, help="UA і 27 цифр, рахунок у банку")
HOUSEHOLD = number("household_size", "Кількість членів домогосподарства", min=1, max=15)
CHILD_NAME = text("child_full_name", "Прізвище, ім'я, по батькові дитини", max_length=200)
CHILD_BIRTH = date("child_birth_date", "Дата народження дитини")
BIRTH_CERT = text(
    "birth_certificate_number", "Серія та номер свідоцтва про народження", max_length=20
)


# --- catalog ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CategorySpec:
    code: str
    title: str


@dataclass(frozen=True)
class ServiceSpec:
    code: str
    category: str
    title: str
    description: str
    documents: tuple[str, ...]
    term_days: int | None
    term_counts: str
    fee: Decimal
    department: str
    fields: tuple[dict[str, Any], ...]
    # How often residents order it, relative to the others (demo orders only; not stored).
    weight: int = 5
    active: bool = True


CATEGORIES = (
    CategorySpec("residence", "Реєстрація місця проживання"),
    CategorySpec("passport", "Паспортні послуги"),
    CategorySpec("business", "Реєстрація бізнесу"),
    CategorySpec("property", "Нерухомість"),
    CategorySpec("land", "Земельні питання"),
    CategorySpec("social", "Соціальні послуги"),
    CategorySpec("transport", "Транспорт і водії"),
    CategorySpec("certificates", "Довідки та витяги"),
    CategorySpec("construction", "Будівництво та містобудування"),
    CategorySpec("civil", "Шлюб і цивільний стан (РАЦС)"),
    CategorySpec("city", "Міські послуги"),
)

CNAP = "Центр надання адміністративних послуг м. Тернополя"
RESIDENCE = "Відділ реєстрації місця проживання ЦНАП"
DMS = "Тернопільський відділ ГУ ДМС України в Тернопільській області"
EDR = "Відділ державної реєстрації юридичних осіб та фізичних осіб — підприємців"
REAL_ESTATE = "Відділ державної реєстрації речових прав на нерухоме майно"
LAND = "Відділ земельних ресурсів Тернопільської міської ради"
GEOCADASTRE = "Відділ у м. Тернополі ГУ Держгеокадастру у Тернопільській області"
SOCIAL = "Управління соціальної політики Тернопільської міської ради"
TSC = "Територіальний сервісний центр МВС № 6141"
ARCHITECTURE = "Управління містобудування, архітектури та кадастру"
DRACS = "Тернопільський відділ державної реєстрації актів цивільного стану"
UTILITIES = "Управління житлово-комунального господарства, благоустрою та екології"
EDUCATION = "Управління освіти і науки Тернопільської міської ради"
ARCHIVE = "Архівний відділ Тернопільської міської ради"
TAX_OFFICE = "Головне управління ДПС у Тернопільській області"

PASSPORT_DOCS = (
    "Паспорт громадянина України (за наявності)",
    "Витяг з реєстру територіальної громади",
    "Документ про сплату адміністративного збору",
)

SERVICES: tuple[ServiceSpec, ...] = (
    # --- реєстрація місця проживання ---
    ServiceSpec(
        "01-01",
        "residence",
        "Реєстрація місця проживання особи",
        "Внесення відомостей про місце проживання до реєстру Тернопільської міської "
        "територіальної громади. Послугу надають у день звернення.",
        (
            "Паспорт громадянина України або інший документ, що посвідчує особу",
            "Документ, що підтверджує право на проживання (власність, договір найму)",
            "Згода власника житла (якщо заявник не власник)",
            "Квитанція про сплату адміністративного збору",
        ),
        1,
        "working",
        pm("0.0085"),
        RESIDENCE,
        (
            text("address_new", "Адреса нового місця проживання", max_length=300),
            text("address_previous", "Попереднє місце проживання", required=False, max_length=300),
            HOUSING_BASIS,
            APPLICANT_TAX,
            CONTACT_PHONE,
            SCAN,
            CONSENT,
        ),
        weight=40,
    ),
    ServiceSpec(
        "01-02",
        "residence",
        "Зняття з реєстрації місця проживання",
        "Зняття особи із задекларованого або зареєстрованого місця проживання.",
        ("Паспорт громадянина України", "Заява встановленого зразка"),
        1,
        "working",
        FREE,
        RESIDENCE,
        (
            text("address_current", "Адреса, з якої знімаєтеся з реєстрації", max_length=300),
            select(
                "reason",
                "Причина",
                ["Зміна місця проживання", "Виїзд за кордон", "Рішення суду", "Інше"],
            ),
            CONTACT_PHONE,
            CONSENT,
        ),
        weight=12,
    ),
    ServiceSpec(
        "01-03",
        "residence",
        "Декларування місця проживання",
        "Декларування місця проживання за заявою особи, зокрема через кабінет мешканця.",
        (
            "Паспорт громадянина України",
            "Документ про право на проживання",
            "Квитанція про сплату адміністративного збору",
        ),
        1,
        "working",
        pm("0.0085"),
        RESIDENCE,
        (
            text("address_new", "Адреса задекларованого місця проживання", max_length=300),
            HOUSING_BASIS,
            APPLICANT_TAX,
            CONTACT_PHONE,
            CONSENT,
        ),
        weight=18,
    ),
    ServiceSpec(
        "01-04",
        "residence",
        "Реєстрація місця проживання дитини до 14 років",
        "Реєстрація місця проживання малолітньої дитини за місцем проживання батьків.",
        (
            "Свідоцтво про народження дитини",
            "Паспорти батьків",
            "Згода другого з батьків (за потреби)",
        ),
        1,
        "working",
        FREE,
        RESIDENCE,
        (CHILD_NAME, CHILD_BIRTH, BIRTH_CERT, text("address_new", "Адреса", max_length=300)),
        weight=9,
    ),
    ServiceSpec(
        "01-05",
        "residence",
        "Видача витягу з реєстру територіальної громади",
        "Витяг про зареєстроване (задеклароване) місце проживання особи.",
        ("Паспорт громадянина України",),
        1,
        "working",
        FREE,
        RESIDENCE,
        (
            select(
                "purpose",
                "Для подання до",
                ["Банку", "Пенсійного фонду", "Навчального закладу", "Нотаріуса", "Інше"],
            ),
            DELIVERY,
        ),
        weight=20,
    ),
    # --- паспортні послуги ---
    ServiceSpec(
        "02-01",
        "passport",
        "Оформлення паспорта громадянина України у формі ID-картки",
        "Оформлення та видача ID-картки, зокрема вперше у 14 років та в обмін паспорта-книжечки.",
        (*PASSPORT_DOCS, "Свідоцтво про народження (для оформлення вперше)"),
        20,
        "working",
        Decimal("345.00"),
        DMS,
        (
            PASSPORT_REASON,
            checkbox("sign_digital", "Внести до ID-картки кваліфікований електронний підпис"),
            CONTACT_PHONE,
            CONSENT,
        ),
        weight=35,
    ),
    ServiceSpec(
        "02-02",
        "passport",
        "Термінове оформлення ID-картки",
        "Оформлення ID-картки у строк до 10 робочих днів.",
        PASSPORT_DOCS,
        10,
        "working",
        Decimal("445.00"),
        DMS,
        (PASSPORT_REASON, CONTACT_PHONE, CONSENT),
        weight=10,
    ),
    ServiceSpec(
        "02-03",
        "passport",
        "Оформлення паспорта громадянина України для виїзду за кордон",
        "Оформлення закордонного паспорта з безконтактним електронним носієм.",
        (
            "ID-картка або паспорт громадянина України",
            "Попередній паспорт для виїзду за кордон (за наявності)",
            "Документ про сплату адміністративного збору",
        ),
        20,
        "working",
        Decimal("1178.00"),
        DMS,
        (
            select("applicant_age", "Паспорт оформлюється", ["Дорослій особі", "Дитині до 18 р."]),
            text(
                "previous_passport",
                "Серія та номер попереднього закордонного паспорта",
                required=False,
                max_length=12,
            ),
            CONTACT_PHONE,
            CONSENT,
        ),
        weight=30,
    ),
    ServiceSpec(
        "02-04",
        "passport",
        "Термінове оформлення закордонного паспорта",
        "Оформлення паспорта для виїзду за кордон у строк до 7 робочих днів.",
        (
            "ID-картка або паспорт громадянина України",
            "Документ про сплату адміністративного збору",
        ),
        7,
        "working",
        Decimal("1643.00"),
        DMS,
        (
            text("trip_reason", "Причина терміновості", required=False, max_length=300),
            CONTACT_PHONE,
            CONSENT,
        ),
        weight=8,
    ),
    ServiceSpec(
        "02-05",
        "passport",
        "Вклеювання фотокартки в паспорт громадянина України (25 і 45 років)",
        "Вклеювання фотокартки в паспорт зразка 1994 року після досягнення 25 або 45 років.",
        ("Паспорт громадянина України", "Дві фотокартки 3,5×4,5 см"),
        1,
        "working",
        FREE,
        DMS,
        (select("age_mark", "Вік", ["25 років", "45 років"]), CONTACT_PHONE),
        weight=3,
    ),
    ServiceSpec(
        "02-06",
        "passport",
        "Повернення оформленого паспорта (видача готового документа)",
        "Видача оформленого в іншому підрозділі ID-картки або закордонного паспорта.",
        ("Квитанція-повідомлення про оформлення документа",),
        1,
        "calendar",
        FREE,
        DMS,
        (
            text("application_number", "Номер заяви-анкети", max_length=20),
            CONTACT_PHONE,
        ),
        weight=4,
    ),
    # --- бізнес ---
    ServiceSpec(
        "03-01",
        "business",
        "Державна реєстрація фізичної особи — підприємця",
        "Реєстрація ФОП з внесенням відомостей до Єдиного державного реєстру.",
        (
            "Паспорт громадянина України",
            "Картка платника податків (РНОКПП)",
            "Заява про державну реєстрацію ФОП",
        ),
        1,
        "working",
        FREE,
        EDR,
        (
            tax_number("tax_number", "РНОКПП", required=True),
            text("kved_main", "Основний вид діяльності (КВЕД)", max_length=7, help="Напр. 62.01"),
            select(
                "tax_system",
                "Система оподаткування",
                [
                    "Загальна система",
                    "Єдиний податок, 1 група",
                    "Єдиний податок, 2 група",
                    "Єдиний податок, 3 група",
                ],
            ),
            checkbox("vat_payer", "Реєструватися платником ПДВ"),
            CONTACT_PHONE,
            CONTACT_EMAIL,
            CONSENT,
        ),
        weight=14,
    ),
    ServiceSpec(
        "03-02",
        "business",
        "Державна реєстрація припинення підприємницької діяльності ФОП",
        "Припинення діяльності фізичної особи — підприємця за її рішенням.",
        ("Паспорт громадянина України", "Заява про припинення"),
        1,
        "working",
        FREE,
        EDR,
        (
            tax_number("tax_number", "РНОКПП", required=True),
            date("stop_date", "Дата припинення діяльності"),
            CONTACT_PHONE,
            CONSENT,
        ),
        weight=6,
    ),
    ServiceSpec(
        "03-03",
        "business",
        "Державна реєстрація змін до відомостей про ФОП",
        "Зміна видів діяльності, контактних даних чи місця проживання ФОП у ЄДР.",
        ("Паспорт громадянина України", "Заява про зміни"),
        1,
        "working",
        FREE,
        EDR,
        (
            tax_number("tax_number", "РНОКПП", required=True),
            textarea("changes", "Які відомості змінюються", required=True, max_length=1000),
            CONTACT_PHONE,
        ),
        weight=5,
    ),
    ServiceSpec(
        "03-04",
        "business",
        "Державна реєстрація створення юридичної особи (ТОВ)",
        "Реєстрація товариства з обмеженою відповідальністю на підставі статуту або модельного.",
        (
            "Заява про державну реєстрацію",
            "Рішення засновників (протокол)",
            "Установчий документ (статут) або рішення про модельний статут",
            "Паспорти засновників",
        ),
        1,
        "working",
        FREE,
        EDR,
        (
            text("company_name", "Найменування товариства", max_length=200),
            number("charter_capital", "Статутний капітал, грн", min=0, max=100_000_000),
            number("founders_count", "Кількість засновників", min=1, max=50),
            text("kved_main", "Основний вид діяльності (КВЕД)", max_length=7),
            select("charter", "Установчий документ", ["Власний статут", "Модельний статут"]),
            CONTACT_PHONE,
            CONTACT_EMAIL,
            SCAN,
        ),
        weight=4,
    ),
    ServiceSpec(
        "03-05",
        "business",
        "Державна реєстрація змін до відомостей про юридичну особу",
        "Зміни до установчих документів, керівника, місцезнаходження юридичної особи.",
        ("Заява", "Рішення уповноваженого органу", "Документ про сплату збору"),
        1,
        "working",
        pm("0.3"),
        EDR,
        (
            text("company_code", "Код ЄДРПОУ", max_length=8),
            textarea("changes", "Які відомості змінюються", required=True, max_length=1000),
            CONTACT_PHONE,
            SCAN,
        ),
        weight=3,
    ),
    ServiceSpec(
        "03-06",
        "business",
        "Видача витягу з Єдиного державного реєстру юридичних осіб, ФОП",
        "Витяг з ЄДР у паперовій формі.",
        ("Запит", "Документ про сплату"),
        1,
        "working",
        pm("0.05"),
        EDR,
        (
            text("subject_code", "Код ЄДРПОУ або РНОКПП суб'єкта", max_length=10),
            DELIVERY,
        ),
        weight=3,
    ),
    # --- нерухомість ---
    ServiceSpec(
        "04-01",
        "property",
        "Державна реєстрація права власності на нерухоме майно",
        "Реєстрація права власності на квартиру, будинок, гараж, нежитлове приміщення.",
        (
            "Документ, що посвідчує особу",
            "Документ, що підтверджує набуття права власності",
            "Технічний паспорт (за потреби)",
            "Документ про сплату адміністративного збору",
        ),
        5,
        "working",
        pm("0.1"),
        REAL_ESTATE,
        (
            select(
                "object_type",
                "Вид об'єкта",
                ["Квартира", "Житловий будинок", "Нежитлове приміщення", "Гараж"],
            ),
            OBJECT_ADDRESS,
            number("total_area", "Загальна площа, м²", min=1, max=10_000),
            text("ownership_document", "Правовстановлювальний документ", max_length=300),
            APPLICANT_TAX,
            CONTACT_PHONE,
            SCAN,
        ),
        weight=12,
    ),
    ServiceSpec(
        "04-02",
        "property",
        "Надання інформації з Державного реєстру речових прав на нерухоме майно",
        "Інформаційна довідка з реєстру речових прав у паперовій формі.",
        ("Документ, що посвідчує особу", "Документ про сплату"),
        1,
        "working",
        pm("0.025"),
        REAL_ESTATE,
        (OBJECT_ADDRESS, DELIVERY),
        weight=10,
    ),
    ServiceSpec(
        "04-03",
        "property",
        "Присвоєння адреси об'єкту нерухомого майна",
        "Присвоєння адреси новоствореному об'єкту або об'єкту, що утворився після поділу.",
        (
            "Заява",
            "Документ про право на земельну ділянку",
            "Документ, що засвідчує прийняття в експлуатацію",
        ),
        5,
        "working",
        pm("0.1"),
        ARCHITECTURE,
        (
            OBJECT_ADDRESS,
            CADASTRAL,
            select(
                "object_kind",
                "Об'єкт",
                ["Новозбудований", "Утворений поділом/об'єднанням", "Реконструйований"],
            ),
            CONTACT_PHONE,
            SCAN,
        ),
        weight=3,
    ),
    ServiceSpec(
        "04-04",
        "property",
        "Державна реєстрація іпотеки",
        "Реєстрація обтяження нерухомого майна іпотекою.",
        ("Іпотечний договір", "Документ, що посвідчує особу", "Документ про сплату"),
        5,
        "working",
        pm("0.05"),
        REAL_ESTATE,
        (OBJECT_ADDRESS, text("bank_name", "Іпотекодержатель", max_length=200), CONTACT_PHONE),
        weight=2,
    ),
    # --- земля ---
    ServiceSpec(
        "05-01",
        "land",
        "Видача витягу з Державного земельного кадастру про земельну ділянку",
        "Витяг з ДЗК про земельну ділянку з відомостями про власників і обмеження.",
        ("Заява", "Документ, що посвідчує особу", "Документ про сплату"),
        10,
        "working",
        pm("0.025"),
        GEOCADASTRE,
        (CADASTRAL, DELIVERY),
        weight=9,
    ),
    ServiceSpec(
        "05-02",
        "land",
        "Державна реєстрація земельної ділянки з видачею витягу з ДЗК",
        "Внесення відомостей про земельну ділянку до Державного земельного кадастру.",
        ("Заява", "Документація із землеустрою в електронній формі"),
        14,
        "working",
        FREE,
        GEOCADASTRE,
        (
            OBJECT_ADDRESS,
            number("land_area", "Площа ділянки, м²", min=10, max=500_000),
            LAND_PURPOSE,
            CONTACT_PHONE,
            SCAN,
        ),
        weight=4,
    ),
    ServiceSpec(
        "05-03",
        "land",
        "Надання дозволу на розроблення проєкту землеустрою щодо відведення земельної ділянки",
        "Рішення міської ради про надання дозволу на розроблення проєкту землеустрою.",
        (
            "Клопотання",
            "Графічні матеріали з бажаним місцем розташування ділянки",
            "Документ, що посвідчує особу",
        ),
        None,
        "calendar",
        FREE,
        LAND,
        (
            OBJECT_ADDRESS,
            number("land_area", "Орієнтовна площа, м²", min=10, max=500_000),
            LAND_PURPOSE,
            CONTACT_PHONE,
            SCAN,
        ),
        weight=5,
    ),
    ServiceSpec(
        "05-04",
        "land",
        "Видача витягу з технічної документації про нормативну грошову оцінку землі",
        "Витяг про нормативну грошову оцінку земельної ділянки.",
        ("Заява", "Документ, що посвідчує особу"),
        3,
        "working",
        FREE,
        GEOCADASTRE,
        (CADASTRAL, DELIVERY),
        weight=4,
    ),
    ServiceSpec(
        "05-05",
        "land",
        "Поновлення (продовження) договору оренди землі",
        "Поновлення договору оренди земельної ділянки комунальної власності.",
        ("Клопотання", "Копія договору оренди", "Документ, що посвідчує особу"),
        None,
        "calendar",
        FREE,
        LAND,
        (
            CADASTRAL,
            date("lease_end", "Дата закінчення чинного договору"),
            number("lease_years", "Бажаний строк оренди, років", min=1, max=49),
            CONTACT_PHONE,
        ),
        weight=2,
    ),
    # --- соціальні ---
    ServiceSpec(
        "06-01",
        "social",
        "Призначення житлової субсидії",
        "Субсидія для відшкодування витрат на оплату житлово-комунальних послуг.",
        (
            "Заява та декларація про доходи і майно",
            "Документ, що посвідчує особу",
            "Договір найму (для наймачів)",
        ),
        10,
        "calendar",
        FREE,
        SOCIAL,
        (
            HOUSEHOLD,
            number("living_area", "Загальна площа житла, м²", min=10, max=500),
            number("monthly_income", "Сукупний дохід за місяць, грн", min=0, max=1_000_000),
            select(
                "heating",
                "Опалення",
                ["Централізоване", "Індивідуальне газове", "Електричне", "Тверде паливо"],
            ),
            IBAN,
            CONTACT_PHONE,
            CONSENT,
        ),
        weight=25,
    ),
    ServiceSpec(
        "06-02",
        "social",
        "Призначення допомоги при народженні дитини",
        "Одноразова та щомісячна допомога при народженні дитини (зокрема через «єМалятко»).",
        (
            "Заява",
            "Свідоцтво про народження дитини",
            "Документ, що посвідчує особу",
            "Реквізити рахунку",
        ),
        10,
        "calendar",
        FREE,
        SOCIAL,
        (CHILD_NAME, CHILD_BIRTH, BIRTH_CERT, IBAN, CONTACT_PHONE, CONSENT),
        weight=12,
    ),
    ServiceSpec(
        "06-03",
        "social",
        "Призначення допомоги на дітей одиноким матерям (батькам)",
        "Щомісячна державна допомога на дітей одиноким матерям.",
        ("Заява", "Свідоцтво про народження дитини", "Декларація про доходи"),
        10,
        "calendar",
        FREE,
        SOCIAL,
        (
            number("children_count", "Кількість дітей", min=1, max=12),
            number("monthly_income", "Середньомісячний дохід сім'ї, грн", min=0, max=500_000),
            IBAN,
            CONTACT_PHONE,
        ),
        weight=5,
    ),
    ServiceSpec(
        "06-04",
        "social",
        "Видача посвідчень батькам багатодітної сім'ї та дитини з багатодітної сім'ї",
        "Посвідчення, що дають право на пільги багатодітним сім'ям.",
        ("Заява", "Свідоцтва про народження дітей", "Фото 3×4 см"),
        None,
        "calendar",
        FREE,
        SOCIAL,
        (number("children_count", "Кількість дітей", min=3, max=15), CONTACT_PHONE, SCAN),
        weight=4,
    ),
    ServiceSpec(
        "06-05",
        "social",
        "Взяття на облік внутрішньо переміщених осіб (видача довідки)",
        "Довідка про взяття на облік внутрішньо переміщеної особи.",
        ("Документ, що посвідчує особу", "РНОКПП", "Документи про місце проживання"),
        1,
        "working",
        FREE,
        SOCIAL,
        (
            text("previous_address", "Адреса, з якої перемістилися", max_length=300),
            text("address_new", "Фактичне місце проживання в Тернополі", max_length=300),
            HOUSEHOLD,
            CONTACT_PHONE,
            CONSENT,
        ),
        weight=10,
    ),
    ServiceSpec(
        "06-06",
        "social",
        "Призначення державної соціальної допомоги малозабезпеченим сім'ям",
        "Допомога сім'ям, середньомісячний дохід яких нижчий за прожитковий мінімум.",
        ("Заява", "Декларація про доходи та майно", "Документ, що посвідчує особу"),
        10,
        "calendar",
        FREE,
        SOCIAL,
        (
            HOUSEHOLD,
            number("monthly_income", "Сукупний дохід за місяць, грн", min=0, max=200_000),
            IBAN,
            CONTACT_PHONE,
            CONSENT,
        ),
        weight=6,
    ),
    ServiceSpec(
        "06-07",
        "social",
        "Компенсація вартості проїзду особам з інвалідністю",
        "Міська програма: компенсація вартості проїзду в міському транспорті.",
        ("Заява", "Посвідчення особи з інвалідністю", "Реквізити рахунку"),
        None,
        "calendar",
        FREE,
        SOCIAL,
        (
            select("disability_group", "Група інвалідності", ["I група", "II група", "III група"]),
            IBAN,
            CONTACT_PHONE,
        ),
        weight=3,
        active=False,
    ),
    # --- транспорт ---
    ServiceSpec(
        "07-01",
        "transport",
        "Обмін посвідчення водія",
        "Обмін посвідчення водія у зв'язку із закінченням строку дії або зміною даних.",
        (
            "Паспорт громадянина України",
            "Посвідчення водія",
            "Медична довідка",
            "Документ про сплату",
        ),
        1,
        "working",
        Decimal("450.00"),
        TSC,
        (
            text("licence_number", "Серія та номер посвідчення водія", max_length=12),
            select("licence_category", "Категорія", ["A", "A1", "B", "B1", "BE", "C", "C1", "D"]),
            date("medical_certificate_date", "Дата медичної довідки"),
            CONTACT_PHONE,
        ),
        weight=10,
    ),
    ServiceSpec(
        "07-02",
        "transport",
        "Видача посвідчення водія замість втраченого або викраденого",
        "Видача нового посвідчення водія взамін втраченого.",
        ("Паспорт громадянина України", "Медична довідка", "Документ про сплату"),
        1,
        "working",
        Decimal("450.00"),
        TSC,
        (
            date("loss_date", "Дата втрати"),
            textarea("loss_circumstances", "Обставини втрати", required=False, max_length=500),
            CONTACT_PHONE,
        ),
        weight=3,
    ),
    ServiceSpec(
        "07-03",
        "transport",
        "Перереєстрація транспортного засобу",
        "Перереєстрація транспортного засобу на нового власника.",
        ("Документ, що посвідчує особу", "Свідоцтво про реєстрацію ТЗ", "Договір купівлі-продажу"),
        1,
        "working",
        Decimal("363.00"),
        TSC,
        (
            text("vin", "VIN-код", max_length=17),
            text("plate", "Номерний знак", max_length=10),
            number("production_year", "Рік випуску", min=1950, max=2026),
            CONTACT_PHONE,
        ),
        weight=5,
    ),
    ServiceSpec(
        "07-04",
        "transport",
        "Видача дозволу на в'їзд до пішохідної зони центру міста",
        "Дозвіл на заїзд транспорту для обслуговування об'єктів у пішохідній зоні.",
        ("Заява", "Свідоцтво про реєстрацію ТЗ", "Документ про право на об'єкт у зоні"),
        5,
        "working",
        FREE,
        UTILITIES,
        (
            text("plate", "Номерний знак", max_length=10),
            OBJECT_ADDRESS,
            date("valid_from", "Дозвіл потрібен з"),
            date("valid_to", "Дозвіл потрібен до"),
            CONTACT_PHONE,
        ),
        weight=2,
    ),
    # --- довідки та витяги ---
    ServiceSpec(
        "08-01",
        "certificates",
        "Видача витягу з Державного реєстру актів цивільного стану",
        "Витяг про державну реєстрацію народження, шлюбу чи смерті.",
        ("Документ, що посвідчує особу", "Заява"),
        1,
        "working",
        FREE,
        DRACS,
        (
            select("record_kind", "Вид актового запису", ["Народження", "Шлюб", "Смерть"]),
            text("record_person", "Особа, щодо якої складено запис", max_length=200),
            DELIVERY,
        ),
        weight=5,
    ),
    ServiceSpec(
        "08-02",
        "certificates",
        "Видача довідки про несудимість",
        "Витяг з інформаційно-аналітичної системи «Облік відомостей про притягнення особи "
        "до кримінальної відповідальності».",
        ("Документ, що посвідчує особу", "Заява"),
        10,
        "calendar",
        FREE,
        CNAP,
        (
            select(
                "purpose",
                "Мета отримання",
                ["Працевлаштування", "Виїзд за кордон", "Усиновлення", "Оформлення дозволу"],
            ),
            checkbox("apostille_needed", "Потрібен апостиль"),
            DELIVERY,
        ),
        weight=14,
    ),
    ServiceSpec(
        "08-03",
        "certificates",
        "Видача архівної довідки",
        "Архівна довідка, копія або витяг з документів архівного відділу міської ради.",
        ("Заява", "Документ, що посвідчує особу"),
        None,
        "calendar",
        FREE,
        ARCHIVE,
        (
            select(
                "archive_topic",
                "Тема запиту",
                ["Трудовий стаж", "Заробітна плата", "Рішення виконкому", "Приватизація житла"],
            ),
            text("period", "Період (роки)", max_length=40),
            textarea("details", "Що саме потрібно знайти", required=True, max_length=1500),
            DELIVERY,
        ),
        weight=5,
    ),
    ServiceSpec(
        "08-04",
        "certificates",
        "Реєстрація фізичної особи платником податків (картка РНОКПП)",
        "Присвоєння реєстраційного номера облікової картки платника податків.",
        ("Документ, що посвідчує особу", "Облікова картка фізичної особи"),
        3,
        "working",
        FREE,
        TAX_OFFICE,
        (
            date("birth_date", "Дата народження"),
            select("citizenship", "Громадянство", ["Україна", "Інша держава", "Без громадянства"]),
            CONTACT_PHONE,
        ),
        weight=5,
    ),
    ServiceSpec(
        "08-05",
        "certificates",
        "Видача довідки про склад сім'ї або зареєстрованих у житловому приміщенні осіб",
        "Довідка про осіб, зареєстрованих за адресою.",
        ("Документ, що посвідчує особу",),
        1,
        "working",
        FREE,
        RESIDENCE,
        (text("address_current", "Адреса житла", max_length=300), DELIVERY),
        weight=12,
    ),
    # --- будівництво ---
    ServiceSpec(
        "09-01",
        "construction",
        "Надання містобудівних умов та обмежень забудови земельної ділянки",
        "Містобудівні умови та обмеження для проєктування об'єкта будівництва.",
        (
            "Заява",
            "Документ про право на земельну ділянку",
            "Викопіювання з топографо-геодезичного плану М 1:2000",
            "Містобудівний розрахунок",
        ),
        10,
        "working",
        FREE,
        ARCHITECTURE,
        (
            CADASTRAL,
            OBJECT_ADDRESS,
            text("object_name", "Назва об'єкта будівництва", max_length=300),
            number("building_height", "Гранична висота будівлі, м", min=3, max=150),
            CONTACT_PHONE,
            SCAN,
        ),
        weight=5,
    ),
    ServiceSpec(
        "09-02",
        "construction",
        "Видача будівельного паспорта забудови земельної ділянки",
        "Будівельний паспорт для садибного, дачного будинку чи господарських споруд.",
        ("Заява", "Документ про право на земельну ділянку", "Ескіз намірів забудови"),
        10,
        "working",
        FREE,
        ARCHITECTURE,
        (
            CADASTRAL,
            OBJECT_ADDRESS,
            number("planned_area", "Загальна площа будинку, м²", min=10, max=500),
            number("floors", "Кількість поверхів", min=1, max=2),
            CONTACT_PHONE,
            SCAN,
        ),
        weight=4,
    ),
    ServiceSpec(
        "09-03",
        "construction",
        "Видача ордера на видалення зелених насаджень",
        "Дозвіл на видалення аварійних, сухостійних або таких, що заважають, дерев і кущів.",
        ("Заява", "Акт обстеження зелених насаджень", "Схема розміщення"),
        None,
        "calendar",
        FREE,
        UTILITIES,
        (
            OBJECT_ADDRESS,
            number("tree_count", "Кількість дерев", min=1, max=200),
            select("tree_state", "Стан насаджень", ["Аварійні", "Сухостійні", "Самосів"]),
            CONTACT_PHONE,
        ),
        weight=4,
    ),
    ServiceSpec(
        "09-04",
        "construction",
        "Видача дозволу на порушення об'єктів благоустрою (земляні роботи)",
        "Ордер на проведення земляних і ремонтних робіт на території міста.",
        ("Заява", "Схема місця робіт", "Графік робіт", "Гарантійний лист про відновлення"),
        10,
        "working",
        FREE,
        UTILITIES,
        (
            OBJECT_ADDRESS,
            date("work_from", "Початок робіт"),
            date("work_to", "Завершення робіт"),
            textarea("work_kind", "Вид робіт", required=True, max_length=500),
            CONTACT_PHONE,
        ),
        weight=3,
    ),
    ServiceSpec(
        "09-05",
        "construction",
        "Видача паспорта прив'язки тимчасової споруди для підприємницької діяльності",
        "Паспорт прив'язки тимчасової споруди (МАФ) на території Тернополя.",
        ("Заява", "Графічні матеріали місця розміщення", "Схема споруди"),
        10,
        "working",
        FREE,
        ARCHITECTURE,
        (
            OBJECT_ADDRESS,
            number("structure_area", "Площа споруди, м²", min=1, max=30),
            select("structure_kind", "Тип споруди", ["Кіоск", "Павільйон", "Торгова палатка"]),
            CONTACT_PHONE,
            SCAN,
        ),
        weight=2,
    ),
    # --- РАЦС ---
    ServiceSpec(
        "10-01",
        "civil",
        "Державна реєстрація шлюбу",
        "Реєстрація шлюбу через місяць після подання заяви (або раніше з поважних причин).",
        ("Паспорти наречених", "Документ про сплату державного мита"),
        None,
        "calendar",
        Decimal("0.85"),
        DRACS,
        (
            text("partner_full_name", "ПІБ нареченої (нареченого)", max_length=200),
            date("partner_birth_date", "Дата народження нареченої (нареченого)"),
            date("wedding_date", "Бажана дата реєстрації"),
            text("surname_after", "Прізвище після реєстрації шлюбу", max_length=100),
            checkbox("solemn_ceremony", "Урочиста церемонія"),
            CONTACT_PHONE,
        ),
        weight=8,
    ),
    ServiceSpec(
        "10-02",
        "civil",
        "Державна реєстрація народження дитини",
        "Реєстрація народження з видачею свідоцтва про народження.",
        ("Медичне свідоцтво про народження", "Паспорти батьків", "Свідоцтво про шлюб"),
        1,
        "calendar",
        FREE,
        DRACS,
        (
            CHILD_NAME,
            CHILD_BIRTH,
            select("child_sex", "Стать дитини", ["Чоловіча", "Жіноча"]),
            text("father_full_name", "ПІБ батька", required=False, max_length=200),
            CONTACT_PHONE,
        ),
        weight=6,
    ),
    ServiceSpec(
        "10-03",
        "civil",
        "Державна реєстрація смерті",
        "Реєстрація смерті з видачею свідоцтва про смерть.",
        ("Лікарське свідоцтво про смерть", "Паспорт померлого", "Паспорт заявника"),
        1,
        "calendar",
        FREE,
        DRACS,
        (
            text("deceased_full_name", "ПІБ померлої особи", max_length=200),
            date("death_date", "Дата смерті"),
            CONTACT_PHONE,
        ),
        weight=3,
    ),
    ServiceSpec(
        "10-04",
        "civil",
        "Державна реєстрація розірвання шлюбу подружжя, яке не має дітей",
        "Розірвання шлюбу за спільною заявою подружжя через місяць від подання заяви.",
        ("Спільна заява подружжя", "Свідоцтво про шлюб", "Документ про сплату державного мита"),
        None,
        "calendar",
        Decimal("34.00"),
        DRACS,
        (
            text("spouse_full_name", "ПІБ другого з подружжя", max_length=200),
            date("marriage_date", "Дата реєстрації шлюбу"),
            text("surname_after", "Прізвище після розірвання шлюбу", max_length=100),
            CONTACT_PHONE,
        ),
        weight=3,
    ),
    ServiceSpec(
        "10-05",
        "civil",
        "Державна реєстрація зміни імені",
        "Зміна прізвища, власного імені або по батькові (розгляд до трьох місяців).",
        ("Заява", "Свідоцтво про народження", "Паспорт", "Документ про сплату державного мита"),
        90,
        "calendar",
        Decimal("51.00"),
        DRACS,
        (
            text("new_full_name", "Нове прізвище, ім'я, по батькові", max_length=200),
            textarea("reason_text", "Причина зміни", required=True, max_length=1000),
            CONTACT_PHONE,
        ),
        weight=2,
    ),
    ServiceSpec(
        "10-06",
        "civil",
        "Видача повторного свідоцтва про державну реєстрацію акту цивільного стану",
        "Повторне свідоцтво про народження, шлюб або смерть замість втраченого.",
        ("Заява", "Паспорт", "Документ про сплату державного мита"),
        1,
        "working",
        Decimal("6.80"),
        DRACS,
        (
            select("record_kind", "Свідоцтво про", ["Народження", "Шлюб", "Смерть"]),
            text("record_person", "Особа, щодо якої видається свідоцтво", max_length=200),
            DELIVERY,
        ),
        weight=4,
    ),
    # --- міські послуги ---
    ServiceSpec(
        "11-01",
        "city",
        "Видача дозволу на розміщення зовнішньої реклами",
        "Дозвіл на розміщення рекламного засобу на території Тернополя.",
        ("Заява", "Фотокартка місця розміщення", "Ескіз рекламного засобу", "Згода власника"),
        10,
        "working",
        FREE,
        ARCHITECTURE,
        (
            OBJECT_ADDRESS,
            select("ad_kind", "Вид рекламного засобу", ["Вивіска", "Білборд", "Сітілайт", "Банер"]),
            number("ad_area", "Площа рекламної поверхні, м²", min=1, max=100),
            CONTACT_PHONE,
            SCAN,
        ),
        weight=3,
    ),
    ServiceSpec(
        "11-02",
        "city",
        "Взяття на квартирний облік громадян, які потребують поліпшення житлових умов",
        "Постановка на квартирний облік за місцем проживання.",
        ("Заява", "Довідка про склад сім'ї", "Довідки про пільги (за наявності)"),
        None,
        "calendar",
        FREE,
        UTILITIES,
        (
            HOUSEHOLD,
            number("living_area", "Житлова площа, м²", min=5, max=300),
            select(
                "priority",
                "Пільгова категорія",
                ["Без пільг", "Учасник бойових дій", "Багатодітна сім'я", "Особа з інвалідністю"],
            ),
            CONTACT_PHONE,
        ),
        weight=3,
    ),
    ServiceSpec(
        "11-03",
        "city",
        "Реєстрація дитини в електронній черзі до закладу дошкільної освіти",
        "Реєстрація в електронній черзі до комунальних закладів дошкільної освіти міста.",
        ("Свідоцтво про народження дитини", "Документ, що посвідчує особу батьків"),
        1,
        "working",
        FREE,
        EDUCATION,
        (
            CHILD_NAME,
            CHILD_BIRTH,
            select(
                "kindergarten",
                "Бажаний заклад",
                [
                    "ЗДО № 5",
                    "ЗДО № 12",
                    "ЗДО № 17",
                    "ЗДО № 23",
                    "ЗДО № 31",
                    "ЗДО № 36",
                    "ЗДО № 41",
                ],
            ),
            checkbox("has_benefit", "Маю право на позачергове зарахування"),
            CONTACT_PHONE,
        ),
        weight=8,
    ),
    ServiceSpec(
        "11-04",
        "city",
        "Співфінансування енергоефективних заходів в ОСББ («Енергодім»)",
        "Міська програма співфінансування утеплення та модернізації будинків ОСББ.",
        ("Заява", "Протокол загальних зборів ОСББ", "Кошторис робіт"),
        None,
        "calendar",
        FREE,
        UTILITIES,
        (
            text("osbb_name", "Назва ОСББ", max_length=200),
            text("osbb_code", "Код ЄДРПОУ ОСББ", max_length=8),
            OBJECT_ADDRESS,
            number("project_cost", "Вартість заходів, грн", min=10_000, max=50_000_000),
            CONTACT_PHONE,
            CONTACT_EMAIL,
            SCAN,
        ),
        weight=2,
    ),
    ServiceSpec(
        "11-05",
        "city",
        "Видача дозволу на розміщення об'єкта сезонної торгівлі",
        "Погодження розміщення сезонної торгівлі (кава, морозиво, квас) на території міста.",
        ("Заява", "Схема розміщення", "Документ про реєстрацію суб'єкта господарювання"),
        10,
        "working",
        FREE,
        ARCHITECTURE,
        (
            OBJECT_ADDRESS,
            select("goods", "Асортимент", ["Морозиво", "Кава та напої", "Квас", "Сезонні ягоди"]),
            date("trade_from", "Початок торгівлі"),
            date("trade_to", "Кінець торгівлі"),
            tax_number("tax_number", "РНОКПП підприємця", required=True),
            CONTACT_PHONE,
        ),
        weight=2,
    ),
)


def service_by_code() -> dict[str, ServiceSpec]:
    return {s.code: s for s in SERVICES}
