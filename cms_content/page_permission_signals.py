"""Keep the derived page permissions (:mod:`cms_content.page_permissions`) in step.

A staff member's roles, office or activity change → their page groups follow; an office's portal
home (or a translation of it) appears or its site moves → the office's groups get those pages;
``migrate`` → every office is synced (and role groups keep no page permissions of their own).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_migrate, post_save

from . import page_permissions


def _user_groups_changed(sender: Any, instance: Any, action: str, reverse: bool, **kwargs: Any) -> None:
    if action not in ("post_add", "post_remove", "post_clear") or reverse:
        return
    page_permissions.sync_user(instance)


#: Fields of an account that decide its page groups (a save of others, e.g. ``last_login``, does not).
USER_FIELDS = {"home_office", "home_office_id", "is_active", "kind"}


def _user_saved(
    sender: Any, instance: Any, raw: bool = False, update_fields: Any = None, **kwargs: Any
) -> None:
    if raw or not instance.pk or (update_fields is not None and not USER_FIELDS & set(update_fields)):
        return
    page_permissions.sync_user(instance)


def _page_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    from wagtail.models import Page

    if raw or not isinstance(instance, Page) or instance.depth != 2:  # noqa: PLR2004 - a portal home
        return
    from .policy import page_office

    office = page_office(instance)
    if office is not None:
        page_permissions.sync_office(office)


def _site_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    from przystan.offices.models import Office

    if raw:
        return
    for office in Office.objects.filter(site=instance):
        page_permissions.sync_office(office)


def _office_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        page_permissions.sync_office(instance)


def _after_migrate(sender: Any, **kwargs: Any) -> None:
    """Every office's groups and every staff member's membership (an upgrade from role-wide page
    permissions on the root page, which ``sync_roles`` removes, lands here)."""
    page_permissions.sync_all_offices()
    for user in get_user_model().objects.filter(kind="staff", is_active=True).select_related("home_office"):
        page_permissions.sync_user(user)


def connect() -> None:
    from wagtail.models import Site

    from przystan.offices.models import Office

    User = get_user_model()
    m2m_changed.connect(
        _user_groups_changed, sender=User.groups.through, dispatch_uid="cms_content.page_groups.m2m"
    )
    post_save.connect(_user_saved, sender=User, dispatch_uid="cms_content.page_groups.user")
    post_save.connect(_page_saved, dispatch_uid="cms_content.page_groups.page")
    post_save.connect(_site_saved, sender=Site, dispatch_uid="cms_content.page_groups.site")
    post_save.connect(_office_saved, sender=Office, dispatch_uid="cms_content.page_groups.office")
    from django.apps import apps

    post_migrate.connect(
        _after_migrate, sender=apps.get_app_config("cms_content"), dispatch_uid="cms_content.page_groups"
    )
