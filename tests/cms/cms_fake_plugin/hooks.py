"""Hook implementations with recognisable values (amounts differ from the pages' fallback text)."""

from przystan.pluginsys.markers import hookimpl

STAGE_NAMES = {
    "pl": {
        "filed": "Wniosek złożony",
        "summons_fingerprints": "Wezwanie na odciski palców",
        "decision_granted": "Decyzja pozytywna",
    },
    "uk": {
        "filed": "Заяву подано",
        "summons_fingerprints": "Виклик на відбитки пальців",
        "decision_granted": "Позитивне рішення",
    },
}
FEES = {"stamp_temp_work": 45500, "card_issue": 10050, "stamp_temp_other": 34000}


@hookimpl
def application_types(office, language):
    names = STAGE_NAMES.get(language, STAGE_NAMES["pl"])
    return [
        {
            "code": "temp_work",
            "name": "Temporary residence and work",
            "description": "",
            "fee_codes": ["stamp_temp_work", "card_issue"],
            "deadline_days": 60,
            "stages": [{"code": code, "name": name, "description": ""} for code, name in names.items()],
        }
    ]


@hookimpl
def fee_catalogue(office, codes, language):
    return [
        {
            "code": code,
            "name": f"fee {code} ({language})",
            "amount_grosze": amount,
            "legal_basis": "",
            "payee": "office" if code.startswith("card") else "stamp_duty",
            "exemptions": "",
        }
        for code, amount in FEES.items()
        if codes is None or code in codes
    ]


@hookimpl
def procedure_actions(office, application_type, language):
    return [
        {
            "kind": "book_visit",
            "label": f"Book a visit ({language})",
            "url": f"/booking/?type={application_type}",
        },
        {
            "kind": "pay_fee",
            "label": f"Pay the fee ({language})",
            "url": f"/payments/?type={application_type}",
        },
    ]
