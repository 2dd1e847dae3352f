"""The moderation workflow of the portal: editors submit, a publisher approves and publishes.

The approvers are the roles whose grant on ``cms.page`` holds ``publish`` (reviewer, supervisor,
office administrator — see :mod:`cms_content.policy`), so the workflow follows the access policy.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

WORKFLOW_NAME = "Portal review"
TASK_NAME = "Supervisor approval"  # the stored task's name (kept: existing installations have it)


def ensure_review_workflow(home: Page) -> Workflow:
    """Draft → review by a supervisor → publish, for every page of the portal under ``home``."""
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    from .policy import publishing_roles

    approvers = publishing_roles()
    if Group.objects.filter(name__in=approvers).count() < len(approvers):
        from przystan.accounts.roles import sync_roles

        sync_roles()
    task.groups.set(Group.objects.filter(name__in=approvers))
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
