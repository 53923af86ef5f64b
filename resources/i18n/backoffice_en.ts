<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="uk">
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="352"/>
        <source>Надати відповідь</source>
        <translation>Give an answer</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="356"/>
        <source>Текст відповіді:</source>
        <translation>Answer text:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="359"/>
        <source>Файли відповіді:</source>
        <translation>Answer files:</translation>
    </message>
</context>
<context>
    <name>AppealDialogs</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="390"/>
        <source>Залишити без розгляду</source>
        <translation>Leave without consideration</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="391"/>
        <source>Причину буде повідомлено заявникові.</source>
        <translation>The applicant will be told the reason.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="403"/>
        <source>Відповідь доставлено</source>
        <translation>Answer delivered</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="404"/>
        <source>Позначити, що відповідь на {reference} надіслано поштою?</source>
        <translation>Mark the answer to {reference} as sent by post?</translation>
    </message>
</context>
<context>
    <name>AppealsPanel</name>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="734"/>
        <source>Не вдалося прочитати файл «{name}»: {why}</source>
        <translation>Could not read the file “{name}”: {why}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="790"/>
        <source>{n} МБ</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="794"/>
        <source>{n} КБ</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="795"/>
        <source>{n} Б</source>
        <translation>{n} B</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="239"/>
        <source>Передати іншому виконавцю</source>
        <translation>Reassign to another officer</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="239"/>
        <source>Доручити виконавцю</source>
        <translation>Assign to an officer</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="241"/>
        <source>Зараз доручено: {name}</source>
        <translation>Currently assigned to: {name}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="251"/>
        <source>Виконавець:</source>
        <translation>Assignee:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="253"/>
        <source>Немає активних працівників прийомної.</source>
        <translation>There are no active reception officers.</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="945"/>
        <source>Нова категорія послуг</source>
        <translation>New service category</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="952"/>
        <source>латиницею, напр. land</source>
        <translation>in Latin letters, e.g. land</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="959"/>
        <source>Категорії впорядковано за цим числом, далі за назвою</source>
        <translation>Categories are sorted by this number, then by title</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="962"/>
        <source>Код:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="963"/>
        <source>Назва:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="964"/>
        <source>Порядок:</source>
        <translation>Order:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="976"/>
        <source>Створити</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="977"/>
        <source>Скасувати</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ChartBox</name>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="106"/>
        <source>Зберегти PNG…</source>
        <translation>Save PNG…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="116"/>
        <source>Зберегти графік</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="116"/>
        <source>Зображення PNG (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
</context>
<context>
    <name>ClerkChooser</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="227"/>
        <source>Доручити виконавцю</source>
        <translation>Assign to an officer</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="233"/>
        <source>Виконавець:</source>
        <translation>Assignee:</translation>
    </message>
</context>
<context>
    <name>CommentQueue</name>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="348"/>
        <source>Пошук у тексті коментаря або за автором</source>
        <translation>Search the comment text or by author</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="371"/>
        <source>Надійшов</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="376"/>
        <source>Обговорення</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="377"/>
        <source>Автор</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="380"/>
        <source>Стан</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="384"/>
        <source>Коментар</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="404"/>
        <source>Усі коментарі</source>
        <translation>All comments</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="408"/>
        <source>Усі обговорення</source>
        <translation>All discussions</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="464"/>
        <source>Обговорення:</source>
        <translation>Discussion:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="465"/>
        <source>Автор:</source>
        <translation>Author:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="466"/>
        <source>Надійшов:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="467"/>
        <source>Стан:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="468"/>
        <source>Модератор:</source>
        <translation>Moderator:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="469"/>
        <source>Причина відхилення:</source>
        <translation>Reason for rejection:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="482"/>
        <source>Схвалити (A)</source>
        <translation>Approve (A)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="483"/>
        <source>Відхилити… (R)</source>
        <translation>Reject… (R)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="489"/>
        <source>У списку: A — схвалити, R — відхилити вибраний коментар.</source>
        <translation>In the list: A approves, R rejects the selected comment.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="529"/>
        <source>Відхилити коментар</source>
        <translation>Reject the comment</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="530"/>
        <source>Причина відхилення (її отримає автор):</source>
        <translation>Reason for rejection (the author will receive it):</translation>
    </message>
</context>
<context>
    <name>DemocracyDialogs</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="115"/>
        <source>Назва</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="116"/>
        <source>Опис</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="117"/>
        <source>Початок</source>
        <translation>Opens</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="118"/>
        <source>Завершення</source>
        <translation>Closes</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="119"/>
        <source>Результати</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="120"/>
        <source>Питання</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="121"/>
        <source>Мешканець</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="122"/>
        <source>Відповіді</source>
        <translation>Answers</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="133"/>
        <source>Питання {n}, варіант {m}</source>
        <translation>Question {n}, option {m}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="137"/>
        <source>Питання {n}, варіанти</source>
        <translation>Question {n}, options</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="140"/>
        <source>Питання {n}</source>
        <translation>Question {n}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="148"/>
        <source>Перевірте введені дані:</source>
        <translation>Please check what you entered:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="507"/>
        <source>Бюлетенів: {n}</source>
        <translation>Ballots: {n}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="514"/>
        <source>Тип: {kind}; відповіли: {n}</source>
        <translation>Type: {kind}; answered: {n}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="521"/>
        <source>Відповідей текстом: {n}</source>
        <translation>Text answers: {n}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="534"/>
        <source>Частки — від тих, хто відповів на питання.</source>
        <translation>Shares are of those who answered the question.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="539"/>
        <source>Для кількох варіантів сума часток може перевищувати 100%.</source>
        <translation>With several options allowed, the shares may add up to more than 100%.</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="374"/>
        <source>Закрити</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="143"/>
        <source>Друкувати…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="144"/>
        <source>Зберегти PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="145"/>
        <source>Відкрити в переглядачі</source>
        <translation>Open in viewer</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="168"/>
        <source>Формування документа…</source>
        <translation>Building the document…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="199"/>
        <source>Сторінок: {n}. Розмір: {kb} КБ.</source>
        <translation>Pages: {n}. Size: {kb} KB.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="239"/>
        <source>Зберегти PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="239"/>
        <source>Документ PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="251"/>
        <source>Збережено: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="283"/>
        <source>Чинний строк: {due}.</source>
        <translation>Current due date: {due}.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="285"/>
        <source>Найпізніша можлива дата: {day}.</source>
        <translation>Latest possible date: {day}.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="288"/>
        <source>Новий строк і причину буде повідомлено заявникові.</source>
        <translation>The applicant will be told the new due date and the reason.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="289"/>
        <source>Продовжити строк розгляду</source>
        <translation>Extend the term of consideration</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="295"/>
        <source>Новий строк:</source>
        <translation>New due date:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="298"/>
        <source>Причина:</source>
        <translation>Reason:</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <location filename="../../backoffice/ui/formwidget.py" line="41"/>
        <location filename="../../backoffice/ui/formwidget.py" line="56"/>
        <source>файл не вибрано</source>
        <translation>no file chosen</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/formwidget.py" line="42"/>
        <source>Вибрати…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/formwidget.py" line="49"/>
        <source>Виберіть файл</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/formwidget.py" line="49"/>
        <source>Документи (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>Documents (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>FilesPicker</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="148"/>
        <source>Додати…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="151"/>
        <source>Прибрати</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="171"/>
        <source>Виберіть файли</source>
        <translation>Choose files</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="173"/>
        <source>Документи ({patterns});;Усі файли (*)</source>
        <translation>Documents ({patterns});;All files (*)</translation>
    </message>
</context>
<context>
    <name>FormFieldsEditor</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="330"/>
        <source>Додати поле</source>
        <translation>Add field</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="333"/>
        <source>Вилучити</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="336"/>
        <source>Вгору</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="339"/>
        <source>Вниз</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="354"/>
        <source>Властивості вибраного поля</source>
        <translation>Properties of the selected field</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="358"/>
        <source>латиницею, напр. land_area</source>
        <translation>in Latin letters, e.g. land_area</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="361"/>
        <source>що прочитає мешканець</source>
        <translation>what the resident will read</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="366"/>
        <source>обов&apos;язкове для заповнення</source>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="371"/>
        <source>типова</source>
        <translation>default</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="377"/>
        <source>без обмеження</source>
        <translation>no limit</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="381"/>
        <source>від</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="383"/>
        <source>до</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="389"/>
        <source>Кожен варіант з нового рядка (або в одному рядку через кому)</source>
        <translation>Each option on a new line (or on one line, separated by commas)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="394"/>
        <source>підказка під полем (необов&apos;язково)</source>
        <translation>hint below the field (optional)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="395"/>
        <source>Ім&apos;я:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="396"/>
        <source>Підпис:</source>
        <translation>Label:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="397"/>
        <source>Тип:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="399"/>
        <source>Найбільша довжина:</source>
        <translation>Maximum length:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="400"/>
        <source>Значення:</source>
        <translation>Value:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="401"/>
        <source>Варіанти:</source>
        <translation>Options:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="402"/>
        <source>Підказка:</source>
        <translation>Hint:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="434"/>
        <source>Поле {n}</source>
        <translation>Field {n}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="456"/>
        <source>Нове поле</source>
        <translation>New field</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="564"/>
        <source>так</source>
        <translation>yes</translation>
    </message>
</context>
<context>
    <name>ForwardDialog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="326"/>
        <source>Переслати за належністю</source>
        <translation>Forward to the competent body</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="328"/>
        <source>Заявникові буде повідомлено, куди й чому переслано.</source>
        <translation>The applicant will be told where it was forwarded and why.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="332"/>
        <source>Кому (орган):</source>
        <translation>To (body):</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="334"/>
        <source>Причина:</source>
        <translation>Reason:</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <location filename="../../backoffice/ui/listpanel.py" line="94"/>
        <source>Виберіть рядок, щоб побачити подробиці.</source>
        <translation>Select a row to see the details.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/listpanel.py" line="107"/>
        <source>Пошук</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/listpanel.py" line="116"/>
        <source>Оновити</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/listpanel.py" line="117"/>
        <source>Оновити список (F5)</source>
        <translation>Refresh the list (F5)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/listpanel.py" line="120"/>
        <location filename="../../backoffice/ui/listpanel.py" line="254"/>
        <source>Експорт…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/listpanel.py" line="123"/>
        <source>Зберегти список з поточними фільтрами: CSV або XLSX</source>
        <translation>Save the list with its current filters: CSV or XLSX</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/listpanel.py" line="214"/>
        <source>Показано: {shown}</source>
        <translation>Shown: {shown}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/listpanel.py" line="216"/>
        <source>Показано {shown} з {total}</source>
        <translation>Showing {shown} of {total}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/listpanel.py" line="218"/>
        <source>завантаження…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/listpanel.py" line="229"/>
        <source>Експорт списку</source>
        <translation>Export the list</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/listpanel.py" line="231"/>
        <source>Книга Excel (*.xlsx);;CSV, розділювач «;» (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV, separated by “;” (*.csv)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/listpanel.py" line="273"/>
        <source>Збережено у файл {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/listpanel.py" line="278"/>
        <source>Експорт не вдався</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../backoffice/ui/main_window.py" line="34"/>
        <source>e-Тернопіль — робоче місце</source>
        <translation>e-Ternopil — staff workplace</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/main_window.py" line="109"/>
        <source>&amp;Файл</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/main_window.py" line="110"/>
        <source>Оновити лічильники</source>
        <translation>Refresh counters</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/main_window.py" line="113"/>
        <source>Вийти</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/main_window.py" line="117"/>
        <source>&amp;Вигляд</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/main_window.py" line="118"/>
        <location filename="../../backoffice/ui/main_window.py" line="132"/>
        <source>Мова інтерфейсу</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/main_window.py" line="123"/>
        <source>&amp;Довідка</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/main_window.py" line="124"/>
        <location filename="../../backoffice/ui/main_window.py" line="141"/>
        <source>Про програму</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/main_window.py" line="133"/>
        <source>Мову буде змінено після перезапуску програми.</source>
        <translation>The language will change after the application is restarted.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/main_window.py" line="142"/>
        <source>e-Тернопіль — робоче місце працівника, версія {version}</source>
        <translation>e-Ternopil — staff workplace, version {version}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/main_window.py" line="151"/>
        <source>Користувач: {name} ({roles})</source>
        <translation>User: {name} ({roles})</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/main_window.py" line="175"/>
        <source>● з&apos;єднано</source>
        <translation>● connected</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/main_window.py" line="178"/>
        <source>● немає з&apos;єднання — повторна спроба…</source>
        <translation>● no connection — retrying…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/__init__.py" line="24"/>
        <source>Замовлення послуг</source>
        <translation>Service orders</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/__init__.py" line="31"/>
        <source>Звернення і запити</source>
        <translation>Appeals and requests</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/__init__.py" line="38"/>
        <source>Опитування й обговорення</source>
        <translation>Surveys and discussions</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/__init__.py" line="43"/>
        <source>Користувачі</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/__init__.py" line="45"/>
        <source>Каталог послуг</source>
        <translation>Service catalogue</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/__init__.py" line="48"/>
        <source>Вміст порталу</source>
        <translation>Portal content</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/__init__.py" line="51"/>
        <source>Аналітика</source>
        <translation>Analytics</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/__init__.py" line="53"/>
        <source>Журнал дій</source>
        <translation>Activity log</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="65"/>
        <source>Пошук: номер заяви або ім&apos;я заявника</source>
        <translation>Search: application number or applicant&apos;s name</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="113"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="72"/>
        <source>Номер</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="66"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="73"/>
        <source>Послуга</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="97"/>
        <source>Пошук: номер, тема або заявник</source>
        <translation>Search: number, subject or applicant</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="121"/>
        <source>Вид</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="125"/>
        <source>Тема</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="126"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="74"/>
        <source>Заявник</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="129"/>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="82"/>
        <location filename="../../backoffice/ui/tabs/content.py" line="94"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="77"/>
        <location filename="../../backoffice/ui/tabs/users.py" line="45"/>
        <source>Стан</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="143"/>
        <source>Надійшло</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="148"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="82"/>
        <source>Виконавець</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="169"/>
        <source>Усі види</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="175"/>
        <source>Незакриті</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="182"/>
        <source>Доручені мені</source>
        <translation>Assigned to me</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="183"/>
        <source>Не доручені</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="192"/>
        <source>Нове паперове звернення…</source>
        <translation>New paper appeal…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="201"/>
        <source>Термінові</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="207"/>
        <source>Надійшли з</source>
        <translation>Received from</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="221"/>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="471"/>
        <source>прострочено</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="222"/>
        <source>строк спливає</source>
        <translation>due soon</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="260"/>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="379"/>
        <source>Виберіть звернення в списку.</source>
        <translation>Select an appeal in the list.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="282"/>
        <source>Друкувати картку…</source>
        <translation>Print card…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="284"/>
        <source>Реєстраційно-контрольна картка: перегляд і друк</source>
        <translation>Registration-control card: view and print</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="294"/>
        <source>Реєстраційний номер:</source>
        <translation>Registration number:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="295"/>
        <source>Вид:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="305"/>
        <source>Контакт:</source>
        <translation>Contact:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="306"/>
        <source>Тема:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="307"/>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="174"/>
        <source>Категорія:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="309"/>
        <source>Переслано до:</source>
        <translation>Forwarded to:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="310"/>
        <source>Без розгляду:</source>
        <translation>Not considered:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="311"/>
        <source>Відповідь надано:</source>
        <translation>Answered:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="312"/>
        <source>Доставлено:</source>
        <translation>Delivered:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="313"/>
        <source>Закрито:</source>
        <translation>Closed:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="318"/>
        <source>Текст звернення</source>
        <translation>Text of the appeal</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="321"/>
        <source>Відповідь</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="326"/>
        <source>Файли</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="333"/>
        <source>Відкрити</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="339"/>
        <source>Хід розгляду</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="352"/>
        <source>Зареєструвати…</source>
        <translation>Register…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="354"/>
        <source>Відповісти…</source>
        <translation>Answer…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="355"/>
        <source>Відповідь доставлено</source>
        <translation>Answer delivered</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="356"/>
        <source>Змінити виконавця…</source>
        <translation>Change assignee…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="357"/>
        <source>Продовжити строк…</source>
        <translation>Extend the term…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="358"/>
        <source>Переслати…</source>
        <translation>Forward…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="359"/>
        <source>Без розгляду…</source>
        <translation>Do not consider…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="401"/>
        <source>Реєстраційно-контрольна картка</source>
        <translation>Registration-control card</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="459"/>
        <source>Не вдалося відкрити картку.</source>
        <translation>Could not open the record.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="466"/>
        <source>з {first}; причина: {reason}</source>
        <translation>was {first}; reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="484"/>
        <source>не зареєстровано</source>
        <translation>not registered</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="507"/>
        <source>відповідь</source>
        <translation>answer</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="507"/>
        <source>додаток</source>
        <translation>attachment</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="541"/>
        <source>Не вдалося відкрити файл. Його збережено тут: {path}</source>
        <translation>Could not open the file. It has been saved here: {path}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="85"/>
        <source>Подано</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="136"/>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="70"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="92"/>
        <source>Строк</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="93"/>
        <source>Пошук у діях і об&apos;єктах</source>
        <translation>Search actions and objects</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="104"/>
        <location filename="../../backoffice/ui/tabs/activity.py" line="173"/>
        <location filename="../../backoffice/ui/tabs/content.py" line="91"/>
        <source>№</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="105"/>
        <source>Час</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="106"/>
        <source>Хто</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="109"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="97"/>
        <source>Канал</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="113"/>
        <location filename="../../backoffice/ui/tabs/activity.py" line="160"/>
        <source>Дія</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="114"/>
        <source>Об&apos;єкт</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="115"/>
        <location filename="../../backoffice/ui/tabs/content.py" line="93"/>
        <source>Адреса</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="138"/>
        <source>Дії лише однієї особи</source>
        <translation>Actions of one person only</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="143"/>
        <source>Будь-хто</source>
        <translation>Anyone</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="155"/>
        <source>Група дій зі списку, або дія точно (order.accepted), або початок (order.)</source>
        <translation>A group of actions from the list, an exact action (order.accepted) or its beginning (order.)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="157"/>
        <source>Усі дії</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="166"/>
        <source>Будь-який об&apos;єкт</source>
        <translation>Any object</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="174"/>
        <source>Номер об&apos;єкта</source>
        <translation>Object number</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="181"/>
        <source>з</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="221"/>
        <source>Особа: {name}</source>
        <translation>Person: {name}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="221"/>
        <source>Особа: будь-хто</source>
        <translation>Person: anyone</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="247"/>
        <source>Запис №:</source>
        <translation>Entry No.:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="248"/>
        <source>Час:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="249"/>
        <source>Хто:</source>
        <translation>Who:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="250"/>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="297"/>
        <source>Канал:</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="251"/>
        <location filename="../../backoffice/ui/tabs/content.py" line="171"/>
        <source>Адреса:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="252"/>
        <source>Дія:</source>
        <translation>Action:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="253"/>
        <source>Об&apos;єкт:</source>
        <translation>Object:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="254"/>
        <source>Хеш:</source>
        <translation>Hash:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="258"/>
        <source>Зміни:</source>
        <translation>Changes:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="261"/>
        <source>Поле</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="261"/>
        <source>Було</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="261"/>
        <source>Стало</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="275"/>
        <source>Запис без змінених полів.</source>
        <translation>An entry without changed fields.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="281"/>
        <source>Виберіть зміну, щоб побачити її повністю.</source>
        <translation>Select a change to see it in full.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="356"/>
        <source>{field}

Було:
{before}

Стало:
{after}</source>
        <translation>{field}

Before:
{before}

After:
{after}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="368"/>
        <source>Перевірити ланцюжок</source>
        <translation>Verify the chain</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="371"/>
        <source>Переперевірити хеші всіх записів: чи ніхто не змінив і не видалив жодного</source>
        <translation>Recheck the hashes of all entries: that nobody has changed or deleted any of them</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="402"/>
        <source>Перевіряю ланцюжок записів…</source>
        <translation>Verifying the chain of entries…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="421"/>
        <source>Ланцюжок цілий: перевірено записів — {n}.</source>
        <translation>The chain is intact: {n} entries verified.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="427"/>
        <source>ЛАНЦЮЖОК ПОРУШЕНО на записі №{id}: {reason}. Цілих записів перед ним: {n}.</source>
        <translation>CHAIN BROKEN at entry No. {id}: {reason}. Intact entries before it: {n}.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="174"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="134"/>
        <source>Усі стани</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="135"/>
        <source>Відкриті</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="140"/>
        <source>Усі послуги</source>
        <translation>All services</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="181"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="145"/>
        <source>Будь-який виконавець</source>
        <translation>Any assignee</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="146"/>
        <source>Мої</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="147"/>
        <source>Без виконавця</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="197"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="150"/>
        <source>Прострочені</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="199"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="152"/>
        <source>Строк спливає</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="154"/>
        <source>Подано з</source>
        <translation>Submitted from</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="185"/>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="218"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="171"/>
        <source>по</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="173"/>
        <source>Нова заява…</source>
        <translation>New application…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="175"/>
        <source>Зареєструвати заяву мешканця на особистому прийомі</source>
        <translation>Register a resident&apos;s application in person at the desk</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="227"/>
        <source>Номер:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="228"/>
        <source>Послуга:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="296"/>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="178"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="229"/>
        <location filename="../../backoffice/ui/tabs/users.py" line="112"/>
        <source>Стан:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="298"/>
        <source>Надійшло:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="299"/>
        <source>Зареєстровано:</source>
        <translation>Registered:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="300"/>
        <source>Контрольна дата:</source>
        <translation>Due date:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="301"/>
        <source>Продовження:</source>
        <translation>Extension:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="302"/>
        <source>Додаткове вивчення:</source>
        <translation>Further examination:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="303"/>
        <source>Терміновість:</source>
        <translation>Urgency:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="304"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="230"/>
        <source>Заявник:</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="231"/>
        <source>Контакти:</source>
        <translation>Contacts:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="308"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="232"/>
        <source>Виконавець:</source>
        <translation>Assignee:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="98"/>
        <source>Підписи</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="112"/>
        <source>заява</source>
        <translation>application</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="112"/>
        <source>результат</source>
        <translation>result</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="233"/>
        <source>Подано:</source>
        <translation>Submitted:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="234"/>
        <source>Строк розгляду:</source>
        <translation>Processing deadline:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="235"/>
        <source>Запит відомостей:</source>
        <translation>Information request:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="236"/>
        <source>Результат:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="246"/>
        <source>Прийняти</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="247"/>
        <source>Розпочати</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="248"/>
        <source>Запитати відомості…</source>
        <translation>Request information…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="249"/>
        <source>Результат готовий…</source>
        <translation>Result ready…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="250"/>
        <source>Видано</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="251"/>
        <source>Відмовити…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="257"/>
        <source>Квитанція…</source>
        <translation>Receipt…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="259"/>
        <source>Квитанція про прийняття заяви: перегляд і друк</source>
        <translation>The receipt for the application: view and print</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="264"/>
        <source>Підписати результат…</source>
        <translation>Sign the result…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="266"/>
        <source>Підписати PDF результату своїм ключем (PAdES)</source>
        <translation>Sign the result PDF with your own key (PAdES)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="272"/>
        <source>Електронні підписи:</source>
        <translation>Electronic signatures:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="384"/>
        <source>Ні заяву, ні результат ще не підписано.</source>
        <translation>Neither the application nor the result is signed yet.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="393"/>
        <source>попередній</source>
        <translation>earlier</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="396"/>
        <source>Видавець: {issuer}</source>
        <translation>Issuer: {issuer}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="397"/>
        <source>РНОКПП: {rnokpp}</source>
        <translation>Taxpayer number: {rnokpp}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="398"/>
        <source>Сертифікат №: {serial}</source>
        <translation>Certificate No.: {serial}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="399"/>
        <source>Алгоритм: {algorithm}</source>
        <translation>Algorithm: {algorithm}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="532"/>
        <source>Квитанція до заяви № {number}</source>
        <translation>Receipt for application No. {number}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="568"/>
        <source>Файл результату</source>
        <translation>Result file</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="570"/>
        <source>Документи (*.pdf *.png *.jpg)</source>
        <translation>Documents (*.pdf *.png *.jpg)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="353"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="252"/>
        <source>Доручити…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="277"/>
        <source>Відповіді заявника:</source>
        <translation>Applicant&apos;s answers:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="282"/>
        <source>Документи (подвійне клацання відкриває):</source>
        <translation>Documents (double-click to open):</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="288"/>
        <source>Хід розгляду:</source>
        <translation>Progress:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="332"/>
        <source>Відповідь: {answer}</source>
        <translation>Answer: {answer}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="335"/>
        <source>Відмова: {reason}</source>
        <translation>Refusal: {reason}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="351"/>
        <source>Строк розгляду минув!</source>
        <translation>The processing deadline has passed!</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="353"/>
        <source>Строк розгляду спливає найближчими днями.</source>
        <translation>The processing deadline expires in the next few days.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="479"/>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="482"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="359"/>
        <source>так</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="477"/>
        <location filename="../../backoffice/ui/tabs/appeals.py" line="482"/>
        <location filename="../../backoffice/ui/tabs/orders.py" line="359"/>
        <source>ні</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="362"/>
        <source>Додаток</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="368"/>
        <source>Результат: {name}</source>
        <translation>Result: {name}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="458"/>
        <source>Запит відомостей</source>
        <translation>Information request</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="459"/>
        <source>Що має уточнити заявник? Строк розгляду зупиняється до відповіді.</source>
        <translation>What should the applicant clarify? The processing deadline is paused until they reply.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="468"/>
        <source>Відмова</source>
        <translation>Refusal</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="468"/>
        <source>Підстава для відмови:</source>
        <translation>Grounds for refusal:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="482"/>
        <source>Результат готовий</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/orders.py" line="482"/>
        <source>Примітка для заявника:</source>
        <translation>Note for the applicant:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="35"/>
        <source>Пошук: ім&apos;я, e-mail, телефон або РНОКПП</source>
        <translation>Search: name, e-mail, phone or tax ID</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="41"/>
        <source>ПІБ</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="42"/>
        <source>Ел. пошта</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="43"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="44"/>
        <source>Ролі</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="48"/>
        <source>Зареєстровано</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="61"/>
        <source>заблоковано</source>
        <translation>blocked</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="61"/>
        <location filename="../../backoffice/ui/tabs/users.py" line="158"/>
        <source>активний</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="71"/>
        <source>Усі</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="72"/>
        <source>Мешканці</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="73"/>
        <source>Працівники</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="78"/>
        <source>Будь-яка роль</source>
        <translation>Any role</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="54"/>
        <source>Пошук: назва або код послуги</source>
        <translation>Search: service title or code</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="65"/>
        <source>Код</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="67"/>
        <source>Категорія</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="76"/>
        <source>Вартість</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="81"/>
        <source>Підрозділ</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="92"/>
        <source>активна</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="92"/>
        <source>неактивна</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="101"/>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="152"/>
        <source>Усі категорії</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="107"/>
        <location filename="../../backoffice/ui/tabs/content.py" line="121"/>
        <location filename="../../backoffice/ui/tabs/users.py" line="84"/>
        <source>Будь-який стан</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="108"/>
        <location filename="../../backoffice/ui/tabs/users.py" line="85"/>
        <source>Активні</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="109"/>
        <source>Неактивні</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="115"/>
        <source>Нова послуга…</source>
        <translation>New service…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="119"/>
        <source>Нова категорія…</source>
        <translation>New category…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="173"/>
        <source>Код:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="175"/>
        <source>Строк надання:</source>
        <translation>Processing time:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="176"/>
        <source>Вартість:</source>
        <translation>Fee:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="177"/>
        <source>Підрозділ:</source>
        <translation>Department:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="179"/>
        <source>Опис:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="180"/>
        <source>Документи:</source>
        <translation>Documents:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="186"/>
        <source>Редагувати…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="187"/>
        <source>Деактивувати</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="188"/>
        <source>Активувати</source>
        <translation>Activate</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="193"/>
        <source>Послуга зникне з каталогу на порталі; подані заяви розглядаються далі.</source>
        <translation>The service will disappear from the portal catalogue; applications already submitted will still be processed.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="196"/>
        <source>Послуга знову з&apos;явиться в каталозі на порталі.</source>
        <translation>The service will appear in the portal catalogue again.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="199"/>
        <source>Форма заяви (так її бачить мешканець)</source>
        <translation>Application form (as the resident sees it)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="249"/>
        <source>активна: приймає заяви</source>
        <translation>active: accepts applications</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="251"/>
        <source>неактивна: нових заяв не приймає</source>
        <translation>inactive: accepts no new applications</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/catalog.py" line="260"/>
        <source>Форма без полів: мешканцю досить подати заяву.</source>
        <translation>A form without fields: the resident only needs to submit the application.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="86"/>
        <source>Заблоковані</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="109"/>
        <source>ПІБ:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="110"/>
        <source>Ел. пошта:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="111"/>
        <source>Ролі:</source>
        <translation>Roles:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="113"/>
        <source>Останній вхід:</source>
        <translation>Last sign-in:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="119"/>
        <source>Картка мешканця…</source>
        <translation>Resident&apos;s file…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="120"/>
        <source>Заблокувати…</source>
        <translation>Block…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="121"/>
        <source>Розблокувати</source>
        <translation>Unblock</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="122"/>
        <source>Ролі…</source>
        <translation>Roles…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="156"/>
        <source>заблоковано: {reason}</source>
        <translation>blocked: {reason}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="181"/>
        <source>Заблокувати</source>
        <translation>Block</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="181"/>
        <source>Причина блокування:</source>
        <translation>Reason for blocking:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="80"/>
        <source>Пошук: заголовок або адреса</source>
        <translation>Search: title or address</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="92"/>
        <source>Заголовок</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="97"/>
        <source>Змінено</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="111"/>
        <source>опубліковано</source>
        <translation>published</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="111"/>
        <location filename="../../backoffice/ui/tabs/content.py" line="265"/>
        <source>чернетка</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="116"/>
        <source>Сторінки</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="117"/>
        <source>Новини</source>
        <translation>News</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="122"/>
        <source>Опубліковані</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="123"/>
        <source>Чернетки</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="129"/>
        <source>Нова сторінка</source>
        <translation>New page</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="132"/>
        <source>Нова новина</source>
        <translation>New news item</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="160"/>
        <source>наприклад: pro-misto</source>
        <translation>for example: pro-misto</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="173"/>
        <source>Заголовок:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="178"/>
        <source>Текст (Markdown):</source>
        <translation>Text (Markdown):</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="179"/>
        <source>Попередній перегляд:</source>
        <translation>Preview:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="198"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="200"/>
        <source>Зберегти зміни (Ctrl+S)</source>
        <translation>Save the changes (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="202"/>
        <source>Опублікувати</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="205"/>
        <source>Зняти з публікації</source>
        <translation>Unpublish</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="208"/>
        <source>Скасувати зміни</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="211"/>
        <source>Перегляд у вікні…</source>
        <translation>Preview in a window…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="258"/>
        <source>Виберіть сторінку чи новину в списку або створіть нову.</source>
        <translation>Select a page or a news item in the list, or create a new one.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="261"/>
        <source>Нова {kind} (ще не збережена)</source>
        <translation>New {kind} (not saved yet)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="263"/>
        <source>опубліковано {when}</source>
        <translation>published {when}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="267"/>
        <source>{kind} №{id} · версія {version} · {state} · змінено {updated}</source>
        <translation>{kind} No. {id} · version {version} · {state} · changed {updated}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="288"/>
        <source>Спершу збережіть зміни.</source>
        <translation>Save the changes first.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="322"/>
        <source>Незбережені зміни</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/content.py" line="323"/>
        <source>У редакторі є незбережені зміни. Відкинути їх?</source>
        <translation>The editor has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="593"/>
        <source>Опитування</source>
        <translation>Surveys</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="597"/>
        <source>Модерація коментарів</source>
        <translation>Comment moderation</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="142"/>
        <source>заяв на послуги за період</source>
        <translation>service orders in the period</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="143"/>
        <source>виконано вчасно</source>
        <translation>completed on time</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="144"/>
        <source>прострочених звернень</source>
        <translation>overdue appeals</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="145"/>
        <source>мешканців зареєструвалося</source>
        <translation>residents registered</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="146"/>
        <source>середня оцінка поїздок</source>
        <translation>average ride rating</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="153"/>
        <source>Заяви на послуги за днями</source>
        <translation>Service orders per day</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="154"/>
        <source>Заяви за період за станом</source>
        <translation>Orders of the period by status</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="155"/>
        <source>Найчастіші послуги</source>
        <translation>Most ordered services</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="156"/>
        <source>Звернення і запити за видами</source>
        <translation>Appeals and requests by kind</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="157"/>
        <source>Реєстрації мешканців за місяцями</source>
        <translation>Residents registered per month</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="158"/>
        <source>Середня оцінка поїздок за маршрутами</source>
        <translation>Average ride rating per route</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="183"/>
        <source>Цей місяць</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="184"/>
        <source>Минулий місяць</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="185"/>
        <source>Останні 90 днів</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="186"/>
        <source>Останні 12 місяців</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="187"/>
        <source>Свій період</source>
        <translation>Custom period</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="201"/>
        <source>Усі категорії послуг</source>
        <translation>All service categories</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="204"/>
        <source>Оновити</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="206"/>
        <source>Звіти…</source>
        <translation>Reports…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="209"/>
        <source>Період:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="275"/>
        <source>Завантаження…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="293"/>
        <source>Період {period}. Оновлено {moment}.</source>
        <translation>Period {period}. Updated {moment}.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="315"/>
        <source>середня оцінка поїздок ({n} відгуків)</source>
        <translation>average ride rating ({n} reviews)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/analytics.py" line="359"/>
        <source>{rating} ({n} відгуків)</source>
        <translation>{rating} ({n} reviews)</translation>
    </message>
</context>
<context>
    <name>PaperAppealDialog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="417"/>
        <source>Нове паперове звернення</source>
        <translation>New paper appeal</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="419"/>
        <source>Внесіть лист або усне звернення, прийняте на прийомі.</source>
        <translation>Enter a letter, or an oral appeal received at a reception.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="428"/>
        <source>Вид:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="431"/>
        <source>Заявник (ПІБ):</source>
        <translation>Applicant (full name):</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="436"/>
        <source>Адреса / контакт для відповіді:</source>
        <translation>Address / contact for the answer:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="440"/>
        <source>Тема:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="443"/>
        <source>Категорія:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="446"/>
        <source>Текст:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="449"/>
        <source>терміновий запит (життя, свобода, довкілля, надзвичайна подія)</source>
        <translation>urgent request (life, liberty, environment, emergency)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="452"/>
        <source>Терміновість:</source>
        <translation>Urgency:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="455"/>
        <source>Чому терміново:</source>
        <translation>Why urgent:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="461"/>
        <source>Скан листа, додатки:</source>
        <translation>Scan of the letter, attachments:</translation>
    </message>
</context>
<context>
    <name>PaperBallotDialog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="583"/>
        <source>Паперовий бюлетень</source>
        <translation>Paper ballot</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="588"/>
        <source>Мешканець</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="592"/>
        <source>Пошук: ім&apos;я, e-mail, телефон або РНОКПП</source>
        <translation>Search: name, e-mail, phone or tax ID</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="604"/>
        <source>Мешканця не вибрано.</source>
        <translation>No resident selected.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="626"/>
        <source>Зарахувати бюлетень</source>
        <translation>Count the ballot</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="628"/>
        <source>Скасувати</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="684"/>
        <source>Нікого не знайдено.</source>
        <translation>Nobody found.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="700"/>
        <source>Вибрано: {name}</source>
        <translation>Selected: {name}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="712"/>
        <source>{name} вже проголосував(ла) в цьому опитуванні.</source>
        <translation>{name} has already voted in this survey.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="750"/>
        <source>Питання {n}</source>
        <translation>Question {n}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="755"/>
        <source>Спочатку знайдіть і виберіть мешканця.</source>
        <translation>First find and select the resident.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="457"/>
        <source>Чиї дії показати</source>
        <translation>Whose actions to show</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="462"/>
        <source>Ім&apos;я або e-mail</source>
        <translation>Name or e-mail</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="503"/>
        <source>Нікого не знайдено.</source>
        <translation>Nobody found.</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/content.py" line="54"/>
        <source>Попередній перегляд</source>
        <translation>Preview</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="379"/>
        <source>Причина:</source>
        <translation>Reason:</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="193"/>
        <source>Зареєструвати</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="195"/>
        <source>Зареєструвати «{subject}»: буде надано номер і контрольну дату.</source>
        <translation>Register “{subject}”: it will be given a number and a due date.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="202"/>
        <source>потрібне додаткове вивчення</source>
        <translation>further examination is needed</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="204"/>
        <source>додаткове вивчення не потрібне (скорочений строк)</source>
        <translation>no further examination is needed (shorter term)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/appeals.py" line="213"/>
        <source>Розгляд:</source>
        <translation>Consideration:</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="268"/>
        <source>Звіти</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="286"/>
        <source>Сформувати</source>
        <translation>Build</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="294"/>
        <source>Звіт:</source>
        <translation>Report:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="300"/>
        <source>Період:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="309"/>
        <source>Закрити</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="335"/>
        <source>Категорія:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="336"/>
        <source>усі категорії</source>
        <translation>all categories</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="340"/>
        <source>Вид:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="341"/>
        <source>усі види</source>
        <translation>all kinds</translation>
    </message>
</context>
<context>
    <name>ResidentFileDialog</name>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="257"/>
        <source>Картка: {name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="265"/>
        <source>Телефон: {phone}   РНОКПП: {tax}   Адреса: {address}</source>
        <translation>Phone: {phone}   Tax ID: {tax}   Address: {address}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="273"/>
        <source>Персональні дані приховано для вашої ролі.</source>
        <translation>Personal data are hidden for your role.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="278"/>
        <source>Замовлення ({n})</source>
        <translation>Orders ({n})</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="284"/>
        <source>Звернення ({n})</source>
        <translation>Appeals ({n})</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="288"/>
        <source>Голосування ({n})</source>
        <translation>Votes ({n})</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="294"/>
        <source>Відгуки про поїздки ({n})</source>
        <translation>Ride reviews ({n})</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="550"/>
        <source>Результати опитування</source>
        <translation>Survey results</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="561"/>
        <source>Закрити</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../backoffice/ui/tabs/users.py" line="231"/>
        <source>Ролі працівника</source>
        <translation>Staff member&apos;s roles</translation>
    </message>
</context>
<context>
    <name>ServiceEditor</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="613"/>
        <source>Нова послуга</source>
        <translation>New service</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="613"/>
        <source>Послуга</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="618"/>
        <source>Опис послуги</source>
        <translation>Service description</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="620"/>
        <source>Форма заяви</source>
        <translation>Application form</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="621"/>
        <source>Попередній перегляд: так форму побачить мешканець</source>
        <translation>Preview: this is how the resident will see the form</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="643"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="644"/>
        <source>Скасувати</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="661"/>
        <source>латиницею, напр. LAND-012</source>
        <translation>in Latin letters, e.g. LAND-012</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="674"/>
        <source> грн</source>
        <translation> UAH</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="675"/>
        <source>0 — послуга безоплатна</source>
        <translation>0 — the service is free of charge</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="698"/>
        <source>Що отримає мешканець, хто може звернутися…</source>
        <translation>What the resident gets, who may apply…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="706"/>
        <source>Подвійне клацання — змінити рядок</source>
        <translation>Double-click to edit a line</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="709"/>
        <source>Додати</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="712"/>
        <source>Змінити</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="714"/>
        <source>Вилучити</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="723"/>
        <source>Код:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="724"/>
        <source>Назва:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="725"/>
        <source>Категорія:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="726"/>
        <source>Підрозділ:</source>
        <translation>Department:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="727"/>
        <source>Вартість:</source>
        <translation>Fee:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="728"/>
        <source>Строк надання:</source>
        <translation>Processing time:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="729"/>
        <source>Опис:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="730"/>
        <source>Потрібні документи:</source>
        <translation>Required documents:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="756"/>
        <source>— виберіть категорію —</source>
        <translation>— choose a category —</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="765"/>
        <source>Послуга {code}</source>
        <translation>Service {code}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="827"/>
        <source>(назва послуги)</source>
        <translation>(service title)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="835"/>
        <source>Форма без полів: мешканцю досить подати заяву.</source>
        <translation>A form without fields: the resident only needs to submit the application.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="38"/>
        <source>Неправильна адреса бази даних.</source>
        <translation>Invalid database address.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="40"/>
        <source>Підтримуються лише PostgreSQL і SQLite.</source>
        <translation>Only PostgreSQL and SQLite are supported.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="42"/>
        <source>Не вказуйте пароль в адресі бази даних: використовуйте PGPASSWORD або файл .pgpass.</source>
        <translation>Do not put the password in the database address: use PGPASSWORD or a .pgpass file.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="54"/>
        <source>e-Тернопіль — вхід до робочого місця</source>
        <translation>e-Ternopil — sign in to the staff workplace</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="58"/>
        <source>Увійдіть своїм службовим обліковим записом</source>
        <translation>Sign in with your staff account</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="69"/>
        <source>Запам&apos;ятати пароль у сховищі ключів системи</source>
        <translation>Remember the password in the system keyring</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="73"/>
        <source>Сховище ключів системи недоступне</source>
        <translation>The system keyring is not available</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="74"/>
        <source>Електронна пошта:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="75"/>
        <source>Пароль:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="79"/>
        <source>З&apos;єднання</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="86"/>
        <source>База даних:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="98"/>
        <source>Увійти</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="99"/>
        <source>Скасувати</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="117"/>
        <source>Перевірка…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="123"/>
        <source>Введіть електронну пошту й пароль.</source>
        <translation>Enter your e-mail and password.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="165"/>
        <source>База даних недоступна ({url}). Перевірте адресу й мережу та повторіть.</source>
        <translation>The database is unavailable ({url}). Check the address and the network, then try again.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/signin.py" line="180"/>
        <source>База даних ще не підготовлена: виконайте «backoffice-admin init».</source>
        <translation>The database has not been set up yet: run “backoffice-admin init”.</translation>
    </message>
</context>
<context>
    <name>SignResultDialog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/signing.py" line="57"/>
        <source>Підписати результат заяви № {number}</source>
        <translation>Sign the result of application No. {number}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/signing.py" line="62"/>
        <source>Файл ключа .p12 / .pfx</source>
        <translation>Key file .p12 / .pfx</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/signing.py" line="63"/>
        <source>Вибрати…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/signing.py" line="72"/>
        <source>Зберегти пароль ключа в системному сховищі паролів</source>
        <translation>Keep the key&apos;s passphrase in the system keyring</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/signing.py" line="76"/>
        <source>Системне сховище паролів недоступне.</source>
        <translation>The system keyring is not available.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/signing.py" line="84"/>
        <source>Ключ:</source>
        <translation>Key:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/signing.py" line="85"/>
        <source>Пароль ключа:</source>
        <translation>Key passphrase:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/signing.py" line="91"/>
        <source>Підписати</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/signing.py" line="97"/>
        <source>Результат буде підписано вашим електронним підписом (PAdES). Заявник завантажить уже підписаний PDF.</source>
        <translation>The result will be signed with your electronic signature (PAdES). The applicant downloads the signed PDF.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/signing.py" line="117"/>
        <source>Файл ключа</source>
        <translation>Key file</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/signing.py" line="119"/>
        <source>Ключ PKCS#12 (*.p12 *.pfx);;Усі файли (*)</source>
        <translation>PKCS#12 key (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/signing.py" line="129"/>
        <source>Виберіть файл ключа.</source>
        <translation>Choose the key file.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/signing.py" line="133"/>
        <source>Це не файл ключа: він завеликий.</source>
        <translation>This is not a key file: it is too large.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/signing.py" line="137"/>
        <source>Файл ключа не вдалося прочитати: {error}</source>
        <translation>The key file could not be read: {error}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/signing.py" line="168"/>
        <source>Підписування…</source>
        <translation>Signing…</translation>
    </message>
</context>
<context>
    <name>SurveyEditor</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="175"/>
        <source>Нове опитування</source>
        <translation>New survey</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="177"/>
        <source>Чернетка опитування №{id}</source>
        <translation>Draft survey No. {id}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="204"/>
        <source>Назва:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="208"/>
        <source>Опис:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="219"/>
        <source>(київський час)</source>
        <translation>(Kyiv time)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="221"/>
        <source>Голосування:</source>
        <translation>Voting:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="228"/>
        <source>Результати для мешканців:</source>
        <translation>Results for residents:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="243"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="244"/>
        <source>Скасувати</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="250"/>
        <source>Питання</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="255"/>
        <source>Текст питання</source>
        <translation>Question text</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="255"/>
        <source>Тип</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="255"/>
        <source>Обов&apos;язкове</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="271"/>
        <source>Додати питання</source>
        <translation>Add question</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="273"/>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="291"/>
        <source>Видалити</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="274"/>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="292"/>
        <source>Вгору</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="275"/>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="293"/>
        <source>Вниз</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="281"/>
        <source>Варіанти відповіді</source>
        <translation>Answer options</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="290"/>
        <source>Додати варіант</source>
        <translation>Add option</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="387"/>
        <source>Виберіть питання ліворуч.</source>
        <translation>Select a question on the left.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="390"/>
        <source>Питання з відповіддю текстом не має варіантів.</source>
        <translation>A question answered with text has no options.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="395"/>
        <source>Питання {n}: щонайменше два варіанти; двічі клацніть, щоб змінити.</source>
        <translation>Question {n}: at least two options; double-click to edit.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/democracy.py" line="419"/>
        <source>Варіант {n}</source>
        <translation>Option {n}</translation>
    </message>
</context>
<context>
    <name>SurveyList</name>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="100"/>
        <source>Пошук за назвою опитування</source>
        <translation>Search by survey title</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="108"/>
        <source>№</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="109"/>
        <source>Назва</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="112"/>
        <source>Стан</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="118"/>
        <source>Початок</source>
        <translation>Opens</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="125"/>
        <source>Завершення</source>
        <translation>Closes</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="129"/>
        <source>Бюлетенів</source>
        <translation>Ballots</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="132"/>
        <source>Результати</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="155"/>
        <source>Усі стани</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="160"/>
        <source>Нове опитування…</source>
        <translation>New survey…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="177"/>
        <source>Назва:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="178"/>
        <source>Стан:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="179"/>
        <source>Голосування:</source>
        <translation>Voting:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="180"/>
        <source>Бюлетенів:</source>
        <translation>Ballots:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="181"/>
        <source>Результати для мешканців:</source>
        <translation>Results for residents:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="182"/>
        <source>Опис:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="191"/>
        <source>Редагувати…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="192"/>
        <source>Опублікувати</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="193"/>
        <source>Завершити</source>
        <translation>Close voting</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="194"/>
        <source>В архів</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="195"/>
        <source>Результати…</source>
        <translation>Results…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="196"/>
        <source>Паперовий бюлетень…</source>
        <translation>Paper ballot…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="234"/>
        <source>{opens} — {closes} (київський час)</source>
        <translation>{opens} — {closes} (Kyiv time)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="247"/>
        <source>Питань ще немає.</source>
        <translation>No questions yet.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="248"/>
        <source>Питання:</source>
        <translation>Questions:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="251"/>
        <source>обов&apos;язкове</source>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="251"/>
        <source>необов&apos;язкове</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="280"/>
        <source>Опублікувати опитування «{title}»? Після цього його не можна буде змінити.</source>
        <translation>Publish the survey “{title}”? It cannot be changed after that.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="285"/>
        <source>Завершити голосування в опитуванні «{title}»?</source>
        <translation>Close voting in the survey “{title}”?</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="289"/>
        <source>Перенести опитування «{title}» в архів?</source>
        <translation>Move the survey “{title}” to the archive?</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="293"/>
        <source>Опитування</source>
        <translation>Survey</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="330"/>
        <source>Опитування збережено.</source>
        <translation>Survey saved.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/democracy.py" line="336"/>
        <source>Паперовий бюлетень зараховано.</source>
        <translation>Paper ballot counted.</translation>
    </message>
</context>
<context>
    <name>TextPrompt</name>
    <message>
        <location filename="../../backoffice/ui/widgets.py" line="123"/>
        <source>Поле не може бути порожнім.</source>
        <translation>This field cannot be empty.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/widgets.py" line="126"/>
        <source>Не довше {n} символів.</source>
        <translation>No longer than {n} characters.</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="48"/>
        <source>Заява на особистому прийомі</source>
        <translation>Walk-in application</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="53"/>
        <source>1. Заявник</source>
        <translation>1. Applicant</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="58"/>
        <source>Прізвище, e-mail, телефон або РНОКПП</source>
        <translation>Surname, e-mail, phone or tax ID</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="63"/>
        <source>Новий мешканець…</source>
        <translation>New resident…</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="73"/>
        <source>2. Послуга</source>
        <translation>2. Service</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="77"/>
        <source>— виберіть послугу —</source>
        <translation>— choose a service —</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="93"/>
        <source>Зареєструвати заяву</source>
        <translation>Register the application</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="141"/>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="144"/>
        <source>Новий мешканець</source>
        <translation>New resident</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="141"/>
        <source>ПІБ:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="144"/>
        <source>Ел. пошта:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="149"/>
        <source>Згода</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="150"/>
        <source>Мешканець підписав згоду на обробку персональних даних?</source>
        <translation>Has the resident signed the consent to the processing of personal data?</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="183"/>
        <source>Виберіть заявника й послугу.</source>
        <translation>Choose the applicant and the service.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="204"/>
        <source>Заяву зареєстровано</source>
        <translation>Application registered</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/orders.py" line="205"/>
        <source>Номер заяви: {number}
Строк розгляду: до {due}</source>
        <translation>Application number: {number}
Processing deadline: {due}</translation>
    </message>
</context>
<context>
    <name>activity</name>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="58"/>
        <source>так</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/tabs/activity.py" line="60"/>
        <source>ні</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../backoffice/ui/app.py" line="59"/>
        <source>e-Тернопіль</source>
        <translation>e-Ternopil</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="66"/>
        <source>{n} кал. день</source>
        <translation>{n} cal. days</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="67"/>
        <source>{n} кал. дні</source>
        <translation>{n} cal. days</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="68"/>
        <source>{n} кал. днів</source>
        <translation>{n} cal. days</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="69"/>
        <source>1 кал. день</source>
        <translation>1 cal. day</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="72"/>
        <source>{n} роб. день</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="73"/>
        <source>{n} роб. дні</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="74"/>
        <source>{n} роб. днів</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="75"/>
        <source>1 роб. день</source>
        <translation>1 working day</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="79"/>
        <source>Код</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="80"/>
        <source>Назва</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="81"/>
        <source>Категорія</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="82"/>
        <source>Опис</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="83"/>
        <source>Документи</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="84"/>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="85"/>
        <source>Строк</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="86"/>
        <source>Вартість</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="87"/>
        <source>Підрозділ</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="88"/>
        <source>Форма заяви</source>
        <translation>Application form</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="89"/>
        <source>Порядок</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="115"/>
        <source>типовий ({days})</source>
        <translation>default ({days})</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="129"/>
        <source>безоплатно</source>
        <translation>free of charge</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="130"/>
        <source>{fee} грн</source>
        <translation>{fee} UAH</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="140"/>
        <source>Перевірте введені дані:</source>
        <translation>Please check what you entered:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="143"/>
        <source>помилки в полях — їх перелічено під таблицею полів.</source>
        <translation>errors in the fields — they are listed below the table of fields.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="271"/>
        <source>до {n} симв.</source>
        <translation>up to {n} chars</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="275"/>
        <source>від {min} до {max}</source>
        <translation>from {min} to {max}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="279"/>
        <source>від {min}</source>
        <translation>from {min}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="281"/>
        <source>до {max}</source>
        <translation>up to {max}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="297"/>
        <source>Ім&apos;я</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="298"/>
        <source>Підпис</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="299"/>
        <source>Тип</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="300"/>
        <source>Обов.</source>
        <translation>Req.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="301"/>
        <source>Обмеження</source>
        <translation>Limits</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/catalog.py" line="302"/>
        <source>Підказка</source>
        <translation>Hint</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <location filename="../../backoffice/ui/files.py" line="33"/>
        <source>Файл більший за {n} МБ.</source>
        <translation>The file is larger than {n} MB.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="10"/>
        <source>адміністратор ЦНАП</source>
        <translation>ASC administrator</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="11"/>
        <source>приймальня</source>
        <translation>reception office</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="12"/>
        <source>модератор</source>
        <translation>moderator</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="13"/>
        <source>керівник</source>
        <translation>manager</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="14"/>
        <source>адміністратор системи</source>
        <translation>system administrator</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="17"/>
        <source>подано</source>
        <translation>submitted</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="18"/>
        <source>прийнято</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="19"/>
        <source>опрацьовується</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="20"/>
        <source>очікує відомостей</source>
        <translation>awaiting information</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="21"/>
        <source>результат готовий</source>
        <translation>result ready</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="22"/>
        <source>виконано</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="23"/>
        <source>відмовлено</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="24"/>
        <source>скасовано</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="27"/>
        <location filename="../../backoffice/ui/labels.py" line="33"/>
        <location filename="../../backoffice/ui/labels.py" line="120"/>
        <location filename="../../backoffice/ui/labels.py" line="145"/>
        <source>звернення</source>
        <translation>appeal</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="28"/>
        <source>запит на інформацію</source>
        <translation>request for information</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="29"/>
        <source>електронне повідомлення</source>
        <translation>electronic message</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="34"/>
        <source>запит</source>
        <translation>request</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="35"/>
        <source>е-повідомлення</source>
        <translation>e-message</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="38"/>
        <location filename="../../backoffice/ui/labels.py" line="58"/>
        <source>надійшло</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="39"/>
        <location filename="../../backoffice/ui/labels.py" line="59"/>
        <source>зареєстровано</source>
        <translation>registered</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="40"/>
        <location filename="../../backoffice/ui/labels.py" line="60"/>
        <source>доручено виконавцю</source>
        <translation>assigned to an officer</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="41"/>
        <location filename="../../backoffice/ui/labels.py" line="62"/>
        <source>строк продовжено</source>
        <translation>term extended</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="42"/>
        <location filename="../../backoffice/ui/labels.py" line="64"/>
        <source>надано відповідь</source>
        <translation>answered</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="43"/>
        <location filename="../../backoffice/ui/labels.py" line="63"/>
        <source>переслано за належністю</source>
        <translation>forwarded to the competent body</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="44"/>
        <location filename="../../backoffice/ui/labels.py" line="65"/>
        <source>залишено без розгляду</source>
        <translation>left without consideration</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="47"/>
        <source>зареєструвати</source>
        <translation>register</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="48"/>
        <source>доручити виконавцю</source>
        <translation>assign to an officer</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="49"/>
        <source>передати іншому виконавцю</source>
        <translation>reassign to another officer</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="50"/>
        <source>продовжити строк</source>
        <translation>extend the term</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="51"/>
        <source>переслати за належністю</source>
        <translation>forward to the competent body</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="52"/>
        <source>надати відповідь</source>
        <translation>give an answer</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="53"/>
        <source>залишити без розгляду</source>
        <translation>leave without consideration</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="54"/>
        <source>позначити відповідь доставленою</source>
        <translation>mark the answer as delivered</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="61"/>
        <source>передано іншому виконавцю</source>
        <translation>reassigned to another officer</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="66"/>
        <source>відповідь доставлено</source>
        <translation>answer delivered</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="69"/>
        <source>автобус</source>
        <translation>bus</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="70"/>
        <source>тролейбус</source>
        <translation>trolleybus</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="71"/>
        <source>маршрутне таксі</source>
        <translation>minibus</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="72"/>
        <source>трамвай</source>
        <translation>tram</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="75"/>
        <source>Заява</source>
        <translation>Application</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="76"/>
        <source>Результат</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="79"/>
        <source>дійсний</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="80"/>
        <source>недійсний</source>
        <translation>invalid</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="81"/>
        <source>недовірений</source>
        <translation>untrusted</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="82"/>
        <source>сертифікат прострочено</source>
        <translation>certificate expired</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="83"/>
        <source>алгоритм не підтримується</source>
        <translation>algorithm not supported</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="86"/>
        <source>чернетка</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="87"/>
        <source>триває</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="88"/>
        <source>завершено</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="89"/>
        <source>в архіві</source>
        <translation>archived</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="92"/>
        <source>на модерації</source>
        <translation>awaiting moderation</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="93"/>
        <source>схвалено</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="94"/>
        <source>відхилено</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="97"/>
        <source>видно одразу</source>
        <translation>visible at once</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="98"/>
        <source>після завершення</source>
        <translation>after closing</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="99"/>
        <source>лише для працівників</source>
        <translation>staff only</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="102"/>
        <source>один варіант</source>
        <translation>single choice</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="103"/>
        <source>кілька варіантів</source>
        <translation>multiple choice</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="104"/>
        <source>відповідь текстом</source>
        <translation>text answer</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="107"/>
        <location filename="../../backoffice/ui/labels.py" line="136"/>
        <source>портал</source>
        <translation>portal</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="108"/>
        <source>ЦНАП</source>
        <translation>ASC</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="109"/>
        <location filename="../../backoffice/ui/labels.py" line="138"/>
        <source>адміністрування</source>
        <translation>administration</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="110"/>
        <source>паперове</source>
        <translation>paper</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="114"/>
        <location filename="../../backoffice/ui/labels.py" line="128"/>
        <source>сторінка</source>
        <translation>page</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="115"/>
        <location filename="../../backoffice/ui/labels.py" line="129"/>
        <source>новина</source>
        <translation>news item</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="119"/>
        <source>замовлення послуги</source>
        <translation>service order</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="121"/>
        <source>користувач</source>
        <translation>user</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="122"/>
        <source>послуга</source>
        <translation>service</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="123"/>
        <source>категорія послуг</source>
        <translation>service category</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="124"/>
        <location filename="../../backoffice/ui/labels.py" line="147"/>
        <source>опитування</source>
        <translation>survey</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="125"/>
        <source>бюлетень</source>
        <translation>ballot</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="126"/>
        <location filename="../../backoffice/ui/labels.py" line="149"/>
        <source>обговорення</source>
        <translation>discussion</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="127"/>
        <source>коментар</source>
        <translation>comment</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="130"/>
        <source>маршрут</source>
        <translation>route</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="131"/>
        <source>перевізник</source>
        <translation>carrier</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="132"/>
        <source>відгук про поїздку</source>
        <translation>ride review</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="137"/>
        <source>робоче місце</source>
        <translation>desktop app</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="142"/>
        <source>вхід до системи</source>
        <translation>sign-in</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="143"/>
        <source>користувачі</source>
        <translation>users</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="144"/>
        <source>замовлення послуг</source>
        <translation>service orders</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="146"/>
        <source>каталог послуг</source>
        <translation>service catalogue</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="148"/>
        <source>голосування</source>
        <translation>voting</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="150"/>
        <source>коментарі</source>
        <translation>comments</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="151"/>
        <source>сторінки</source>
        <translation>pages</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="152"/>
        <source>новини</source>
        <translation>news</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="153"/>
        <source>маршрути</source>
        <translation>routes</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="154"/>
        <source>відгуки про поїздки</source>
        <translation>ride reviews</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="158"/>
        <source>запис відсутній (його видалено)</source>
        <translation>the entry is missing (it has been deleted)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="159"/>
        <source>порушено зв&apos;язок із попереднім записом</source>
        <translation>the link to the previous entry is broken</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="162"/>
        <source>вміст запису не відповідає його хешу (запис змінено)</source>
        <translation>the entry&apos;s content does not match its hash (the entry has been altered)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="166"/>
        <source>найновіші записи видалено</source>
        <translation>the newest entries have been deleted</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="171"/>
        <source>рядок тексту</source>
        <translation>line of text</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="172"/>
        <source>текст у кілька рядків</source>
        <translation>multi-line text</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="173"/>
        <source>число</source>
        <translation>number</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="174"/>
        <source>дата</source>
        <translation>date</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="175"/>
        <source>ел. пошта</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="176"/>
        <source>телефон</source>
        <translation>phone</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="177"/>
        <source>РНОКПП</source>
        <translation>tax ID (RNOKPP)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="178"/>
        <source>вибір зі списку</source>
        <translation>choice from a list</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="179"/>
        <source>позначка (так/ні)</source>
        <translation>checkbox (yes/no)</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="180"/>
        <source>файл</source>
        <translation>file</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="184"/>
        <source>календарних днів</source>
        <translation>calendar days</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/labels.py" line="185"/>
        <source>робочих днів</source>
        <translation>working days</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../backoffice/ui/messages.py" line="22"/>
        <source>Перевірте введені дані:</source>
        <translation>Please check what you entered:</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/messages.py" line="25"/>
        <source>інший користувач</source>
        <translation>another user</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/messages.py" line="27"/>
        <source>Запис щойно змінив(ла) {who}. Його оновлено — перегляньте й повторіть.</source>
        <translation>{who} has just changed this record. It has been reloaded — review it and try again.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/messages.py" line="34"/>
        <source>База даних недоступна. Перевірте з&apos;єднання; роботу не втрачено — повторіть дію, коли з&apos;єднання відновиться.</source>
        <translation>The database is unavailable. Check the connection; nothing has been lost — repeat the action once the connection is back.</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/messages.py" line="39"/>
        <source>Неочікувана помилка: {error}</source>
        <translation>Unexpected error: {error}</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/messages.py" line="47"/>
        <source>Не вдалося виконати дію</source>
        <translation>The action could not be completed</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="48"/>
        <source>Звіт про надання адміністративних послуг</source>
        <translation>Report on administrative services</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="49"/>
        <source>Звіт про звернення громадян і запити на публічну інформацію</source>
        <translation>Report on appeals and public-information requests</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="52"/>
        <source>Результати опитувань e-Демократії</source>
        <translation>e-Democracy survey results</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="53"/>
        <source>Оціни поїздку: картка перевізника</source>
        <translation>Rate Your Ride: carrier scorecard</translation>
    </message>
    <message>
        <location filename="../../backoffice/ui/dialogs/reports.py" line="100"/>
        <source>Принтер недоступний.</source>
        <translation>The printer is not available.</translation>
    </message>
</context>
</TS>
