"""``manage.py roles_table``: print the staff roles and their permissions as a markdown table."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import translation

from przystan.accounts.roles import roles_markdown


class Command(BaseCommand):
    help = "Print the staff roles (groups) and their permissions as a markdown table for the docs."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--language", default="en", help="Language of role names and descriptions.")

    def handle(self, *args: Any, language: str = "en", **options: Any) -> None:
        with translation.override(language):
            self.stdout.write(roles_markdown(), ending="")
