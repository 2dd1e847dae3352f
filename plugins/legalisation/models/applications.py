"""An application being filled (a draft) or submitted, and the files attached to it."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from przystan.documents.storage import private_storage


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Application(models.Model):
    """Answers are stored as JSON keyed by the field names of the application type (see catalogue)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="+")
    # None for an application imported from MOS until the foreigner claims the case
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="legal_applications",
    )
    type_code = models.CharField(_("application type"), max_length=32)
    data = models.JSONField(_("answers"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    language = models.CharField(_("language"), max_length=5, default="pl")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    case = models.OneToOneField(
        "legalisation.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="application"
    )
    # where the answers come from: "portal" (filled here) or "mos" (imported from a MOS package)
    source = models.CharField(max_length=12, default="portal", db_default="portal")
    # signatures' metadata of an electronic filing, one dict per signature:
    # {"signer": str, "method": "trusted_profile"|"qualified"|"personal", "signed_at": ISO datetime,
    #  "valid": bool, "issuer": str, "serial": str}
    signatures = models.JSONField(default=list, blank=True, db_default=[])
    # the filing confirmation of the external system (MOS UPO): {"number": str, "received_at": ISO datetime}
    filing_confirmation = models.JSONField(default=dict, blank=True, db_default={})

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"{self.type_code} {self.public_id}"


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"legalisation/{instance.public_id.hex[:2]}/{instance.public_id.hex}"


class Attachment(models.Model):
    """A file given with an application, a message, a supplement answer or an employer's annex."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    case = models.ForeignKey(
        "legalisation.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    message = models.ForeignKey(
        "legalisation.Message", null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    supplement = models.ForeignKey(
        "legalisation.SupplementRequest",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    kind = models.CharField(_("document"), max_length=40)
    file = models.FileField(upload_to=attachment_path, storage=private_storage)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    scan_result = models.CharField(max_length=40, default="clean")
    # None for a file that arrived with a MOS package (no account uploaded it)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name
