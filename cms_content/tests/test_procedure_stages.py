"""The stages block follows each procedure: a MOS filing with fingerprints for residence permits and
CUKR, an office filing without fingerprints for an invitation; the filing stage follows the route."""

from __future__ import annotations

from typing import Any

import pytest

from cms_content.demo import content as c

PAGES = {
    "temp_work": "pobyt-czasowy-i-praca",
    "cukr": "karta-cukr",
    "invitation": "zaproszenie",
}


def _procedure(code: str) -> dict[str, Any]:
    return next(p for p in c.PROCEDURES if p["code"] == code)


def test_each_procedure_names_its_own_stages() -> None:
    outlines = {code: c.STAGE_OUTLINES[_procedure(code).get("stages", "mos_residence")] for code in PAGES}
    assert outlines["temp_work"][0] == "filed_mos" and "summons" in outlines["temp_work"]
    assert outlines["cukr"][0] == "filed_mos" and "opinions" not in outlines["cukr"]
    assert outlines["invitation"][0] == "filed_office" and "summons" not in outlines["invitation"]
    assert len(set(outlines.values())) == 3
    for code in ("visa_extension", "invitation"):
        assert "nie załatwia się w module MOS" in c.stage_steps(_procedure(code), "pl")[0][1]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["pl", "uk", "ru"])
def test_the_pages_show_different_stages(client: Any, portal: Any, lang: str) -> None:
    html = {code: client.get(f"/{lang}/procedury/{slug}/").content.decode() for code, slug in PAGES.items()}
    fingerprints = {"pl": "odcisków palców", "uk": "відбитків пальців", "ru": "отпечатков пальцев"}[lang]
    mos = {
        "pl": "wyłącznie elektronicznie w module MOS",
        "uk": "лише електронно в модулі MOS",
        "ru": "только в электронном виде в модуле MOS",
    }[lang]
    for code in ("temp_work", "cukr"):
        stages = html[code].split('id="stages"')[1].split("</section>")[0]
        assert mos in stages and fingerprints in stages, code
    invitation = html["invitation"].split('id="stages"')[1].split("</section>")[0]
    assert mos not in invitation and fingerprints not in invitation


@pytest.mark.django_db
def test_the_case_plugins_stages_get_the_filing_of_their_route(client: Any, portal: Any) -> None:
    from cms_content.procedures import stages_for_route

    stages = [
        {"code": "filed", "name": "Подано", "description": "registered"},
        {"code": "closed", "name": "x"},
    ]
    mos = stages_for_route(stages, {"route": "mos"}, "uk")
    office = stages_for_route(stages, {"route": "local_online"}, "uk")
    assert "MOS" in mos[0]["description"] and "штамп" in mos[0]["description"]
    assert "управління" in office[0]["description"] and mos[1] == stages[1]
    assert stages_for_route(stages, None, "uk") == stages


def test_cukr_fees_are_stamp_duty_and_card_not_free() -> None:
    cukr = _procedure("cukr")
    assert cukr["mos"] and cukr["fees"] == ["stamp_cukr", "card_issue"]
    assert c.fee_text(cukr, "pl") == "Opłata skarbowa: 340 zł (na konto miasta w siedzibie wojewody). " + (
        "Wydanie karty pobytu: 100 zł (na konto urzędu wojewódzkiego)."
    )
