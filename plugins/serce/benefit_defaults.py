"""Default benefit rules an office may start from: dated rows with their source, all "to be confirmed".

The figures are not verified against the Sejm's legal-acts database (ISAP); every installed row is
flagged "to be confirmed by the office" and a finance officer confirms it (or corrects it) on the
benefit-rules screen. Nothing here is used in a computation: payment lists read the office's rows.

* Regulation of the Minister of the Interior and Administration of 19 February 2016 on the amount of
  assistance for foreigners applying for international protection (Dz.U. 2016 poz. 311), issued
  under art. 86 ust. 1 of the Act of 13 June 2003 on granting protection to foreigners in the
  territory of the Republic of Poland. Amended on 6 October 2022 (Dz.U. 2022 poz. 2071, in force
  1 November 2022: food equivalent 9 → 11 zł a day). It **lost force on 7 October 2023**, so its
  rows end on 6 October 2023. Dates of the versions as given by a commercial legal database
  (inforlex: versions 2016-03-26 – 2022-10-31 and 2022-11-01 – 2023-10-07).
* The replacement (a 2023 draft regulation of the same title) set 15 zł a day food equivalent,
  30 zł a month hygiene, 776 zł a month for a person alone and 600 zł a month per person in a family
  outside a centre; its final date and Dz.U. position are not verified, so its rows start on
  7 October 2023 and say so. Pocket money (50 zł a month) and the clothing allowance (140 zł once)
  are the old figures, carried over until the office confirms the current ones.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q

OLD_ACT = (
    "Rozporządzenie Ministra Spraw Wewnętrznych i Administracji z dnia 19 lutego 2016 r. w sprawie "
    "wysokości pomocy dla cudzoziemców ubiegających się o udzielenie ochrony międzynarodowej"
)
OLD_POSITION = "Dz.U. 2016 poz. 311"
OLD_AMENDED = "Dz.U. 2016 poz. 311, zm. Dz.U. 2022 poz. 2071"
OLD_URL = "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20160000311"
OLD_NOTE = "Utraciło moc 7 października 2023 r. (kwoty historyczne, do sprawdzenia w ISAP)."
NEW_ACT = (
    "Rozporządzenie Ministra Spraw Wewnętrznych i Administracji w sprawie wysokości pomocy dla "
    "cudzoziemców ubiegających się o udzielenie ochrony międzynarodowej (zastępujące rozporządzenie z 2016 r.)"
)
NEW_NOTE = (
    "Kwota z projektu rozporządzenia (2023); data wejścia w życie i pozycja w Dzienniku Ustaw "
    "niezweryfikowane."
)
CARRIED_NOTE = (
    "Kwota z rozporządzenia z 2016 r., przeniesiona bez weryfikacji; wysokość według nowego "
    "rozporządzenia niezweryfikowana."
)

SINCE_2016 = dt.date(2016, 3, 26)
AMENDED_2022 = dt.date(2022, 11, 1)
LAST_DAY_OLD = dt.date(2023, 10, 6)  # the 2016 regulation lost force on 7 October 2023
FIRST_DAY_NEW = dt.date(2023, 10, 7)

_old = {
    "legal_basis": OLD_ACT,
    "source_reference": OLD_POSITION,
    "source_url": OLD_URL,
    "source_note": OLD_NOTE,
}
_amended = {**_old, "source_reference": OLD_AMENDED}
_draft = {"legal_basis": NEW_ACT, "source_reference": "", "source_url": "", "source_note": NEW_NOTE}
_carried = {**_draft, "source_note": CARRIED_NOTE}

#: (kind, unit, grosze, family size from, to, valid from, valid until, source)
RULES: tuple[tuple[str, str, int, int, int | None, dt.date, dt.date | None, dict[str, str]], ...] = (
    # the 2016 regulation, as first in force
    ("food_equivalent", "day", 900, 1, None, SINCE_2016, dt.date(2022, 10, 31), _old),
    # the 2016 regulation as amended in 2022 (food) and its other figures, until it lost force
    ("food_equivalent", "day", 1100, 1, None, AMENDED_2022, LAST_DAY_OLD, _amended),
    ("hygiene", "month", 2000, 1, None, SINCE_2016, LAST_DAY_OLD, _old),
    ("pocket_money", "month", 5000, 1, None, SINCE_2016, LAST_DAY_OLD, _old),
    ("clothing", "once", 14000, 1, None, SINCE_2016, LAST_DAY_OLD, _old),
    ("outside_cash", "day", 2500, 1, 1, SINCE_2016, LAST_DAY_OLD, _old),
    ("outside_cash", "day", 2000, 2, 2, SINCE_2016, LAST_DAY_OLD, _old),
    ("outside_cash", "day", 1500, 3, 3, SINCE_2016, LAST_DAY_OLD, _old),
    ("outside_cash", "day", 1250, 4, None, SINCE_2016, LAST_DAY_OLD, _old),
    # the replacement (draft figures, not verified)
    ("food_equivalent", "day", 1500, 1, None, FIRST_DAY_NEW, None, _draft),
    ("hygiene", "month", 3000, 1, None, FIRST_DAY_NEW, None, _draft),
    ("outside_cash", "month", 77600, 1, 1, FIRST_DAY_NEW, None, _draft),
    ("outside_cash", "month", 60000, 2, None, FIRST_DAY_NEW, None, _draft),
    ("pocket_money", "month", 5000, 1, None, FIRST_DAY_NEW, None, _carried),
    ("clothing", "once", 14000, 1, None, FIRST_DAY_NEW, None, _carried),
)


def overlapping(model: Any, office: Any, kind: str, low: int, high: int | None, start: Any, end: Any) -> Any:
    """Rules of ``office`` for ``kind`` whose family sizes and validity overlap the given ones."""
    found = model.objects.filter(office=office, kind=kind).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=start)
    )
    found = found.filter(Q(family_size_max__isnull=True) | Q(family_size_max__gte=low))
    if end is not None:
        found = found.filter(valid_from__lte=end)
    if high is not None:
        found = found.filter(family_size_min__lte=high)
    return found


def install_default_rules(office: Any, model: Any = None) -> int:
    """Add the default rows the office lacks (never one overlapping a rule it has); returns how many.

    Every row is "to be confirmed by the office". ``model`` is the (historical) ``BenefitRule``.
    """
    if model is None:
        from .models import BenefitRule as model
    added = 0
    for kind, unit, grosze, low, high, start, end, source in RULES:
        if overlapping(model, office, kind, low, high, start, end).exists():
            continue
        model.objects.create(
            office=office,
            kind=kind,
            unit=unit,
            amount_grosze=grosze,
            family_size_min=low,
            family_size_max=high,
            valid_from=start,
            valid_until=end,
            to_confirm=True,
            **source,
        )
        added += 1
    return added
