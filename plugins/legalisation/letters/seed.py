"""Default letter templates an office starts from (Polish for every kind, Ukrainian and Russian for the
summons a foreigner reads). They are data: the office edits them (every save is a new version) and
the legal bases carry their source; confirm the consolidated texts in ISAP before use.
"""

from __future__ import annotations

import datetime
from typing import Any

SOURCE = (
    "KPA — Dz.U. 2025 poz. 1691; ustawa o cudzoziemcach — Dz.U. 2025 poz. 1079 "
    "(zmiana MOS: Dz.U. 2025 poz. 1794); zweryfikować w ISAP"
)
EFFECTIVE_FROM = datetime.date(2026, 4, 27)

APPEAL_PL = (
    "Od niniejszej decyzji przysługuje stronie odwołanie do Szefa Urzędu do Spraw Cudzoziemców "
    "za pośrednictwem Wojewody ({office_name}) w terminie 14 dni od dnia jej doręczenia "
    "(art. 127 § 1 i 2 oraz art. 129 § 1 i 2 KPA)."
)

_SUMMONS_BASIS_PL = "art. 50 § 1 i art. 54 KPA"

PL: dict[str, dict[str, str]] = {
    "summons_appear": {
        "title": "Wezwanie do osobistego stawiennictwa",
        "body": (
            "Na podstawie {legal_basis} wzywam Pana/Panią {applicant_name} do osobistego stawienia się "
            "w {office_name}, {office_address}, w sprawie {case_number} ({application_type}), "
            "w terminie do dnia {due_date}, z ważnym paszportem.\n{details}\n"
            "Niestawienie się bez usprawiedliwienia może skutkować pozostawieniem wniosku bez rozpoznania."
        ),
        "legal_basis": _SUMMONS_BASIS_PL,
    },
    "summons_fingerprints": {
        "title": "Wezwanie do pobrania odcisków linii papilarnych",
        "body": (
            "Na podstawie {legal_basis} wzywam Pana/Panią {applicant_name} do stawienia się w {office_name}, "
            "{office_address}, w terminie do dnia {due_date} w celu pobrania odcisków linii papilarnych "
            "i złożenia podpisu (sprawa {case_number}). Proszę zabrać ważny paszport.\n{details}"
        ),
        "legal_basis": "art. 105 ust. 1 ustawy o cudzoziemcach; " + _SUMMONS_BASIS_PL,
    },
    "summons_supplement": {
        "title": "Wezwanie do uzupełnienia dokumentów",
        "body": (
            "W sprawie {case_number} wzywam Pana/Panią {applicant_name} do przedstawienia w terminie "
            "do dnia {due_date}:\n{details}\nDokumenty można złożyć w {office_name} lub przez stronę sprawy."
        ),
        "legal_basis": _SUMMONS_BASIS_PL,
    },
    "summons_pay": {
        "title": "Wezwanie do uiszczenia opłaty",
        "body": (
            "W sprawie {case_number} wzywam Pana/Panią {applicant_name} do uiszczenia w terminie do dnia "
            "{due_date} opłaty: {details}\nNieuiszczenie opłaty w terminie spowoduje pozostawienie "
            "wniosku bez rozpoznania."
        ),
        "legal_basis": "art. 261 § 1 KPA; ustawa o opłacie skarbowej (Dz.U. 2025 poz. 1154)",
    },
    "request_supplement": {
        "title": "Wezwanie do usunięcia braków formalnych wniosku",
        "body": (
            "Na podstawie {legal_basis} wzywam Pana/Panią {applicant_name} do usunięcia braków wniosku "
            "w sprawie {case_number} w terminie 7 dni od dnia doręczenia wezwania, nie później niż "
            "do dnia {due_date}:\n{details}\nNieusunięcie braków spowoduje pozostawienie wniosku "
            "bez rozpoznania. Do czasu uzupełnienia termin załatwienia sprawy nie biegnie."
        ),
        "legal_basis": "art. 64 § 2 KPA",
    },
    "inquiry": {
        "title": "Wystąpienie o informację",
        "body": (
            "{office_name} zwraca się do: {authority} o przekazanie informacji, czy wjazd i pobyt "
            "cudzoziemca {applicant_name} (paszport {passport_number}) na terytorium Rzeczypospolitej "
            "Polskiej może stanowić zagrożenie dla obronności lub bezpieczeństwa państwa albo "
            "bezpieczeństwa i porządku publicznego, w sprawie {case_number} ({application_type}).\n"
            "{details}\nUprzejmie proszę o odpowiedź do dnia {due_date}."
        ),
        "legal_basis": "art. 109 ust. 1 ustawy o cudzoziemcach",
    },
    "decision_granted": {
        "title": "Decyzja nr {decision_number}",
        "body": (
            "Na podstawie {legal_basis}, po rozpatrzeniu wniosku Pana/Pani {applicant_name} z dnia "
            "{filed_on} (sprawa {case_number}), orzekam: udzielić zezwolenia — {application_type}.\n"
            "{details}"
        ),
        "legal_basis": "art. 104 KPA; art. 98 ust. 1 ustawy o cudzoziemcach",
        "reasoning": (
            "Cudzoziemiec spełnia warunki udzielenia zezwolenia. Organ, działając na podstawie art. 107 "
            "§ 4 KPA, odstępuje od uzasadnienia decyzji, ponieważ uwzględnia ona w całości żądanie strony."
        ),
    },
    "decision_refused": {
        "title": "Decyzja nr {decision_number}",
        "body": (
            "Na podstawie {legal_basis}, po rozpatrzeniu wniosku Pana/Pani {applicant_name} z dnia "
            "{filed_on} (sprawa {case_number}), orzekam: odmówić udzielenia zezwolenia — "
            "{application_type}."
        ),
        "legal_basis": "art. 104 KPA; art. 100 ust. 1 ustawy o cudzoziemcach",
        "reasoning": "{details}",
    },
    "decision_discontinued": {
        "title": "Decyzja nr {decision_number}",
        "body": (
            "Na podstawie {legal_basis} umarzam postępowanie w sprawie {case_number} z wniosku "
            "Pana/Pani {applicant_name} z dnia {filed_on}, ponieważ stało się ono bezprzedmiotowe."
        ),
        "legal_basis": "art. 105 § 1 KPA",
        "reasoning": "{details}",
    },
    "decision_left_unexamined": {
        "title": "Pozostawienie wniosku bez rozpoznania — {decision_number}",
        "body": (
            "Na podstawie {legal_basis} wniosek Pana/Pani {applicant_name} z dnia {filed_on} "
            "(sprawa {case_number}) pozostawia się bez rozpoznania."
        ),
        "legal_basis": "art. 64 § 2 KPA",
        "reasoning": "{details}",
    },
}

UK: dict[str, dict[str, str]] = {
    "summons_appear": {
        "title": "Виклик для особистої явки",
        "body": (
            "Шановний(-а) {applicant_name}!\nНа підставі {legal_basis} викликаю Вас особисто з'явитися "
            "до {office_name}, {office_address}, у справі {case_number} до {due_date} з дійсним "
            "паспортом.\n{details}\nНеявка без поважної причини може призвести до залишення заяви без розгляду."
        ),
        "legal_basis": _SUMMONS_BASIS_PL,
    },
    "summons_fingerprints": {
        "title": "Виклик для зняття відбитків пальців",
        "body": (
            "Шановний(-а) {applicant_name}!\nПрошу з'явитися до {office_name}, {office_address}, "
            "до {due_date} для зняття відбитків пальців і підпису (справа {case_number}). "
            "Візьміть із собою дійсний паспорт.\n{details}"
        ),
        "legal_basis": "art. 105 ust. 1 ustawy o cudzoziemcach; " + _SUMMONS_BASIS_PL,
    },
    "summons_supplement": {
        "title": "Виклик для доповнення документів",
        "body": (
            "Шановний(-а) {applicant_name}!\nУ справі {case_number} прошу подати до {due_date}:\n"
            "{details}\nДокументи можна подати в {office_name} або через сторінку справи."
        ),
        "legal_basis": _SUMMONS_BASIS_PL,
    },
    "summons_pay": {
        "title": "Виклик для сплати збору",
        "body": (
            "Шановний(-а) {applicant_name}!\nУ справі {case_number} прошу сплатити до {due_date}: "
            "{details}\nЯкщо збір не буде сплачено вчасно, заяву буде залишено без розгляду."
        ),
        "legal_basis": "art. 261 § 1 KPA; ustawa o opłacie skarbowej (Dz.U. 2025 poz. 1154)",
    },
}

RU: dict[str, dict[str, str]] = {
    "summons_appear": {
        "title": "Вызов для личной явки",
        "body": (
            "Уважаемый(-ая) {applicant_name}!\nНа основании {legal_basis} вызываю Вас лично явиться "
            "в {office_name}, {office_address}, по делу {case_number} до {due_date} с действительным "
            "паспортом.\n{details}\nНеявка без уважительной причины может привести к оставлению "
            "заявления без рассмотрения."
        ),
        "legal_basis": _SUMMONS_BASIS_PL,
    },
    "summons_fingerprints": {
        "title": "Вызов для снятия отпечатков пальцев",
        "body": (
            "Уважаемый(-ая) {applicant_name}!\nПрошу явиться в {office_name}, {office_address}, "
            "до {due_date} для снятия отпечатков пальцев и подписи (дело {case_number}). "
            "Возьмите с собой действительный паспорт.\n{details}"
        ),
        "legal_basis": "art. 105 ust. 1 ustawy o cudzoziemcach; " + _SUMMONS_BASIS_PL,
    },
    "summons_supplement": {
        "title": "Вызов для дополнения документов",
        "body": (
            "Уважаемый(-ая) {applicant_name}!\nПо делу {case_number} прошу представить до {due_date}:\n"
            "{details}\nДокументы можно подать в {office_name} или через страницу дела."
        ),
        "legal_basis": _SUMMONS_BASIS_PL,
    },
    "summons_pay": {
        "title": "Вызов для уплаты сбора",
        "body": (
            "Уважаемый(-ая) {applicant_name}!\nПо делу {case_number} прошу уплатить до {due_date}: "
            "{details}\nЕсли сбор не будет уплачен вовремя, заявление будет оставлено без рассмотрения."
        ),
        "legal_basis": "art. 261 § 1 KPA; ustawa o opłacie skarbowej (Dz.U. 2025 poz. 1154)",
    },
}

SEED: dict[str, dict[str, dict[str, str]]] = {"pl": PL, "uk": UK, "ru": RU}


def ensure_default_templates(office: Any, saved_by: Any = None) -> int:
    """Create the default templates the office does not have yet (version 1); return how many."""
    from ..models import LetterTemplate

    created = 0
    for language, kinds in SEED.items():
        for kind, texts in kinds.items():
            if LetterTemplate.objects.filter(office=office, kind=kind, language=language).exists():
                continue
            fields = {
                "title": texts["title"],
                "body": texts["body"],
                "legal_basis": texts.get("legal_basis", ""),
                "reasoning": texts.get("reasoning", ""),
                "appeal_instruction": APPEAL_PL if kind.startswith("decision_") else "",
                "place": office.city,
                "signatory": "z up. Wojewody — Dyrektor Wydziału Spraw Cudzoziemców",
                "source": SOURCE,
                "effective_from": EFFECTIVE_FROM,
            }
            LetterTemplate(office=office, kind=kind, language=language, **fields).save(saved_by=saved_by)
            created += 1
    return created


def seed_for_demo(office: Any, stdout: Any) -> int:
    """The demo's templates (once: a second run creates none and says nothing)."""
    created = ensure_default_templates(office)
    if created:
        stdout.write(f"  legalisation: {created} letter templates")
    return created
