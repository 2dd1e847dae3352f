"""Stays of persons in centres (history): who lived where, from when to when."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Stay(models.Model):
    """A person living in a centre from ``date_from`` to ``date_to`` (``None`` = still there)."""

    person = models.ForeignKey(
        "serce.Person", on_delete=models.CASCADE, related_name="stays", verbose_name=_("person")
    )
    centre = models.ForeignKey(
        "serce.Centre", on_delete=models.PROTECT, related_name="stays", verbose_name=_("centre")
    )
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("to"), null=True, blank=True)
    room = models.CharField(_("room"), max_length=40, blank=True)
    source = models.CharField(
        _("recorded by"),
        max_length=40,
        blank=True,
        default="serce",
        help_text=_("Which module recorded the stay (e.g. serce, hotel)."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("stay in a centre")
        verbose_name_plural = _("stays in centres")
        ordering = ["-date_from", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_to__isnull=True) | Q(date_to__gte=F("date_from")),
                name="serce_stay_dates_ordered",
            ),
            models.UniqueConstraint(
                fields=["person"], condition=Q(date_to__isnull=True), name="serce_one_open_stay_per_person"
            ),
        ]
        indexes = [models.Index(fields=["centre", "date_from"], name="serce_stay_centre_from")]

    def __str__(self) -> str:
        from ..dates import staff_date

        return (
            f"{self.person} @ {self.centre} ({staff_date(self.date_from)}–{staff_date(self.date_to) or '…'})"
        )

    @property
    def is_open(self) -> bool:
        return self.date_to is None

    def clean(self) -> None:
        if self.date_to and self.date_from and self.date_to < self.date_from:
            raise ValidationError({"date_to": _("The end date cannot be before the start date.")})
        if self.person_id and self.date_from:
            overlapping = Stay.objects.filter(person_id=self.person_id).exclude(pk=self.pk)
            overlapping = overlapping.filter(Q(date_to__isnull=True) | Q(date_to__gte=self.date_from))
            if self.date_to:
                overlapping = overlapping.filter(date_from__lte=self.date_to)
            if overlapping.exists():
                raise ValidationError(_("This stay overlaps another stay of the same person."))
