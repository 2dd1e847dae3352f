"""Uploaded files: type checked by content (magic bytes), size and count limits, antivirus scan hook.

The scanner is ``settings.LEGALISATION_ATTACHMENT_SCANNER`` (a dotted path to a callable
``scan(data: bytes, name: str) -> str | None`` returning the name of what it found, or ``None``).
The default refuses the EICAR test signature; a deployment points it at ClamAV with
``LEGALISATION_ATTACHMENT_SCANNER = "plugins.legalisation.attachments.clamd_scanner"`` and
``LEGALISATION_CLAMD_ADDRESS = "tcp://127.0.0.1:3310"`` (or ``"unix:///run/clamav/clamd.ctl"``).
A scanner that cannot answer raises :class:`ScannerUnavailable` and the upload is refused (fail closed).
"""

from __future__ import annotations

import hashlib
import socket
import struct
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


class ScannerUnavailable(Exception):
    """The antivirus could not scan the file (the upload is refused, never let through)."""


CLAMD_CHUNK = 64 * 1024


def _clamd_connection() -> socket.socket:
    address = str(getattr(settings, "LEGALISATION_CLAMD_ADDRESS", "tcp://127.0.0.1:3310"))
    timeout = float(getattr(settings, "LEGALISATION_CLAMD_TIMEOUT", 30))
    if address.startswith("unix://"):
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.settimeout(timeout)
        connection.connect(address.removeprefix("unix://"))
        return connection
    host, _sep, port = address.removeprefix("tcp://").rpartition(":")
    return socket.create_connection((host or "127.0.0.1", int(port)), timeout=timeout)


def clamd_scanner(data: bytes, name: str) -> str | None:
    """Scan with ClamAV's clamd (``INSTREAM``): the signature name when infected, else ``None``."""
    try:
        with _clamd_connection() as connection:
            connection.sendall(b"zINSTREAM\0")
            for start in range(0, len(data), CLAMD_CHUNK):
                chunk = data[start : start + CLAMD_CHUNK]
                connection.sendall(struct.pack("!L", len(chunk)) + chunk)
            connection.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0"):
                part = connection.recv(4096)
                if not part:
                    break
                reply += part
    except OSError as exc:
        raise ScannerUnavailable(str(exc)) from exc
    answer = reply.rstrip(b"\0").decode("utf-8", "replace").strip()
    if answer.endswith(" FOUND"):
        return answer.removeprefix("stream:").removesuffix(" FOUND").strip() or "malware"
    if answer.endswith(" OK"):
        return None
    raise ScannerUnavailable(answer or "no answer")


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
    try:
        found = scanner()(data, upload.name)
    except ScannerUnavailable:
        raise ValidationError(
            _("The antivirus check is not available at the moment; try again in a few minutes.")
        ) from None
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
