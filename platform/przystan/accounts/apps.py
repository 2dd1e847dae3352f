from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "przystan.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        post_migrate.connect(
            sync_roles_after_migrate, sender=self, dispatch_uid="przystan.accounts.sync_roles"
        )


def sync_roles_after_migrate(sender: Any, using: str = "default", verbosity: int = 1, **kwargs: Any) -> None:
    """Create the role groups after ``migrate`` (permissions of all apps are created first)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    from .roles import sync_roles

    report = sync_roles()
    if verbosity >= 2 and report.groups_created:
        print(f"Created role groups: {', '.join(report.groups_created)}")
