"""Template context for every page (staff pages included): links to the accessibility declaration and the
privacy page of the office, in the current language (queried lazily)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def _statement(request: HttpRequest, model_name: str) -> Any:
    from django.utils.translation import get_language
    from wagtail.models import Site

    from . import models

    site = Site.find_for_request(request)
    if site is None:
        return None
    pages = getattr(models, model_name).objects.live().public()
    roots = site.root_page.get_translations(inclusive=True)
    language = get_language() or ""
    for root in sorted(roots, key=lambda r: r.locale.language_code != language):
        page = pages.descendant_of(root).first()
        if page is not None:
            return page
    return None


def portal_links(request: HttpRequest) -> dict[str, Any]:
    """``accessibility_declaration`` and ``privacy_page``: the office's statements in the current language."""
    return {
        "accessibility_declaration": SimpleLazyObject(
            lambda: _statement(request, "AccessibilityDeclarationPage")
        ),
        "privacy_page": SimpleLazyObject(lambda: _statement(request, "PrivacyPage")),
    }
