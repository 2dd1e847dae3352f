"""The access policy of the information portal: who edits and who publishes pages (``cms.page``).

* ``edit`` — write pages and drafts and submit them for review (Wagtail's add/change);
* ``publish`` — publish, unpublish or delete live pages and approve the review workflow's task;
* ``view`` — open the page tree and the editor (reviewers must read what they approve).

Editors only edit: where the office runs the review workflow their work is submitted for moderation
and a reviewer (or the supervisor, or the office administrator) approves it. Wagtail's own page
permissions stay the upper bound (granted on the root page by the core's roles); the admin hooks in
:mod:`cms_content.wagtail_hooks` ask this policy on top, for the page's own office.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from przystan.access import Action, Grant, Resource, Scope
from przystan.access import grants as role_grants

PAGE = "cms.page"
PUBLISH = "publish"


def resources() -> list[Resource]:
    return [
        Resource(
            PAGE,
            label=_("Portal pages"),
            actions=(Action.VIEW, Action.EDIT, PUBLISH),
            model="wagtailcore.Page",
            office_field="office",  # pages are checked against their office by the admin hooks
            description=_("Information pages of the office's portal: writing, review and publication."),
        )
    ]


def grants() -> list[Grant]:
    found: list[Grant] = []
    found += role_grants("editor", Scope.OFFICE, {PAGE: ("view", "edit")})
    found += role_grants("reviewer", Scope.OFFICE, {PAGE: ("view", "edit", PUBLISH)})
    found += role_grants("supervisor", Scope.OFFICE, {PAGE: ("view", PUBLISH)})
    found += role_grants("office_admin", Scope.OFFICE, {PAGE: ("view", "edit", PUBLISH)})
    return found


def publishing_roles() -> list[str]:
    """Roles whose grant on pages holds ``publish`` (the approvers of the review workflow)."""
    from przystan.access.table import policy_table

    return sorted({g.role for g in policy_table().grants_for(PAGE) if PUBLISH in g.actions})


def page_office(page: Any) -> Any:
    """The office whose portal ``page`` belongs to (its site's home page or a translation of it)."""
    from wagtail.models import Page

    from przystan.offices.models import Office

    top = page if page.depth <= 2 else Page.objects.ancestor_of(page).filter(depth=2).first()  # noqa: PLR2004
    if top is None:
        return None
    return Office.objects.filter(site__root_page__translation_key=top.translation_key).first()
