"""Reception centres (ośrodki dla cudzoziemców) run by an office."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Centre(models.Model):
    """A reception or residential centre for applicants for international protection."""

    class Kind(models.TextChoices):
        RECEPTION = "reception", _("reception centre")
        RESIDENTIAL = "residential", _("residential centre")
        OTHER = "other", _("other accommodation")

    office = models.ForeignKey(
        "offices.Office", on_delete=models.PROTECT, related_name="serce_centres", verbose_name=_("office")
    )
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.RESIDENTIAL)
    street = models.CharField(_("street and number"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=6)
    city = models.CharField(_("city"), max_length=80)
    capacity = models.PositiveIntegerField(_("capacity (places)"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("centre")
        verbose_name_plural = _("centres")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "code"], name="serce_centre_code_per_office")
        ]
        permissions = [("work_in_centre", "Works in the centre (sees and edits its residents)")]

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        """One-line postal address."""
        return f"{self.street}, {self.postal_code} {self.city}"
