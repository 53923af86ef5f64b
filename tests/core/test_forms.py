"""The service form schema and the checking of a resident's answers (no database needed)."""

from __future__ import annotations

import pytest

from backoffice.core import forms
from backoffice.core.errors import InvalidInput
from backoffice.core.forms import FIELD_TYPES, validate_answers, validate_schema

TAX_NUMBER = "1234567899"  # checksum digit 9 is right

SCHEMA = [
    {"name": "full_name", "label": "ПІБ", "type": "text", "required": True, "max_length": 20},
    {"name": "story", "label": "Опис", "type": "textarea"},
    {"name": "area", "label": "Площа, га", "type": "number", "min": 0, "max": 10},
    {"name": "born", "label": "Дата народження", "type": "date"},
    {"name": "email", "label": "Пошта", "type": "email"},
    {"name": "phone", "label": "Телефон", "type": "phone"},
    {"name": "tax", "label": "РНОКПП", "type": "tax_number", "required": True},
    {"name": "purpose", "label": "Мета", "type": "select", "options": ["Будівництво", "Город"]},
    {"name": "consent", "label": "Згода", "type": "checkbox", "required": True},
    {"name": "plan", "label": "План", "type": "file", "required": True, "help": "PDF"},
]


@pytest.fixture
def schema() -> list[dict]:
    return validate_schema(SCHEMA)


def test_valid_schema_is_kept_with_required_filled_in():
    cleaned = validate_schema(SCHEMA)
    assert [f["name"] for f in cleaned] == [f["name"] for f in SCHEMA]
    assert cleaned[1]["required"] is False
    assert cleaned[0]["required"] is True
    assert cleaned is not SCHEMA


def test_every_field_type_is_accepted():
    schema = [{"name": f"f_{t}", "label": t, "type": t} for t in FIELD_TYPES]
    schema[FIELD_TYPES.index("select")]["options"] = ["так"]
    assert len(validate_schema(schema)) == len(FIELD_TYPES)


def test_empty_schema_is_allowed():
    assert validate_schema([]) == []


@pytest.mark.parametrize(
    ("schema", "mentions"),
    [
        ("not a list", "список"),
        ([["name"]], "поле 1"),
        ([{"label": "Без імені", "type": "text"}], "name"),
        ([{"name": "Bad Name", "label": "x", "type": "text"}], "name"),
        ([{"name": "x" * 61, "label": "x", "type": "text"}], "name"),
        ([{"name": "a", "label": "x", "type": "text"}] * 2, "повторюється"),
        ([{"name": "a", "label": "", "type": "text"}], "label"),
        ([{"name": "a", "label": "x" * 201, "type": "text"}], "label"),
        ([{"name": "a", "label": "x", "type": "colour"}], "type"),
        ([{"name": "a", "label": "x", "type": "text", "required": "yes"}], "required"),
        ([{"name": "a", "label": "x", "type": "text", "colour": "red"}], "colour"),
        ([{"name": "a", "label": "x", "type": "text", "help": 5}], "help"),
        ([{"name": "a", "label": "x", "type": "text", "max_length": 0}], "max_length"),
        ([{"name": "a", "label": "x", "type": "text", "max_length": "10"}], "max_length"),
        ([{"name": "a", "label": "x", "type": "date", "max_length": 10}], "max_length"),
        ([{"name": "a", "label": "x", "type": "number", "min": "0"}], "min"),
        ([{"name": "a", "label": "x", "type": "number", "min": 5, "max": 1}], "min"),
        ([{"name": "a", "label": "x", "type": "text", "min": 1}], "min"),
        ([{"name": "a", "label": "x", "type": "select"}], "options"),
        ([{"name": "a", "label": "x", "type": "select", "options": []}], "options"),
        ([{"name": "a", "label": "x", "type": "select", "options": ["", "b"]}], "options"),
        ([{"name": "a", "label": "x", "type": "select", "options": ["b", "b"]}], "options"),
        ([{"name": "a", "label": "x", "type": "text", "options": ["b"]}], "options"),
        ([{"name": f"f{i}", "label": "x", "type": "text"} for i in range(101)], "100"),
    ],
)
def test_malformed_schema_is_refused_naming_form_schema(schema, mentions):
    with pytest.raises(InvalidInput) as caught:
        validate_schema(schema)
    assert list(caught.value.fields) == ["form_schema"]
    assert mentions in caught.value.fields["form_schema"]


def test_schema_problems_are_all_reported_at_once():
    with pytest.raises(InvalidInput) as caught:
        validate_schema(
            [
                {"name": "ok", "label": "x", "type": "weird"},
                {"name": "Bad", "label": "", "type": "text"},
            ]
        )
    text = caught.value.fields["form_schema"]
    assert "поле 1 («ok»): type" in text
    assert "поле 2 («Bad»)" in text and "label" in text


def test_answers_are_cleaned_by_type(schema):
    cleaned = validate_answers(
        schema,
        {
            "full_name": "  <b>Іваненко</b>  ",
            "story": "рядок 1\nрядок 2",
            "area": "2,5",
            "born": "1990-05-01",
            "email": "Ivan@Example.COM",
            "phone": "067 123 45 67",
            "tax": TAX_NUMBER,
            "purpose": "Город",
            "consent": "on",
        },
        {"plan"},
    )
    assert cleaned == {
        # HTML is kept as typed: it is escaped where it is shown.
        "full_name": "<b>Іваненко</b>",
        "story": "рядок 1\nрядок 2",
        "area": 2.5,
        "born": "1990-05-01",
        "email": "Ivan@example.com",
        "phone": "+380671234567",
        "tax": TAX_NUMBER,
        "purpose": "Город",
        "consent": True,
    }


def test_whole_numbers_stay_integers(schema):
    answers = {"full_name": "І", "tax": TAX_NUMBER, "consent": True}
    assert validate_answers(schema, {**answers, "area": "3,0"}, {"plan"})["area"] == 3
    assert validate_answers(schema, {**answers, "area": 7}, {"plan"})["area"] == 7


def test_empty_optional_answers_are_left_out(schema):
    cleaned = validate_answers(
        schema, {"full_name": "І", "tax": TAX_NUMBER, "consent": True, "story": " "}, {"plan"}
    )
    assert set(cleaned) == {"full_name", "tax", "consent"}


def test_every_bad_answer_is_named(schema):
    with pytest.raises(InvalidInput) as caught:
        validate_answers(
            schema,
            {
                "full_name": "x" * 21,  # too long
                "area": "11",  # above max
                "born": "01.05.1990",  # not ISO
                "email": "nobody",
                "phone": "12345",
                "tax": "1234567890",  # bad checksum
                "purpose": "Інше",  # not an option
                "consent": False,  # required, not ticked
                "colour": "red",  # unknown
            },
            set(),  # required file missing
        )
    assert set(caught.value.fields) == {
        "full_name",
        "area",
        "born",
        "email",
        "phone",
        "tax",
        "purpose",
        "consent",
        "colour",
        "plan",
    }
    assert "20" in caught.value.fields["full_name"]


@pytest.mark.parametrize(
    ("answers", "bad"),
    [
        ({"full_name": "", "tax": TAX_NUMBER, "consent": True}, "full_name"),
        ({"tax": TAX_NUMBER, "consent": True}, "full_name"),
        ({"full_name": 5, "tax": TAX_NUMBER, "consent": True}, "full_name"),
        ({"full_name": "a\nb", "tax": TAX_NUMBER, "consent": True}, "full_name"),
        ({"full_name": "a\x00", "tax": TAX_NUMBER, "consent": True}, "full_name"),
        ({"full_name": "І", "tax": "", "consent": True}, "tax"),
        ({"full_name": "І", "tax": "12345", "consent": True}, "tax"),
        ({"full_name": "І", "tax": TAX_NUMBER, "consent": "maybe"}, "consent"),
        ({"full_name": "І", "tax": TAX_NUMBER, "consent": True, "area": True}, "area"),
        ({"full_name": "І", "tax": TAX_NUMBER, "consent": True, "area": "abc"}, "area"),
        ({"full_name": "І", "tax": TAX_NUMBER, "consent": True, "area": -1}, "area"),
        ({"full_name": "І", "tax": TAX_NUMBER, "consent": True, "area": [1]}, "area"),
        ({"full_name": "І", "tax": TAX_NUMBER, "consent": True, "plan": "a.pdf"}, "plan"),
        ({"full_name": "І", "tax": TAX_NUMBER, "consent": True, "story": "x" * 4001}, "story"),
    ],
)
def test_one_bad_answer_is_named(schema, answers, bad):
    with pytest.raises(InvalidInput) as caught:
        validate_answers(schema, answers, {"plan"})
    assert set(caught.value.fields) == {bad}


def test_file_for_a_field_that_takes_no_file_is_refused(schema):
    answers = {"full_name": "І", "tax": TAX_NUMBER, "consent": True}
    with pytest.raises(InvalidInput) as caught:
        validate_answers(schema, answers, {"plan", "full_name", "ghost"})
    assert set(caught.value.fields) == {"full_name", "ghost"}


def test_answers_must_be_a_mapping(schema):
    with pytest.raises(InvalidInput) as caught:
        validate_answers(schema, ["full_name"], set())
    assert set(caught.value.fields) == {"answers"}


def test_no_answers_for_an_empty_form():
    assert validate_answers([], None, set()) == {}


@pytest.mark.parametrize(
    ("field_type", "value", "text"),
    [
        ("date", "1990-05-17", "17.05.1990"),
        ("date", "не дата", "не дата"),
        ("checkbox", True, "так"),
        ("checkbox", False, "ні"),
        ("select", ["A", "B"], "A, B"),
        ("text", None, "—"),
        ("text", "", "—"),
        ("number", 2, "2"),
        (None, "1990-05-17", "1990-05-17"),  # a field since removed: its type is not known
    ],
)
def test_an_answer_reads_as_people_write_it(field_type, value, text):
    assert forms.answer_text(field_type, value) == text
