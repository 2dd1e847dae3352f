"""Template context for every page (staff pages included): the accessibility declaration link."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def _declaration(request: HttpRequest) -> Any:
    from django.utils.translation import get_language
    from wagtail.models import Site

    from .models import AccessibilityDeclarationPage

    site = Site.find_for_request(request)
    if site is None:
        return None
    pages = AccessibilityDeclarationPage.objects.live().public()
    roots = site.root_page.get_translations(inclusive=True)
    language = get_language() or ""
    for root in sorted(roots, key=lambda r: r.locale.language_code != language):
        page = pages.descendant_of(root).first()
        if page is not None:
            return page
    return None


def portal_links(request: HttpRequest) -> dict[str, Any]:
    """``accessibility_declaration``: the office's declaration in the current language (queried lazily)."""
    return {"accessibility_declaration": SimpleLazyObject(lambda: _declaration(request))}
