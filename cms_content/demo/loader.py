"""Demo portal for an office: home, procedures, information, FAQ, locations, legal acts in pl/en/uk/ru.

Idempotent: pages are found by slug under their parent and updated; translations are found through
their translation key. Content lives in :mod:`cms_content.demo.content` (written by hand per language).
"""

from __future__ import annotations

from typing import Any, TextIO

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from cms_content.models import (
    ContactPage,
    InformationIndexPage,
    InformationPage,
    LegalAct,
    LegalActVersion,
    LocationPage,
    PortalHomePage,
    ProcedurePage,
    SearchPage,
)
from cms_content.models.legal import isap_url_for, journal_reference_for
from cms_content.workflow import ensure_review_workflow

from . import content as c
from . import privacy

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SOURCE = "pl"


def ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


def _save_published(page: Page, parent: Page | None = None) -> Page:
    """Save ``page`` as live with one revision, without the editor-side publishing machinery.

    Demo content is loaded for a fresh office, so the publish action's checks, logs and signals
    (which the portal's own tests exercise) would only multiply queries here.
    """
    now = timezone.now()
    page.live, page.has_unpublished_changes = True, False
    page.first_published_at = page.first_published_at or now
    page.last_published_at = now
    if page.pk is None:
        parent.add_child(instance=page)
    else:
        page.save()
    revision = page.save_revision(clean=False, log_action=False)
    Page.objects.filter(pk=page.pk).update(
        live_revision=revision, latest_revision=revision, has_unpublished_changes=False
    )
    return page


def upsert_page(
    parent: Page,
    model: type[Page],
    slug: str,
    per_language: dict[str, dict[str, Any]],
    shared: dict[str, Any] | None = None,
    m2m: dict[str, list[Any]] | None = None,
) -> Page:
    """Create or update ``slug`` under ``parent`` in pl and its translations under the translated parents."""
    locales = ensure_locales()
    shared = shared or {}
    source = model.objects.child_of(parent).filter(slug=slug, locale=locales[SOURCE]).first()
    fields = {**shared, **per_language[SOURCE]}
    if source is None:
        source = model(slug=slug, locale=locales[SOURCE], **fields)
    else:
        for name, value in fields.items():
            setattr(source, name, value)
    for name, values in (m2m or {}).items():
        getattr(source, name).set(values)  # parental relations: saved with the page
    _save_published(source, parent)
    for code in LANGUAGES:
        if code == SOURCE or code not in per_language:
            continue
        values = {**shared, **per_language[code]}
        translation = model.objects.filter(
            translation_key=source.translation_key, locale=locales[code]
        ).first()
        translated_parent = None
        if translation is None:
            translated_parent = parent if parent.is_root() else parent.get_translation_or_none(locales[code])
            if translated_parent is None:
                continue
            translation = model(
                slug=f"{slug}-{code}" if parent.is_root() else slug,
                locale=locales[code],
                translation_key=source.translation_key,
                **values,
            )
        else:
            for name, value in values.items():
                setattr(translation, name, value)
        for name, values_list in (m2m or {}).items():
            getattr(translation, name).set(values_list)
        _save_published(translation, translated_parent)
    return source


def reindex_portal(home: Page) -> None:
    """Index the portal now (saves queue index updates for the task worker, which a demo may not run)."""
    from wagtail.search.index import insert_or_update_object

    for root in home.get_translations(inclusive=True):
        for page in Page.objects.descendant_of(root, inclusive=True).specific():
            insert_or_update_object(page)


def legal_acts() -> dict[str, LegalActVersion]:
    """The acts and their consolidated texts; returns act key → the current text (what pages cite).

    Acts are found by title (the ELI of an act migrated from a single-text row may still be a text's);
    texts by ELI. An existing text is re-attached to its act and gets the demo's superseded_by.
    """
    current: dict[str, LegalActVersion] = {}
    for key, title, reference, eli, verify_note in c.LEGAL_ACTS:
        act = LegalAct.objects.filter(title=title).first() or LegalAct.objects.filter(eli=eli).first()
        act = act or LegalAct(title=title)
        act.title, act.journal_reference, act.eli = title, reference, eli
        act.isap_url, act.verify_note = isap_url_for(eli), verify_note
        # in force by the reference data; "checked" only when the legal-acts check has really asked the source
        act.in_force = True
        act.save()
        versions: dict[str, LegalActVersion] = {}
        for order, (text_eli, amended_by, _superseded) in enumerate(c.CONSOLIDATED_TEXTS[key]):
            version, _created = LegalActVersion.objects.update_or_create(
                eli=text_eli,
                defaults={
                    "act": act,
                    "journal_reference": journal_reference_for(text_eli),
                    "amended_by": amended_by,
                    "sort_order": order,
                },
            )
            versions[text_eli] = version
        for text_eli, _amended_by, superseded in c.CONSOLIDATED_TEXTS[key]:
            version = versions[text_eli]
            version.superseded_by = versions[superseded] if superseded else None
            version.save(update_fields=["superseded_by"])
            if not superseded:
                current[key] = version
    return current


def portal_home(office: Any) -> PortalHomePage:
    """The office's portal home (created and made the root of the office's Site if needed)."""
    site = office.site
    current = site.root_page.specific
    slug = current.slug if isinstance(current, PortalHomePage) else f"portal-{office.code}"
    home = upsert_page(Page.get_first_root_node(), PortalHomePage, slug, c.home(office))
    if site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


@transaction.atomic
def load_portal(
    office: Any, stdout: TextIO | None = None, procedures: list[str] | None = None
) -> PortalHomePage:
    """Load the demo portal; ``procedures`` limits the procedure pages to those codes (quick tests)."""
    ensure_locales()
    acts = legal_acts()
    home = portal_home(office)

    procedures_index = upsert_page(
        home, InformationIndexPage, "procedury", c.PROCEDURES_INDEX, shared={"show_in_menus": True}
    )
    for procedure in c.PROCEDURES:
        if procedures is not None and procedure["code"] not in procedures:
            continue
        per_language = {code: c.procedure_fields(procedure, code) for code in LANGUAGES}
        upsert_page(
            procedures_index,
            ProcedurePage,
            procedure["slug"],
            per_language,
            shared={"application_type": procedure["code"], "fee_codes": " ".join(procedure["fees"])},
            m2m={"cited_texts": [acts[key] for key in procedure["acts"]]},
        )

    info = upsert_page(
        home, InformationIndexPage, "informacje", c.INFORMATION_INDEX, shared={"show_in_menus": True}
    )
    upsert_page(
        info,
        InformationPage,
        "najczesciej-zadawane-pytania",
        c.faq_page(),
        m2m={"cited_texts": [acts["kpa"], acts["cudzoziemcy"]]},
    )
    upsert_page(
        info,
        InformationPage,
        "oplaty-i-platnosci",
        c.payments_page(),
        m2m={"cited_texts": [acts["oplata_skarbowa"]]},
    )

    locations = upsert_page(
        home, InformationIndexPage, "gdzie-nas-znalezc", c.LOCATIONS_INDEX, shared={"show_in_menus": True}
    )
    for location in c.LOCATIONS:
        upsert_page(
            locations, LocationPage, location["slug"], c.location_fields(location), shared=location["shared"]
        )

    upsert_page(home, ContactPage, "kontakt", c.contact_page())
    upsert_page(home, SearchPage, "szukaj", c.SEARCH_PAGE)
    privacy.load(home, office, upsert_page)  # privacy page and accessibility declaration
    ensure_review_workflow(home)
    reindex_portal(home)
    if stdout is not None:
        count = Page.objects.descendant_of(home, inclusive=True).count()
        stdout.write(
            f"Information portal: {count} pages in {len(LANGUAGES)} languages, {len(acts)} legal acts cited in their current consolidated texts.\n"
        )
    return home
