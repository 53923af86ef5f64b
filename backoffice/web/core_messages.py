"""Core's messages that the portal shows, marked here so that ``pybabel extract`` puts them in
the catalog. Core speaks Ukrainian (see core/errors.py); ``i18n.core_message`` looks each one
up when the visitor chose English. Messages with a number inside (lengths, seconds) match only
for the values listed; anything not listed is shown in Ukrainian. Add a section's messages
when you add the section.
"""

from flask_babel import lazy_gettext as _l

MESSAGES = (
    # core/validation.py
    _l("Обов'язкове поле."),
    _l("Неправильний тип значення."),
    _l("Має бути одним рядком."),
    _l("Містить недопустимі символи."),
    _l("Неправильна адреса електронної пошти."),
    _l("Номер телефону у форматі +380XXXXXXXXX."),
    _l("Не коротше 3 символів."),
    _l("Має бути цілим числом."),
    _l("Не менше 1."),
    _l("Виберіть одне із запропонованих значень."),
    # core/errors.py
    _l("Помилка."),
    _l("У вас немає права на цю дію."),
    _l("Не знайдено."),
    _l("Перевірте введені дані."),
    _l("Цей запис щойно змінив інший користувач. Перегляньте зміни й повторіть."),
    _l("Ця дія недоступна в поточному стані."),
    # core/people.py
    _l("Пароль має містити щонайменше 10 символів."),
    _l("Пароль не довший за 200 символів."),
    _l("Пароль надто простий."),
    _l("Потрібна згода на обробку персональних даних."),
    _l("Ця адреса вже зареєстрована. Увійдіть або відновіть пароль."),
    _l("Ця адреса вже зареєстрована."),
    _l("Поточний пароль неправильний."),
    _l("Ви вже увійшли до кабінету."),
    _l("Посилання для відновлення пароля недійсне або вже використане. Запросіть нове."),
    _l("Посилання для відновлення пароля застаріло. Запросіть нове."),
)
