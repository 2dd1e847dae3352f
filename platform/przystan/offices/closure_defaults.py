"""Days off every government office starts with — seed DATA, installed as :class:`OfficeClosure` rows.

The Prime Minister designates a working day off for each statutory holiday that falls on a Saturday
in the government administration. For 2026 (15 August and 26 December are Saturdays) the order
published in Monitor Polski, M.P. 2026 poz. 36, designates Friday 14 August and Monday 28 December.
In 2027, 1 May and 25 December fall on Saturdays: two more days will be designated — the office adds
them on its closures screen (``/staff/closures/``) when the order is published.

:func:`install` adds the rows an office lacks (idempotent; a row the office already has for that date
is left as it is). It runs from migration ``offices 0002_office_closures`` for existing offices, for
each office created later (``signals``) and in the demo.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

MP_2026_POZ_36 = "M.P. 2026 poz. 36 (zarządzenie Prezesa Rady Ministrów)"


@dataclass(frozen=True)
class DefaultClosure:
    date: datetime.date
    kind: str
    name_pl: str
    name_en: str
    name_uk: str
    name_ru: str
    source: str


DEFAULT_CLOSURES: tuple[DefaultClosure, ...] = (
    DefaultClosure(
        datetime.date(2026, 8, 14),
        "designated",
        name_pl="Dzień wolny za święto 15 sierpnia przypadające w sobotę",
        name_en="Day off for the 15 August holiday, which falls on a Saturday",
        name_uk="Вихідний день за свято 15 серпня, що припадає на суботу",
        name_ru="Выходной день за праздник 15 августа, выпадающий на субботу",
        source=MP_2026_POZ_36,
    ),
    DefaultClosure(
        datetime.date(2026, 12, 28),
        "designated",
        name_pl="Dzień wolny za święto 26 grudnia przypadające w sobotę",
        name_en="Day off for the 26 December holiday, which falls on a Saturday",
        name_uk="Вихідний день за свято 26 грудня, що припадає на суботу",
        name_ru="Выходной день за праздник 26 декабря, выпадающий на субботу",
        source=MP_2026_POZ_36,
    ),
)


def install(office: Any, closure_model: Any = None) -> int:
    """Add the default closures ``office`` has no row for; return how many were added.

    ``closure_model`` is the historical model inside a migration (default: the current one).
    """
    if closure_model is None:
        from .models import OfficeClosure as closure_model
    added = 0
    for default in DEFAULT_CLOSURES:
        _row, created = closure_model.objects.get_or_create(
            office_id=office.pk,
            date=default.date,
            defaults={
                "kind": default.kind,
                "name_pl": default.name_pl,
                "name_en": default.name_en,
                "name_uk": default.name_uk,
                "name_ru": default.name_ru,
                "source": default.source,
            },
        )
        added += created
    return added
