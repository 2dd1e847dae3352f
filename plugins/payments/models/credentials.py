"""Gateway secrets per office, kept out of the (visible) plugin configuration and out of logs."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class GatewayCredentials(models.Model):
    office = models.ForeignKey(
        "offices.Office", on_delete=models.CASCADE, related_name="+", verbose_name=_("office")
    )
    provider = models.CharField(_("provider"), max_length=40, default="przelewy24")
    crc_key = models.CharField(_("CRC key"), max_length=100)
    api_key = models.CharField(_("API (reports) key"), max_length=100)

    class Meta:
        verbose_name = _("gateway credentials")
        verbose_name_plural = _("gateway credentials")
        constraints = [
            models.UniqueConstraint(fields=["office", "provider"], name="payments_credentials_unique")
        ]

    def __str__(self) -> str:
        return f"{self.provider} @ {self.office_id}"

    def __repr__(self) -> str:  # never print the secrets
        return f"<GatewayCredentials {self.provider} office={self.office_id} crc=*** api_key=***>"
