"""Transfers of a person (with their family) between centres, with the electronic transfer report."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Transfer(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        APPROVED = "approved", _("approved")
        IN_TRANSIT = "in_transit", _("in transit")
        COMPLETED = "completed", _("received")
        REJECTED = "rejected", _("rejected")

    ACTIVE = (Status.REQUESTED, Status.APPROVED, Status.IN_TRANSIT)

    reference = models.CharField(_("reference"), max_length=24, unique=True)
    from_centre = models.ForeignKey(
        "serce.Centre",
        on_delete=models.PROTECT,
        related_name="hotel_transfers_out",
        verbose_name=pgettext_lazy("transfer", "from"),
    )
    to_centre = models.ForeignKey(
        "serce.Centre",
        on_delete=models.PROTECT,
        related_name="hotel_transfers_in",
        verbose_name=pgettext_lazy("transfer", "to"),
    )
    persons = models.ManyToManyField("serce.Person", through="TransferMember", related_name="hotel_transfers")
    reason = models.TextField(_("reason for the transfer"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    departed_at = models.DateTimeField(_("departed"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), null=True, blank=True)
    report = models.JSONField(_("transfer report"), default=dict, blank=True)
    report_pdf = models.BinaryField(_("transfer report (PDF)"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return self.reference


class TransferMember(models.Model):
    transfer = models.ForeignKey(Transfer, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        "serce.Person", on_delete=models.PROTECT, related_name="hotel_transfer_memberships"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["transfer", "person"], name="hotel_transfer_member")]

    def __str__(self) -> str:
        return f"{self.transfer_id}: {self.person_id}"
