"""Wagtail's page editor asks the access policy (``cms.page``) for the page's own office.

Wagtail's page permissions (on the root page, from the core's roles) are the upper bound; these
hooks narrow them to the policy: a page of another office's portal answers 404, a role without
``edit`` cannot create or save, and a role without ``publish`` cannot publish, unpublish or delete —
its "Publish" button is gone and a posted ``action-publish`` is refused with nothing saved. With the
review workflow on, an editor's way is "Submit for review"; a publisher approves.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from przystan import access

from .policy import PAGE, PUBLISH, page_office

#: POST fields of the page editor that publish or decide a workflow task (need ``publish``).
PUBLISHING_ACTIONS = ("action-publish", "action-workflow-action")


def _same_office(request: HttpRequest, page: Any) -> None:
    office = getattr(request, "office", None)
    owner = page_office(page)
    if office is not None and owner is not None and owner.pk != office.pk:
        raise Http404


def may(request: HttpRequest, action: str) -> bool:
    return access.allows(request.user, action, PAGE, office=getattr(request, "office", None))


def _refuse_publishing(request: HttpRequest, back: str) -> HttpResponse:
    from przystan.audit.api import record_denied

    record_denied(request.user, f"{PAGE}:{PUBLISH}", None, request=request)
    messages.error(
        request,
        _("Your role may not publish pages directly: submit the page for review instead. Nothing was saved."),
    )
    return redirect(back)


def before_edit_page(request: HttpRequest, page: Any) -> HttpResponse | None:
    _same_office(request, page)
    if not (may(request, "view") and (may(request, "edit") or may(request, PUBLISH))):
        access.require(request, "edit", PAGE)
    if request.method == "POST":
        if any(request.POST.get(name) for name in PUBLISHING_ACTIONS) and not may(request, PUBLISH):
            return _refuse_publishing(request, request.get_full_path())
        if not any(request.POST.get(name) for name in PUBLISHING_ACTIONS) and not may(request, "edit"):
            access.require(request, "edit", PAGE)
    return None


def before_create_page(request: HttpRequest, parent_page: Any, page_class: Any) -> HttpResponse | None:
    _same_office(request, parent_page)
    access.require(request, "edit", PAGE)
    if request.method == "POST" and request.POST.get("action-publish") and not may(request, PUBLISH):
        return _refuse_publishing(request, request.get_full_path())
    return None


def before_unpublish_page(request: HttpRequest, page: Any) -> HttpResponse | None:
    """Unpublishing is a publishing decision."""
    _same_office(request, page)
    if not may(request, PUBLISH):
        raise PermissionDenied(_("Your role may not publish, unpublish or delete live pages."))
    return None


def before_delete_page(request: HttpRequest, page: Any) -> HttpResponse | None:
    """Deleting a live page takes it off the portal (``publish``); a never-published draft is ``edit``."""
    _same_office(request, page)
    if page.live or page.get_descendants().live().exists():
        return before_unpublish_page(request, page)
    access.require(request, "edit", PAGE)
    return None


def construct_page_action_menu(menu_items: list[Any], request: HttpRequest, context: Any) -> None:
    if not may(request, PUBLISH):
        menu_items[:] = [
            item
            for item in menu_items
            if getattr(item, "name", "") not in ("action-publish", "action-unpublish", "action-delete")
        ]
