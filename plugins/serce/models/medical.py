"""Medical filter and special needs: special-category data (GDPR art. 9), every read is logged."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MedicalFilter(models.Model):
    """The result of the medical filter (interview, lab tests, chest X-ray, isolation if needed)."""

    class Result(models.TextChoices):
        PENDING = "pending", _("in progress")
        CLEARED = "cleared", _("cleared")
        FOLLOW_UP = "follow_up", _("needs follow-up")
        ISOLATION = "isolation", _("isolated")

    person = models.ForeignKey(
        "serce.Person", on_delete=models.CASCADE, related_name="medical_filters", verbose_name=_("person")
    )
    examined_on = models.DateField(_("examined on"))
    place = models.CharField(_("place"), max_length=120, default="Biała Podlaska")
    interview_done = models.BooleanField(_("medical interview"), default=False)
    lab_tests_done = models.BooleanField(_("laboratory tests"), default=False)
    xray_done = models.BooleanField(_("chest X-ray"), default=False)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices, default=Result.PENDING)
    notes = models.TextField(_("medical notes"), blank=True)

    class Meta:
        verbose_name = _("medical filter")
        verbose_name_plural = _("medical filters")
        ordering = ["-examined_on", "-id"]

    def __str__(self) -> str:
        return f"{self.examined_on}: {self.get_result_display()}"


class SpecialNeed(models.Model):
    """A special need of a vulnerable person (to plan accommodation and care)."""

    class Category(models.TextChoices):
        DISABILITY = "disability", _("disability")
        PREGNANCY = "pregnancy", _("pregnancy")
        UNACCOMPANIED_MINOR = "minor", _("unaccompanied minor")
        VIOLENCE_VICTIM = "violence", _("victim of torture or violence")
        ELDERLY = "elderly", _("elderly person")
        CHRONIC_ILLNESS = "chronic", _("chronic illness")
        OTHER = "other", _("other need")

    person = models.ForeignKey(
        "serce.Person", on_delete=models.CASCADE, related_name="special_needs", verbose_name=_("person")
    )
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    description = models.TextField(_("description"), blank=True)
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("special need")
        verbose_name_plural = _("special needs")
        ordering = ["-since", "-id"]

    def __str__(self) -> str:
        return self.get_category_display()
