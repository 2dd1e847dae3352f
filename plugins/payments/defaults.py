"""The standard catalogue (demo data and a starting point for offices): every amount with its payee,
legal basis, source and validity, and who pays less or nothing. Offices edit the installed rows on
the fee screens; nothing in the code reads these numbers except :func:`install_standard_fees`.

Checked against /work/shared/reference/domain.md ("Stamp duty and card fees", Dec 2026) and the
public pages named in ``source``. Annex positions of the stamp duty act are to be confirmed in ISAP.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

STAMP_ACT = "Ustawa z dnia 16 listopada 2006 r. o opłacie skarbowej (Dz.U. 2025 poz. 1154), załącznik"
PERMITS = f"{STAMP_ACT}, część III (zezwolenia)"
CARD_REG = (
    "Rozporządzenie MSWiA z dnia 26 lipca 2022 r. w sprawie opłat pobieranych od cudzoziemców za wydanie "
    "i wymianę dokumentów (Dz.U. 2022 poz. 1583)"
)
FOREIGNERS_ACT = "Ustawa z dnia 12 grudnia 2013 r. o cudzoziemcach (Dz.U. 2025 poz. 1079)"
DOMAIN = "Przystań domain reference, checked Dec 2026"
MOS_INFO = "mos.cudzoziemcy.gov.pl/informacje"
CARD_SOURCE = f"{CARD_REG} § 2 pkt 1 lit. a; {MOS_INFO}/kp/oplaty; {DOMAIN}"
SINCE = datetime.date(2025, 1, 1)  # the first standard catalogue's rows start here

Names = tuple[str, str, str, str]  # pl, en, uk, ru


@dataclass(frozen=True)
class StandardRelief:
    kind: str  # "exempt" | "reduced"
    names: Names
    legal_basis: str
    percent: int = 100


@dataclass(frozen=True)
class StandardFee:
    code: str
    amount: int  # złote, or euro for currency "EUR"
    payee: str
    legal_basis: str
    source: str
    names: Names
    valid_from: datetime.date = SINCE
    valid_until: datetime.date | None = None
    currency: str = "PLN"
    exemptions: str = ""  # free text for what is not a relief (e.g. "the MOS certificate is free")
    reliefs: tuple[StandardRelief, ...] = field(default_factory=tuple)


def _stamp(pl: str, en: str, uk: str, ru: str) -> Names:
    return (f"Opłata skarbowa — {pl}", f"Stamp duty — {en}", f"Гербовий збір — {uk}", f"Гербовый сбор — {ru}")


KARTA_POLAKA = StandardRelief(
    "exempt",
    (
        "posiadacze ważnej Karty Polaka",
        "holders of a valid Karta Polaka (Pole's Card)",
        "власники чинної Карти поляка",
        "владельцы действующей Карты поляка",
    ),
    f"{STAMP_ACT}, zwolnienia od opłaty za zezwolenie na pobyt stały",
)
ASYLUM = StandardRelief(
    "exempt",
    (
        "osoby, którym udzielono azylu w Polsce",
        "persons granted asylum in Poland",
        "особи, яким надано притулок у Польщі",
        "лица, которым предоставлено убежище в Польше",
    ),
    f"{STAMP_ACT}, zwolnienia od opłaty za zezwolenie na pobyt stały",
)
FAMILY_PROXY = StandardRelief(
    "exempt",
    (
        "pełnomocnictwo dla małżonka, wstępnego, zstępnego lub rodzeństwa",
        "a power of attorney for a spouse, parent or grandparent, child or grandchild, or sibling",
        "довіреність на чоловіка чи дружину, батьків, дідусів і бабусь, дітей, онуків, братів і сестер",
        "доверенность на супруга, родителей, бабушек и дедушек, детей, внуков, братьев и сестёр",
    ),
    f"{STAMP_ACT}, część IV, kolumna 4",
)
FORCE_MAJEURE = StandardRelief(
    "exempt",
    (
        "przedłużenie wizy Schengen z powodu siły wyższej lub z przyczyn humanitarnych",
        "a Schengen visa extended because of force majeure or for humanitarian reasons",
        "продовження шенгенської візи через форс-мажор або з гуманітарних причин",
        "продление шенгенской визы из-за форс-мажора или по гуманитарным причинам",
    ),
    "Rozporządzenie (WE) nr 810/2009 (kodeks wizowy), art. 33",
)
CARD_REDUCTION_BASIS = f"{FOREIGNERS_ACT}, art. 237 ust. 1 i 2; {CARD_REG}"
CARD_EXEMPTION_BASIS = f"{FOREIGNERS_ACT}, art. 236"
CARD_RELIEFS = (
    StandardRelief(
        "reduced",
        (
            "cudzoziemcy w trudnej sytuacji materialnej",
            "foreigners in a difficult financial situation",
            "іноземці у складному матеріальному становищі",
            "иностранцы в трудном материальном положении",
        ),
        f"{FOREIGNERS_ACT}, art. 237 ust. 1 pkt 1",
        percent=50,
    ),
    StandardRelief(
        "reduced",
        (
            "uczniowie szkół ponadpodstawowych i studenci, którzy uczą się w Polsce",
            "secondary-school pupils and university students studying in Poland",
            "учні старших шкіл і студенти, які навчаються в Польщі",
            "ученики старших школ и студенты, которые учатся в Польше",
        ),
        f"{FOREIGNERS_ACT}, art. 237 ust. 1 pkt 2",
        percent=50,
    ),
    StandardRelief(
        "reduced",
        (
            "małoletni, którzy nie ukończyli 16 lat",
            "minors under 16",
            "неповнолітні, яким не виповнилося 16 років",
            "несовершеннолетние, которым не исполнилось 16 лет",
        ),
        f"{FOREIGNERS_ACT}, art. 237 ust. 1 pkt 3",
        percent=50,
    ),
    StandardRelief(
        "exempt",
        (
            "pierwsza karta pobytu po nadaniu statusu uchodźcy, udzieleniu ochrony uzupełniającej "
            "lub zgody na pobyt ze względów humanitarnych",
            "the first residence card after refugee status, subsidiary protection or a humanitarian "
            "stay was granted",
            "перша карта побиту після надання статусу біженця, додаткового захисту або згоди на "
            "проживання з гуманітарних причин",
            "первая карта побыту после предоставления статуса беженца, дополнительной защиты или "
            "согласия на проживание по гуманитарным причинам",
        ),
        f"{CARD_EXEMPTION_BASIS} pkt 1",
    ),
    StandardRelief(
        "exempt",
        (
            "pierwsza karta pobytu członka najbliższej rodziny repatrianta z zezwoleniem na pobyt stały",
            "the first residence card of a close family member of a repatriate granted permanent residence",
            "перша карта побиту члена найближчої родини репатріанта з дозволом на постійне проживання",
            "первая карта побыту члена ближайшей семьи репатрианта с разрешением на постоянное проживание",
        ),
        f"{CARD_EXEMPTION_BASIS} pkt 1a",
    ),
    StandardRelief(
        "exempt",
        (
            "wymiana karty, która miała wadę techniczną",
            "replacing a card that had a technical defect",
            "заміна карти, яка мала технічний дефект",
            "замена карты, у которой был технический дефект",
        ),
        f"{CARD_EXEMPTION_BASIS} pkt 3",
    ),
)

STANDARD_FEES: tuple[StandardFee, ...] = (
    StandardFee(
        "stamp_temp_work",
        440,
        "stamp_duty",
        PERMITS,
        f"{MOS_INFO}; {DOMAIN}",
        _stamp(
            "pobyt czasowy i praca, Niebieska Karta UE, przeniesienie wewnątrz przedsiębiorstwa (ICT) "
            "i mobilność długoterminowa ICT",
            "temporary residence and work, EU Blue Card, intra-corporate transfer (ICT) and ICT "
            "long-term mobility",
            "тимчасове проживання та робота, Блакитна карта ЄС, внутрішньокорпоративне переведення "
            "(ICT) і довгострокова мобільність ICT",
            "временное проживание и работа, Голубая карта ЕС, внутрикорпоративный перевод (ICT) и "
            "долгосрочная мобильность ICT",
        ),
    ),
    StandardFee(
        "stamp_temp_other",
        340,
        "stamp_duty",
        PERMITS,
        f"{MOS_INFO}; {DOMAIN}",
        _stamp(
            "zezwolenie na pobyt czasowy w innych celach (także mobilność długoterminowa naukowca)",
            "temporary residence permit for other purposes (also a researcher's long-term mobility)",
            "дозвіл на тимчасове проживання з інших цілей (також довгострокова мобільність науковця)",
            "разрешение на временное проживание с другими целями (также долгосрочная мобильность "
            "научного работника)",
        ),
    ),
    StandardFee(
        "stamp_seasonal",
        170,
        "stamp_duty",
        PERMITS,
        f"{MOS_INFO}; {DOMAIN}",
        _stamp(
            "zezwolenie na pobyt czasowy w celu pracy sezonowej",
            "temporary residence permit for seasonal work",
            "дозвіл на тимчасове проживання з метою сезонної роботи",
            "разрешение на временное проживание с целью сезонной работы",
        ),
    ),
    StandardFee(
        "stamp_short_stay",
        85,
        "stamp_duty",
        f"{PERMITS}; {FOREIGNERS_ACT}, art. 181 ust. 1 pkt 1 i 3",
        f"poznan.uw.gov.pl/oplaty; {DOMAIN}",
        _stamp(
            "krótkotrwały pobyt: stawiennictwo przed polskim organem lub interes Polski (art. 181 ust. 1 "
            "pkt 1 i 3)",
            "short stay: appearing before a Polish authority, or Poland's interest (art. 181(1)(1) and (3))",
            "короткочасне проживання: явка до польського органу або інтерес Польщі (ст. 181 ч. 1 п. 1 і 3)",
            "краткосрочное проживание: явка в польский орган или интерес Польши (ст. 181 ч. 1 п. 1 и 3)",
        ),
    ),
    StandardFee(
        "stamp_short_stay_personal",
        340,
        "stamp_duty",
        f"{PERMITS}; {FOREIGNERS_ACT}, art. 181 ust. 1 pkt 2",
        f"poznan.uw.gov.pl/oplaty; {DOMAIN}",
        _stamp(
            "krótkotrwały pobyt z powodu wyjątkowej sytuacji osobistej (art. 181 ust. 1 pkt 2)",
            "short stay because of an exceptional personal situation (art. 181(1)(2))",
            "короткочасне проживання через виняткову особисту ситуацію (ст. 181 ч. 1 п. 2)",
            "краткосрочное проживание из-за исключительной личной ситуации (ст. 181 ч. 1 п. 2)",
        ),
    ),
    StandardFee(
        "stamp_permanent",
        640,
        "stamp_duty",
        PERMITS,
        f"{MOS_INFO}/pob-staly-VN/oplata; {DOMAIN}",
        _stamp(
            "zezwolenie na pobyt stały",
            "permanent residence permit",
            "дозвіл на постійне проживання",
            "разрешение на постоянное проживание",
        ),
        reliefs=(KARTA_POLAKA, ASYLUM),
    ),
    StandardFee(
        "stamp_eu_ltr",
        640,
        "stamp_duty",
        PERMITS,
        f"{MOS_INFO}; {DOMAIN}",
        _stamp(
            "zezwolenie na pobyt rezydenta długoterminowego UE",
            "EU long-term resident permit",
            "дозвіл на проживання довгострокового резидента ЄС",
            "разрешение на проживание долгосрочного резидента ЕС",
        ),
    ),
    StandardFee(
        "stamp_permit_change",
        220,
        "stamp_duty",
        PERMITS,
        f"migrant.wsc.mazowieckie.pl (Opłaty); {DOMAIN}",
        _stamp(
            "zmiana zezwolenia na pobyt czasowy i pracę",
            "change of a temporary residence and work permit",
            "зміна дозволу на тимчасове проживання та роботу",
            "изменение разрешения на временное проживание и работу",
        ),
    ),
    StandardFee(
        "stamp_decision_change",
        10,
        "stamp_duty",
        f"{STAMP_ACT}, część I (czynności urzędowe)",
        f"poznan.uw.gov.pl/oplaty ('Zmiana decyzji 10 zł'); {DOMAIN} — confirm the position in ISAP",
        _stamp(
            "zmiana innej decyzji lub zezwolenia",
            "change of another decision or permit",
            "зміна іншого рішення або дозволу",
            "изменение другого решения или разрешения",
        ),
    ),
    StandardFee(
        "stamp_visa_extension",
        406,
        "stamp_duty",
        f"{STAMP_ACT}; {FOREIGNERS_ACT}, art. 87a",
        f"poznan.uw.gov.pl/oplaty; mazowieckie.pl (Przedłużenie wizy); {DOMAIN}",
        _stamp(
            "przedłużenie wizy krajowej",
            "extension of a national visa",
            "продовження національної візи",
            "продление национальной визы",
        ),
    ),
    StandardFee(
        "stamp_schengen_visa_extension",
        30,
        "stamp_duty",
        f"{STAMP_ACT}; Rozporządzenie (WE) nr 810/2009 (kodeks wizowy), art. 33; {FOREIGNERS_ACT}, art. 87a",
        "mazowieckie.pl (Przedłużenie wizy): paid in złoty at the ECB euro rate of the last working day "
        f"before the application is filed; {DOMAIN}",
        _stamp(
            "przedłużenie wizy Schengen",
            "extension of a Schengen visa",
            "продовження шенгенської візи",
            "продление шенгенской визы",
        ),
        currency="EUR",
        reliefs=(FORCE_MAJEURE,),
    ),
    StandardFee(
        "stamp_invitation",
        27,
        "stamp_duty",
        STAMP_ACT,
        f"poznan.uw.gov.pl/oplaty; {DOMAIN}",
        _stamp("zaproszenie", "invitation", "запрошення", "приглашение"),
    ),
    StandardFee(
        "stamp_certificate",
        17,
        "stamp_duty",
        f"{STAMP_ACT}, część II (zaświadczenia)",
        f"{MOS_INFO}/sis/oplata; {DOMAIN}",
        _stamp(
            "zaświadczenie (inne niż potwierdzenie złożenia wniosku w MOS)",
            "certificate (other than the MOS confirmation of filing)",
            "довідка (інша, ніж підтвердження подання заяви в MOS)",
            "справка (кроме подтверждения подачи заявления в MOS)",
        ),
        exemptions="Potwierdzenie złożenia wniosku w MOS jest bezpłatne.",
    ),
    StandardFee(
        "stamp_power_of_attorney",
        17,
        "stamp_duty",
        f"{STAMP_ACT}, część IV",
        f"{MOS_INFO}/sis/oplata; {DOMAIN}",
        _stamp("pełnomocnictwo", "power of attorney", "довіреність", "доверенность"),
        reliefs=(FAMILY_PROXY,),
    ),
    StandardFee(
        "stamp_cukr",
        340,
        "stamp_duty",
        f"{STAMP_ACT}; ustawa o pomocy obywatelom Ukrainy (Dz.U. 2025 poz. 337) — confirm in ISAP",
        f"media citing UdSC (karta CUKR, MOS only, 4 May 2026 – 4 Mar 2027); {DOMAIN} — VERIFY",
        _stamp(
            "karta pobytu CUKR dla osób ze statusem UKR",
            "CUKR residence card for holders of UKR status",
            "карта побиту CUKR для осіб зі статусом UKR",
            "карта побыту CUKR для лиц со статусом UKR",
        ),
        valid_from=datetime.date(2026, 5, 4),
        valid_until=datetime.date(2027, 3, 4),
    ),
    StandardFee(
        "card_issue",
        100,
        "office",
        f"{CARD_REG}, § 2 pkt 1 lit. a",
        CARD_SOURCE,
        (
            "Opłata za wydanie karty pobytu",
            "Residence card issue fee",
            "Плата за видачу карти побиту",
            "Плата за выдачу карты побыту",
        ),
        reliefs=CARD_RELIEFS,
    ),
    StandardFee(
        "card_issue_lost",
        200,
        "office",
        f"{CARD_REG} (wymiana po zawinionej utracie lub zniszczeniu)",
        f"{MOS_INFO}/kp/oplaty; {DOMAIN}",
        (
            "Opłata za wydanie karty pobytu — utrata z winy cudzoziemca",
            "Residence card issue fee — card lost through the holder's fault",
            "Плата за видачу карти побиту — втрата з вини іноземця",
            "Плата за выдачу карты побыту — утрата по вине иностранца",
        ),
        reliefs=CARD_RELIEFS[:3],
    ),
    StandardFee(
        "card_issue_lost_repeat",
        300,
        "office",
        f"{CARD_REG} (ponowna zawiniona utrata lub zniszczenie)",
        DOMAIN,
        (
            "Opłata za wydanie karty pobytu — ponowna utrata z winy cudzoziemca",
            "Residence card issue fee — card lost again through the holder's fault",
            "Плата за видачу карти побиту — повторна втрата з вини іноземця",
            "Плата за выдачу карты побыту — повторная утрата по вине иностранца",
        ),
        reliefs=CARD_RELIEFS[:3],
    ),
)
STANDARD_BY_CODE: dict[str, StandardFee] = {fee.code: fee for fee in STANDARD_FEES}

#: What the first standard catalogue (rows valid from 2025-01-01) installed: such a row, untouched
#: by the office, is closed and followed by the corrected version; a row the office edited is kept.
FIRST_CATALOGUE: dict[str, tuple[int, str]] = {
    "stamp_temp_work": (44000, "Opłata skarbowa — zezwolenie na pobyt czasowy i pracę"),
    "stamp_temp_other": (34000, "Opłata skarbowa — zezwolenie na pobyt czasowy (inne cele)"),
    "stamp_seasonal": (17000, "Opłata skarbowa — pobyt w celu pracy sezonowej"),
    "stamp_short_stay": (8500, "Opłata skarbowa — pobyt krótkoterminowy"),
    "stamp_permanent": (64000, "Opłata skarbowa — zezwolenie na pobyt stały"),
    "stamp_eu_ltr": (64000, "Opłata skarbowa — rezydent długoterminowy UE"),
    "stamp_permit_change": (22000, "Opłata skarbowa — zmiana zezwolenia"),
    "stamp_visa_extension": (40600, "Opłata skarbowa — przedłużenie wizy"),
    "stamp_invitation": (2700, "Opłata skarbowa — zaproszenie"),
    "stamp_certificate": (1700, "Opłata skarbowa — zaświadczenie"),
    "stamp_power_of_attorney": (1700, "Opłata skarbowa — pełnomocnictwo"),
    "card_issue": (10000, "Opłata za wydanie karty pobytu"),
    "card_issue_lost": (20000, "Opłata za wydanie karty pobytu — utrata z winy cudzoziemca"),
    "card_issue_lost_repeat": (30000, "Opłata za wydanie karty pobytu — ponowna utrata z winy cudzoziemca"),
}

#: Which fees each application type asks for (the case plugin's types carry the same list; a test
#: keeps them equal). Visa extension lists both visas: the person pays the one for their visa.
FEES_BY_APPLICATION_TYPE: dict[str, tuple[str, ...]] = {
    **{t: ("stamp_temp_work", "card_issue") for t in ("temp_work", "temp_blue_card", "temp_ict")},
    **{
        t: ("stamp_temp_other", "card_issue")
        for t in (
            "temp_business",
            "temp_studies",
            "temp_research",
            "temp_family",
            "temp_spouse",
            "temp_other",
            "temp_mobility",  # a researcher's long-term mobility: 340, not 440
        )
    },
    "temp_seasonal": ("stamp_seasonal", "card_issue"),
    "permanent": ("stamp_permanent", "card_issue"),
    "eu_ltr": ("stamp_eu_ltr", "card_issue"),
    "card_exchange": ("card_issue",),
    "cukr": ("stamp_cukr", "card_issue"),
    "invitation": ("stamp_invitation",),
    "visa_extension": ("stamp_visa_extension", "stamp_schengen_visa_extension"),
}

#: For applications filed from 5 March 2026 stamp duty is kept after a refusal or a discontinuation
#: (also a change of permit and visa extensions).
NO_REFUND_FROM = datetime.date(2026, 3, 5)
NO_REFUND_RULE: dict[str, Any] = {
    "payee": "stamp_duty",
    "fee_codes": "",
    "grounds": "refused discontinued",
    "filed_from": NO_REFUND_FROM,
    "explanation_pl": (
        "Opłaty skarbowej za wniosek złożony od 5 marca 2026 r. nie zwraca się po odmowie ani po "
        "umorzeniu postępowania (także przy zmianie zezwolenia i przedłużeniu wizy)."
    ),
    "explanation_en": (
        "Stamp duty for an application filed from 5 March 2026 is not refunded after a refusal or a "
        "discontinuation of the proceedings (also for a change of permit and a visa extension)."
    ),
    "explanation_uk": (
        "Гербовий збір за заяву, подану з 5 березня 2026 р., не повертається після відмови або "
        "припинення провадження (також при зміні дозволу та продовженні візи)."
    ),
    "explanation_ru": (
        "Гербовый сбор за заявление, поданное с 5 марта 2026 г., не возвращается после отказа или "
        "прекращения производства (также при изменении разрешения и продлении визы)."
    ),
    "legal_basis": f"{FOREIGNERS_ACT} as amended by Dz.U. 2025 poz. 1794; art. 87a (visa extensions)",
    "source": f"{DOMAIN}; lexlege.pl/ustawa-o-cudzoziemcach/art-87a",
}


def _fee_values(standard: StandardFee) -> dict[str, Any]:
    return {
        "amount_grosze": standard.amount * 100,
        "currency": standard.currency,
        "payee": standard.payee,
        "legal_basis": standard.legal_basis,
        "source": standard.source,
        "exemptions": standard.exemptions,
        "name_pl": standard.names[0],
        "name_en": standard.names[1],
        "name_uk": standard.names[2],
        "name_ru": standard.names[3],
        "valid_until": standard.valid_until,
    }


def _add_reliefs(fee: Any, standard: StandardFee, FeeRelief: Any) -> None:
    if fee.reliefs.exists():
        return
    for position, relief in enumerate(standard.reliefs):
        FeeRelief.objects.create(
            fee=fee,
            kind=relief.kind,
            percent=relief.percent,
            name_pl=relief.names[0],
            name_en=relief.names[1],
            name_uk=relief.names[2],
            name_ru=relief.names[3],
            legal_basis=relief.legal_basis,
            position=position,
        )


def _is_first_catalogue_row(fee: Any) -> bool:
    first = FIRST_CATALOGUE.get(fee.code)
    return (
        first is not None
        and fee.valid_from == SINCE
        and (fee.amount_grosze, fee.name_pl) == first
        and not fee.source
    )


def install_standard_fees(office: Any, today: datetime.date | None = None, *, models: Any = None) -> int:
    """Install the standard catalogue for ``office`` (idempotent); returns how many rows were added.

    A fee the office does not have yet starts on its standard ``valid_from``. A row left by the first
    standard catalogue (amount and name untouched) is closed the day before ``today`` and followed by
    the corrected version from ``today`` — history is never rewritten: payments keep the row valid on
    their day. A row the office edited itself is left alone. The no-refund rule is added once.
    ``models`` = ``(Fee, FeeRelief, RefundRule)`` lets a data migration pass its historical models.
    """
    from django.db import transaction
    from django.utils import timezone

    if models is None:
        from .models import Fee, FeeRelief, RefundRule
    else:
        Fee, FeeRelief, RefundRule = models

    today = today or timezone.localdate()
    added = 0
    with transaction.atomic():
        for standard in STANDARD_FEES:
            rows = Fee.objects.filter(office=office, code=standard.code).order_by("-valid_from")
            if not rows.exists():
                fee = Fee.objects.create(
                    office=office, code=standard.code, valid_from=standard.valid_from, **_fee_values(standard)
                )
                _add_reliefs(fee, standard, FeeRelief)
                added += 1
                continue
            latest = rows.first()
            if not _is_first_catalogue_row(latest) or latest.valid_until is not None:
                continue
            start = max(today, standard.valid_from)
            latest.valid_until = start - datetime.timedelta(days=1)
            latest.save(update_fields=["valid_until"])
            fee = Fee.objects.create(
                office=office, code=standard.code, valid_from=start, **_fee_values(standard)
            )
            _add_reliefs(fee, standard, FeeRelief)
            added += 1
        if not RefundRule.objects.filter(office=office, filed_from=NO_REFUND_FROM).exists():
            RefundRule.objects.create(office=office, **NO_REFUND_RULE)
    return added
