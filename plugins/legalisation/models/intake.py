"""Cases that arrive from MOS: the packages imported, the quarantine of refused ones, claim codes."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from przystan.documents.storage import private_storage


class QuarantineReason(models.TextChoices):
    MALFORMED = "malformed", _("The package is not a readable MOS package")
    UNSIGNED = "unsigned", _("The package is not signed")
    BAD_SIGNATURE = "bad_signature", _("The package's signature is not valid")
    UNKNOWN_OFFICE = "unknown_office", _("The package is addressed to another or an unknown office")
    DUPLICATE_CONFLICT = (
        "duplicate_conflict",
        _("A package with this id was imported before with different content"),
    )
    CHECKSUM = "checksum", _("An attachment is missing or does not match its checksum")
    ATTACHMENT_REFUSED = "attachment_refused", _("An attachment was refused (type or antivirus check)")


class IntakeOrigin(models.TextChoices):
    DROP = "drop", _("directory drop")
    HTTP = "http", _("delivered over HTTP")
    FEED = "feed", _("fetched from the MOS feed")


class MosPackage(models.Model):
    """A MOS submission package imported into a case (the idempotency record: one per package id)."""

    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="+")
    package_id = models.CharField(max_length=80, unique=True)
    manifest_sha256 = models.CharField(max_length=64)
    case = models.OneToOneField("legalisation.Case", on_delete=models.CASCADE, related_name="mos_package")
    origin = models.CharField(max_length=12, choices=IntakeOrigin.choices)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("MOS package")
        verbose_name_plural = _("MOS packages")

    def __str__(self) -> str:
        return self.package_id


def quarantine_path(instance: QuarantinedPackage, filename: str) -> str:
    return f"legalisation/quarantine/{instance.public_id.hex}.zip"


class QuarantinedPackage(models.Model):
    """A delivered package that was refused, kept aside with the reason; nothing of it was imported."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=40)
    origin = models.CharField(_("delivered by"), max_length=12, choices=IntakeOrigin.choices)
    package_id = models.CharField(_("package id"), max_length=80, blank=True)
    reason = models.CharField(_("reason"), max_length=24, choices=QuarantineReason.choices)
    detail = models.TextField(_("detail"), blank=True)
    payload = models.FileField(upload_to=quarantine_path, storage=private_storage)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("quarantined package")
        verbose_name_plural = _("quarantined packages")
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"{self.package_id or self.sha256[:12]}: {self.reason}"


class ClaimCode(models.Model):
    """The one-time code that lets the foreigner bind an imported case to their account (hash only)."""

    case = models.OneToOneField("legalisation.Case", on_delete=models.CASCADE, related_name="claim_code")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.case_id}: {'used' if self.used_at else 'open'}"


class ClaimAttempt(models.Model):
    """One attempt to claim a case (right or wrong); also the per-account and per-number rate limit."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    case_number = models.CharField(max_length=40)  # as typed (normalised), whether or not it exists
    succeeded = models.BooleanField(default=False)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["user", "at"], name="legal_claim_user_at"),
            models.Index(fields=["case_number", "at"], name="legal_claim_number_at"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.case_number} {'ok' if self.succeeded else 'wrong'}"
