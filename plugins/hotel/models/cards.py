"""Resident ID cards: one valid card per person; a reissued card invalidates the previous number."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class IdCard(models.Model):
    person = models.ForeignKey(
        "serce.Person", on_delete=models.CASCADE, related_name="hotel_cards", verbose_name=_("person")
    )
    centre = models.ForeignKey(
        "serce.Centre", on_delete=models.PROTECT, related_name="hotel_cards", verbose_name=_("centre")
    )
    number = models.CharField(_("card number"), max_length=24, unique=True)
    version = models.PositiveSmallIntegerField(_("version"))
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("invalidated"), null=True, blank=True)

    class Meta:
        verbose_name = _("ID card")
        verbose_name_plural = _("ID cards")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(revoked_at__isnull=True),
                name="hotel_one_valid_card_per_person",
            ),
            models.UniqueConstraint(fields=["person", "version"], name="hotel_card_version"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
