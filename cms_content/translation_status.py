"""Which translations are missing or out of date relative to their Polish source page.

A translation is out of date when the source was published after the translation last was (the
source changed and nobody has republished the translation since).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from wagtail.models import Locale, Page

MISSING, OUTDATED, CURRENT = "missing", "outdated", "current"


@dataclass
class TranslationCell:
    language: str
    state: str
    page: Page | None = None


@dataclass
class SourceRow:
    page: Page
    cells: list[TranslationCell]

    @property
    def needs_work(self) -> bool:
        return any(cell.state != CURRENT for cell in self.cells)


def translation_state(source: Page, translation: Page | None) -> str:
    if translation is None:
        return MISSING
    if source.last_published_at and (
        translation.last_published_at is None or translation.last_published_at < source.last_published_at
    ):
        return OUTDATED
    return CURRENT


def translation_report(only_problems: bool = False) -> list[SourceRow]:
    source_locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if source_locale is None:
        return []
    targets = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    sources = list(Page.objects.filter(locale=source_locale, depth__gt=1).order_by("path"))
    keys = [page.translation_key for page in sources]
    translations: dict[tuple[Any, str], Page] = {
        (page.translation_key, page.locale.language_code): page
        for page in Page.objects.filter(translation_key__in=keys)
        .exclude(locale=source_locale)
        .select_related("locale")
    }
    rows = []
    for source in sources:
        cells = []
        for code in targets:
            translation = translations.get((source.translation_key, code))
            cells.append(TranslationCell(code, translation_state(source, translation), translation))
        row = SourceRow(source, cells)
        if row.needs_work or not only_problems:
            rows.append(row)
    return rows
