"""Places of a reception centre: buildings, rooms and beds, with attributes and blocked places."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class HotelCentre(models.Model):
    """The hotel side of a serce centre; staff of a centre get per-object permissions on it."""

    centre = models.OneToOneField(
        "serce.Centre", on_delete=models.CASCADE, related_name="hotel", verbose_name=_("centre")
    )
    runs_medical_filter = models.BooleanField(
        _("runs the medical filter"),
        default=False,
        help_text=_("Newly arrived applicants without a medical filter result are directed here first."),
    )

    class Meta:
        verbose_name = _("centre (hotel base)")
        verbose_name_plural = _("centres (hotel base)")
        # the per-object grant behind the policy's ``centre`` scope (what one may do there is the role's)
        permissions = [("work_in_centre", "Works in the centre (the hotel base's centre scope)")]

    def __str__(self) -> str:
        return str(self.centre)


class Building(models.Model):
    centre = models.ForeignKey(
        "serce.Centre", on_delete=models.CASCADE, related_name="hotel_buildings", verbose_name=_("centre")
    )
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        verbose_name = _("building")
        verbose_name_plural = _("buildings")
        ordering = ["centre", "name"]
        constraints = [models.UniqueConstraint(fields=["centre", "name"], name="hotel_building_name")]

    def __str__(self) -> str:
        return self.name


class Room(models.Model):
    building = models.ForeignKey(
        Building, on_delete=models.CASCADE, related_name="rooms", verbose_name=_("building")
    )
    number = models.CharField(_("room number"), max_length=20)
    family_room = models.BooleanField(_("family room"), default=False)
    accessible = models.BooleanField(_("accessible (wheelchair)"), default=False)
    women_only = models.BooleanField(_("women only"), default=False)
    isolation = models.BooleanField(_("isolation room"), default=False)
    blocked = models.BooleanField(_("blocked"), default=False)
    blocked_reason = models.CharField(_("reason for blocking"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["building__name", "number"]
        constraints = [models.UniqueConstraint(fields=["building", "number"], name="hotel_room_number")]

    def __str__(self) -> str:
        return f"{self.building.name} / {self.number}"

    def attribute_labels(self) -> list[str]:
        labels = []
        for field in ("family_room", "accessible", "women_only", "isolation"):
            if getattr(self, field):
                labels.append(str(self._meta.get_field(field).verbose_name))
        return labels


class Bed(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="beds", verbose_name=_("room"))
    label = models.CharField(_("bed"), max_length=10)
    centre = models.ForeignKey(
        "serce.Centre",
        on_delete=models.CASCADE,
        related_name="hotel_beds",
        verbose_name=_("centre"),
        editable=False,
        help_text=_("Copied from the room's building, for fast counting."),
    )
    blocked = models.BooleanField(_("blocked"), default=False)
    blocked_reason = models.CharField(_("reason for blocking"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("bed")
        verbose_name_plural = _("beds")
        ordering = ["room__building__name", "room__number", "label"]
        constraints = [models.UniqueConstraint(fields=["room", "label"], name="hotel_bed_label")]
        indexes = [models.Index(fields=["centre"], name="hotel_bed_centre", condition=Q(blocked=False))]

    def __str__(self) -> str:
        return f"{self.room} / {self.label}"

    def save(self, *args, **kwargs) -> None:
        if self.room_id and not self.centre_id:
            self.centre_id = Room.objects.select_related("building").get(pk=self.room_id).building.centre_id
        super().save(*args, **kwargs)

    @property
    def is_blocked(self) -> bool:
        return self.blocked or self.room.blocked
