"""Portal search: live pages of one office's portal, in one language."""

from __future__ import annotations

from typing import Any

from wagtail.models import Page


def search_portal(home: Any, locale: Any, query: str) -> list[Any]:
    pages = Page.objects.live().public().descendant_of(home).filter(locale=locale).exclude(pk=home.pk)
    results = pages.search(query, operator="or")
    return [page.specific for page in results]
