"""Who sleeps where (placements), and what a resident needs (medical filter, special needs, food)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AccommodationNeeds(models.Model):
    """What a person needs from a room (the medical filter, special needs and food live in serce)."""

    person = models.OneToOneField(
        "serce.Person", on_delete=models.CASCADE, related_name="hotel_needs", verbose_name=_("person")
    )
    accessible_room = models.BooleanField(_("needs an accessible room"), default=False)
    notes = models.TextField(_("notes for the accommodation"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("accommodation needs")
        verbose_name_plural = _("accommodation needs")

    def __str__(self) -> str:
        return str(self.person)


class Placement(models.Model):
    """A person in a bed from admission until leaving; at most one open placement per bed and per person."""

    class EndReason(models.TextChoices):
        LEFT = "left", _("left the centre")
        TRANSFERRED = "transferred", _("transferred")
        MOVED = "moved", _("moved to another bed")

    person = models.ForeignKey(
        "serce.Person", on_delete=models.PROTECT, related_name="hotel_placements", verbose_name=_("person")
    )
    bed = models.ForeignKey(
        "hotel.Bed", on_delete=models.PROTECT, related_name="placements", verbose_name=_("bed")
    )
    centre = models.ForeignKey(
        "serce.Centre", on_delete=models.PROTECT, related_name="hotel_placements", verbose_name=_("centre")
    )
    stay = models.ForeignKey(
        "serce.Stay",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("stay"),
    )
    referral = models.ForeignKey(
        "hotel.Referral", on_delete=models.SET_NULL, null=True, blank=True, related_name="placements"
    )
    transfer = models.ForeignKey(
        "hotel.Transfer", on_delete=models.SET_NULL, null=True, blank=True, related_name="arrivals"
    )
    admitted_at = models.DateTimeField(_("admitted"))
    admitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("admitted by"),
    )
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    end_reason = models.CharField(_("reason"), max_length=12, choices=EndReason.choices, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    present = models.BooleanField(_("present"), default=True)
    last_seen_at = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-admitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["bed"], condition=Q(ended_at__isnull=True), name="hotel_one_person_per_bed"
            ),
            models.UniqueConstraint(
                fields=["person"], condition=Q(ended_at__isnull=True), name="hotel_one_bed_per_person"
            ),
        ]
        indexes = [models.Index(fields=["centre", "ended_at"], name="hotel_placement_centre")]

    def __str__(self) -> str:
        return f"{self.person} → {self.bed}"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None
