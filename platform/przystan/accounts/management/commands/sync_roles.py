"""``manage.py sync_roles``: create the staff role groups and grant their documented permissions."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from przystan.accounts.roles import sync_roles


class Command(BaseCommand):
    help = "Create the staff role groups and grant the core and plugin permissions documented for them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--prune",
            action="store_true",
            help="Also remove permissions of role groups that the documentation does not list.",
        )

    def handle(self, *args: Any, prune: bool = False, **options: Any) -> None:
        report = sync_roles(prune=prune)
        for slug in report.groups_created:
            self.stdout.write(f"created group {slug}")
        for slug, perms in report.granted.items():
            self.stdout.write(f"{slug}: granted {', '.join(perms)}")
        for slug, perms in report.removed.items():
            self.stdout.write(f"{slug}: removed {', '.join(perms)}")
        for perm in report.skipped:
            self.stdout.write(self.style.WARNING(f"skipped {perm} (app not migrated yet)"))
        self.stdout.write(self.style.SUCCESS("Roles are in sync."))
