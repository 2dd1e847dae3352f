"""Portal chrome: the localized home, special pages, sections and language versions of the page."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

register = template.Library()


def _site_home(request: Any) -> Page | None:
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site else None


def _localized(page: Page, language: str) -> Page | None:
    return page.get_translations(inclusive=True).filter(locale__language_code=language).first()


def portal_chrome_for(request: Any, page: Page | None) -> dict[str, Any]:
    from cms_content.models import (
        AccessibilityDeclarationPage,
        ContactPage,
        InformationIndexPage,
        PrivacyPage,
        SearchPage,
    )

    language = page.locale.language_code if page is not None else (get_language() or settings.LANGUAGE_CODE)
    root = _site_home(request)
    home = _localized(root, language) if root is not None else None
    chrome: dict[str, Any] = {"language": language, "home": home, "languages": [], "sections": []}
    if home is not None:
        descendants = Page.objects.live().public().descendant_of(home)
        for key, model in (
            ("search", SearchPage),
            ("contact", ContactPage),
            ("accessibility", AccessibilityDeclarationPage),
            ("privacy", PrivacyPage),
        ):
            chrome[key] = descendants.type(model).first()
        chrome["sections"] = list(home.get_children().live().public().type(InformationIndexPage).in_menu())
    versions: dict[str, Page] = {}
    if page is not None:
        versions = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    if root is not None:
        homes = {
            p.locale.language_code: p
            for p in root.get_translations(inclusive=True).live().select_related("locale")
        }
    else:
        homes = {}
    for code, name in settings.LANGUAGES:
        target = versions.get(code) or homes.get(code)
        if target is None:
            continue
        chrome["languages"].append(
            {
                "code": code,
                "name": name,
                "url": target.get_url(request),
                "full_url": target.get_full_url(request),
                "current": code == language,
                "same_page": code in versions,
            }
        )
    return chrome


@register.simple_tag(takes_context=True)
def portal_chrome(context: template.Context) -> dict[str, Any]:
    return portal_chrome_for(context.get("request"), context.get("page"))


@register.filter
def grosze_to_zloty(amount_grosze: int) -> str:
    zloty, grosze = divmod(int(amount_grosze), 100)
    return f"{zloty}" if grosze == 0 else f"{zloty},{grosze:02d}"


@register.simple_tag
def active_locale() -> Locale:
    return Locale.get_active()
