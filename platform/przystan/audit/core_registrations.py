"""Core models whose changes are audited (plugins register their own models in their AppConfig.ready)."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from .api import register


def register_core_models() -> None:
    from przystan.offices.models import Office, OfficeClosure

    # Accounts are personal data. The password hash is never written down (a change shows as
    # "[masked]"); last_login changes on every login and is not a change of the person's data.
    register(get_user_model(), exclude=("last_login",), mask=("password",), office_field="home_office")
    register(Office)
    register(OfficeClosure)  # days off change visits and opening hours: who added or removed one
