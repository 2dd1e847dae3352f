"""Uploaded files: type checked by content (magic bytes), size and count limits, antivirus scan hook.

The scanner is ``settings.LEGALISATION_ATTACHMENT_SCANNER`` (a dotted path to a callable
``scan(data: bytes, name: str) -> str | None`` returning the name of what it found, or ``None``).
The default refuses the EICAR test signature; a deployment points it at clamd.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 20
SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def sniff(data: bytes) -> str | None:
    """The content type recognised from the first bytes (PDF, JPEG or PNG), else ``None``."""
    for magic, content_type in SIGNATURES:
        if data.startswith(magic):
            return content_type
    return None


def eicar_scanner(data: bytes, name: str) -> str | None:
    return "EICAR-Test-Signature" if EICAR in data else None


def scanner() -> Any:
    path = getattr(settings, "LEGALISATION_ATTACHMENT_SCANNER", None)
    return import_string(path) if path else eicar_scanner


def check_upload(upload: Any, existing_count: int) -> tuple[bytes, str]:
    """Read and check an uploaded file; return (data, content type) or raise a translated ValidationError."""
    if existing_count >= MAX_FILES:
        raise ValidationError(_("You can attach at most %(count)d files.") % {"count": MAX_FILES})
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s MB); the limit is %(limit)d MB.")
            % {"size": f"{upload.size / 1048576:.1f}", "limit": MAX_BYTES // 1048576}
        )
    data = upload.read()
    if not data:
        raise ValidationError(_("The file is empty."))
    content_type = sniff(data)
    if content_type is None:
        raise ValidationError(_("Only PDF, JPEG and PNG files are accepted (checked by their content)."))
    found = scanner()(data, upload.name)
    if found:
        raise ValidationError(_("The file was rejected by the antivirus scan (%(name)s).") % {"name": found})
    return data, content_type


def store(upload: Any, data: bytes, content_type: str, *, kind: str, user: Any, **owner: Any) -> Any:
    from .models import Attachment

    attachment = Attachment(
        kind=kind,
        original_name=(upload.name or "file")[-200:],
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=user,
        **owner,
    )
    attachment.file.save("upload", ContentFile(data), save=False)
    attachment.save()
    return attachment
