"""``manage.py payments_credentials <office code>``: store the gateway secrets without echoing them."""

from __future__ import annotations

import getpass
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from plugins.payments.models import GatewayCredentials
from przystan.offices.models import Office


class Command(BaseCommand):
    help = "Set the CRC key and API key of an office's payment gateway (read from the terminal or env)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("office_code")
        parser.add_argument("--provider", default="przelewy24")

    def handle(self, *args: Any, **options: Any) -> None:
        office = Office.objects.filter(code=options["office_code"]).first()
        if office is None:
            raise CommandError(f"No office with code '{options['office_code']}'")
        crc = os.environ.get("P24_CRC_KEY") or getpass.getpass("CRC key: ")
        api_key = os.environ.get("P24_API_KEY") or getpass.getpass("API (reports) key: ")
        if not crc or not api_key:
            raise CommandError("Both keys are required")
        GatewayCredentials.objects.update_or_create(
            office=office, provider=options["provider"], defaults={"crc_key": crc, "api_key": api_key}
        )
        self.stdout.write(f"Stored {options['provider']} credentials for {office.code} (not shown).")
