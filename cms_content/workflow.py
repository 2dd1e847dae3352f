"""The moderation workflow of the portal: editors submit, a supervisor approves and publishes."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

WORKFLOW_NAME = "Portal review"
TASK_NAME = "Supervisor approval"
APPROVER_ROLE = "supervisor"


def ensure_review_workflow(home: Page) -> Workflow:
    """Draft → review by a supervisor → publish, for every page of the portal under ``home``."""
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    group = Group.objects.filter(name=APPROVER_ROLE).first()
    if group is None:
        from przystan.accounts.roles import sync_roles

        sync_roles()
        group = Group.objects.get(name=APPROVER_ROLE)
    task.groups.add(group)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in home.get_translations(inclusive=True):
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def submit_for_review(page: Page, user: Any) -> Any:
    """Save the current draft as a revision and start the page's workflow (what "Submit" does)."""
    revision = page.save_revision(user=user)
    workflow = page.get_workflow()
    if workflow is None:
        raise ValueError(f"Page {page.pk} has no moderation workflow")
    workflow.start(page, user)
    return revision, page.current_workflow_state
