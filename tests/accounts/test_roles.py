from __future__ import annotations

import logging

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page

from przystan.accounts.roles import ROLES, get_role, role_label, roles_markdown, sync_roles
from przystan.pluginsys.errors import PluginError
from przystan.pluginsys.manager import PluginSystem
from przystan.pluginsys.markers import hookimpl

pytestmark = pytest.mark.django_db


def group_perms(slug: str) -> set[str]:
    group = Group.objects.get(name=slug)
    return {
        f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")
    }


def page_perms(slug: str) -> set[str]:
    root = Page.get_first_root_node()
    return set(
        GroupPagePermission.objects.filter(group__name=slug, page=root).values_list(
            "permission__codename", flat=True
        )
    )


def test_migrate_created_every_role_group_with_its_documented_permissions():
    for role in ROLES:
        assert set(role.permissions) <= group_perms(role.slug), role.slug


def test_role_groups_are_named_by_slug_and_labels_are_translated():
    from django.utils import translation

    assert {r.slug for r in ROLES} == {
        "editor",
        "officer",
        "supervisor",
        "centre_staff",
        "social_worker",
        "medical",
        "finance",
        "office_admin",
        "reviewer",
        "queue_officer",
        "platform_admin",
    }
    with translation.override("pl"):
        assert role_label("editor") == "Redaktor"
    with translation.override("uk"):
        assert role_label("office_admin") == "Адміністратор установи"
    assert role_label("Moderators") == "Moderators"
    assert get_role("medical").special_category


def test_editor_reaches_wagtail_admin_and_edits_pages_publishing_through_review(user_factory):
    assert "wagtailadmin.access_admin" in group_perms("editor")
    # page permissions are derived per office from the access policy (cms_content.page_permissions);
    # a role group's own grant on the root page would reach every office's portal
    assert page_perms("editor") == page_perms("supervisor") == set()
    editor = user_factory(email="ed@example.com", kind="staff", roles=("editor",))
    officer = user_factory(email="off@example.com", kind="staff", roles=("officer",))
    assert editor.has_perm("wagtailadmin.access_admin")
    assert not officer.has_perm("wagtailadmin.access_admin")


def test_office_admin_configures_offices_and_their_plugins():
    perms = group_perms("office_admin")
    assert {
        "wagtailadmin.access_admin",
        "offices.change_office",
        "offices.view_office",
        "offices.add_pluginenablement",
        "offices.change_pluginenablement",
        "offices.delete_pluginenablement",
        "offices.view_pluginenablement",
    } <= perms
    assert "offices.delete_office" not in perms
    assert "offices.add_office" not in perms  # new offices are installation-wide administration


def test_sync_is_idempotent_and_restores_a_removed_permission():
    group = Group.objects.get(name="office_admin")
    group.permissions.remove(Permission.objects.get(codename="change_office"))
    report = sync_roles()
    assert report.granted == {"office_admin": ["offices.change_office"]}
    assert sync_roles().granted == {}
    assert Group.objects.filter(name__in=[r.slug for r in ROLES]).count() == len(ROLES)


def test_prune_removes_permissions_the_documentation_does_not_list():
    group = Group.objects.get(name="finance")
    group.permissions.add(Permission.objects.get(codename="delete_office"))
    call_command("sync_roles", "--prune", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert "offices.delete_office" not in group_perms("finance")
    assert "offices.view_office" in group_perms("finance")


class GrantingPlugin:
    def __init__(self, grants):
        self.grants = grants

    @hookimpl
    def role_permissions(self):
        return self.grants


def system_with(grants) -> PluginSystem:
    system = PluginSystem()
    system.pm.register(GrantingPlugin(grants), name="granting")
    return system


def test_plugin_permissions_from_the_hook_are_granted():
    report = sync_roles(system_with({"medical": ["offices.delete_office"]}))
    assert report.granted == {"medical": ["offices.delete_office"]}
    assert "offices.delete_office" in group_perms("medical")
    assert "offices.delete_office (granting)" in roles_markdown(
        system_with({"medical": ["offices.delete_office"]})
    )


def test_plugin_granting_an_unknown_role_is_named():
    with pytest.raises(PluginError, match="Plugin 'granting'.*unknown role 'janitor'"):
        sync_roles(system_with({"janitor": ["offices.view_office"]}))


@pytest.mark.parametrize("perm", ["offices.fly_office", "nosuchapp.view_thing", "no_dot"])
def test_plugin_granting_an_unknown_permission_is_named(perm):
    with pytest.raises(PluginError, match=f"Plugin 'granting'.*{perm}"):
        sync_roles(system_with({"officer": [perm]}))


def test_permission_of_an_app_without_migrated_permissions_is_skipped_with_a_warning(caplog):
    # the throwaway test plugin app is installed but has no models, hence no permissions yet
    with caplog.at_level(logging.WARNING, logger="przystan.accounts.roles"):
        report = sync_roles(system_with({"officer": ["throwaway_plugin.view_thing"]}))
    assert report.skipped == ["throwaway_plugin.view_thing"]
    assert "throwaway_plugin.view_thing" in caplog.text


def test_roles_table_command_prints_one_row_per_role(capsys):
    call_command("roles_table")
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("| Role")
    for role in ROLES:
        assert f"| `{role.slug}` |" in out
    assert "wagtailadmin.access_admin" in out


def test_make_user_refuses_an_unknown_role(user_factory):
    with pytest.raises(ValueError, match="Unknown role 'Editors'"):
        user_factory(email="x@example.com", roles=("Editors",))
