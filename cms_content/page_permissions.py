"""Wagtail's page permissions, derived from the access policy's ``cms.page`` grants, per office.

Wagtail decides what its page tree, editor, bulk actions, scheduled publishing and workflow offer from
group page permissions. Those are not hand-written per role: for every office and every role the
policy grants ``cms.page`` to, a group named ``portal:<office code>:<role>`` holds the Wagtail
permissions of the policy's actions (:data:`WAGTAIL_PERMISSIONS`) on that office's portal only — its
site's home page and the home's translations. A staff member is in the groups of their own office's
roles (kept in step whenever their roles, office or activity change), so an editor of one office has
no Wagtail rights on another office's pages, and the office's review workflow is approved by the
office's publishers only (:func:`cms_content.workflow.ensure_review_workflow`). The same groups hold
the office's image and document collection (``Portal <office code>``, :data:`COLLECTION_PERMISSIONS`).

The admin hooks of :mod:`cms_content.page_access` still ask the policy on every request; these
permissions are the upper bound Wagtail itself enforces.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .policy import PAGE, PUBLISH

PREFIX = "portal:"
#: Images and documents of the office's portal, in the office's own collection: editors upload and
#: change them, publishers choose them (they read what they approve). Wagtail honours collection
#: permissions only, never a group's global model permissions.
COLLECTION_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "edit": (
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ),
    PUBLISH: ("wagtailimages.choose_image", "wagtaildocs.choose_document"),
}
#: Policy action on ``cms.page`` → the Wagtail page permissions it takes. ``view`` alone gives none:
#: opening the editor comes with editing or publishing (a publisher reads what they approve).
WAGTAIL_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "edit": ("add_page", "change_page"),
    PUBLISH: ("change_page", "publish_page", "lock_page", "unlock_page"),
}


def collection_roles() -> dict[str, set[str]]:
    """``{role: {"app_label.codename", ...}}`` of the office collection, from the ``cms.page`` grants."""
    from przystan.access.table import policy_table

    found: dict[str, set[str]] = {}
    for grant in policy_table().grants_for(PAGE):
        perms = {perm for action in grant.actions for perm in COLLECTION_PERMISSIONS.get(action, ())}
        if perms:
            found.setdefault(grant.role, set()).update(perms)
    return found


def collection_name(office: Any) -> str:
    return f"Portal {office.code}"


def office_collection(office: Any) -> Any:
    """The office's collection of portal images and documents (created under the root on first use)."""
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    if root is None:  # Wagtail's migrations make it; a flushed database has none
        root = Collection.add_root(name="Root")
    found = root.get_children().filter(name=collection_name(office)).first()
    return found or root.add_child(instance=Collection(name=collection_name(office)))


def page_roles() -> dict[str, set[str]]:
    """``{role: {wagtail codename, ...}}`` from the policy's grants on ``cms.page``."""
    from przystan.access.table import policy_table

    found: dict[str, set[str]] = {}
    for grant in policy_table().grants_for(PAGE):
        codenames = {code for action in grant.actions for code in WAGTAIL_PERMISSIONS.get(action, ())}
        if codenames:
            found.setdefault(grant.role, set()).update(codenames)
    return found


def group_name(office: Any, role: str) -> str:
    return f"{PREFIX}{office.code}:{role}"


def portal_roots(office: Any) -> list[Any]:
    """The office's portal: its site's home page and the home's translations."""
    from wagtail.models import Page

    site = getattr(office, "site", None)
    home = getattr(site, "root_page", None) if site is not None else None
    if home is None or home.depth < 2:  # noqa: PLR2004 - Wagtail's root is depth 1
        return []
    return list(Page.objects.filter(translation_key=home.translation_key, depth=home.depth))


def office_groups(office: Any, roles: Iterable[str] | None = None) -> dict[str, Group]:
    """The office's page-permission groups (created on first use), with their page permissions."""
    wanted = page_roles()
    found: dict[str, Group] = {}
    wanted = {**collection_roles(), **wanted}
    for role in sorted(wanted if roles is None else set(roles) & set(wanted)):
        found[role] = Group.objects.get_or_create(name=group_name(office, role))[0]
    return found


@transaction.atomic
def sync_office(office: Any) -> dict[str, Group]:
    """Give the office's groups exactly the derived permissions on exactly the office's portal."""
    from wagtail.models import GroupPagePermission

    groups = office_groups(office)
    roots = portal_roots(office)
    permissions = {p.codename: p for p in Permission.objects.filter(content_type__app_label="wagtailcore")}
    for role, codenames in page_roles().items():
        group = groups[role]  # every role with a collection right has page rights too (same grants)
        keep = []
        for root in roots:
            for codename in sorted(codenames):
                if codename in permissions:
                    row, _created = GroupPagePermission.objects.get_or_create(
                        group=group, page=root, permission=permissions[codename]
                    )
                    keep.append(row.pk)
        GroupPagePermission.objects.filter(group=group).exclude(pk__in=keep).delete()
    _sync_collection(office, groups)
    return groups


def _sync_collection(office: Any, groups: dict[str, Group]) -> None:
    from wagtail.models import GroupCollectionPermission

    collection = office_collection(office)
    lookup = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.filter(
            content_type__app_label__in=("wagtailimages", "wagtaildocs")
        ).select_related("content_type")
    }
    wanted = collection_roles()
    for role, group in groups.items():
        keep = []
        for perm in sorted(wanted.get(role, ())):
            if perm in lookup:
                row, _created = GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=lookup[perm]
                )
                keep.append(row.pk)
        GroupCollectionPermission.objects.filter(group=group).exclude(pk__in=keep).delete()


def sync_all_offices() -> None:
    from przystan.offices.models import Office

    for office in Office.objects.select_related("site__root_page"):
        sync_office(office)


def sync_user(user: Any) -> None:
    """Put ``user`` in the page groups of their own office's roles, and in no other."""
    if user is None or not user.pk:
        return
    current = {g.pk: g.name for g in user.groups.filter(name__startswith=PREFIX)}
    wanted: set[int] = set()
    office = getattr(user, "home_office", None)
    if office is not None and user.is_active and getattr(user, "kind", "") == "staff":
        names = set(user.groups.exclude(name__startswith=PREFIX).values_list("name", flat=True))
        roles = names & set(page_roles())
        if roles:
            if Group.objects.filter(name__in=[group_name(office, r) for r in roles]).count() < len(roles):
                sync_office(office)  # the office's groups are new: give them their pages too
            wanted = {g.pk for g in office_groups(office, roles).values()}
    if wanted != set(current):
        user.groups.remove(*(set(current) - wanted))
        user.groups.add(*(wanted - set(current)))


def is_page_group(name: str) -> bool:
    return name.startswith(PREFIX)
