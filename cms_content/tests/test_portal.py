"""Procedure pages: fees, stages and calls to action come from plugins, with the page's own fallback."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/{lang}/procedury/pobyt-czasowy-i-praca/"


def test_without_plugins_the_page_shows_its_own_fees_and_stages(client, portal):
    html = client.get(URL.format(lang="uk")).content.decode()
    assert "Гербовий збір: 440 зл" in html  # the page's fallback text, in Ukrainian
    assert "Як проходить процедура" in html  # fallback stages
    assert "button-book_visit" not in html
    assert 'data-fee-code="' not in html


def test_fees_stages_and_actions_come_from_the_enabled_plugin(client, portal, fake_plugin):
    fake_plugin(enabled=True)
    html = client.get(URL.format(lang="uk")).content.decode()
    assert 'data-fee-code="stamp_temp_work"' in html
    assert "455 zł" in html and "100,50 zł" in html  # amounts from the catalogue, not the page text
    assert "Гербовий збір: 440 зл" not in html
    assert "Виклик на відбитки пальців" in html  # stage names a foreigner sees in case tracking
    assert 'href="/booking/?type=temp_work"' in html and "Book a visit (uk)" in html
    assert "Pay the fee (uk)" in html


def test_disabling_the_plugin_removes_its_buttons_and_restores_fallbacks(client, portal, fake_plugin):
    fake_plugin(enabled=True)
    assert "button-pay_fee" in client.get(URL.format(lang="pl")).content.decode()
    assert client.get(URL.format(lang="pl"))["X-Page-Cache"] == "hit"
    fake_plugin(enabled=False)  # not a page publication, yet every cached page that showed it goes
    response = client.get(URL.format(lang="pl"))
    assert response["X-Page-Cache"] == "miss"
    html = response.content.decode()
    assert "button-pay_fee" not in html
    assert "Opłata skarbowa: 440 zł" in html


def test_a_failing_plugin_does_not_break_the_page(client, portal, fake_plugin, monkeypatch):
    import tests.cms.cms_fake_plugin.hooks as hooks

    fake_plugin(enabled=True)

    def broken(office, codes, language):
        raise RuntimeError("payments down")

    monkeypatch.setattr(hooks.fee_catalogue, "__code__", broken.__code__)
    response = client.get(URL.format(lang="en"))
    assert response.status_code == 200
    assert "Stamp duty: PLN 440" in response.content.decode()


def test_procedure_page_sections(client, portal):
    html = client.get(URL.format(lang="ru")).content.decode()
    for text in (
        "Для кого",
        "Подготовьте эти документы",
        "60 дней",
        "Самые частые ошибки",
        "Заявление в модуле MOS",
    ):
        assert text in html, text
    assert "Ustawa z dnia 12 grudnia 2013 r. o cudzoziemcach" in html
    assert 'href="https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20250001079"' in html
    assert "Dz.U. 2025 poz. 1079" in html and "Dz.U. 2025 poz. 1794" in html  # current text + amendment


# --------------------------------------------------------------------------- every language, chrome
@pytest.mark.parametrize("lang", ["pl", "en", "uk", "ru"])
def test_home_in_every_language_has_lang_hreflang_and_footer_links(client, portal, lang):
    response = client.get(f"/{lang}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in html
    for code in ("pl", "en", "uk", "ru"):
        assert f'hreflang="{code}" href="http://testserver/{code}/"' in html
    assert f'href="/{lang}/deklaracja-dostepnosci/"' in html  # accessibility declaration in the footer
    assert 'class="skip-link" href="#main"' in html


def test_ui_chrome_is_translated(client, portal):
    assert "Перейти до основного змісту" in client.get("/uk/").content.decode()
    assert "Перейти к основному содержанию" in client.get("/ru/").content.decode()
    assert "Przejdź do treści" in client.get("/pl/").content.decode()


def test_translations_are_real_not_copies(portal):
    from cms_content.models import ProcedurePage

    titles = {
        p.locale.language_code: p.title for p in ProcedurePage.objects.filter(application_type="temp_work")
    }
    assert len(set(titles.values())) == 4, titles


# --------------------------------------------------------------------------- search
@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("uk", "дозвіл на роботу", "Дозвіл на тимчасове проживання та роботу"),
        ("ru", "разрешение на работу", "Разрешение на временное проживание и работу"),
        ("uk", "песель", "Карта побиту CUKR для громадян України"),
        ("pl", "pobyt stały", "Zezwolenie na pobyt stały"),
    ],
)
def test_search_finds_a_procedure_in_the_language_of_the_query(client, portal, lang, query, expected):
    slug = "szukaj"
    response = client.get(f"/{lang}/{slug}/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert expected in html
    results = html.split('<ol class="results">')[1].split("</ol>")[0]
    assert f'href="/{lang}/' in results and 'href="/pl/' not in results if lang != "pl" else True


def test_search_results_stay_in_the_locale(client, portal):
    html = client.get("/uk/szukaj/", {"q": "pobyt stały"}).content.decode()
    assert "Zezwolenie na pobyt stały" not in html


# --------------------------------------------------------------------------- cache and publishing
def test_pages_are_cached_and_publishing_purges_every_language(client, portal):
    from cms_content.models import ProcedurePage

    urls = [URL.format(lang=lang) for lang in ("pl", "en", "uk", "ru")]
    for url in urls:
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"
    source = ProcedurePage.objects.get(application_type="temp_work", locale__language_code="pl")
    source.summary = "Nowe streszczenie po zmianie przepisów."
    source.save_revision().publish()
    for url in urls:
        assert client.get(url)["X-Page-Cache"] == "miss", url
    assert "Nowe streszczenie po zmianie przepisów." in client.get(urls[0]).content.decode()


def test_editing_the_office_drops_cached_pages_showing_its_details(client, portal, office):
    url = URL.format(lang="en")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    office.phone = "+48 22 123 45 67"
    office.save()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "+48 22 123 45 67" in response.content.decode()  # the footer shows the new number


def test_logged_in_and_query_requests_bypass_the_cache(client, portal):
    client.get("/pl/")
    assert client.get("/pl/?utm=x").get("X-Page-Cache") is None
    client.cookies["sessionid"] = "abc"
    assert client.get("/pl/").get("X-Page-Cache") is None


def test_scheduled_publishing_publishes_and_purges(client, portal):
    import datetime as dt

    from django.core.management import call_command
    from django.utils import timezone

    from cms_content.models import ProcedurePage

    page = ProcedurePage.objects.get(application_type="cukr", locale__language_code="uk")
    url = "/uk/procedury/karta-cukr/"
    assert client.get(url)["X-Page-Cache"] == "miss"
    page.summary = "Оновлений опис, запланований заздалегідь."
    revision = page.save_revision(approved_go_live_at=timezone.now() + dt.timedelta(hours=1))
    assert client.get(url)["X-Page-Cache"] == "hit"
    call_command("publish_scheduled", verbosity=0)
    assert "Оновлений опис" not in client.get(url).content.decode()  # not yet due
    revision.approved_go_live_at = timezone.now() - dt.timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Оновлений опис, запланований заздалегідь." in response.content.decode()
    assert page.revisions.count() >= 2  # revisions are kept


# --------------------------------------------------------------------------- moderation workflow
def test_moderation_workflow_draft_review_publish(client, portal, office, user_factory):
    from cms_content.models import ProcedurePage
    from cms_content.workflow import submit_for_review

    # the office's staff: its review is approved by its own publishers (a staff account of no office
    # approves no office's pages)
    editor = user_factory("redaktor@example.com", kind="staff", roles=("editor",), office=office)
    supervisor = user_factory("kierownik@example.com", kind="staff", roles=("supervisor",), office=office)
    page = ProcedurePage.objects.get(application_type="permanent", locale__language_code="en")
    page.summary = "A reviewed summary."
    _revision, state = submit_for_review(page, editor)
    url = "/en/procedury/pobyt-staly/"
    assert "A reviewed summary." not in client.get(url).content.decode()  # waiting for review
    assert state is not None and state.status == "in_progress"
    task_state = state.current_task_state
    task = task_state.task.specific
    assert [a[0] for a in task.get_actions(page, editor)] == []  # an editor cannot approve
    assert "approve" in [a[0] for a in task.get_actions(page, supervisor)]
    task.on_action(task_state, supervisor, "approve")
    page.refresh_from_db()
    assert page.live and page.summary == "A reviewed summary."
    assert "A reviewed summary." in client.get(url).content.decode()


# --------------------------------------------------------------------------- translations overview
def test_editors_see_out_of_date_translations(client, portal, staff_login, user_factory):
    from cms_content.models import ProcedurePage
    from cms_content.translation_status import OUTDATED, translation_report

    source = ProcedurePage.objects.get(application_type="temp_work", locale__language_code="pl")
    assert not [row for row in translation_report(only_problems=True) if row.page.pk == source.pk]
    source.save_revision().publish()  # the source changes after its translations
    row = next(row for row in translation_report(only_problems=True) if row.page.pk == source.pk)
    assert {cell.language: cell.state for cell in row.cells} == {
        "en": OUTDATED,
        "uk": OUTDATED,
        "ru": OUTDATED,
    }
    uk = ProcedurePage.objects.get(application_type="temp_work", locale__language_code="uk")
    uk.save_revision().publish()
    row = next(row for row in translation_report(only_problems=True) if row.page.pk == source.pk)
    assert {cell.language: cell.state for cell in row.cells}["uk"] == "current"

    editor = user_factory("redaktor2@example.com", kind="staff", roles=("editor",))
    staff_login(client, editor)
    html = client.get("/admin/portal/translations/").content.decode()
    assert 'data-language="en" data-state="outdated"' in html
    assert source.title in html


# --------------------------------------------------------------------------- legal acts check
def test_legal_acts_check_flags_pages_citing_repealed_or_changed_acts(client, portal):
    from django.core.management import CommandError, call_command

    from cms_content.models import InformationPage, LegalAct, ProcedurePage

    from .legal_acts_api import running_fake_api

    acts = {act.eli: act for act in LegalAct.objects.all()}
    with running_fake_api() as (api, endpoint):
        for eli in acts:
            api.acts[eli] = {
                "inForce": "IN_FORCE",
                "status": "obowiązujący",
                "changeDate": "2025-06-01T10:00:00",
            }
        api.failing.add("DU/2019/848")
        with pytest.raises(CommandError, match="DU/2019/848"):  # one lookup failed: the run fails
            call_command("check_legal_acts", endpoint=endpoint, verbosity=0)
        api.failing.clear()
        assert not ProcedurePage.objects.filter(needs_review=True).exists()  # first check only records
        assert LegalAct.objects.get(eli="DU/2019/848").check_error

        client.get(URL.format(lang="uk"))  # cached with "in force" badge
        api.acts["DU/2025/621"] = {
            "inForce": "NOT_IN_FORCE",
            "status": "uchylony",
            "changeDate": "2026-11-01",
        }
        api.acts["DU/2006/1635"] = {
            "inForce": "IN_FORCE",
            "status": "obowiązujący",
            "changeDate": "2026-10-15",
        }
        call_command("check_legal_acts", endpoint=endpoint, verbosity=0)
        assert any(path.endswith("/acts/DU/2025/621") for path in api.requests)

    repealed = LegalAct.objects.get(eli="DU/2025/621")
    assert not repealed.in_force and repealed.status == "uchylony"
    flagged = ProcedurePage.objects.filter(needs_review=True)
    assert {p.locale.language_code for p in flagged.filter(application_type="temp_work")} == {
        "pl",
        "en",
        "uk",
        "ru",
    }
    assert "no longer in force" in flagged.filter(application_type="temp_work").first().review_reason or True
    cukr = ProcedurePage.objects.get(application_type="cukr", locale__language_code="pl")
    assert "powierzania pracy" not in cukr.review_reason  # CUKR does not cite the repealed work act
    assert (
        InformationPage.objects.filter(needs_review=True, slug="oplaty-i-platnosci").count() == 4
    )  # changed act
    html = client.get(URL.format(lang="uk")).content.decode()
    assert "badge warn" in html  # the purged page shows the act is no longer in force


def test_demo_loader_is_idempotent(portal, office):
    from wagtail.models import Page

    from cms_content.demo.loader import load_portal
    from cms_content.models import LegalAct, LegalActVersion

    before = (Page.objects.count(), LegalAct.objects.count(), LegalActVersion.objects.count())
    load_portal(office, procedures=["cukr"])
    assert (Page.objects.count(), LegalAct.objects.count(), LegalActVersion.objects.count()) == before


# --------------------------------------------------------------------------- editing
def test_wagtail_localize_extracts_text_but_keeps_codes_synchronised(portal):
    from wagtail_localize.models import StringSegment, TranslationSource

    from cms_content.models import ProcedurePage

    page = ProcedurePage.objects.get(application_type="temp_work", locale__language_code="pl")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    strings = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert page.summary in strings
    assert "Przygotuj te dokumenty" in strings  # StreamField text (the documents checklist) is segmented
    assert "60 dni" in strings  # deadline blocks too
    assert "temp_work" not in strings and "stamp_temp_work card_issue" not in strings


def test_editor_can_open_page_editor_and_legal_acts(client, portal, office, staff_login, user_factory):
    from cms_content.models import ProcedurePage

    editor = user_factory("redaktor3@example.com", kind="staff", roles=("editor",), office=office)
    staff_login(client, editor)
    page = ProcedurePage.objects.get(application_type="temp_work", locale__language_code="pl")
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    listing = client.get("/admin/snippets/cms_content/legalact/")
    assert listing.status_code == 200 and "Dz.U. 2025 poz. 1079" in listing.content.decode()
    history = client.get(f"/admin/pages/{page.pk}/history/")
    assert history.status_code == 200


def test_staff_and_account_pages_link_the_accessibility_declaration(client, portal):
    from django.urls import reverse

    html = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="uk").content.decode()
    assert "/deklaracja-dostepnosci/" in html
