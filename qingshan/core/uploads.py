"""Checks every uploaded attachment passes: a known document or image type, within the size limit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ALLOWED_SUFFIXES = frozenset(
    {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png", ".txt"}
)
# The first bytes of each allowed kind; a renamed executable does not pass.
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".xls": (b"\xd0\xcf\x11\xe0",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG",),
}


def check_upload(upload: Any) -> Any:
    """Refuse an upload of another type or over ``QS_UPLOAD_MAX_BYTES``; returns it unchanged."""
    if not upload or not hasattr(upload, "read"):
        return upload
    suffix = Path(upload.name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise ValidationError(
            _("Upload a PDF, Word, Excel, JPEG, PNG or text file."), code="file_type"
        )
    if upload.size > settings.QS_UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)d MB.")
            % {"limit": settings.QS_UPLOAD_MAX_BYTES // (1024 * 1024)},
            code="file_size",
        )
    head = upload.read(8)
    upload.seek(0)
    if suffix in SIGNATURES and not head.startswith(SIGNATURES[suffix]):
        raise ValidationError(_("The file's content does not match its name."), code="file_content")
    return upload
