"""Education of children: school enrolment and school supplies (wyprawka szkolna)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SchoolEnrolment(models.Model):
    """A child enrolled at a school for a school year."""

    person = models.ForeignKey(
        "serce.Person", on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("person")
    )
    school_year = models.CharField(_("school year"), max_length=9, help_text=_("For example 2026/2027."))
    school_name = models.CharField(_("school"), max_length=200)
    school_city = models.CharField(_("school town"), max_length=80, blank=True)
    grade = models.CharField(_("grade"), max_length=20, blank=True)
    enrolled_on = models.DateField(_("enrolled on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    polish_lessons = models.BooleanField(_("extra Polish lessons"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("school enrolment")
        verbose_name_plural = _("school enrolments")
        ordering = ["-enrolled_on", "-id"]

    def __str__(self) -> str:
        return f"{self.school_name} ({self.school_year})"


class SchoolSupply(models.Model):
    """School supplies given in kind for a school year."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        AVAILABLE = "available", _("ready for collection")
        ISSUED = "issued", _("issued")

    person = models.ForeignKey(
        "serce.Person", on_delete=models.CASCADE, related_name="school_supplies", verbose_name=_("person")
    )
    school_year = models.CharField(_("school year"), max_length=9)
    items = models.TextField(_("items"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    available_from = models.DateField(_("available from"), null=True, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)

    class Meta:
        verbose_name = _("school supplies")
        verbose_name_plural = _("school supplies")
        ordering = ["-school_year", "-id"]

    def __str__(self) -> str:
        return f"{self.school_year}: {self.get_status_display()}"
