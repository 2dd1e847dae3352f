"""Food: meals in the centre or the cash equivalent, and diets."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class FoodArrangement(models.Model):
    """How a person is fed from ``date_from``: meals in the centre or the cash equivalent; the diet."""

    class Mode(models.TextChoices):
        MEALS = "meals", _("meals in the centre")
        CASH = "cash", _("cash equivalent")

    class Diet(models.TextChoices):
        NONE = "none", _("no special diet")
        VEGETARIAN = "vegetarian", _("vegetarian")
        HALAL = "halal", _("halal")
        GLUTEN_FREE = "gluten_free", _("gluten-free")
        DIABETIC = "diabetic", _("diabetic")
        INFANT = "infant", _("infant nutrition")
        OTHER = "other", _("other diet")

    person = models.ForeignKey(
        "serce.Person", on_delete=models.CASCADE, related_name="food_arrangements", verbose_name=_("person")
    )
    mode = models.CharField(_("meals or equivalent"), max_length=10, choices=Mode.choices, default=Mode.MEALS)
    diet = models.CharField(_("diet"), max_length=12, choices=Diet.choices, default=Diet.NONE)
    diet_notes = models.CharField(_("diet details"), max_length=200, blank=True)
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        verbose_name = _("food arrangement")
        verbose_name_plural = _("food arrangements")
        ordering = ["-date_from", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_to__isnull=True) | Q(date_to__gte=F("date_from")),
                name="serce_food_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_mode_display()}, {self.get_diet_display()}"
