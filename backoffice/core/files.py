"""Files kept in the database: size and type limits, type sniffed from content, stored by hash."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile

from sqlalchemy.orm import Session

from backoffice.core.actor import Actor
from backoffice.core.errors import InvalidInput, NotFound
from backoffice.models import StoredFile

MAX_FILE_BYTES = 10 * 1024 * 1024
_NAME_BAD = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')

# Media type by name extension, and which sniffed content each may hold.
ALLOWED_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".txt": "text/plain",
    ".p7s": "application/pkcs7-signature",
}


def sniff_media_type(data: bytes) -> str | None:
    """What the bytes are, whatever the name says."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return ALLOWED_TYPES[".docx"]
        if "xl/workbook.xml" in names:
            return ALLOWED_TYPES[".xlsx"]
        return None
    if data[:1] == b"\x30" and len(data) > 2 and data[1] in (0x80, 0x81, 0x82, 0x83, 0x84):
        return "application/pkcs7-signature"  # DER SEQUENCE: a CMS signature
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    return "text/plain"


def clean_file_name(name: str) -> str:
    name = _NAME_BAD.sub("_", (name or "").strip()).strip(". ")
    return name[-200:] or "file"


def check_upload(field: str, name: str, data: bytes) -> tuple[str, str]:
    """(clean name, media type) of an upload, or InvalidInput naming ``field``."""
    if not isinstance(data, bytes | bytearray):
        raise InvalidInput({field: "Неправильний тип значення."})
    if not data:
        raise InvalidInput({field: "Файл порожній."})
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise InvalidInput({field: f"Файл більший за {limit} МБ."})
    clean = clean_file_name(name)
    extension = "." + clean.rsplit(".", 1)[-1].lower() if "." in clean else ""
    declared = ALLOWED_TYPES.get(extension)
    if declared is None:
        allowed = ", ".join(sorted(ALLOWED_TYPES))
        raise InvalidInput({field: f"Недозволений тип файлу. Дозволено: {allowed}."})
    sniffed = sniff_media_type(bytes(data))
    if sniffed != declared:
        raise InvalidInput({field: "Вміст файлу не відповідає його типу."})
    return clean, declared


def store(
    session: Session, actor: Actor, name: str, data: bytes, *, field: str = "file"
) -> StoredFile:
    """Keep an upload (checked, with its sha256) and return the stored file.

    Every upload is its own record, even when the bytes equal an earlier one: the name and the
    uploader belong to the upload, and another person's file name must never show through.
    """
    clean, media_type = check_upload(field, name, data)
    stored = StoredFile(
        sha256=hashlib.sha256(data).hexdigest(),
        name=clean,
        media_type=media_type,
        size=len(data),
        content=bytes(data),
        uploaded_by_id=actor.user_id,
    )
    session.add(stored)
    session.flush()
    return stored


def get(session: Session, file_id: int) -> StoredFile:
    """A stored file by id. Access to it is decided by the area that links to it."""
    stored = session.get(StoredFile, file_id)
    if stored is None:
        raise NotFound()
    return stored
