"""Issue a one-time MFA enrolment code for a staff account (for people who cannot receive e-mail)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from przystan.accounts.enrolment import issue_admin_code, max_age


class Command(BaseCommand):
    help = "Print a one-time code that lets the given staff account set up its authenticator app."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="the staff account's e-mail address")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(email__iexact=options["email"]).first()
        if user is None or not user.is_office_staff:
            raise CommandError(f"No staff account with the e-mail address {options['email']!r}.")
        code = issue_admin_code(user)
        hours = max(1, max_age() // 3600)
        self.stdout.write(f"{code}\n(one use, valid {hours} h; hand it to the person, not by e-mail)")
