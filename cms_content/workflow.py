"""The moderation workflow of the portal: editors submit, a publisher approves and publishes.

The approvers are the roles whose grant on ``cms.page`` holds ``publish`` (reviewer, supervisor,
office administrator — see :mod:`cms_content.policy`), so the workflow follows the access policy —
and only the office's own: each office has its workflow whose task is approved by that office's
page groups (:mod:`cms_content.page_permissions`), never by a reviewer of another office.
"""

from __future__ import annotations

from typing import Any

from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

WORKFLOW_NAME = "Portal review"
TASK_NAME = "Supervisor approval"


def workflow_name(office: Any) -> str:
    return f"{WORKFLOW_NAME} ({office.code})" if office is not None else WORKFLOW_NAME


def task_name(office: Any) -> str:
    return f"{TASK_NAME} ({office.code})" if office is not None else TASK_NAME


def ensure_review_workflow(home: Page) -> Workflow:
    """Draft → review by the office's publishers → publish, for every page of the portal under ``home``."""
    from . import page_permissions
    from .policy import page_office, publishing_roles

    office = page_office(home)
    name = workflow_name(office)
    workflow, _created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=task_name(office)).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name(office))
    if office is not None:
        groups = page_permissions.sync_office(office)
        approvers = [groups[role] for role in publishing_roles() if role in groups]
    else:  # a home no office's site points at: nobody's portal, so nobody's approvers
        approvers = []
    task.groups.set(approvers)
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
