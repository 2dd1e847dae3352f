"""The MOS intake connector: import a MOS submission package into a case at the competent office.

Deliveries (all end in :func:`import_package`, one transaction, idempotent on the package id):

* a directory drop — ``*.zip`` files in the office's ``mos_intake.drop_dir`` (relative to ``var/``),
  moved to ``imported/`` or ``quarantined/`` beside them once handled;
* the HTTP endpoint ``POST /api/legalisation/mos/packages/`` (``Authorization: Service …`` with the
  scope ``legalisation-mos-packages``), see :mod:`.views.api`;
* a pull from the MOS package feed at ``mos_intake.feed_url`` (the simulator in :mod:`.mos_simulator`
  speaks the same protocol): ``GET <feed>/feed?office=<code>`` → ``{"packages": [{"id", "url"}]}``,
  ``GET <url>`` → the zip, ``POST <url>/ack`` once handled.

A package that cannot be accepted goes into the quarantine (:class:`QuarantinedPackage`) with the
reason; nothing of it is imported.
"""

from __future__ import annotations

import datetime
import json
import logging
import re
import shutil
import urllib.parse
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from przystan.intake.contract import ImportResult, Outcome, Package
from przystan.offices.enablement import plugin_config

from . import mos_package
from .mos_package import PackageError

logger = logging.getLogger(__name__)

SOURCE = "mos"
PACKAGE_ID = re.compile(r"^[A-Za-z0-9._-]{6,80}$")
LANGUAGES = ("pl", "en", "uk", "ru")
FEED_TIMEOUT = 20


def config(office: Any) -> dict[str, Any]:
    return dict(plugin_config(office, "legalisation").get("mos_intake") or {})


def drop_dir(office: Any) -> Path | None:
    """The office's drop directory under ``var/`` (a relative path; anything else is ignored)."""
    value = str(config(office).get("drop_dir") or "")
    if not value or value.startswith("/") or ".." in Path(value).parts:
        return None
    return Path(settings.VAR_DIR) / value


# ----------------------------------------------------------------------------- the source


class MosSource:
    """The ``case_sources`` entry of an office that configured ``mos_intake``."""

    name = SOURCE

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "label": str(_("MOS submission packages")), "deliveries": DELIVERIES}

    def fetch(self, office: Any) -> Iterable[Package]:
        directory = drop_dir(office)
        if directory is not None and directory.is_dir():
            for path in sorted(directory.glob("*.zip")):
                yield Package(SOURCE, path.read_bytes(), origin="drop", handle=str(path))
        feed = str(config(office).get("feed_url") or "")
        if feed:
            yield from FeedClient(feed).packages(office.code)

    def import_package(self, office: Any, package: Package) -> ImportResult:
        return import_package(office, package)

    def acknowledge(self, office: Any, package: Package, result: ImportResult) -> None:
        if package.origin == "drop":
            path = Path(package.handle)
            folder = "quarantined" if result.outcome == Outcome.QUARANTINED else "imported"
            target = path.parent / folder
            target.mkdir(exist_ok=True)
            shutil.move(str(path), str(target / path.name))
        elif package.origin == "feed":
            FeedClient.acknowledge(package.handle, result)


DELIVERIES = ["drop", "http", "feed"]


def sources(office: Any) -> list[MosSource]:
    cfg = config(office)
    if cfg.get("enabled") is False or not (cfg.get("drop_dir") or cfg.get("feed_url")):
        return []
    return [MosSource()]


class FeedClient:
    """The production client of the MOS package feed (the simulator answers it in tests and the demo)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")

    @staticmethod
    def _get(url: str) -> bytes:
        with urllib.request.urlopen(url, timeout=FEED_TIMEOUT) as response:  # noqa: S310 - configured URL
            return response.read(mos_package.MAX_PACKAGE_BYTES + 1)

    def packages(self, office_code: str) -> Iterable[Package]:
        query = urllib.parse.urlencode({"office": office_code})
        listing = json.loads(self._get(f"{self.base_url}/feed?{query}"))
        for entry in listing.get("packages", []):
            url = urllib.parse.urljoin(self.base_url + "/", entry["url"])
            yield Package(SOURCE, self._get(url), origin="feed", handle=url, package_id=str(entry["id"]))

    @staticmethod
    def acknowledge(url: str, result: ImportResult) -> None:
        body = json.dumps({"outcome": result.outcome.value, "reason": result.reason}).encode()
        request = urllib.request.Request(
            f"{url}/ack", data=body, method="POST", headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=FEED_TIMEOUT):  # noqa: S310 - configured URL
            pass


# ----------------------------------------------------------------------------- import


def import_package(office: Any, package: Package) -> ImportResult:
    """Import one package atomically into a case of ``office``, or quarantine it with the reason."""
    from .models import MosPackage

    try:
        opened = mos_package.open_verified(package.payload)
        manifest = _checked_manifest(office, opened.manifest)
        earlier = MosPackage.objects.filter(package_id=manifest["package_id"]).select_related("case").first()
        if earlier is not None:
            return _duplicate(earlier, opened)
        try:
            with transaction.atomic():
                case, code = _create_case(office, package, opened, manifest)
        except (IntegrityError, PackageError) as exc:
            # a parallel delivery of the same package may have won meanwhile: it committed after our
            # first look, so its case shows up as a used MOS number (or as the unique package id)
            if isinstance(exc, PackageError) and exc.reason != "duplicate_conflict":
                raise
            earlier = (
                MosPackage.objects.filter(package_id=manifest["package_id"]).select_related("case").first()
            )
            if earlier is None:
                if isinstance(exc, PackageError):
                    raise
                raise PackageError(
                    "duplicate_conflict", "the MOS number is already used by another case"
                ) from None
            return _duplicate(earlier, opened)
    except PackageError as exc:
        record = quarantine(office, package, exc.reason, exc.detail)
        return ImportResult(Outcome.QUARANTINED, record.package_id, reason=exc.reason, detail=exc.detail)
    from .claims import announce_arrival

    transaction.on_commit(lambda: announce_arrival(case, code))
    return ImportResult(Outcome.IMPORTED, manifest["package_id"], case.number)


def _duplicate(earlier: Any, opened: mos_package.Opened) -> ImportResult:
    if earlier.manifest_sha256 != opened.manifest_sha256:
        raise PackageError(
            "duplicate_conflict",
            f"package {earlier.package_id} was imported as case {earlier.case.number} with other content",
        )
    return ImportResult(Outcome.DUPLICATE, earlier.package_id, earlier.case.number)


def quarantine(office: Any, package: Package, reason: str, detail: str) -> Any:
    from .models import QuarantinedPackage

    record = QuarantinedPackage(
        office=office,
        source=package.source,
        origin=package.origin,
        package_id=package.package_id or mos_package.peek_package_id(package.payload),
        reason=reason,
        detail=detail[:2000],
        sha256=mos_package.sha256(package.payload),
        size=len(package.payload),
    )
    record.payload.save("package.zip", ContentFile(package.payload), save=False)
    record.save()
    logger.warning("MOS package quarantined at %s: %s (%s)", office.code, reason, detail)
    return record


def _text(value: Any, name: str, *, required: bool = True, max_length: int = 200) -> str:
    if value is None or value == "":
        if required:
            raise PackageError("malformed", f"{name} is missing")
        return ""
    if not isinstance(value, str) or len(value) > max_length:
        raise PackageError("malformed", f"{name} is not a text of at most {max_length} characters")
    return value.strip()


def _date(value: Any, name: str, *, required: bool = True) -> datetime.date | None:
    if not value and not required:
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise PackageError("malformed", f"{name} is not a date (YYYY-MM-DD)") from None


def _datetime(value: Any, name: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(str(value))
    except ValueError:
        raise PackageError("malformed", f"{name} is not an ISO date and time") from None
    if timezone.is_naive(moment):
        raise PackageError("malformed", f"{name} has no time zone")
    return moment


def _checked_manifest(office: Any, manifest: dict[str, Any]) -> dict[str, Any]:
    """The fields the import needs, checked (raises ``PackageError``)."""
    from przystan.offices.models import Office

    from .application_types import TYPES_BY_CODE

    package_id = manifest.get("package_id")
    if not isinstance(package_id, str) or not PACKAGE_ID.match(package_id):
        raise PackageError("malformed", "package_id is missing or not 6–80 letters, digits, '.', '_', '-'")
    addressed = _text(manifest.get("office"), "office", max_length=40)
    if addressed != office.code:
        known = Office.objects.filter(code=addressed).exists()
        raise PackageError(
            "unknown_office",
            f"addressed to {'office' if known else 'unknown office'} {addressed!r}, delivered to {office.code!r}",
        )
    if manifest.get("application_type") not in TYPES_BY_CODE:
        raise PackageError("malformed", f"unknown application type {manifest.get('application_type')!r}")
    if manifest.get("language", "pl") not in LANGUAGES:
        raise PackageError("malformed", "language is not one of pl, en, uk, ru")
    applicant = manifest.get("applicant")
    if not isinstance(applicant, dict):
        raise PackageError("malformed", "applicant is missing")
    for name in ("given_names", "surname", "passport_number"):
        _text(applicant.get(name), f"applicant.{name}")
    _date(applicant.get("birth_date"), "applicant.birth_date")
    for name in ("answers", "employer_annex", "upo"):
        if not isinstance(manifest.get(name, {}), dict):
            raise PackageError("malformed", f"{name} is not an object")
    if not isinstance(manifest.get("signatures", []), list) or not isinstance(
        manifest.get("attachments", []), list
    ):
        raise PackageError("malformed", "signatures and attachments must be lists")
    _text(manifest.get("mos_number"), "mos_number", max_length=40)
    _datetime(manifest.get("filed_at"), "filed_at")
    _date(manifest.get("documents_complete_at"), "documents_complete_at", required=False)
    return manifest


def _file(opened: mos_package.Opened, item: dict[str, Any], what: str) -> bytes:
    name = item.get("file")
    if not isinstance(name, str) or name not in opened.files:
        raise PackageError("checksum", f"{what}: the file {name!r} is not in the package")
    data = opened.files[name]
    if item.get("sha256") != mos_package.sha256(data):
        raise PackageError("checksum", f"{what}: {name} does not match its sha256")
    return data


def _upo(opened: mos_package.Opened, manifest: dict[str, Any]) -> tuple[bytes, dict[str, Any]]:
    item = manifest.get("upo") or {}
    data = _file(opened, item, "UPO")
    try:
        if str(item["file"]).endswith(".json"):
            parsed = json.loads(data)
            number, received = parsed["number"], parsed["received_at"]
        else:
            root = ElementTree.fromstring(data)  # noqa: S314 - signed by MOS, checked against its sha256
            ns = {"u": "urn:mos:upo:1"}
            number = root.findtext("u:NumerUPO", namespaces=ns)
            received = root.findtext("u:DataOdbioru", namespaces=ns)
    except (ValueError, KeyError, TypeError, ElementTree.ParseError):
        raise PackageError("malformed", "the UPO cannot be read") from None
    if not number or not received:
        raise PackageError("malformed", "the UPO has no number or date of receipt")
    _datetime(received, "UPO date of receipt")
    return data, {"number": str(number), "received_at": str(received)}


def _checked_attachments(
    opened: mos_package.Opened, manifest: dict[str, Any]
) -> list[tuple[dict, bytes, str]]:
    from .attachments import MAX_BYTES, ScannerUnavailable, scanner, sniff

    checked = []
    for index, item in enumerate(manifest.get("attachments", [])):
        if not isinstance(item, dict):
            raise PackageError("malformed", f"attachment {index} is not an object")
        data = _file(opened, item, f"attachment {index}")
        content_type = sniff(data)
        if content_type is None or len(data) > MAX_BYTES:
            raise PackageError(
                "attachment_refused", f"{item['file']}: not a PDF, JPEG or PNG of at most 10 MB"
            )
        try:
            found = scanner()(data, item["file"])
        except ScannerUnavailable as exc:
            raise PackageError(
                "attachment_refused", f"{item['file']}: antivirus unavailable ({exc})"
            ) from None
        if found:
            raise PackageError("attachment_refused", f"{item['file']}: antivirus found {found}")
        checked.append((item, data, content_type))
    return checked


def _create_case(
    office: Any, package: Package, opened: mos_package.Opened, manifest: dict[str, Any]
) -> tuple[Any, str]:
    from .application_types import get_type
    from .claims import issue_claim_code
    from .deadlines import recompute
    from .models import Application, ApplicationStatus, Attachment, Case, MosPackage, StageChange
    from .numbering import hash_pin, new_pin, next_case_number, person_key
    from .services import _find_employer, _pin_length

    upo_bytes, confirmation = _upo(opened, manifest)
    files = _checked_attachments(opened, manifest)
    mos_number = manifest["mos_number"].strip().upper()
    if Case.objects.filter(office=office, mos_number=mos_number).exists():
        raise PackageError("duplicate_conflict", f"MOS number {mos_number} is already a case of this office")
    kind = get_type(manifest["application_type"])
    person = manifest["applicant"]
    birth = _date(person["birth_date"], "applicant.birth_date")
    filed = timezone.localtime(_datetime(manifest["filed_at"], "filed_at"))
    annex = manifest.get("employer_annex") or {}
    nip = "".join(ch for ch in str(annex.get("employer_nip", "")) if ch.isdigit())[:10]
    number = next_case_number(office)
    case = Case(
        office=office,
        number=number,
        pin_hash=hash_pin(number, new_pin(_pin_length(office))),  # a new PIN is asked for when needed
        mos_number=mos_number,
        source="mos",
        application_type=kind.code,
        person_name=f"{person['given_names'].strip()} {person['surname'].strip()}"[:200],
        passport_number=person["passport_number"].replace(" ", "").upper()[:20],
        birth_date=birth,
        person_key=person_key(office, person["passport_number"], birth, mos_number),
        email=_text(person.get("email"), "applicant.email", required=False, max_length=254),
        phone=_text(person.get("phone"), "applicant.phone", required=False, max_length=20),
        language=manifest.get("language", "pl"),
        employer=_find_employer(nip) if nip else None,
        employer_tax_id=nip,
        employer_annex_required=bool(annex.get("required", kind.employer_annex)),
        filed_at=filed.date(),
        documents_complete_at=_date(
            manifest.get("documents_complete_at"), "documents_complete_at", required=False
        ),
    )
    recompute(case)
    case.save()
    application = Application.objects.create(
        office=office,
        applicant=None,
        type_code=kind.code,
        data=manifest.get("answers") or {},
        status=ApplicationStatus.SUBMITTED,
        language=case.language,
        submitted_at=filed,
        case=case,
        source="mos",
        signatures=manifest.get("signatures") or [],
        filing_confirmation={
            **confirmation,
            "package_id": manifest["package_id"],
            "employer_annex": {
                "required": case.employer_annex_required,
                "status": str(annex.get("status", "")),
                "signed_at": str(annex.get("signed_at", "")),
            },
        },
    )
    owned = [({"kind": "mos_upo", "file": manifest["upo"]["file"]}, upo_bytes, "application/xml")]
    for item, data, content_type in [*owned, *files]:
        attachment = Attachment(
            application=application,
            case=case,
            kind=str(item.get("kind") or "other")[:40],
            original_name=str(item.get("name") or item["file"].rsplit("/", 1)[-1])[:200],
            content_type=content_type,
            size=len(data),
            sha256=mos_package.sha256(data),
            uploaded_by=None,
        )
        attachment.file.save("upload", ContentFile(data), save=False)
        attachment.save()
    MosPackage.objects.create(
        office=office,
        package_id=manifest["package_id"],
        manifest_sha256=opened.manifest_sha256,
        case=case,
        origin=package.origin,
    )
    StageChange.objects.create(case=case, old_stage="", new_stage="filed", note="MOS")
    code = issue_claim_code(case)
    return case, code
