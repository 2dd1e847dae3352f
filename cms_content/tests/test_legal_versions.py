"""Pages cite consolidated texts; the legal-acts check finds a newer text at the ELI API (the loopback
simulator), marks the cited one superseded and flags every page citing it, saying what to cite instead."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

URL = "/uk/procedury/pobyt-czasowy-i-praca/"


def _answer_every_act(api: Any, **extra: Any) -> None:
    from cms_content.models import LegalAct

    for eli in LegalAct.objects.values_list("eli", flat=True):
        api.acts[eli] = {"inForce": "IN_FORCE", "status": "obowiązujący", "changeDate": "2025-06-01"}
    for eli, record in extra.items():
        api.acts[eli.replace("_", "/")] = record


def test_demo_pages_cite_only_current_consolidated_texts(portal: Any) -> None:
    from cms_content.models import InformationPage, LegalActVersion, ProcedurePage

    cited = {
        text.eli
        for model in (ProcedurePage, InformationPage)
        for page in model.objects.descendant_of(portal)
        for text in page.cited_texts.all()
    }
    assert cited >= {"DU/2025/1079", "DU/2025/1154", "DU/2025/337", "DU/2025/1691"}
    assert all(LegalActVersion.objects.get(eli=eli).is_current for eli in cited)
    assert LegalActVersion.objects.get(eli="DU/2025/1079").amended_by == "Dz.U. 2025 poz. 1794"
    assert LegalActVersion.objects.get(eli="DU/2024/769").superseded_by.eli == "DU/2025/1079"


def test_the_check_flags_pages_citing_a_superseded_text_and_says_what_to_cite(
    client: Any, portal: Any
) -> None:
    from cms_content.models import InformationPage, LegalActVersion, ProcedurePage

    from .legal_acts_api import running_fake_api

    client.get(URL)  # cached, citing the 2025 text as current
    with running_fake_api() as (api, endpoint):
        _answer_every_act(api)
        api.acts["DU/2013/1650"]["references"] = {
            "Inf. o tekście jednolitym": [
                {"id": "DU/2024/769", "date": "2024-05-28"},
                {"id": "DU/2025/1079", "date": "2025-08-06"},
                {"act": {"ELI": "DU/2026/1200"}, "date": "2026-09-30"},  # a newer text published
            ],
            "Nowelizacje po tekście jednolitym": [],
        }
        call_command("check_legal_acts", endpoint=endpoint, verbosity=0)

    newer = LegalActVersion.objects.get(eli="DU/2026/1200")
    assert newer.is_current and newer.journal_reference == "Dz.U. 2026 poz. 1200"
    assert str(newer.published_on) == "2026-09-30"
    assert LegalActVersion.objects.get(eli="DU/2025/1079").superseded_by == newer
    flagged = ProcedurePage.objects.filter(application_type="temp_work", needs_review=True)
    assert {page.locale.language_code for page in flagged} == {"pl", "en", "uk", "ru"}
    reason = flagged.first().review_reason
    assert "Dz.U. 2025 poz. 1079" in reason and "Dz.U. 2026 poz. 1200" in reason
    assert InformationPage.objects.filter(slug="najczesciej-zadawane-pytania", needs_review=True).count() == 4
    assert not InformationPage.objects.filter(slug="oplaty-i-platnosci", needs_review=True).exists()
    html = client.get(URL).content.decode()  # purged: the public page says a newer text exists
    assert "Dz.U. 2026 poz. 1200" in html


def test_a_row_holding_a_text_is_re_pointed_to_its_act(portal: Any) -> None:
    """Rows from before texts were kept apart name a text's ELI; the API leads from it to the act."""
    from cms_content.models import LegalAct

    from .legal_acts_api import running_fake_api

    act = LegalAct.objects.get(eli="DU/2006/1635")
    act.eli = "DU/2023/2111"
    act.save()
    with running_fake_api() as (api, endpoint):
        _answer_every_act(api)
        api.acts["DU/2006/1635"] = {"inForce": "IN_FORCE", "status": "obowiązujący"}
        api.acts["DU/2023/2111"]["references"] = {"Tekst jednolity dla aktu": [{"id": "DU/2006/1635"}]}
        call_command("check_legal_acts", endpoint=endpoint, verbosity=0)
    act.refresh_from_db()
    assert act.eli == "DU/2006/1635" and act.current_version.eli == "DU/2025/1154"


def test_a_failed_lookup_still_fails_the_run_and_supersedes_nothing(portal: Any) -> None:
    from cms_content.models import LegalActVersion, ProcedurePage

    from .legal_acts_api import running_fake_api

    with running_fake_api() as (api, endpoint):
        _answer_every_act(api)
        api.failing.add("DU/2013/1650")
        with pytest.raises(CommandError, match="DU/2013/1650"):
            call_command("check_legal_acts", endpoint=endpoint, verbosity=0)
    assert LegalActVersion.objects.get(eli="DU/2025/1079").is_current
    assert not ProcedurePage.objects.filter(needs_review=True).exists()


def test_editors_see_superseded_citations_and_what_to_cite_instead(
    client: Any, portal: Any, office: Any, staff_login: Any, user_factory: Any
) -> None:
    from cms_content.legal_check import flag_pages_citing_superseded_texts
    from cms_content.models import LegalActVersion

    old = LegalActVersion.objects.get(eli="DU/2025/1154")
    newer = LegalActVersion.objects.create(
        act=old.act, eli="DU/2026/900", journal_reference="Dz.U. 2026 poz. 900"
    )
    old.superseded_by = newer  # an editor recorded the new text by hand
    old.save()
    editor = user_factory("redaktor-lex@example.com", kind="staff", roles=("editor",), office=office)
    staff_login(client, editor)
    html = client.get("/admin/portal/translations/").content.decode()
    assert 'data-cited="DU/2025/1154" data-instead="DU/2026/900"' in html  # computed before any check
    assert flag_pages_citing_superseded_texts() > 0
    html = client.get("/admin/portal/translations/").content.decode()
    flagged_rows = html.split("Strony oznaczone do przeglądu prawnego")[-1].split("</table>")[0]
    assert flagged_rows.count('class="flagged"') > 0 and "Dz.U. 2026 poz. 900" in flagged_rows
    assert "Dz.U. 2026 poz. 900" in client.get("/admin/snippets/cms_content/legalact/").content.decode()


def test_no_all_clear_while_the_source_could_not_be_asked(
    client: Any, portal: Any, office: Any, staff_login: Any, user_factory: Any
) -> None:
    """Found by a fresh-eyes walk: with every lookup failing, the overview said every page cites the
    current texts and the public pages said "in force, checked today" (the demo wrote the date)."""
    from cms_content.models import LegalAct

    from .legal_acts_api import running_fake_api

    assert not LegalAct.objects.filter(checked_at__isnull=False).exists()  # loading checks nothing
    public = client.get("/pl/procedury/pobyt-czasowy-i-praca/").content.decode()
    assert "sprawdzono" not in public.split('class="legal-basis"')[-1].split("</section>")[0]
    editor = user_factory("redaktor-check@example.com", kind="staff", roles=("editor",), office=office)
    staff_login(client, editor)
    html = client.get("/admin/portal/translations/").content.decode()
    assert "unchecked-acts" in html and "nigdy nie sprawdzono" in html
    assert "Każda strona cytuje aktualne teksty jednolite" not in html

    with running_fake_api() as (api, endpoint):
        _answer_every_act(api)
        call_command("check_legal_acts", endpoint=endpoint, verbosity=0)
    html = client.get("/admin/portal/translations/").content.decode()
    assert "unchecked-acts" not in html and "Każda strona cytuje aktualne teksty jednolite" in html

    with running_fake_api() as (api, endpoint):
        _answer_every_act(api)
        api.failing.add("DU/2013/1650")
        with pytest.raises(CommandError):
            call_command("check_legal_acts", endpoint=endpoint, verbosity=0)
    html = client.get("/admin/portal/translations/").content.decode()
    assert "unchecked-acts" in html and "ostatni problem" in html
    assert "Każda strona cytuje aktualne teksty jednolite" not in html
