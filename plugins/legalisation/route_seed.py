"""The national filing routes every office starts from (office rows override them).

Kept as data with the legal basis and source of each row; seeded after every ``migrate`` (and after a
test flush) by ``ensure_national_routes``, which never changes a row that exists, so an office's or the
platform administrator's edits stay. Sources: ``../shared/reference/domain.md`` (filing routes since
27 April 2026) and the acts it cites.
"""

from __future__ import annotations

import datetime
from typing import Any

MOS_URL = "https://mos.cudzoziemcy.gov.pl/"
MOS_ACT = "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20250001794"
FOREIGNERS_ACT = "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20250001079"
UKRAINE_ACT = "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20250000337"
MOS_BASIS = (
    "Ustawa o cudzoziemcach (Dz.U. 2025 poz. 1079) w brzmieniu ustawy Dz.U. 2025 poz. 1794: wnioski o "
    "pobyt czasowy, stały i rezydenta długoterminowego UE składa się wyłącznie elektronicznie w MOS; "
    "wniosek złożony inaczej po 26.04.2026 pozostawia się bez rozpoznania"
)
TEMPORARY = (
    "temp_work",
    "temp_blue_card",
    "temp_business",
    "temp_studies",
    "temp_research",
    "temp_other",
    "temp_seasonal",
    "temp_mobility",
    "permanent",
    "eu_ltr",
)
# national rules: (type, route, from, legal basis, source, to verify, note)
SEED = [
    *[(code, "mos", "2026-04-27", MOS_BASIS, MOS_ACT, False, "") for code in TEMPORARY],
    (
        "temp_family",
        "mos",
        "2026-04-27",
        MOS_BASIS,
        MOS_ACT,
        True,
        "Nowelizacja zachowuje wyjątki dla łączenia rodzin, gdy cudzoziemiec przebywa za granicą — "
        "do potwierdzenia przez urząd.",
    ),
    (
        "temp_spouse",
        "mos",
        "2026-04-27",
        MOS_BASIS,
        MOS_ACT,
        True,
        "Wyjątek dla członków rodziny obywatela RP/UE przebywających za granicą — do potwierdzenia.",
    ),
    ("temp_ict", "mos", "2026-04-27", MOS_BASIS, MOS_ACT, True, "Tryb dla ICT niepotwierdzony w źródłach."),
    (
        "cukr",
        "mos",
        "2026-05-04",
        "Ustawa o pomocy obywatelom Ukrainy (Dz.U. 2025 poz. 337): karta pobytu CUKR wyłącznie przez MOS "
        "od 4.05.2026 do 4.03.2027",
        UKRAINE_ACT,
        True,
        "Daty według komunikatów UdSC cytowanych w mediach — do potwierdzenia.",
    ),
    (
        "invitation",
        "local_online",
        "2026-04-27",
        "Ustawa o cudzoziemcach (Dz.U. 2025 poz. 1079): zaproszenie nie jest wnioskiem składanym w MOS",
        FOREIGNERS_ACT,
        False,
        "",
    ),
    (
        "visa_extension",
        "local_online",
        "2026-04-27",
        "Ustawa o cudzoziemcach (Dz.U. 2025 poz. 1079): przedłużenie wizy nie jest wnioskiem składanym w MOS",
        FOREIGNERS_ACT,
        False,
        "",
    ),
    (
        "card_exchange",
        "local_online",
        "2026-04-27",
        "Ustawa o cudzoziemcach (Dz.U. 2025 poz. 1079): wymiana karty pobytu",
        FOREIGNERS_ACT,
        True,
        "Źródło nie rozstrzyga trybu wymiany karty w MOS — do potwierdzenia przez urząd.",
    ),
]


def ensure_national_routes(**_kwargs: Any) -> int:
    """Create the national rows that are missing; return how many were created."""
    from .models import FilingRoute

    created = 0
    for code, route, since, basis, source, verify, note in SEED:
        _row, made = FilingRoute.objects.get_or_create(
            office=None,
            type_code=code,
            effective_from=datetime.date.fromisoformat(since),
            defaults={
                "route": route,
                "legal_basis": basis,
                "source_url": source,
                "filing_url": MOS_URL if route == "mos" else "",
                "to_verify": verify,
                "note": note,
            },
        )
        created += made
    return created
