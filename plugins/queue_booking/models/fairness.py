"""Fairness records: out-of-queue approvals, the waiting list and allocation rounds (seeded draws)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from przystan.audit.api import audited


class OutOfQueueStatus(models.TextChoices):
    PENDING = "pending", _("waiting for approval")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class OutOfQueueKind(models.TextChoices):
    PRIORITY = "priority", _("priority in today's queue")
    PLACEMENT = "placement", _("manual placement in a slot")


@audited(mask=("identity_hash",))
class OutOfQueueRequest(models.Model):
    """A booking outside the public queue; effective only after a SECOND staff member approves it."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=OutOfQueueKind.choices)
    slot = models.ForeignKey(
        "queue_booking.Slot", null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("slot")
    )
    booking = models.ForeignKey(
        "queue_booking.Booking",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("booking"),
    )
    full_name = models.CharField(_("full name"), max_length=150)
    document_kind = models.CharField(_("identity document"), max_length=16)
    identity_hash = models.CharField(max_length=64)
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"), max_length=10, choices=OutOfQueueStatus.choices, default=OutOfQueueStatus.PENDING
    )
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("out-of-queue booking")
        verbose_name_plural = _("out-of-queue bookings")
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("requested_by")),
                name="qb_out_of_queue_second_person",
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(decided_by__isnull=False), name="qb_out_of_queue_decided_by"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.full_name}"


class WaitingStatus(models.TextChoices):
    WAITING = "waiting", _("waiting")
    OFFERED = "offered", _("slot offered")
    BOOKED = "booked", _("booked")
    EXPIRED = "expired", _("offer expired")
    WITHDRAWN = "withdrawn", _("withdrawn")


@audited(mask=("identity_hash", "person_key"))
class WaitingListEntry(models.Model):
    """A person waiting for a freed slot; offers go out in order of joining, each held for a while."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    service_type = models.ForeignKey("queue_booking.ServiceType", on_delete=models.CASCADE, related_name="+")
    person_key = models.CharField(max_length=64)
    identity_hash = models.CharField(max_length=64)
    document_kind = models.CharField(max_length=16)
    case_reference = models.CharField(max_length=40, blank=True)
    full_name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("mobile phone"), max_length=20, blank=True)
    language = models.CharField(max_length=5, default="pl")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=WaitingStatus.choices, default=WaitingStatus.WAITING)
    offered_slot = models.ForeignKey(
        "queue_booking.Slot", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hold_expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("waiting-list entry")
        verbose_name_plural = _("waiting-list entries")
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "service_type", "person_key"],
                condition=Q(status__in=["waiting", "offered"]),
                name="qb_one_waiting_entry_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_type}: {self.full_name}"


class AllocationRound(models.Model):
    """Requests are collected in [opens_at, closes_at); then a seeded, published draw assigns the slots.

    ``seed_commitment`` = SHA-256 of the seed is published when the round opens; the seed itself is
    published after the draw, so anyone can check it against the commitment and recompute the order.
    """

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    service_type = models.ForeignKey("queue_booking.ServiceType", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=150)
    opens_at = models.DateTimeField(_("requests from"))
    closes_at = models.DateTimeField(_("requests until"))
    seed = models.CharField(max_length=64, editable=False)
    seed_commitment = models.CharField(_("seed commitment (SHA-256)"), max_length=64, editable=False)
    drawn_at = models.DateTimeField(_("drawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("allocation round")
        verbose_name_plural = _("allocation rounds")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=F("opens_at")), name="qb_round_window_order")
        ]

    def __str__(self) -> str:
        return self.title


@audited(mask=("identity_hash", "person_key"))
class AllocationRequest(models.Model):
    """One person's request in a round; ``public_code`` is the pseudonym listed in the published draw."""

    round = models.ForeignKey(AllocationRound, on_delete=models.CASCADE, related_name="requests")
    public_code = models.CharField(max_length=12, unique=True)
    person_key = models.CharField(max_length=64)
    identity_hash = models.CharField(max_length=64)
    document_kind = models.CharField(max_length=16)
    case_reference = models.CharField(max_length=40, blank=True)
    full_name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("mobile phone"), max_length=20, blank=True)
    language = models.CharField(max_length=5, default="pl")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    position = models.PositiveIntegerField(null=True, blank=True)
    booking = models.ForeignKey(
        "queue_booking.Booking", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "person_key"], name="qb_one_request_per_round"),
        ]

    def __str__(self) -> str:
        return self.public_code
