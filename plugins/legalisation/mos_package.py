"""The MOS submission package format (see README "MOS submission packages"): build, sign, read, verify.

A package is a zip with ``manifest.json``, ``manifest.sig``, ``upo.xml`` and ``attachments/…``.
``manifest.sig`` is a detached signature over the exact bytes of ``manifest.json``:
``{"alg": "HMAC-SHA256", "kid": "<key id>", "signature": "<hex>"}``. The manifest lists the UPO and
every attachment with its SHA-256, so a valid signature vouches for every file of the package.
Keys are configuration (``settings.LEGALISATION_MOS_KEYS`` / env ``LEGALISATION_MOS_KEYS``,
``kid:secret,kid:secret``), never code.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import zipfile
from dataclasses import dataclass
from typing import Any

from django.conf import settings

FORMAT = "mos-package/1"
ALGORITHM = "HMAC-SHA256"
MAX_PACKAGE_BYTES = 60 * 1024 * 1024


class PackageError(Exception):
    """The package cannot be accepted; ``reason`` is a :class:`QuarantineReason` value."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def keys() -> dict[str, bytes]:
    """The verifying keys by key id, from ``LEGALISATION_MOS_KEYS`` (a dict) or the environment."""
    configured = getattr(settings, "LEGALISATION_MOS_KEYS", None)
    if configured is None:
        configured = {}
        for item in os.environ.get("LEGALISATION_MOS_KEYS", "").split(","):
            kid, sep, secret = item.strip().partition(":")
            if sep and kid and secret:
                configured[kid] = secret
    return {kid: str(secret).encode() for kid, secret in configured.items()}


def sign(manifest_bytes: bytes, kid: str, key: bytes) -> bytes:
    signature = hmac.new(key, manifest_bytes, hashlib.sha256).hexdigest()
    return json.dumps({"alg": ALGORITHM, "kid": kid, "signature": signature}).encode()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def upo_xml(number: str, received_at: str, package_id: str, mos_number: str) -> bytes:
    """The filing confirmation (Urzędowe Poświadczenie Odbioru) as MOS issues it, simplified."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<UPO xmlns="urn:mos:upo:1">'
        f"<NumerUPO>{number}</NumerUPO>"
        f"<DataOdbioru>{received_at}</DataOdbioru>"
        f"<IdentyfikatorPaczki>{package_id}</IdentyfikatorPaczki>"
        f"<NumerWniosku>{mos_number}</NumerWniosku>"
        "</UPO>"
    ).encode()


def build(manifest: dict[str, Any], files: dict[str, bytes], *, kid: str, key: bytes | None) -> bytes:
    """A zip of ``manifest`` (the ``upo`` and ``attachments`` entries get their sha256 and size filled
    from ``files`` unless given) and ``files``; signed with ``key`` unless ``key`` is ``None``."""
    manifest = json.loads(json.dumps(manifest))
    upo = manifest.get("upo") or {}
    if upo.get("file") in files:
        upo.setdefault("sha256", sha256(files[upo["file"]]))
    for item in manifest.get("attachments", []):
        if item.get("file") in files:
            item.setdefault("sha256", sha256(files[item["file"]]))
            item.setdefault("size", len(files[item["file"]]))
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest_bytes)
        if key is not None:
            archive.writestr("manifest.sig", sign(manifest_bytes, kid, key))
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@dataclass(frozen=True)
class Opened:
    manifest: dict[str, Any]
    manifest_bytes: bytes
    files: dict[str, bytes]

    @property
    def manifest_sha256(self) -> str:
        return sha256(self.manifest_bytes)


def peek_package_id(payload: bytes) -> str:
    """The package id from an unverified manifest (for the quarantine record only), else ``""``."""
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            value = json.loads(archive.read("manifest.json")).get("package_id", "")
        return str(value)[:80] if isinstance(value, str | int) else ""
    except Exception:  # noqa: BLE001 - whatever is wrong, the id is simply unknown
        return ""


def open_verified(payload: bytes) -> Opened:
    """Read the package and check its signature; raise :class:`PackageError` otherwise."""
    if len(payload) > MAX_PACKAGE_BYTES:
        raise PackageError("malformed", f"package larger than {MAX_PACKAGE_BYTES} bytes")
    try:
        archive = zipfile.ZipFile(io.BytesIO(payload))
    except zipfile.BadZipFile:
        raise PackageError("malformed", "not a zip archive") from None
    with archive:
        names = set(archive.namelist())
        if any(name.startswith("/") or ".." in name.split("/") for name in names):
            raise PackageError("malformed", "a file name leaves the package")
        if "manifest.json" not in names:
            raise PackageError("malformed", "manifest.json is missing")
        try:
            files = {name: archive.read(name) for name in names if not name.endswith("/")}
        except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
            raise PackageError("malformed", f"unreadable archive: {exc}") from None
    manifest_bytes = files.pop("manifest.json")
    signature = files.pop("manifest.sig", None)
    if signature is None:
        raise PackageError("unsigned", "manifest.sig is missing")
    try:
        sig = json.loads(signature)
        alg, kid, value = sig["alg"], sig["kid"], sig["signature"]
    except (ValueError, KeyError, TypeError):
        raise PackageError("bad_signature", "manifest.sig is not a signature") from None
    key = keys().get(str(kid))
    if alg != ALGORITHM or key is None:
        raise PackageError("bad_signature", f"unknown key {kid!r} or algorithm {alg!r}")
    expected = hmac.new(key, manifest_bytes, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, str(value)):
        raise PackageError("bad_signature", "the signature does not match the manifest")
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError:
        raise PackageError("malformed", "manifest.json is not JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError("malformed", f"manifest format is not {FORMAT}")
    return Opened(manifest, manifest_bytes, files)
