"""What an office offers: service points, service types with their release policy, schedules, slots."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class ServiceCode(models.TextChoices):
    """Shared vocabulary (other plugins rely on these codes)."""

    FILING = "filing", _("Filing an application in person")
    FINGERPRINTS = "fingerprints", _("Fingerprints (biometrics)")
    SUPPLEMENT = "supplement", _("Completing documents")
    CARD_PICKUP = "card_pickup", _("Residence card pick-up")
    INFORMATION = "information", _("Information")


class ServicePoint(models.Model):
    """A window or a room where visitors are served.

    ``name`` is the Polish name (always given); the office may name the point in the other languages
    of the portal too. Screens show :meth:`name_in` the reader's language, falling back to Polish.
    """

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    code = models.SlugField(_("code"), max_length=20)
    name = models.CharField(_("name (Polish)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    name_uk = models.CharField(_("name (Ukrainian)"), max_length=100, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=100, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("service point")
        verbose_name_plural = _("service points")
        ordering = ["office", "code"]
        constraints = [models.UniqueConstraint(fields=["office", "code"], name="qb_point_code_unique")]

    def __str__(self) -> str:
        return self.name_in(get_language())

    def name_in(self, language: str | None) -> str:
        """The name in ``language`` ("uk", "ru-RU", ...) if the office gave one, else the Polish name."""
        code = (language or "pl")[:2].lower()
        return (getattr(self, f"name_{code}", "") if code in ("en", "uk", "ru") else "") or self.name


class ServiceType(models.Model):
    """A kind of visit with its duration, identity requirements and release policy."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    code = models.CharField(_("service"), max_length=20, choices=ServiceCode.choices)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=15)
    requires_live_case = models.BooleanField(
        _("requires a live case"),
        default=False,
        help_text=_("Booking needs the case number and code of a live case (when the case module is on)."),
    )
    active = models.BooleanField(_("active"), default=True)
    release_days_ahead = models.PositiveSmallIntegerField(
        _("released days ahead"), default=14, help_text=_("Slots of a day open this many days before it.")
    )
    release_time = models.TimeField(_("release time"), default="08:00")
    release_waves = models.JSONField(
        _("release waves (percent)"),
        default=list,
        blank=True,
        help_text=_("E.g. [50, 30, 20]: half the slots at the release time, the rest in later waves."),
    )
    wave_interval_minutes = models.PositiveSmallIntegerField(_("minutes between waves"), default=120)
    hold_minutes = models.PositiveSmallIntegerField(
        _("waiting-list hold (minutes)"), default=120, help_text=_("How long an offered slot is held.")
    )

    class Meta:
        verbose_name = _("service type")
        verbose_name_plural = _("service types")
        ordering = ["office", "code"]
        constraints = [models.UniqueConstraint(fields=["office", "code"], name="qb_service_code_unique")]

    def __str__(self) -> str:
        return str(self.get_code_display())

    def clean(self) -> None:
        waves = self.release_waves or []
        if waves and (
            not all(isinstance(w, int) and w > 0 for w in waves) or sum(waves) != 100  # noqa: PLR2004
        ):
            raise ValidationError(
                {"release_waves": _("Waves are positive whole percentages adding up to 100.")}
            )


class WeeklySchedule(models.Model):
    """Opening hours of one service point for one service type on one weekday."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    service_type = models.ForeignKey(ServiceType, on_delete=models.CASCADE, related_name="schedules")
    service_point = models.ForeignKey(ServicePoint, on_delete=models.CASCADE, related_name="schedules")
    weekday = models.PositiveSmallIntegerField(
        _("weekday"),
        choices=[
            (0, _("Monday")),
            (1, _("Tuesday")),
            (2, _("Wednesday")),
            (3, _("Thursday")),
            (4, _("Friday")),
            (5, _("Saturday")),
            (6, _("Sunday")),
        ],
    )
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("until"))
    capacity_per_slot = models.PositiveSmallIntegerField(_("visitors per slot"), default=1)

    class Meta:
        verbose_name = _("weekly schedule")
        verbose_name_plural = _("weekly schedules")
        constraints = [
            models.CheckConstraint(condition=Q(end_time__gt=F("start_time")), name="qb_schedule_hours_order"),
            models.CheckConstraint(
                condition=Q(capacity_per_slot__gte=1), name="qb_schedule_capacity_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service_type} · {self.service_point} · {self.get_weekday_display()}"


class ScheduleException(models.Model):
    """A day (or a service point's day) when no slots are generated; public holidays come from `holidays`."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))
    service_point = models.ForeignKey(
        ServicePoint, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("service point")
    )
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        verbose_name = _("schedule exception")
        verbose_name_plural = _("schedule exceptions")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date}: {self.reason}"


class Slot(models.Model):
    """A bookable time at one service point. ``booked`` counts bookings and waiting-list holds.

    The database guarantees ``0 <= booked <= capacity`` (CHECK constraint); bookings increment it
    with a conditional UPDATE that row-locks the slot until the booking transaction ends.
    """

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    service_type = models.ForeignKey(ServiceType, on_delete=models.CASCADE, related_name="slots")
    service_point = models.ForeignKey(ServicePoint, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveSmallIntegerField(_("capacity"))
    booked = models.IntegerField(_("booked"), default=0)
    released_at = models.DateTimeField(_("bookable from"), db_index=True)
    allocation_round = models.ForeignKey(
        "queue_booking.AllocationRound",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="slots",
        verbose_name=_("allocation round"),
    )
    reserved_for_round = models.BooleanField(_("reserved for a draw"), default=False)

    class Meta:
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        ordering = ["starts_at", "service_point"]
        constraints = [
            models.CheckConstraint(
                condition=Q(booked__gte=0) & Q(booked__lte=F("capacity")),
                name="qb_slot_booked_within_capacity",
            ),
            models.UniqueConstraint(
                fields=["service_type", "service_point", "starts_at"], name="qb_slot_unique_time"
            ),
        ]
        indexes = [models.Index(fields=["office", "service_type", "starts_at"], name="qb_slot_lookup")]

    def __str__(self) -> str:
        return f"{self.service_type} {self.starts_at:%Y-%m-%d %H:%M} ({self.service_point})"

    @property
    def free(self) -> int:
        return max(self.capacity - self.booked, 0)
