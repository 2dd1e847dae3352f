"""Card scans (check-in, check-out, meals) and meal services."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MealKind(models.TextChoices):
    BREAKFAST = "breakfast", _("breakfast")
    LUNCH = "lunch", _("lunch")
    DINNER = "dinner", _("dinner")


class MealService(models.Model):
    """One meal served in a centre on a day; each resident gets it at most once."""

    centre = models.ForeignKey(
        "serce.Centre", on_delete=models.CASCADE, related_name="hotel_meal_services", verbose_name=_("centre")
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("meal"), max_length=10, choices=MealKind.choices)

    class Meta:
        verbose_name = _("meal service")
        verbose_name_plural = _("meal services")
        ordering = ["-date", "kind"]
        constraints = [models.UniqueConstraint(fields=["centre", "date", "kind"], name="hotel_meal_service")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date}"


class MealIssue(models.Model):
    service = models.ForeignKey(MealService, on_delete=models.CASCADE, related_name="issues")
    person = models.ForeignKey("serce.Person", on_delete=models.CASCADE, related_name="hotel_meals")
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("meal issued")
        verbose_name_plural = _("meals issued")
        constraints = [
            models.UniqueConstraint(fields=["service", "person"], name="hotel_one_meal_per_service")
        ]

    def __str__(self) -> str:
        return f"{self.service}: {self.person_id}"


class ScanEvent(models.Model):
    class Kind(models.TextChoices):
        CHECK_IN = "in", _("check-in")
        CHECK_OUT = "out", _("check-out")
        MEAL = "meal", _("meal")
        REFUSED = "refused", _("refused")

    centre = models.ForeignKey("serce.Centre", on_delete=models.CASCADE, related_name="hotel_scans")
    person = models.ForeignKey(
        "serce.Person", on_delete=models.CASCADE, null=True, related_name="hotel_scans"
    )
    card_number = models.CharField(_("scanned code"), max_length=64)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    at = models.DateTimeField(_("time"), auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("scan")
        verbose_name_plural = _("scans")
        ordering = ["-at"]
        indexes = [models.Index(fields=["centre", "-at"], name="hotel_scan_centre_at")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.card_number}"

    @property
    def detail_display(self) -> str:
        """The detail for people: a meal scan keeps the meal's code, shown by its translated name."""
        if self.kind == self.Kind.MEAL and self.detail in MealKind.values:
            return str(MealKind(self.detail).label)
        return self.detail
