"""Uploads: size and type limits, content sniffed, each upload its own record."""

import io
import zipfile

import pytest

from backoffice.core import files
from backoffice.core.errors import InvalidInput

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "media_type"),
    [
        ("довідка.pdf", PDF, "application/pdf"),
        ("скан.PNG", PNG, "image/png"),
        ("заява.docx", _docx(), files.ALLOWED_TYPES[".docx"]),
        ("пояснення.txt", "Текст з ґ, ї, є".encode(), "text/plain"),
    ],
)
def test_allowed_uploads(name, data, media_type):
    assert files.check_upload("file", name, data)[1] == media_type


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.pdf", b"", "порожній"),
        ("program.exe", b"MZ\x90\x00", "Недозволений тип"),
        ("disguised.pdf", b"MZ\x90\x00binary", "не відповідає"),
        ("image.pdf", PNG, "не відповідає"),
        ("huge.pdf", b"%PDF-" + b"0" * files.MAX_FILE_BYTES, "більший"),
        ("noextension", PDF, "Недозволений тип"),
    ],
)
def test_refused_uploads_name_the_field(name, data, message):
    with pytest.raises(InvalidInput) as caught:
        files.check_upload("passport", name, data)
    assert message in caught.value.fields["passport"]


def test_file_names_are_cleaned():
    assert files.clean_file_name("../../etc/pa<ss>wd.pdf") == "_.._etc_pa_ss_wd.pdf"
    assert files.clean_file_name("") == "file"


def test_the_same_bytes_from_two_people_stay_two_documents(session, people):
    first = files.store(session, people.actor(people.resident()), "Іваненко_паспорт.pdf", PDF)
    second = files.store(session, people.actor(people.resident()), "результат.pdf", PDF)
    assert first.id != second.id
    assert first.sha256 == second.sha256
    assert (first.name, second.name) == ("Іваненко_паспорт.pdf", "результат.pdf")
    assert first.uploaded_by_id != second.uploaded_by_id
