"""Wagtail's own page permissions follow the access policy's ``cms.page`` grants, for the office's
portal only: an editor adds and changes pages and submits them for moderation but never publishes
(not through the editor, not scheduled, not through a bulk action); a reviewer publishes and approves;
neither has any right on another office's pages, and another office's reviewer approves nothing here."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page

from .test_access_policy import edit_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(portal: Any) -> Any:
    from cms_content.models import ContactPage

    return ContactPage.objects.get(locale__language_code="pl", slug="kontakt")


@pytest.fixture
def people(office: Any, other_office: Any, user_factory: Any) -> dict[str, Any]:
    def staff(email: str, role: str, of: Any) -> Any:
        return user_factory(email, kind="staff", roles=(role,), office=of)

    return {
        "editor": staff("editor@uw.example.gov.pl", "editor", office),
        "reviewer": staff("reviewer@uw.example.gov.pl", "reviewer", office),
        "officer": staff("officer@uw.example.gov.pl", "officer", office),
        "other_editor": staff("editor@drugi.example.gov.pl", "editor", other_office),
        "other_reviewer": staff("reviewer@drugi.example.gov.pl", "reviewer", other_office),
    }


@pytest.fixture
def other_page(other_office: Any) -> Any:
    home = other_office.site.root_page
    return home.add_child(instance=Page(title="Strona drugiego urzędu", slug="strona-drugiego"))


def test_role_groups_hold_no_page_permissions_that_would_reach_every_office(portal: Any) -> None:
    from przystan.accounts.roles import ROLES

    assert not GroupPagePermission.objects.filter(group__name__in=[r.slug for r in ROLES]).exists()
    derived = GroupPagePermission.objects.filter(group__name__startswith="portal:")
    assert derived.exists()
    assert not derived.filter(page=Page.get_first_root_node()).exists()
    assert {p.page.translation_key for p in derived} == {portal.translation_key}


def test_the_editor_edits_and_submits_but_may_not_publish(contact: Any, people: Any) -> None:
    rights = contact.permissions_for_user(people["editor"])
    assert rights.can_edit() and not rights.can_publish() and not rights.can_unpublish()
    assert contact.get_parent().permissions_for_user(people["editor"]).can_add_subpage()
    assert not contact.permissions_for_user(people["editor"]).can_lock()


def test_the_reviewer_publishes(contact: Any, people: Any) -> None:
    rights = contact.permissions_for_user(people["reviewer"])
    assert rights.can_edit() and rights.can_publish()


def test_another_offices_staff_have_no_rights_on_this_portal(contact: Any, people: Any) -> None:
    for who in ("other_editor", "other_reviewer"):
        rights = contact.permissions_for_user(people[who])
        assert not rights.can_edit() and not rights.can_publish(), who


def test_this_offices_staff_have_no_rights_on_another_offices_pages(
    portal: Any, people: Any, other_page: Any
) -> None:
    for who in ("editor", "reviewer"):
        rights = other_page.permissions_for_user(people[who])
        assert not rights.can_edit() and not rights.can_publish(), who
    assert other_page.permissions_for_user(people["other_reviewer"]).can_publish()


def test_only_this_offices_publishers_approve_its_review(contact: Any, people: Any) -> None:
    from cms_content.workflow import submit_for_review

    contact.title = "Kontakt (zmieniony)"
    submit_for_review(contact, people["editor"])
    contact.refresh_from_db()
    task_state = contact.current_workflow_state.current_task_state
    task = task_state.task.specific
    assert "approve" in [a[0] for a in task.get_actions(contact, people["reviewer"])]
    for who in ("editor", "other_reviewer", "other_editor"):
        assert task.get_actions(contact, people[who]) == [], who
        assert not task.user_can_access_editor(contact, people[who]), who


def test_the_editor_cannot_schedule_publishing(
    client: Any, contact: Any, people: Any, staff_login: Any
) -> None:
    staff_login(client, people["editor"])
    live_title = contact.title
    go_live = (timezone.now() + dt.timedelta(minutes=5)).strftime("%Y-%m-%d %H:%M")
    client.post(
        f"/admin/pages/{contact.pk}/edit/",
        {
            **edit_data(contact, "Zaplanowane bez przeglądu", **{"action-publish": "action-publish"}),
            "go_live_at": go_live,
        },
    )
    assert not contact.revisions.filter(approved_go_live_at__isnull=False).exists()
    call_command("publish_scheduled", verbosity=0)
    contact.refresh_from_db()
    assert contact.title == live_title


def _bulk_publish(client: Any, page: Any) -> None:
    client.post(f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}", {"include_descendants": ""})


def test_the_editor_cannot_publish_through_the_bulk_action(
    client: Any, contact: Any, people: Any, staff_login: Any
) -> None:
    staff_login(client, people["editor"])
    client.post(f"/admin/pages/{contact.pk}/edit/", edit_data(contact, "Szkic redaktora"))
    assert contact.revisions.filter(content__title="Szkic redaktora").exists()
    _bulk_publish(client, contact)
    contact.refresh_from_db()
    assert contact.title != "Szkic redaktora"
    client.logout()
    staff_login(client, people["reviewer"])  # the reviewer may: the same action publishes the draft
    _bulk_publish(client, contact)
    contact.refresh_from_db()
    assert contact.title == "Szkic redaktora"


def test_a_role_change_moves_the_page_rights(contact: Any, people: Any) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    def fresh(user: Any) -> Any:  # Wagtail caches page permissions on the user object
        return get_user_model().objects.get(pk=user.pk)

    editor = people["editor"]
    editor.groups.set(Group.objects.filter(name="officer"))
    assert not contact.permissions_for_user(fresh(editor)).can_edit()
    editor.groups.set(Group.objects.filter(name="reviewer"))
    assert contact.permissions_for_user(fresh(editor)).can_publish()
    editor.is_active = False
    editor.save()
    assert not editor.groups.filter(name__startswith="portal:").exists()


def test_the_editor_uploads_images_and_documents_to_the_offices_collection_only(
    portal: Any, office: Any, other_office: Any, people: Any
) -> None:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    from cms_content.page_permissions import office_collection

    ours, theirs = office_collection(office), office_collection(other_office)
    for model in (get_image_model(), get_document_model()):
        policy = policy_registry.get_by_type(model)
        assert policy.user_has_permission(people["editor"], "add")
        assert list(policy.collections_user_has_permission_for(people["editor"], "add")) == [ours]
        assert list(policy.collections_user_has_permission_for(people["other_editor"], "add")) == [theirs]
        # the reviewer chooses what the editor put in; an officer has no portal media at all
        assert list(policy.collections_user_has_permission_for(people["reviewer"], "choose")) == [ours]
        assert not policy.user_has_permission(people["officer"], "choose")


def test_an_upgrade_moves_role_wide_rights_to_the_offices_groups(contact: Any, people: Any) -> None:
    """Installations from before: role groups with rights on the root page, members in no page group."""
    from django.contrib.auth.models import Group, Permission

    from cms_content.page_permission_signals import _after_migrate
    from przystan.accounts.roles import sync_roles

    editor, other = people["editor"], people["other_editor"]
    root = Page.get_first_root_node()
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    GroupPagePermission.objects.create(group=Group.objects.get(name="editor"), page=root, permission=publish)
    type(editor).groups.through.objects.filter(group__name__startswith="portal:").delete()  # no signals
    sync_roles()
    _after_migrate(sender=None)
    assert not GroupPagePermission.objects.filter(page=root).exclude(
        group__name__in=["Moderators", "Editors"]
    )
    fresh = type(editor).objects.get(pk=editor.pk)
    assert (
        contact.permissions_for_user(fresh).can_edit()
        and not contact.permissions_for_user(fresh).can_publish()
    )
    assert not contact.permissions_for_user(type(other).objects.get(pk=other.pk)).can_edit()
