"""The standard catalogue (demo data and a starting point for offices) — verify amounts before release."""

from __future__ import annotations

STAMP_ACT = "Ustawa z dnia 16 listopada 2006 r. o opłacie skarbowej, załącznik"
CARD_REG = "Rozporządzenie MSWiA w sprawie wysokości opłat za wydanie karty pobytu"
FAMILY_EXEMPTION = "Pełnomocnictwo dla małżonka, wstępnego, zstępnego lub rodzeństwa oraz w sprawach ochrony międzynarodowej — bez opłaty."

# code: (amount zł, payee, legal basis, exemptions, names pl/en/uk/ru)
STANDARD_FEES: dict[str, tuple[int, str, str, str, tuple[str, str, str, str]]] = {
    "stamp_temp_work": (
        440,
        "stamp_duty",
        STAMP_ACT,
        "",
        (
            "Opłata skarbowa — zezwolenie na pobyt czasowy i pracę",
            "Stamp duty — temporary residence and work permit",
            "Гербовий збір — дозвіл на тимчасове проживання та роботу",
            "Гербовый сбор — разрешение на временное проживание и работу",
        ),
    ),
    "stamp_temp_other": (
        340,
        "stamp_duty",
        STAMP_ACT,
        "",
        (
            "Opłata skarbowa — zezwolenie na pobyt czasowy (inne cele)",
            "Stamp duty — temporary residence permit (other purposes)",
            "Гербовий збір — дозвіл на тимчасове проживання (інші цілі)",
            "Гербовый сбор — разрешение на временное проживание (другие цели)",
        ),
    ),
    "stamp_seasonal": (
        170,
        "stamp_duty",
        STAMP_ACT,
        "",
        (
            "Opłata skarbowa — pobyt w celu pracy sezonowej",
            "Stamp duty — residence for seasonal work",
            "Гербовий збір — проживання з метою сезонної роботи",
            "Гербовый сбор — проживание с целью сезонной работы",
        ),
    ),
    "stamp_short_stay": (
        85,
        "stamp_duty",
        STAMP_ACT,
        "",
        (
            "Opłata skarbowa — pobyt krótkoterminowy",
            "Stamp duty — short stay",
            "Гербовий збір — короткострокове перебування",
            "Гербовый сбор — краткосрочное пребывание",
        ),
    ),
    "stamp_permanent": (
        640,
        "stamp_duty",
        STAMP_ACT,
        "",
        (
            "Opłata skarbowa — zezwolenie na pobyt stały",
            "Stamp duty — permanent residence permit",
            "Гербовий збір — дозвіл на постійне проживання",
            "Гербовый сбор — разрешение на постоянное проживание",
        ),
    ),
    "stamp_eu_ltr": (
        640,
        "stamp_duty",
        STAMP_ACT,
        "",
        (
            "Opłata skarbowa — rezydent długoterminowy UE",
            "Stamp duty — EU long-term resident permit",
            "Гербовий збір — довгостроковий резидент ЄС",
            "Гербовый сбор — долгосрочный резидент ЕС",
        ),
    ),
    "stamp_permit_change": (
        220,
        "stamp_duty",
        STAMP_ACT,
        "",
        (
            "Opłata skarbowa — zmiana zezwolenia",
            "Stamp duty — change of permit",
            "Гербовий збір — зміна дозволу",
            "Гербовый сбор — изменение разрешения",
        ),
    ),
    "stamp_visa_extension": (
        406,
        "stamp_duty",
        STAMP_ACT,
        "",
        (
            "Opłata skarbowa — przedłużenie wizy",
            "Stamp duty — visa extension",
            "Гербовий збір — продовження візи",
            "Гербовый сбор — продление визы",
        ),
    ),
    "stamp_invitation": (
        27,
        "stamp_duty",
        STAMP_ACT,
        "",
        (
            "Opłata skarbowa — zaproszenie",
            "Stamp duty — invitation",
            "Гербовий збір — запрошення",
            "Гербовый сбор — приглашение",
        ),
    ),
    "stamp_certificate": (
        17,
        "stamp_duty",
        STAMP_ACT,
        "",
        (
            "Opłata skarbowa — zaświadczenie",
            "Stamp duty — certificate",
            "Гербовий збір — довідка",
            "Гербовый сбор — справка",
        ),
    ),
    "stamp_power_of_attorney": (
        17,
        "stamp_duty",
        STAMP_ACT,
        FAMILY_EXEMPTION,
        (
            "Opłata skarbowa — pełnomocnictwo",
            "Stamp duty — power of attorney",
            "Гербовий збір — довіреність",
            "Гербовый сбор — доверенность",
        ),
    ),
    "card_issue": (
        100,
        "office",
        CARD_REG,
        "",
        (
            "Opłata za wydanie karty pobytu",
            "Residence card issue fee",
            "Плата за видачу посвідки на проживання",
            "Плата за выдачу карты побыту",
        ),
    ),
    "card_issue_lost": (
        200,
        "office",
        CARD_REG,
        "",
        (
            "Opłata za wydanie karty pobytu — utrata z winy cudzoziemca",
            "Residence card issue fee — card lost through the holder's fault",
            "Плата за видачу посвідки — втрата з вини іноземця",
            "Плата за выдачу карты побыту — утрата по вине иностранца",
        ),
    ),
    "card_issue_lost_repeat": (
        300,
        "office",
        CARD_REG,
        "",
        (
            "Opłata za wydanie karty pobytu — ponowna utrata z winy cudzoziemca",
            "Residence card issue fee — card lost again through the holder's fault",
            "Плата за видачу посвідки — повторна втрата з вини іноземця",
            "Плата за выдачу карты побыту — повторная утрата по вине иностранца",
        ),
    ),
}

FEES_BY_APPLICATION_TYPE: dict[str, tuple[str, ...]] = {
    **{
        t: ("stamp_temp_work", "card_issue")
        for t in ("temp_work", "temp_blue_card", "temp_ict", "temp_mobility")
    },
    **{
        t: ("stamp_temp_other", "card_issue")
        for t in (
            "temp_business",
            "temp_studies",
            "temp_research",
            "temp_family",
            "temp_spouse",
            "temp_other",
        )
    },
    "temp_seasonal": ("stamp_seasonal", "card_issue"),
    "permanent": ("stamp_permanent", "card_issue"),
    "eu_ltr": ("stamp_eu_ltr", "card_issue"),
    "card_exchange": ("card_issue",),
    "cukr": ("card_issue",),
    "invitation": ("stamp_invitation",),
    "visa_extension": ("stamp_visa_extension",),
}


def install_standard_fees(office: object) -> int:
    """Create the standard fees for ``office`` where missing (idempotent); returns how many were added."""
    import datetime

    from .models import Fee

    added = 0
    for code, (amount, payee, basis, exemptions, names) in STANDARD_FEES.items():
        _fee, created = Fee.objects.get_or_create(
            office=office,
            code=code,
            valid_from=datetime.date(2025, 1, 1),
            defaults={
                "amount_grosze": amount * 100,
                "payee": payee,
                "legal_basis": basis,
                "exemptions": exemptions,
                "name_pl": names[0],
                "name_en": names[1],
                "name_uk": names[2],
                "name_ru": names[3],
            },
        )
        added += created
    return added
