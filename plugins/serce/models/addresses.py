"""Addresses of persons living outside centres (history)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Address(models.Model):
    """Where a person receiving assistance outside a centre lives, from ``date_from`` to ``date_to``."""

    person = models.ForeignKey(
        "serce.Person", on_delete=models.CASCADE, related_name="addresses", verbose_name=_("person")
    )
    street = models.CharField(_("street and number"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=6)
    city = models.CharField(_("city"), max_length=80)
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("to"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("address outside a centre")
        verbose_name_plural = _("addresses outside centres")
        ordering = ["-date_from", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_to__isnull=True) | Q(date_to__gte=F("date_from")),
                name="serce_address_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.street}, {self.postal_code} {self.city}"

    def clean(self) -> None:
        if self.date_to and self.date_from and self.date_to < self.date_from:
            raise ValidationError({"date_to": _("The end date cannot be before the start date.")})
