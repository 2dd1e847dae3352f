"""Staff roles: Django groups named by a stable slug, with documented permissions.

The group name is the role slug (never translated, so code and plugins can rely on it); the
translated label and description live here. :func:`sync_roles` creates the groups and grants the
core permissions below plus the ones plugins return from the ``role_permissions`` hook. It runs
after every ``migrate`` and from ``manage.py sync_roles``; it only adds (``prune=True`` also removes
permissions the documentation does not list).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connection, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.errors import PluginError

logger = logging.getLogger(__name__)

ADMIN_ACCESS = "wagtailadmin.access_admin"


@dataclass(frozen=True)
class Role:
    slug: str
    name: Promise | str
    description: Promise | str
    permissions: tuple[str, ...] = ()
    special_category: bool = False  # handles special-category data (GDPR art. 9)


ROLES: tuple[Role, ...] = (
    Role(
        "editor",
        _("Editor"),
        _("Writes the information pages in the CMS and submits them for review."),
        permissions=(
            ADMIN_ACCESS,
            "wagtailimages.add_image",
            "wagtailimages.change_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.change_document",
            "wagtaildocs.choose_document",
            "offices.view_office",
        ),
    ),
    Role(
        "officer",
        _("Case officer"),
        _("Handles foreigners' cases, visits and registers of the office."),
        permissions=("offices.view_office",),
    ),
    Role(
        "supervisor",
        _("Supervisor"),
        _("Oversees officers, approves pages submitted for moderation and sees reports."),
        permissions=(ADMIN_ACCESS, "offices.view_office", "accounts.view_user", "audit.view_auditentry"),
    ),
    Role(
        "centre_staff",
        _("Reception centre staff"),
        _("Keeps the records of residents of a reception centre."),
        permissions=("offices.view_office",),
    ),
    Role(
        "social_worker",
        _("Social worker"),
        _("Grants and records social assistance benefits."),
        permissions=("offices.view_office",),
    ),
    Role(
        "medical",
        _("Medical staff"),
        _("Sees health data (special-category personal data); every access is logged."),
        permissions=("offices.view_office",),
        special_category=True,
    ),
    Role(
        "finance",
        _("Finance"),
        _("Reconciles stamp duty and fee payments."),
        permissions=("offices.view_office",),
    ),
    Role(
        "office_admin",
        _("Office administrator"),
        _("Configures the office, its enabled modules and staff accounts."),
        permissions=(  # creating offices is the platform administrator's (installation-wide)
            ADMIN_ACCESS,
            "offices.change_office",
            "offices.view_office",
            "offices.add_pluginenablement",
            "offices.change_pluginenablement",
            "offices.delete_pluginenablement",
            "offices.view_pluginenablement",
            "accounts.view_user",
            "accounts.issue_mfa_enrolment_code",
            "audit.view_auditentry",
            "scheduling.view_jobrun",
            "api.view_servicecredential",
            "api.add_servicecredential",
            "api.change_servicecredential",
        ),
    ),
)
ROLES = (
    *ROLES,
    Role(
        "reviewer",
        _("Content reviewer"),
        _("Reviews and approves information pages submitted by editors; publishes only what was reviewed."),
        permissions=(ADMIN_ACCESS, "offices.view_office"),
    ),
    Role(
        "queue_officer",
        _("Queue officer"),
        _("Runs the day's visits at the counter: check-in, calling, serving, bookings by hand."),
        permissions=("offices.view_office",),
    ),
    Role(
        "platform_admin",
        _("Platform administrator"),
        _(
            "Administers the installation: offices, installed modules and platform-wide settings (not office data)."
        ),
        permissions=(
            ADMIN_ACCESS,
            "offices.add_office",
            "offices.change_office",
            "offices.view_office",
            "offices.add_pluginenablement",
            "offices.change_pluginenablement",
            "offices.view_pluginenablement",
            "accounts.view_user",
            "audit.view_auditentry",
            "scheduling.view_jobrun",
        ),
    ),
)
ROLES_BY_SLUG: dict[str, Role] = {role.slug: role for role in ROLES}
#: Roles that work inside one office (everything but the platform administrator).
OFFICE_ROLES: tuple[str, ...] = tuple(r.slug for r in ROLES if r.slug != "platform_admin")


def role_slugs() -> list[str]:
    return [role.slug for role in ROLES]


def get_role(slug: str) -> Role:
    try:
        return ROLES_BY_SLUG[slug]
    except KeyError:
        raise ValueError(f"Unknown role '{slug}'. Roles: {', '.join(role_slugs())}.") from None


def role_label(group_name: str) -> str:
    """The translated label of a role group (the group name itself for other groups)."""
    role = ROLES_BY_SLUG.get(group_name)
    return str(role.name) if role else group_name


# ----------------------------------------------------------------------------- plugin permissions


def plugin_role_permissions(system: Any = None) -> dict[str, dict[str, list[str]]]:
    """``{plugin_slug: {role: [perm, ...]}}`` from every ``role_permissions`` implementation.

    Unknown roles raise :class:`PluginError` naming the plugin.
    """
    if system is None:
        from przystan.pluginsys.manager import get_plugin_system

        system = get_plugin_system()
    found: dict[str, dict[str, list[str]]] = {}
    for impl in system.pm.hook.role_permissions.get_hookimpls():
        plugin = system.pm.get_name(impl.plugin) or "?"
        result = impl.function() or {}
        if not isinstance(result, dict):
            raise PluginError(
                f"Plugin '{plugin}': role_permissions() must return a dict, got {type(result).__name__}."
            )
        for role, perms in result.items():
            if role not in ROLES_BY_SLUG:
                raise PluginError(
                    f"Plugin '{plugin}' grants permissions to unknown role '{role}'. "
                    f"Roles: {', '.join(role_slugs())}."
                )
            found.setdefault(plugin, {}).setdefault(role, []).extend(perms)
    return found


# ----------------------------------------------------------------------------- resolving permissions


class _Missing(Exception):
    """A permission's app is installed but has no permissions yet (not migrated)."""


def _permission(perm: str, cache: dict[str, Permission]) -> Permission:
    """Look up ``app_label.codename``; raise LookupError (unknown) or _Missing (not migrated)."""
    if perm in cache:
        return cache[perm]
    app_label, dot, codename = perm.partition(".")
    if not dot or not app_label or not codename:
        raise LookupError(f"'{perm}' is not of the form 'app_label.codename'")
    try:
        apps.get_app_config(app_label)
    except LookupError:
        raise LookupError(f"'{perm}': no installed app with label '{app_label}'") from None
    found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    if found is None:
        if not Permission.objects.filter(content_type__app_label=app_label).exists():
            raise _Missing(perm)
        raise LookupError(f"'{perm}': app '{app_label}' has no permission '{codename}'")
    cache[perm] = found
    return found


@dataclass
class SyncReport:
    groups_created: list[str] = field(default_factory=list)
    granted: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def documented_permissions(system: Any = None) -> dict[str, list[tuple[str, str]]]:
    """``{role: [(perm, source), ...]}`` — source is ``"core"`` or the plugin slug."""
    wanted: dict[str, list[tuple[str, str]]] = {
        role.slug: [(p, "core") for p in role.permissions] for role in ROLES
    }
    for plugin, roles in plugin_role_permissions(system).items():
        for role, perms in roles.items():
            wanted[role].extend((perm, plugin) for perm in perms)
    return wanted


def sync_roles(system: Any = None, prune: bool = False) -> SyncReport:
    """Create the role groups and grant the documented (core + plugin) permissions."""
    report = SyncReport()
    wanted = documented_permissions(system)
    cache: dict[str, Permission] = {}
    with transaction.atomic():
        for role in ROLES:
            group, created = Group.objects.get_or_create(name=role.slug)
            if created:
                report.groups_created.append(role.slug)
            resolved: list[Permission] = []
            for perm, source in wanted[role.slug]:
                try:
                    resolved.append(_permission(perm, cache))
                except _Missing:
                    logger.warning(
                        "Role '%s': permission '%s' (%s) skipped; its app is not migrated yet",
                        role.slug,
                        perm,
                        source,
                    )
                    report.skipped.append(perm)
                except LookupError as exc:
                    if source == "core":
                        raise
                    raise PluginError(
                        f"Plugin '{source}' grants role '{role.slug}' an unknown permission: {exc}."
                    ) from None
            current = set(group.permissions.values_list("pk", flat=True))
            missing = [p for p in resolved if p.pk not in current]
            if missing:
                group.permissions.add(*missing)
                report.granted[role.slug] = sorted(_perm_name(p) for p in missing)
            if prune:
                keep = {p.pk for p in resolved}
                extra = list(group.permissions.exclude(pk__in=keep))
                if extra:
                    group.permissions.remove(*extra)
                    report.removed[role.slug] = sorted(_perm_name(p) for p in extra)
            _drop_root_page_permissions(group)
    return report


def _perm_name(permission: Permission) -> str:
    return f"{permission.content_type.app_label}.{permission.codename}"


def _drop_root_page_permissions(group: Group) -> None:
    """Role groups hold no Wagtail page permissions: those are derived from the access policy per
    office (``cms_content.page_permissions``); a grant on the root page would reach every office."""
    from wagtail.models import GroupPagePermission

    if GroupPagePermission._meta.db_table not in connection.introspection.table_names():
        return
    GroupPagePermission.objects.filter(group=group).delete()


def roles_markdown(system: Any = None) -> str:
    """A short markdown table of the roles (``manage.py roles_table``)."""
    wanted = documented_permissions(system)
    lines = ["| Role (group) | Name | Description | Permissions |", "|---|---|---|---|"]
    for role in ROLES:
        perms = [perm if source == "core" else f"{perm} ({source})" for perm, source in wanted[role.slug]]
        lines.append(f"| `{role.slug}` | {role.name} | {role.description} | {', '.join(perms)} |")
    return "\n".join(lines) + "\n"
