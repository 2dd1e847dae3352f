"""The portal's pages on the access policy (``cms.page``): who opens the editor, who saves, who
publishes; editors submit for review where the office runs the review workflow; the Wagtail
workflow's approvers are the policy's publishers; another office's staff get 404."""

from __future__ import annotations

from typing import Any

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

pytestmark = pytest.mark.django_db

ROLES = ("editor", "reviewer", "supervisor", "office_admin", "officer", "queue_officer")


@pytest.fixture
def contact(portal: Any) -> Any:
    from cms_content.models import ContactPage

    return ContactPage.objects.get(locale__language_code="pl", slug="kontakt")


@pytest.fixture
def people(office: Any, other_office: Any, user_factory: Any) -> dict[str, Any]:
    found = {
        role: user_factory(f"{role}@uw.example.gov.pl", kind="staff", roles=(role,), office=office)
        for role in ROLES
    }
    found["other_editor"] = user_factory(
        "editor@drugi.example.gov.pl", kind="staff", roles=("editor",), office=other_office
    )
    found["other_reviewer"] = user_factory(
        "reviewer@drugi.example.gov.pl", kind="staff", roles=("reviewer",), office=other_office
    )
    return found


def edit_data(page: Any, title: str, **actions: str) -> dict[str, Any]:
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "intro": rich_text("<p>Kontakt z urzędem.</p>"),
            "body": streamfield([]),
            "search_keywords": "",
            "seo_title": "",
            "search_description": "",
        }
    )
    data.update(actions)
    return data


def test_editor_post_with_action_publish_does_not_publish(
    client: Any, contact: Any, people: Any, staff_login: Any
) -> None:
    staff_login(client, people["editor"])
    live_title = contact.title
    response = client.post(
        f"/admin/pages/{contact.pk}/edit/",
        edit_data(contact, "Opublikowane bez przeglądu", **{"action-publish": "action-publish"}),
        HTTP_ACCEPT_LANGUAGE="pl",
        follow=True,
    )
    contact.refresh_from_db()
    assert contact.title == live_title and contact.live  # nothing published
    assert not contact.revisions.filter(content__title="Opublikowane bez przeglądu").exists()  # nothing saved
    assert "prześlij stronę do przeglądu" in response.content.decode()


def test_editor_sees_submit_not_publish_and_the_reviewer_approves(
    client: Any, contact: Any, people: Any, staff_login: Any
) -> None:
    staff_login(client, people["editor"])
    form = client.get(f"/admin/pages/{contact.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in form and 'name="action-submit"' in form
    client.post(
        f"/admin/pages/{contact.pk}/edit/",
        edit_data(contact, "Kontakt po przeglądzie", **{"action-submit": "action-submit"}),
    )
    contact.refresh_from_db()
    state = contact.current_workflow_state
    assert state is not None and state.status == "in_progress" and contact.title != "Kontakt po przeglądzie"
    task_state = state.current_task_state
    task = task_state.task.specific
    assert [a[0] for a in task.get_actions(contact, people["editor"])] == []
    assert "approve" in [a[0] for a in task.get_actions(contact, people["reviewer"])]
    task.on_action(task_state, people["reviewer"], "approve")
    contact.refresh_from_db()
    assert contact.live and contact.title == "Kontakt po przeglądzie"


def test_workflow_approvers_are_the_policys_publishers_of_the_office(portal: Any, office: Any) -> None:
    from wagtail.models import GroupApprovalTask

    from cms_content.page_permissions import group_name
    from cms_content.policy import publishing_roles
    from cms_content.workflow import task_name

    task = GroupApprovalTask.objects.get(name=task_name(office))
    assert set(task.groups.values_list("name", flat=True)) == {
        group_name(office, role) for role in publishing_roles()
    }
    assert set(publishing_roles()) == {"reviewer", "supervisor", "office_admin"}
    assert portal.get_workflow().tasks.get().pk == task.pk


@pytest.mark.parametrize(
    ("role", "opens", "saves_draft", "publishes"),
    [
        ("editor", 200, True, False),
        ("reviewer", 200, True, True),
        ("supervisor", 200, False, True),
        ("office_admin", 200, True, True),
        ("officer", 302, False, False),  # no admin access: Wagtail sends them to its login
        ("queue_officer", 302, False, False),
        # another office's staff on this office's host: Wagtail's own page permissions (derived per
        # office) refuse them first, sending them to the admin home
        ("other_editor", 302, False, False),
        ("other_reviewer", 302, False, False),
    ],
)
def test_page_editor_by_role_and_office(
    client: Any,
    contact: Any,
    people: Any,
    staff_login: Any,
    role: str,
    opens: int,
    saves_draft: bool,
    publishes: bool,
) -> None:
    staff_login(client, people[role])
    assert client.get(f"/admin/pages/{contact.pk}/edit/").status_code == opens
    draft_title = f"Szkic {role}"
    client.post(f"/admin/pages/{contact.pk}/edit/", edit_data(contact, draft_title))
    assert contact.revisions.filter(content__title=draft_title).exists() is saves_draft
    live_title = f"Opublikowane {role}"
    client.post(
        f"/admin/pages/{contact.pk}/edit/",
        edit_data(contact, live_title, **{"action-publish": "action-publish"}),
    )
    contact.refresh_from_db()
    assert (contact.title == live_title) is publishes


def test_publish_button_only_for_publishers(client: Any, contact: Any, people: Any, staff_login: Any) -> None:
    for role, shown in (("reviewer", True), ("office_admin", True), ("editor", False)):
        staff_login(client, people[role])
        form = client.get(f"/admin/pages/{contact.pk}/edit/").content.decode()
        assert ('name="action-publish"' in form) is shown, role
        client.logout()


def test_unpublishing_needs_publish(client: Any, contact: Any, people: Any, staff_login: Any) -> None:
    staff_login(client, people["editor"])
    client.post(f"/admin/pages/{contact.pk}/unpublish/")
    contact.refresh_from_db()
    assert contact.live
    client.logout()
    staff_login(client, people["reviewer"])
    client.post(f"/admin/pages/{contact.pk}/unpublish/")
    contact.refresh_from_db()
    assert not contact.live
