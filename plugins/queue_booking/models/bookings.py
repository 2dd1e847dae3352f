"""Bookings (bound to one person) and the daily ticket counter of the office queue."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from przystan.audit.api import AuditedManager, audited


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("booked")
    CHECKED_IN = "checked_in", _("checked in")
    CALLED = "called", _("called")
    SERVED = "served", _("served")
    NO_SHOW = "no_show", _("did not come")
    CANCELLED = "cancelled", _("cancelled")


ACTIVE_STATUSES = (BookingStatus.BOOKED, BookingStatus.CHECKED_IN, BookingStatus.CALLED)


class BookingSource(models.TextChoices):
    ONLINE = "online", _("online")
    ROUND = "round", _("allocation round")
    WAITING_LIST = "waiting_list", _("waiting list")
    OUT_OF_QUEUE = "out_of_queue", _("out of queue (approved)")


class DocumentKind(models.TextChoices):
    PASSPORT = "passport", _("passport")
    RESIDENCE_CARD = "residence_card", _("residence card")
    TRAVEL_DOCUMENT = "travel_document", _("travel document")


@audited(sensitive=True, mask=("identity_hash", "person_key"))
class Booking(models.Model):
    """A visit of one person. Non-transferable: the identity document is checked at check-in.

    Sensitive (name, identity document, contact): every staff read is recorded in the audit log.
    """

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    reference = models.CharField(_("booking number"), max_length=12, unique=True)
    slot = models.ForeignKey("queue_booking.Slot", on_delete=models.PROTECT, related_name="bookings")
    service_type = models.ForeignKey("queue_booking.ServiceType", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=12, choices=BookingStatus.choices, default=BookingStatus.BOOKED
    )
    source = models.CharField(_("source"), max_length=14, choices=BookingSource.choices, default="online")
    person_key = models.CharField(max_length=64, db_index=True)
    identity_hash = models.CharField(max_length=64, db_index=True)
    document_kind = models.CharField(_("identity document"), max_length=16, choices=DocumentKind.choices)
    case_reference = models.CharField(_("case number"), max_length=40, blank=True, db_index=True)
    full_name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("mobile phone"), max_length=20, blank=True)
    language = models.CharField(_("language"), max_length=5, default="pl")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    employer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("employer"),
    )
    idempotency_key = models.CharField(max_length=80, null=True, blank=True, unique=True)
    # SHA-256 of the request that used the key (``services.booking.request_fingerprint``): the same key
    # with another request is refused (422) instead of answering with the first booking
    idempotency_fingerprint = models.CharField(max_length=64, blank=True, default="", db_default="")
    created_at = models.DateTimeField(auto_now_add=True)
    created_ip = models.GenericIPAddressField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    ticket_number = models.CharField(_("ticket"), max_length=8, blank=True)
    priority = models.BooleanField(_("priority"), default=False)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    called_at = models.DateTimeField(null=True, blank=True)
    called_at_point = models.ForeignKey(
        "queue_booking.ServicePoint", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["slot__starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "service_type", "person_key"],
                condition=Q(status__in=["booked", "checked_in", "called"]),
                name="qb_one_active_booking_per_person_and_type",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} ({self.full_name})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class TicketCounter(models.Model):
    """Last ticket number issued per office, day and service (incremented under a row lock)."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    prefix = models.CharField(max_length=2)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "day", "prefix"], name="qb_ticket_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.prefix}{self.last:03d} ({self.day})"
