"""cms_content's demo content and catalogues use the glossary's terms (a local check; the project-wide
glossary test covers every catalogue), show no internal codes and cite only current texts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polib
import pytest

from cms_content.demo import content as c

LOCALE = Path(__file__).resolve().parent.parent / "locale"
# language → (forbidden pattern, why)
FORBIDDEN = {
    "uk": [
        (r"\bуряд\w*", "urząd is «управління»/«установа»; «уряд» is the government"),
        (r"карт\w* побуту", "karta pobytu is «карта побиту»"),
        (r"посвідк\w* на проживання", "the Polish card is «карта побиту»"),
        (r"перебуванн\w*", "permits are about «проживання»"),
        (r"місц\w* перебування воєводи", "siedziba wojewody is «місцезнаходження воєводи»"),
        (r"міськ\w* рад\w*", "stamp duty goes to the city at the seat of the voivode"),
        (r"собак\w*-помічник\w*", "pies asystujący is «собака-асистент»"),
    ],
    "ru": [
        (r"пребывани\w*", "permits are about «проживание»"),
        (r"вид\w* на жительство", "the Polish card is «карта побыту»"),
        (r"по месту пребывания воеводы", "siedziba wojewody is «место нахождения воеводы»"),
        (r"городск\w* администраци\w*", "stamp duty goes to the city at the seat of the voivode"),
        (r"собак\w*-поводыр\w*", "pies asystujący is «собака-помощник»"),
    ],
    "pl": [  # outdated statements (the MOS certificate replaced the stamp; CUKR costs 340 + 100 zł)
        (r"urząd (wpisuje|wbija) do paszportu stempel", "the stamp was replaced by the MOS certificate"),
        (r"^Stempel w paszporcie", "the stamp was replaced by the MOS certificate"),
        (r"CUKR\w* jest bezpłatn", "CUKR: 340 zł stamp duty + 100 zł card"),
    ],
}
INTERNAL_CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")  # temp_work, passport_copy, stamp_temp_work …


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def demo_texts(language: str) -> list[str]:
    tables = [
        *(procedure[language] for procedure in c.PROCEDURES),
        *(procedure["fees_text"][language] for procedure in c.PROCEDURES if "fees_text" in procedure),
        *(steps[language] for steps in c.STAGE_STEPS.values()),
        c.DEADLINES,
        c.FORM[language],
        c.PAPER_FORM[language],
        c.ANNEX_MISTAKE[language],
        c.FAQ[language],
        c.PAYMENTS[language],
        c.FEE_SENTENCES[language],
        c.COMMON_DOCS[language],
        c.PHOTO_NOTE[language],
        c.PAYMENT_PROOF,
        c.PROCEDURES_INDEX[language],
        c.INFORMATION_INDEX[language],
        *(location[language] for location in c.LOCATIONS),
    ]
    texts = list(_strings(tables))
    if language in ("uk", "ru"):  # DEADLINES and PAYMENT_PROOF hold every language: keep Cyrillic only
        texts = [t for t in texts if re.search(r"[а-яіїєґ]", t, re.IGNORECASE)]
    return texts


@pytest.mark.parametrize("language", ["pl", "uk", "ru"])
def test_demo_content_uses_the_glossary(language: str) -> None:
    wrong = [
        (why, text[:80])
        for text in demo_texts(language)
        for pattern, why in FORBIDDEN[language]
        if re.search(pattern, text, flags=re.IGNORECASE)
    ]
    assert wrong == []


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_catalogue_uses_the_glossary(language: str) -> None:
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    wrong = [
        (why, entry.msgid)
        for entry in po
        if not entry.obsolete
        for pattern, why in FORBIDDEN[language]
        if re.search(pattern, entry.msgstr, flags=re.IGNORECASE)
    ]
    assert wrong == []


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_demo_content_shows_no_internal_codes(language: str) -> None:
    shown = [text for text in demo_texts(language) if INTERNAL_CODE.search(text)]
    assert shown == []


def test_demo_cites_only_current_texts_and_verifies_what_is_unconfirmed() -> None:
    current = {
        key: [eli for eli, _amended, superseded in texts if not superseded]
        for key, texts in c.CONSOLIDATED_TEXTS.items()
    }
    assert current["cudzoziemcy"] == ["DU/2025/1079"] and current["kpa"] == ["DU/2025/1691"]
    assert current["oplata_skarbowa"] == ["DU/2025/1154"] and current["ukraina"] == ["DU/2025/337"]
    assert current["praca"] == ["DU/2025/621"] and current["dostepnosc"] == ["DU/2023/1440"]
    assert current["ochrona"] == []  # not given by the reference: kept as VERIFY on the act
    assert next(a for a in c.LEGAL_ACTS if a[0] == "ochrona")[4].startswith("VERIFY")
    assert all(len(texts) <= 1 for texts in current.values())
    assert c.DEADLINE_SOURCES["long"]["verify"] and "6 months" in c.DEADLINE_SOURCES["long"]["source"]
