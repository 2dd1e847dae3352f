"""Demo data: the standard catalogue, the loopback simulator as gateway, a few settled payments."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from przystan.offices.enablement import plugin_config, set_enabled

from .checkout import create_checkout
from .defaults import install_standard_fees
from .models import Checkout, GatewayCredentials, Payment
from .settlement import finish_settlement, settle
from .simulator.server import DEMO_MERCHANT

SIMULATOR_URL = "http://127.0.0.1:8099"


def load_demo(office: Any, stdout: Any) -> None:
    added = install_standard_fees(office)
    config = plugin_config(office, "payments")
    if not config.get("merchant_id"):
        set_enabled(
            office,
            "payments",
            True,
            {
                **config,
                "provider": "przelewy24",
                "sandbox": True,
                "merchant_id": DEMO_MERCHANT.merchant_id,
                "pos_id": DEMO_MERCHANT.pos_id,
                "api_url": SIMULATOR_URL,
            },
        )
    GatewayCredentials.objects.get_or_create(
        office=office,
        provider="przelewy24",
        defaults={"crc_key": DEMO_MERCHANT.crc, "api_key": DEMO_MERCHANT.api_key},
    )
    made = 0
    settlements: list[int] = []
    demo_payers = [
        (
            "olena.kovalenko@example.com",
            "Olena Kovalenko",
            "uk",
            ["stamp_temp_work", "card_issue"],
            "DEMO/2026/0001",
            True,
        ),
        (
            "ivan.petrov@example.com",
            "Ivan Petrov",
            "ru",
            ["stamp_permanent", "card_issue"],
            "DEMO/2026/0002",
            False,
        ),
        ("john.smith@example.com", "John Smith", "en", ["stamp_power_of_attorney"], "", True),
    ]
    for email, name, language, codes, case, paid in demo_payers:
        if Checkout.objects.filter(office=office, payer_email=email).exists():
            continue
        with transaction.atomic():
            checkout = create_checkout(
                office, codes, payer_email=email, payer_name=name, language=language, case_reference=case
            )
            if paid:
                for payment in Payment.objects.select_for_update().filter(checkout=checkout):
                    payment.method = "transfer"
                    payment.save(update_fields=["method"])
                    settlements.append(settle(payment, source="statement").pk)
        made += 1
    for settlement_id in settlements:  # the demo runs without a task worker: receipts now
        finish_settlement(settlement_id)
    stdout.write(
        f"payments: {added} fees, {made} demo checkouts; gateway = simulator at {SIMULATOR_URL} "
        "(start it: python -m plugins.payments.simulator --port 8099)\n"
    )
