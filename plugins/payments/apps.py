from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.metadata import PluginAppConfig


class PaymentsConfig(PluginAppConfig):
    default = True
    name = "plugins.payments"
    label = "payments"
    verbose_name = _("Stamp duty and fee payments")

    plugin_slug = "payments"
    plugin_name = _("Stamp duty and fee payments")
    plugin_version = "0.1.0"
    plugin_description = _(
        "Fee catalogue, online payments through Przelewy24, bank-transfer fallback, receipts and refunds."
    )
    plugin_requires: tuple[str, ...] = ()
    # Secrets (CRC key, API key) are NOT here: they live in GatewayCredentials, never shown or logged.
    plugin_config_schema = {
        "type": "object",
        "properties": {
            "provider": {"type": "string", "minLength": 1},
            "sandbox": {"type": "boolean"},
            "merchant_id": {"type": "integer", "minimum": 1},
            "pos_id": {"type": "integer", "minimum": 1},
            "api_url": {"type": "string", "format": "uri", "description": "override (loopback simulator)"},
            "language_fallback": {"enum": ["en", "pl"]},
            "notification_ips": {"type": "array", "items": {"type": "string"}},
        },
        "additionalProperties": False,
    }

    def ready(self) -> None:
        super().ready()
        from przystan.audit.api import register

        from .models import CaseFeeRelief, Checkout, Fee, FeeRelief, Payment, Refund, RefundRule

        register(Fee)
        register(FeeRelief, office_field="")
        register(CaseFeeRelief)
        register(RefundRule)
        register(Checkout, sensitive=True)
        register(Payment, exclude=("receipt_pdf", "gateway_url"))
        register(Refund, office_field="")
        from . import signals  # noqa: F401  (fee changes reach cached portal pages)
