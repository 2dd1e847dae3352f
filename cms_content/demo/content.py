"""Hand-written demo content of the portal in Polish (source), English, Ukrainian and Russian.

Figures and journal references are demo data to be VERIFIED against the current acts before use.
"""

from __future__ import annotations

from typing import Any

MOS_URL = "https://mos.cudzoziemcy.gov.pl/"

# The acts cited (the law itself: key, title, journal reference and ELI of the act as first published,
# what is still to be confirmed) and their consolidated texts (ELI, later amendments, superseded by).
# Source of the current texts: ../shared/reference/domain.md "Current consolidated texts to cite" (to be
# confirmed in ISAP before release); the superseded texts are the ones this demo cited before.
LEGAL_ACTS = [
    (
        "cudzoziemcy",
        "Ustawa z dnia 12 grudnia 2013 r. o cudzoziemcach",
        "Dz.U. 2013 poz. 1650",
        "DU/2013/1650",
        "",
    ),
    (
        "kpa",
        "Ustawa z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego",
        "Dz.U. 1960 nr 30 poz. 168",
        "DU/1960/168",
        "",
    ),
    (
        "oplata_skarbowa",
        "Ustawa z dnia 16 listopada 2006 r. o opłacie skarbowej",
        "Dz.U. 2006 nr 225 poz. 1635",
        "DU/2006/1635",
        "",
    ),
    (
        "ukraina",
        "Ustawa z dnia 12 marca 2022 r. o pomocy obywatelom Ukrainy w związku z konfliktem zbrojnym na terytorium tego państwa",
        "Dz.U. 2022 poz. 583",
        "DU/2022/583",
        "",
    ),
    (
        "praca",
        "Ustawa z dnia 20 marca 2025 r. o warunkach dopuszczalności powierzania pracy cudzoziemcom na terytorium Rzeczypospolitej Polskiej",
        "Dz.U. 2025 poz. 621",
        "DU/2025/621",
        "",
    ),
    (
        "dostepnosc",
        "Ustawa z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych",
        "Dz.U. 2019 poz. 848",
        "DU/2019/848",
        "",
    ),
    (
        "ochrona",
        "Ustawa z dnia 13 czerwca 2003 r. o udzielaniu cudzoziemcom ochrony na terytorium Rzeczypospolitej Polskiej",
        "Dz.U. 2003 nr 128 poz. 1176",
        "DU/2003/1176",
        "VERIFY: aktualny tekst jednolity – do ustalenia w ISAP (sprawdzenie aktów go uzupełni).",
    ),
]
# act key → [(ELI, later amendments, superseded by ELI or "")], oldest first; the one not superseded is cited
CONSOLIDATED_TEXTS: dict[str, list[tuple[str, str, str]]] = {
    "cudzoziemcy": [
        ("DU/2024/769", "", "DU/2025/1079"),
        ("DU/2025/1079", "Dz.U. 2025 poz. 1794", ""),
    ],
    "kpa": [("DU/2024/572", "", "DU/2025/1691"), ("DU/2025/1691", "", "")],
    "oplata_skarbowa": [("DU/2023/2111", "", "DU/2025/1154"), ("DU/2025/1154", "", "")],
    "ukraina": [("DU/2024/167", "", "DU/2025/337"), ("DU/2025/337", "", "")],
    "praca": [("DU/2025/621", "", "")],  # the act as published; no consolidated text yet
    "dostepnosc": [("DU/2023/1440", "", "")],
    "ochrona": [],
}


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


# --------------------------------------------------------------------------- shared labels
DOCS_HEADING = {
    "pl": "Przygotuj te dokumenty",
    "en": "Prepare these documents",
    "uk": "Підготуйте ці документи",
    "ru": "Подготовьте эти документы",
}
COMMON_DOCS = {
    "pl": [
        "Ważny paszport (kopia wszystkich zapisanych stron)",
        "Aktualne kolorowe zdjęcie 35 × 45 mm",
    ],
    "en": [
        "A valid passport (copy of all pages with entries)",
        "A recent colour photograph, 35 × 45 mm",
    ],
    "uk": [
        "Дійсний паспорт (копія всіх заповнених сторінок)",
        "Актуальна кольорова фотографія 35 × 45 мм",
    ],
    "ru": [
        "Действительный паспорт (копия всех заполненных страниц)",
        "Актуальная цветная фотография 35 × 45 мм",
    ],
}
PHOTO_NOTE = {
    "pl": "Nakrycie głowy noszone ze względów religijnych jest dozwolone, jeśli twarz jest w pełni widoczna.",
    "en": "A head covering worn for religious reasons is allowed if the face is fully visible.",
    "uk": "Головний убір, який носять з релігійних причин, дозволений, якщо обличчя повністю видно.",
    "ru": "Головной убор, который носят по религиозным причинам, допускается, если лицо полностью видно.",
}
PAYMENT_PROOF = {  # the third common document: proof of the fees the procedure has
    "stamp": {
        "pl": "Potwierdzenie zapłaty opłaty skarbowej",
        "en": "Proof of payment of the stamp duty",
        "uk": "Підтвердження сплати гербового збору",
        "ru": "Подтверждение оплаты гербового сбора",
    },
    "card": {
        "pl": "Potwierdzenie zapłaty za wydanie karty pobytu",
        "en": "Proof of payment for issuing the residence card",
        "uk": "Підтвердження оплати за видачу карти побиту",
        "ru": "Подтверждение оплаты за выдачу карты побыту",
    },
}
FEE_SENTENCES = {
    "pl": (
        "Opłata skarbowa: {n} zł (na konto miasta w siedzibie wojewody).",
        "Wydanie karty pobytu: {n} zł (na konto urzędu wojewódzkiego).",
    ),
    "en": (
        "Stamp duty: PLN {n} (to the account of the city at the seat of the voivode).",
        "Issuing the residence card: PLN {n} (to the voivodeship office account).",
    ),
    "uk": (
        "Гербовий збір: {n} зл (на рахунок міста за місцезнаходженням воєводи).",
        "Видача карти побиту: {n} зл (на рахунок воєводського управління).",
    ),
    "ru": (
        "Гербовый сбор: {n} зл (на счёт города по месту нахождения воеводы).",
        "Выдача карты побыту: {n} зл (на счёт воеводского управления).",
    ),
}
FEE_AMOUNTS = {
    "stamp_temp_work": 440,
    "stamp_temp_other": 340,
    "stamp_seasonal": 170,
    "stamp_permanent": 640,
    "stamp_eu_ltr": 640,
    "stamp_visa_extension": 406,
    "stamp_invitation": 27,
    "stamp_cukr": 340,
    "card_issue": 100,
}  # source: ../shared/reference/domain.md, stamp duty table (checked Dec 2026); the catalogue is plugins/payments
# Steps of the procedures as a foreigner sees them; titles are the statuses of case tracking (the case
# plugin's stage names), so the page and the tracking page use the same words. Source: the stages and
# filing routes in ../shared/reference/domain.md (MOS era since 27 April 2026).
STAGE_STEPS: dict[str, dict[str, tuple[str, str]]] = {
    "filed_mos": {
        "pl": (
            "Złożony",
            "Wniosek składasz wyłącznie elektronicznie w module MOS. MOS potwierdza złożenie i wydaje bezpłatne zaświadczenie o złożeniu wniosku – od 27 kwietnia 2026 r. zastępuje ono stempel w paszporcie.",
        ),
        "en": (
            "Filed",
            "You file the application only electronically in the MOS module. MOS confirms the filing and issues a free certificate of filing – since 27 April 2026 it replaces the stamp in the passport.",
        ),
        "uk": (
            "Подано",
            "Заяву подаєте лише електронно в модулі MOS. MOS підтверджує подання і видає безкоштовну довідку про подання заяви – з 27 квітня 2026 р. вона замінює штамп у паспорті.",
        ),
        "ru": (
            "Подано",
            "Заявление подаётся только в электронном виде в модуле MOS. MOS подтверждает подачу и выдаёт бесплатную справку о подаче заявления – с 27 апреля 2026 г. она заменяет штамп в паспорте.",
        ),
    },
    "filed_office": {
        "pl": (
            "Złożony",
            "Wniosek składasz w urzędzie – przez ten portal albo na papierze. Tej sprawy nie załatwia się w module MOS.",
        ),
        "en": (
            "Filed",
            "You file the application with the office – through this portal or on paper. This matter is not filed in the MOS module.",
        ),
        "uk": (
            "Подано",
            "Заяву подаєте до управління – через цей портал або в паперовому вигляді. Цю справу не подають у модулі MOS.",
        ),
        "ru": (
            "Подано",
            "Заявление подаётся в управление – через этот портал или на бумаге. Это дело не подают в модуле MOS.",
        ),
    },
    "filed_card_exchange": {
        "pl": (
            "Złożony",
            "Wniosek składasz w urzędzie; urząd potwierdzi, czy tę sprawę można też załatwić w module MOS.",
        ),
        "en": (
            "Filed",
            "You file the application with the office; the office will confirm whether this matter can also be filed in the MOS module.",
        ),
        "uk": (
            "Подано",
            "Заяву подаєте до управління; управління підтвердить, чи можна подати цю справу також у модулі MOS.",
        ),
        "ru": (
            "Подано",
            "Заявление подаётся в управление; управление подтвердит, можно ли подать это дело также в модуле MOS.",
        ),
    },
    "summons": {
        "pl": (
            "Wezwanie do złożenia odcisków palców",
            "Urząd wzywa Cię do osobistego stawiennictwa: okazujesz paszport, składasz odciski palców i podpis. W tym samym wezwaniu urząd może poprosić o uzupełnienie dokumentów lub opłaty.",
        ),
        "en": (
            "Summons for fingerprints",
            "The office summons you to appear in person: you show your passport and give your fingerprints and signature. The same summons may ask you to complete documents or pay.",
        ),
        "uk": (
            "Виклик для здачі відбитків пальців",
            "Управління викликає вас особисто: ви показуєте паспорт, здаєте відбитки пальців і підпис. У тому самому виклику можуть попросити доповнити документи або оплатити збір.",
        ),
        "ru": (
            "Вызов для сдачи отпечатков пальцев",
            "Управление вызывает вас лично: вы предъявляете паспорт, сдаёте отпечатки пальцев и подпись. В том же вызове могут попросить дополнить документы или оплатить сбор.",
        ),
    },
    "formal_check": {
        "pl": (
            "Kontrola formalna",
            "Urząd sprawdza wniosek. Jeśli czegoś brakuje, dostaniesz wezwanie: 7 dni na usunięcie braków formalnych, 14 dni na dokumenty; w tym czasie termin na decyzję nie biegnie.",
        ),
        "en": (
            "Formal check",
            "The office checks the application. If something is missing you get a summons: 7 days to fix formal defects, 14 days for documents; meanwhile the decision deadline is paused.",
        ),
        "uk": (
            "Формальна перевірка",
            "Управління перевіряє заяву. Якщо чогось бракує, ви отримаєте виклик: 7 днів на усунення формальних недоліків, 14 днів на документи; на цей час строк рішення зупиняється.",
        ),
        "ru": (
            "Формальная проверка",
            "Управление проверяет заявление. Если чего-то не хватает, вы получите вызов: 7 дней на устранение формальных недостатков, 14 дней на документы; на это время срок решения приостанавливается.",
        ),
    },
    "formal_check_simple": {
        "pl": (
            "Kontrola formalna",
            "Urząd sprawdza wniosek i dokumenty. Jeśli czegoś brakuje, dostaniesz wezwanie z terminem na uzupełnienie; w tym czasie termin na załatwienie sprawy nie biegnie.",
        ),
        "en": (
            "Formal check",
            "The office checks the application and the documents. If something is missing you get a summons with a deadline to complete it; meanwhile the time limit for the matter is paused.",
        ),
        "uk": (
            "Формальна перевірка",
            "Управління перевіряє заяву і документи. Якщо чогось бракує, ви отримаєте виклик із терміном для доповнення; на цей час строк розгляду справи зупиняється.",
        ),
        "ru": (
            "Формальная проверка",
            "Управление проверяет заявление и документы. Если чего-то не хватает, вы получите вызов со сроком для дополнения; на это время срок рассмотрения дела приостанавливается.",
        ),
    },
    "opinions": {
        "pl": (
            "Wystąpiono o opinie",
            "Urząd pyta Straż Graniczną, Policję, ABW i w razie potrzeby konsula o informacje, a potem ocenia dowody.",
        ),
        "en": (
            "Opinions requested",
            "The office asks the Border Guard, the Police, the Internal Security Agency (ABW) and, if needed, the consul for information, then reviews the evidence.",
        ),
        "uk": (
            "Запитано висновки",
            "Управління запитує інформацію у Прикордонної служби, Поліції, Агентства внутрішньої безпеки (ABW) і за потреби в консула, а потім розглядає докази.",
        ),
        "ru": (
            "Запрошены заключения",
            "Управление запрашивает информацию у Пограничной службы, Полиции, Агентства внутренней безопасности (ABW) и при необходимости у консула, а затем рассматривает доказательства.",
        ),
    },
    "decision_permit": {
        "pl": (
            "Decyzja",
            "Wojewoda wydaje decyzję. Od odmowy możesz się odwołać do Szefa Urzędu do Spraw Cudzoziemców za pośrednictwem wojewody w ciągu 14 dni od doręczenia.",
        ),
        "en": (
            "Decision",
            "The voivode issues a decision. You can appeal against a refusal to the Head of the Office for Foreigners, through the voivode, within 14 days of delivery.",
        ),
        "uk": (
            "Рішення",
            "Воєвода видає рішення. Відмову можна оскаржити до Голови Управління у справах іноземців через воєводу протягом 14 днів від вручення.",
        ),
        "ru": (
            "Решение",
            "Воевода выносит решение. Отказ можно обжаловать у Главы Управления по делам иностранцев через воеводу в течение 14 дней с момента вручения.",
        ),
    },
    "decision_invitation": {
        "pl": (
            "Decyzja",
            "Wojewoda wpisuje zaproszenie do ewidencji i wydaje je zapraszającemu albo odmawia wpisu decyzją, od której możesz się odwołać w ciągu 14 dni od doręczenia. Z zaproszeniem zaproszona osoba ubiega się o wizę.",
        ),
        "en": (
            "Decision",
            "The voivode enters the invitation in the register and gives it to the person inviting, or refuses by a decision you can appeal within 14 days of delivery. With the invitation the invited person applies for a visa.",
        ),
        "uk": (
            "Рішення",
            "Воєвода вносить запрошення до реєстру і видає його особі, яка запрошує, або відмовляє рішенням, яке можна оскаржити протягом 14 днів від вручення. Із запрошенням запрошена особа подає заяву на візу.",
        ),
        "ru": (
            "Решение",
            "Воевода вносит приглашение в реестр и выдаёт его приглашающему или отказывает решением, которое можно обжаловать в течение 14 дней с момента вручения. С приглашением приглашённый подаёт заявление на визу.",
        ),
    },
    "decision_visa": {
        "pl": (
            "Decyzja",
            "Wojewoda przedłuża wizę albo odmawia przedłużenia decyzją, od której możesz się odwołać w ciągu 14 dni od doręczenia.",
        ),
        "en": (
            "Decision",
            "The voivode extends the visa or refuses by a decision you can appeal within 14 days of delivery.",
        ),
        "uk": (
            "Рішення",
            "Воєвода продовжує візу або відмовляє рішенням, яке можна оскаржити протягом 14 днів від вручення.",
        ),
        "ru": (
            "Решение",
            "Воевода продлевает визу или отказывает решением, которое можно обжаловать в течение 14 дней с момента вручения.",
        ),
    },
    "card": {
        "pl": (
            "Karta do odbioru",
            "Po pozytywnej decyzji urząd zamawia kartę pobytu; dostaniesz informację, kiedy możesz ją odebrać osobiście.",
        ),
        "en": (
            "Card ready for pick-up",
            "After a positive decision the office orders the residence card; you are told when you can collect it in person.",
        ),
        "uk": (
            "Карта готова до отримання",
            "Після позитивного рішення управління замовляє карту побиту; вам повідомлять, коли її можна отримати особисто.",
        ),
        "ru": (
            "Карта готова к получению",
            "После положительного решения управление заказывает карту побыту; вам сообщат, когда её можно получить лично.",
        ),
    },
    "card_only": {
        "pl": (
            "Karta do odbioru",
            "Urząd zamawia nową kartę pobytu; dostaniesz informację, kiedy możesz ją odebrać osobiście.",
        ),
        "en": (
            "Card ready for pick-up",
            "The office orders the new residence card; you are told when you can collect it in person.",
        ),
        "uk": (
            "Карта готова до отримання",
            "Управління замовляє нову карту побиту; вам повідомлять, коли її можна отримати особисто.",
        ),
        "ru": (
            "Карта готова к получению",
            "Управление заказывает новую карту побыту; вам сообщат, когда её можно получить лично.",
        ),
    },
}
# which steps each procedure goes through (a procedure names its outline in PROCEDURES["stages"])
STAGE_OUTLINES: dict[str, tuple[str, ...]] = {
    "mos_residence": ("filed_mos", "summons", "formal_check", "opinions", "decision_permit", "card"),
    "cukr": ("filed_mos", "summons", "formal_check", "decision_permit", "card"),
    "card_exchange": ("filed_card_exchange", "summons", "formal_check_simple", "card_only"),
    "invitation": ("filed_office", "formal_check_simple", "decision_invitation"),
    "visa": ("filed_office", "formal_check_simple", "decision_visa"),
}
STAGES_HEADING = {
    "pl": "Jak przebiega postępowanie",
    "en": "How the procedure goes",
    "uk": "Як проходить процедура",
    "ru": "Как проходит процедура",
}
DEADLINES = {
    "temporary": {
        "pl": [
            (
                "Wydanie decyzji",
                "60 dni",
                "liczone od ostatniego z tych zdarzeń: złożenie wniosku i osobiste stawiennictwo, usunięcie braków formalnych, złożenie dokumentów",
            ),
            ("Usunięcie braków formalnych", "7 dni", "od doręczenia wezwania; termin na decyzję nie biegnie"),
            ("Dostarczenie dokumentów", "14 dni", "od doręczenia wezwania; termin na decyzję nie biegnie"),
            (
                "Odwołanie do Szefa Urzędu do Spraw Cudzoziemców",
                "14 dni",
                "od doręczenia decyzji, za pośrednictwem wojewody",
            ),
        ],
        "en": [
            (
                "Issuing the decision",
                "60 days",
                "counted from the last of: filing and appearing in person, fixing formal defects, submitting the documents",
            ),
            (
                "Fixing formal defects",
                "7 days",
                "from delivery of the summons; the decision deadline is paused",
            ),
            (
                "Submitting documents",
                "14 days",
                "from delivery of the summons; the decision deadline is paused",
            ),
            (
                "Appeal to the Head of the Office for Foreigners",
                "14 days",
                "from delivery of the decision, through the voivode",
            ),
        ],
        "uk": [
            (
                "Видання рішення",
                "60 днів",
                "рахуються від останньої з подій: подання заяви й особиста явка, усунення формальних недоліків, подання документів",
            ),
            ("Усунення формальних недоліків", "7 днів", "від вручення виклику; строк рішення зупиняється"),
            ("Подання документів", "14 днів", "від вручення виклику; строк рішення зупиняється"),
            (
                "Оскарження до Голови Управління у справах іноземців",
                "14 днів",
                "від вручення рішення, через воєводу",
            ),
        ],
        "ru": [
            (
                "Вынесение решения",
                "60 дней",
                "считаются с последнего из событий: подача заявления и личная явка, устранение формальных недостатков, подача документов",
            ),
            (
                "Устранение формальных недостатков",
                "7 дней",
                "с момента вручения вызова; срок решения приостанавливается",
            ),
            ("Подача документов", "14 дней", "с момента вручения вызова; срок решения приостанавливается"),
            (
                "Обжалование у Главы Управления по делам иностранцев",
                "14 дней",
                "с момента вручения решения, через воеводу",
            ),
        ],
    },
    "long": {
        "pl": [
            ("Wydanie decyzji", "6 miesięcy", "od dnia złożenia wniosku"),
            (
                "Odwołanie do Szefa Urzędu do Spraw Cudzoziemców",
                "14 dni",
                "od doręczenia decyzji, za pośrednictwem wojewody",
            ),
        ],
        "en": [
            ("Issuing the decision", "6 months", "from filing the application"),
            (
                "Appeal to the Head of the Office for Foreigners",
                "14 days",
                "from delivery of the decision, through the voivode",
            ),
        ],
        "uk": [
            ("Видання рішення", "6 місяців", "від подання заяви"),
            (
                "Оскарження до Голови Управління у справах іноземців",
                "14 днів",
                "від вручення рішення, через воєводу",
            ),
        ],
        "ru": [
            ("Вынесение решения", "6 месяцев", "с подачи заявления"),
            (
                "Обжалование у Главы Управления по делам иностранцев",
                "14 дней",
                "с момента вручения решения, через воеводу",
            ),
        ],
    },
    "short": {
        "pl": [
            (
                "Załatwienie sprawy",
                "1 miesiąc",
                "2 miesiące w sprawie szczególnie skomplikowanej (art. 35 Kodeksu postępowania administracyjnego)",
            )
        ],
        "en": [
            (
                "Handling the matter",
                "1 month",
                "2 months in a particularly complex case (Article 35 of the Code of Administrative Procedure)",
            )
        ],
        "uk": [
            (
                "Розгляд справи",
                "1 місяць",
                "2 місяці в особливо складній справі (ст. 35 Кодексу адміністративного провадження)",
            )
        ],
        "ru": [
            (
                "Рассмотрение дела",
                "1 месяц",
                "2 месяца в особо сложном деле (ст. 35 Кодекса административного производства)",
            )
        ],
    },
    "none": {"pl": [], "en": [], "uk": [], "ru": []},
}
# where each deadline comes from; ``verify`` = not confirmed in the act yet (an editor must check it)
DEADLINE_SOURCES = {
    "temporary": {
        "source": "../shared/reference/domain.md, Stages: 60 days from the last of filing/appearance, "
        "formal requirements, documents; 7 days formal defects, 14 days documents; appeal 14 days",
        "verify": False,
    },
    "long": {
        "source": "../shared/reference/domain.md, Stages: permanent / EU LTR 6 months per the most recent "
        "source (an older office page says 3 months)",
        "verify": True,
    },
    "short": {"source": "KPA (Dz.U. 2025 poz. 1691) art. 35: 1 month / 2 months", "verify": False},
    "none": {"source": "CUKR: deadline not given by the reference", "verify": True},
}
FORM = {
    "pl": (
        "Wniosek w module MOS",
        "Zaloguj się przez login.gov.pl, profil zaufany lub podpis kwalifikowany. Wpisz dane dokładnie tak, jak w paszporcie, dołącz skany dokumentów w PDF i podpisz wniosek elektronicznie.",
        [
            "Imię i nazwisko zapisane inaczej niż w strefie MRZ paszportu",
            "Zdjęcie starsze niż 6 miesięcy albo nakrycie głowy zasłaniające twarz",
            "Nieaktualny adres do doręczeń w Polsce",
        ],
    ),
    "en": (
        "Application in the MOS module",
        "Log in with login.gov.pl, a trusted profile or a qualified signature. Enter your data exactly as in your passport, attach scans of the documents as PDF and sign the application electronically.",
        [
            "Name spelt differently from the machine-readable zone of the passport",
            "A photograph older than 6 months, or a head covering that hides the face",
            "An out-of-date address for correspondence in Poland",
        ],
    ),
    "uk": (
        "Заява в модулі MOS",
        "Увійдіть через login.gov.pl, довірений профіль або кваліфікований підпис. Вносьте дані точно як у паспорті, додайте скани документів у форматі PDF і підпишіть заяву електронно.",
        [
            "Ім'я та прізвище записані інакше, ніж у машинозчитуваній зоні паспорта",
            "Фотографія старша за 6 місяців або головний убір, що закриває обличчя",
            "Неактуальна адреса для листування в Польщі",
        ],
    ),
    "ru": (
        "Заявление в модуле MOS",
        "Войдите через login.gov.pl, доверенный профиль или квалифицированную подпись. Вносите данные точно как в паспорте, приложите сканы документов в формате PDF и подпишите заявление электронно.",
        [
            "Имя и фамилия записаны иначе, чем в машиночитаемой зоне паспорта",
            "Фотография старше 6 месяцев или головной убор, закрывающий лицо",
            "Неактуальный адрес для корреспонденции в Польше",
        ],
    ),
}
ANNEX_MISTAKE = {  # only for procedures with the employer's annex no. 1
    "pl": "Brak podpisu pracodawcy pod załącznikiem nr 1 (pracodawca podpisuje go przez link, który MOS wysyła e-mailem)",
    "en": "The employer has not signed annex no. 1 (the employer signs it through a link MOS sends by e-mail)",
    "uk": "Роботодавець не підписав додаток № 1 (роботодавець підписує його за посиланням, яке MOS надсилає електронною поштою)",
    "ru": "Работодатель не подписал приложение № 1 (работодатель подписывает его по ссылке, которую MOS присылает по электронной почте)",
}
PAPER_FORM = {
    "pl": (
        "Wniosek papierowy",
        "Wypełnij wniosek drukowanymi literami, po polsku, czarnym lub niebieskim długopisem. Nie zostawiaj pustych pól – wpisz „nie dotyczy”.",
        [
            "Wniosek wypełniony w języku innym niż polski",
            "Puste pola zamiast „nie dotyczy”",
            "Brak własnoręcznego podpisu",
        ],
    ),
    "en": (
        "Paper application",
        "Fill in the application in capital letters, in Polish, with a black or blue pen. Do not leave fields empty – write “nie dotyczy” (not applicable).",
        [
            "The form filled in in a language other than Polish",
            "Empty fields instead of “nie dotyczy”",
            "No handwritten signature",
        ],
    ),
    "uk": (
        "Паперова заява",
        "Заповніть заяву друкованими літерами польською мовою чорною або синьою ручкою. Не залишайте порожніх полів – пишіть «nie dotyczy» (не стосується).",
        [
            "Заява заповнена не польською мовою",
            "Порожні поля замість «nie dotyczy»",
            "Відсутній власноручний підпис",
        ],
    ),
    "ru": (
        "Бумажное заявление",
        "Заполните заявление печатными буквами на польском языке чёрной или синей ручкой. Не оставляйте пустых полей – пишите «nie dotyczy» (не касается).",
        [
            "Заявление заполнено не на польском языке",
            "Пустые поля вместо «nie dotyczy»",
            "Нет собственноручной подписи",
        ],
    ),
}
# --------------------------------------------------------------------------- procedures
PROCEDURES: list[dict[str, Any]] = [
    {
        "code": "temp_work",
        "annex": True,
        "slug": "pobyt-czasowy-i-praca",
        "fees": ["stamp_temp_work", "card_issue"],
        "acts": ["cudzoziemcy", "praca", "oplata_skarbowa"],
        "kind": "temporary",
        "mos": True,
        "pl": (
            "Zezwolenie na pobyt czasowy i pracę",
            "Jedno zezwolenie na legalny pobyt i pracę u konkretnego pracodawcy w Polsce, na okres do 3 lat.",
            "Dla cudzoziemca, który ma lub będzie miał pracę w Polsce i chce tu mieszkać dłużej niż pozwala wiza.",
            [
                "Załącznik nr 1 wypełniony i podpisany przez pracodawcę",
                "Umowa o pracę lub umowa zlecenie",
                "Dokument potwierdzający ubezpieczenie zdrowotne",
            ],
            "praca zezwolenie jednolite karta pobytu",
        ),
        "en": (
            "Temporary residence and work permit",
            "A single permit to live and work for a specific employer in Poland, for up to 3 years.",
            "For a foreigner who has or will have a job in Poland and wants to stay longer than a visa allows.",
            [
                "Annex no. 1 completed and signed by the employer",
                "Employment contract or contract of mandate",
                "Proof of health insurance",
            ],
            "work permit single permit residence card job",
        ),
        "uk": (
            "Дозвіл на тимчасове проживання та роботу",
            "Єдиний дозвіл на законне проживання і роботу в конкретного роботодавця в Польщі строком до 3 років.",
            "Для іноземця, який має або матиме роботу в Польщі й хоче жити тут довше, ніж дозволяє віза.",
            [
                "Додаток № 1, заповнений і підписаний роботодавцем",
                "Трудовий договір або договір доручення",
                "Документ, що підтверджує медичне страхування",
            ],
            "дозвіл на роботу проживання карта побиту працевлаштування",
        ),
        "ru": (
            "Разрешение на временное проживание и работу",
            "Единое разрешение на законное проживание и работу у конкретного работодателя в Польше сроком до 3 лет.",
            "Для иностранца, который имеет или будет иметь работу в Польше и хочет жить здесь дольше, чем позволяет виза.",
            [
                "Приложение № 1, заполненное и подписанное работодателем",
                "Трудовой договор или договор поручения",
                "Документ, подтверждающий медицинскую страховку",
            ],
            "разрешение на работу проживание карта побыту трудоустройство",
        ),
    },
    {
        "code": "temp_blue_card",
        "annex": True,
        "slug": "niebieska-karta-ue",
        "fees": ["stamp_temp_work", "card_issue"],
        "acts": ["cudzoziemcy", "oplata_skarbowa"],
        "kind": "temporary",
        "mos": True,
        "pl": (
            "Niebieska Karta UE",
            "Zezwolenie na pobyt czasowy w celu wykonywania pracy w zawodzie wymagającym wysokich kwalifikacji.",
            "Dla specjalistów z dyplomem ukończenia studiów wyższych, a w zawodach IT – także z co najmniej 3-letnim doświadczeniem zawodowym w ciągu ostatnich 7 lat. Od 1 czerwca 2025 r. wynagrodzenie musi wynosić co najmniej 150% przeciętnego wynagrodzenia.",
            [
                "Umowa o pracę na co najmniej 6 miesięcy",
                "Dyplom, a w zawodach IT – dokumenty potwierdzające 3 lata doświadczenia w ciągu ostatnich 7 lat",
                "Dokument potwierdzający wysokość wynagrodzenia",
            ],
            "blue card wysokie kwalifikacje specjalista",
        ),
        "en": (
            "EU Blue Card",
            "A temporary residence permit for work in a highly qualified profession.",
            "For specialists with a university degree or, in IT occupations, at least 3 years of professional experience in the last 7 years. Since 1 June 2025 the salary must be at least 150% of the average wage.",
            [
                "Employment contract for at least 6 months",
                "Diploma or, in IT occupations, documents proving 3 years of experience in the last 7 years",
                "Document confirming the salary",
            ],
            "blue card highly qualified specialist",
        ),
        "uk": (
            "Блакитна карта ЄС",
            "Дозвіл на тимчасове проживання для роботи за професією, що вимагає високої кваліфікації.",
            "Для фахівців із дипломом про вищу освіту, а в ІТ-професіях – також із щонайменше 3-річним професійним досвідом за останні 7 років. З 1 червня 2025 р. зарплата має становити щонайменше 150% середньої заробітної плати.",
            [
                "Трудовий договір щонайменше на 6 місяців",
                "Диплом, а в ІТ-професіях – документи про 3 роки досвіду за останні 7 років",
                "Документ, що підтверджує розмір зарплати",
            ],
            "блакитна карта висока кваліфікація фахівець",
        ),
        "ru": (
            "Голубая карта ЕС",
            "Разрешение на временное проживание для работы по профессии, требующей высокой квалификации.",
            "Для специалистов с дипломом о высшем образовании, а в ИТ-профессиях – также с не менее чем 3-летним профессиональным опытом за последние 7 лет. С 1 июня 2025 г. зарплата должна составлять не менее 150% средней заработной платы.",
            [
                "Трудовой договор минимум на 6 месяцев",
                "Диплом, а в ИТ-профессиях – документы о 3 годах опыта за последние 7 лет",
                "Документ, подтверждающий размер зарплаты",
            ],
            "голубая карта высокая квалификация специалист",
        ),
    },
    {
        "code": "temp_studies",
        "slug": "pobyt-czasowy-studia",
        "fees": ["stamp_temp_other", "card_issue"],
        "acts": ["cudzoziemcy", "oplata_skarbowa"],
        "kind": "temporary",
        "mos": True,
        "pl": (
            "Pobyt czasowy w celu studiów",
            "Zezwolenie dla studentów uczelni w Polsce, na okres do 3 lat.",
            "Dla cudzoziemca przyjętego na studia stacjonarne lub kontynuującego je w Polsce.",
            [
                "Zaświadczenie z uczelni o przyjęciu lub kontynuacji studiów",
                "Dowód opłacenia czesnego, jeśli studia są płatne",
                "Dokument potwierdzający środki na utrzymanie",
            ],
            "studia student uczelnia",
        ),
        "en": (
            "Temporary residence for studies",
            "A permit for students of Polish universities, for up to 3 years.",
            "For a foreigner admitted to or continuing full-time studies in Poland.",
            [
                "Certificate from the university of admission or continued studies",
                "Proof of paying the tuition fee, if studies are paid",
                "Proof of means of subsistence",
            ],
            "studies student university",
        ),
        "uk": (
            "Тимчасове проживання для навчання",
            "Дозвіл для студентів польських університетів строком до 3 років.",
            "Для іноземця, зарахованого на денну форму навчання або який продовжує навчання в Польщі.",
            [
                "Довідка з університету про зарахування або продовження навчання",
                "Підтвердження оплати навчання, якщо воно платне",
                "Документ, що підтверджує кошти на утримання",
            ],
            "навчання студент університет",
        ),
        "ru": (
            "Временное проживание для учёбы",
            "Разрешение для студентов польских вузов сроком до 3 лет.",
            "Для иностранца, зачисленного на очную форму обучения или продолжающего учёбу в Польше.",
            [
                "Справка из вуза о зачислении или продолжении обучения",
                "Подтверждение оплаты обучения, если оно платное",
                "Документ, подтверждающий средства к существованию",
            ],
            "учёба студент университет",
        ),
    },
    {
        "code": "temp_family",
        "slug": "laczenie-rodzin",
        "fees": ["stamp_temp_other", "card_issue"],
        "acts": ["cudzoziemcy", "oplata_skarbowa"],
        "kind": "temporary",
        "mos": True,
        "pl": (
            "Pobyt czasowy w celu połączenia z rodziną",
            "Zezwolenie dla członka rodziny cudzoziemca, który legalnie mieszka w Polsce.",
            "Dla małżonka i małoletnich dzieci cudzoziemca mającego w Polsce pobyt stały lub co najmniej 2 lata pobytu czasowego.",
            [
                "Akt małżeństwa lub akt urodzenia dziecka z tłumaczeniem przysięgłym",
                "Dokument potwierdzający źródło stabilnego dochodu członka rodziny w Polsce",
                "Tytuł prawny do lokalu",
            ],
            "rodzina małżonek dziecko łączenie",
        ),
        "en": (
            "Temporary residence for family reunification",
            "A permit for a family member of a foreigner who lives legally in Poland.",
            "For the spouse and minor children of a foreigner who holds permanent residence or at least 2 years of temporary residence in Poland.",
            [
                "Marriage or birth certificate with a sworn translation",
                "Proof of a stable income of the family member in Poland",
                "Legal title to the flat",
            ],
            "family spouse child reunification",
        ),
        "uk": (
            "Тимчасове проживання для возз'єднання сім'ї",
            "Дозвіл для члена сім'ї іноземця, який законно проживає в Польщі.",
            "Для чоловіка чи дружини та неповнолітніх дітей іноземця, який має в Польщі дозвіл на постійне проживання або щонайменше 2 роки проживає на підставі дозволу на тимчасове проживання.",
            [
                "Свідоцтво про шлюб або про народження дитини з присяжним перекладом",
                "Документ, що підтверджує стабільний дохід члена сім'ї в Польщі",
                "Правова підстава користування житлом",
            ],
            "сім'я подружжя дитина возз'єднання",
        ),
        "ru": (
            "Временное проживание для воссоединения семьи",
            "Разрешение для члена семьи иностранца, законно проживающего в Польше.",
            "Для супруга и несовершеннолетних детей иностранца, имеющего в Польше разрешение на постоянное проживание или не менее 2 лет проживающего на основании разрешения на временное проживание.",
            [
                "Свидетельство о браке или о рождении ребёнка с присяжным переводом",
                "Документ, подтверждающий стабильный доход члена семьи в Польше",
                "Правовое основание пользования жильём",
            ],
            "семья супруг ребёнок воссоединение",
        ),
    },
    {
        "code": "temp_spouse",
        "slug": "malzonek-obywatela-polski",
        "fees": ["stamp_temp_other", "card_issue"],
        "acts": ["cudzoziemcy", "oplata_skarbowa"],
        "kind": "temporary",
        "mos": True,
        "pl": (
            "Pobyt czasowy małżonka obywatela polskiego",
            "Zezwolenie dla cudzoziemca pozostającego w związku małżeńskim z obywatelem Polski.",
            "Dla małżonka obywatela polskiego, jeśli małżeństwo zostało zawarte lub uznane zgodnie z polskim prawem.",
            [
                "Polski akt małżeństwa (odpis zupełny)",
                "Kopia dowodu osobistego małżonka",
                "Obecność małżonka podczas wizyty w urzędzie",
            ],
            "małżonek żona mąż obywatel polski",
        ),
        "en": (
            "Temporary residence for the spouse of a Polish citizen",
            "A permit for a foreigner married to a Polish citizen.",
            "For the spouse of a Polish citizen, where the marriage was concluded or recognised under Polish law.",
            [
                "Polish marriage certificate (full copy)",
                "Copy of the spouse's identity card",
                "The spouse attends the visit at the office",
            ],
            "spouse wife husband polish citizen marriage",
        ),
        "uk": (
            "Тимчасове проживання для чоловіка або дружини громадянина Польщі",
            "Дозвіл для іноземця, який перебуває у шлюбі з громадянином Польщі.",
            "Для чоловіка чи дружини громадянина Польщі, якщо шлюб укладено або визнано за польським правом.",
            [
                "Польське свідоцтво про шлюб (повний витяг)",
                "Копія посвідчення особи чоловіка або дружини",
                "Присутність чоловіка або дружини під час візиту",
            ],
            "шлюб дружина чоловік громадянин Польщі",
        ),
        "ru": (
            "Временное проживание супруга гражданина Польши",
            "Разрешение для иностранца, состоящего в браке с гражданином Польши.",
            "Для супруга гражданина Польши, если брак заключён или признан по польскому праву.",
            [
                "Польское свидетельство о браке (полная выписка)",
                "Копия удостоверения личности супруга",
                "Присутствие супруга во время визита",
            ],
            "брак жена муж гражданин Польши",
        ),
    },
    {
        "code": "temp_business",
        "slug": "dzialalnosc-gospodarcza",
        "fees": ["stamp_temp_other", "card_issue"],
        "acts": ["cudzoziemcy", "oplata_skarbowa"],
        "kind": "temporary",
        "mos": True,
        "pl": (
            "Pobyt czasowy w celu prowadzenia działalności gospodarczej",
            "Zezwolenie dla przedsiębiorców prowadzących firmę w Polsce.",
            "Dla cudzoziemca, który prowadzi w Polsce firmę przynoszącą dochód lub zatrudniającą co najmniej dwóch pracowników.",
            [
                "Wpis do KRS lub CEIDG",
                "Zeznania podatkowe i deklaracje ZUS za ostatni rok",
                "Biznesplan, jeśli firma działa krócej niż rok",
            ],
            "firma spółka przedsiębiorca działalność",
        ),
        "en": (
            "Temporary residence for running a business",
            "A permit for entrepreneurs running a company in Poland.",
            "For a foreigner who runs a business in Poland that makes a profit or employs at least two workers.",
            [
                "Entry in the National Court Register (KRS) or CEIDG",
                "Tax returns and social insurance (ZUS) declarations for the last year",
                "A business plan, if the company is less than a year old",
            ],
            "business company entrepreneur self-employed",
        ),
        "uk": (
            "Тимчасове проживання для ведення підприємницької діяльності",
            "Дозвіл для підприємців, які ведуть бізнес у Польщі.",
            "Для іноземця, який веде в Польщі прибуткову фірму або фірму, що працевлаштовує щонайменше двох працівників.",
            [
                "Запис у KRS або CEIDG",
                "Податкові декларації та декларації ZUS за останній рік",
                "Бізнес-план, якщо фірма працює менше року",
            ],
            "фірма компанія підприємець бізнес",
        ),
        "ru": (
            "Временное проживание для ведения предпринимательской деятельности",
            "Разрешение для предпринимателей, ведущих бизнес в Польше.",
            "Для иностранца, который ведёт в Польше прибыльную фирму или фирму, где работают не менее двух сотрудников.",
            [
                "Запись в KRS или CEIDG",
                "Налоговые декларации и декларации ZUS за последний год",
                "Бизнес-план, если фирма работает меньше года",
            ],
            "фирма компания предприниматель бизнес",
        ),
    },
    {
        "code": "temp_seasonal",
        "annex": True,
        "slug": "praca-sezonowa",
        "fees": ["stamp_seasonal", "card_issue"],
        "acts": ["cudzoziemcy", "praca", "oplata_skarbowa"],
        "kind": "temporary",
        "mos": True,
        "pl": (
            "Pobyt czasowy w celu pracy sezonowej",
            "Zezwolenie na pobyt dla pracowników sezonowych w rolnictwie, ogrodnictwie i turystyce.",
            "Dla cudzoziemca z wpisem wniosku o pracę sezonową do ewidencji urzędu pracy.",
            [
                "Zaświadczenie o wpisie wniosku do ewidencji wniosków w sprawie pracy sezonowej",
                "Umowa z pracodawcą",
                "Dokument potwierdzający zakwaterowanie",
            ],
            "praca sezonowa rolnictwo zbiory",
        ),
        "en": (
            "Temporary residence for seasonal work",
            "A residence permit for seasonal workers in agriculture, horticulture and tourism.",
            "For a foreigner whose seasonal work application is entered in the labour office register.",
            [
                "Certificate of entry of the seasonal work application in the register",
                "Contract with the employer",
                "Proof of accommodation",
            ],
            "seasonal work agriculture harvest",
        ),
        "uk": (
            "Тимчасове проживання для сезонної роботи",
            "Дозвіл на проживання для сезонних працівників у сільському господарстві, садівництві та туризмі.",
            "Для іноземця, заяву якого на сезонну роботу внесено до реєстру центру зайнятості.",
            [
                "Довідка про внесення заяви до реєстру заяв на сезонну роботу",
                "Договір з роботодавцем",
                "Документ, що підтверджує житло",
            ],
            "сезонна робота сільське господарство збір урожаю",
        ),
        "ru": (
            "Временное проживание для сезонной работы",
            "Разрешение на проживание для сезонных работников в сельском хозяйстве, садоводстве и туризме.",
            "Для иностранца, чьё заявление на сезонную работу внесено в реестр центра занятости.",
            [
                "Справка о внесении заявления в реестр заявлений на сезонную работу",
                "Договор с работодателем",
                "Документ, подтверждающий жильё",
            ],
            "сезонная работа сельское хозяйство сбор урожая",
        ),
    },
    {
        "code": "permanent",
        "slug": "pobyt-staly",
        "fees": ["stamp_permanent", "card_issue"],
        "acts": ["cudzoziemcy", "oplata_skarbowa"],
        "kind": "long",
        "mos": True,
        "pl": (
            "Zezwolenie na pobyt stały",
            "Zezwolenie na pobyt bez ograniczenia czasowego; karta pobytu ważna 10 lat.",
            "Między innymi dla osób polskiego pochodzenia, posiadaczy Karty Polaka, dzieci obywateli polskich oraz małżonków obywateli polskich, jeśli małżeństwo trwa co najmniej 3 lata, a bezpośrednio przed złożeniem wniosku przebywali w Polsce nieprzerwanie co najmniej 2 lata na podstawie zezwolenia na pobyt czasowy.",
            [
                "Dokumenty potwierdzające polskie pochodzenie lub Karta Polaka",
                "Akt urodzenia lub akt małżeństwa; małżonek obywatela polskiego – także karta pobytu potwierdzająca 2 lata pobytu czasowego",
                "Dokument potwierdzający zameldowanie",
            ],
            "pobyt stały karta polaka pochodzenie",
        ),
        "en": (
            "Permanent residence permit",
            "A residence permit without time limit; the residence card is valid for 10 years.",
            "Among others for people of Polish origin, holders of the Pole's Card, children of Polish citizens and spouses of Polish citizens married for at least 3 years who, right before filing, have lived in Poland continuously for at least 2 years on a temporary residence permit.",
            [
                "Documents proving Polish origin or the Pole's Card",
                "Birth or marriage certificate; a spouse of a Polish citizen also the residence card showing 2 years of temporary residence",
                "Proof of registered address",
            ],
            "permanent residence pole's card origin",
        ),
        "uk": (
            "Дозвіл на постійне проживання",
            "Дозвіл на проживання без обмеження строку; карта побиту дійсна 10 років.",
            "Зокрема для осіб польського походження, власників Карти поляка, дітей громадян Польщі та чоловіків чи дружин громадян Польщі, якщо шлюб триває щонайменше 3 роки, а безпосередньо перед поданням заяви вони щонайменше 2 роки безперервно проживали в Польщі на підставі дозволу на тимчасове проживання.",
            [
                "Документи, що підтверджують польське походження, або Карта поляка",
                "Свідоцтво про народження або про шлюб; чоловік чи дружина громадянина Польщі – також карта побиту, що підтверджує 2 роки тимчасового проживання",
                "Документ про реєстрацію місця проживання",
            ],
            "постійне проживання карта поляка походження",
        ),
        "ru": (
            "Разрешение на постоянное проживание",
            "Разрешение на проживание без ограничения срока; карта побыту действительна 10 лет.",
            "В том числе для лиц польского происхождения, владельцев Карты поляка, детей граждан Польши и супругов граждан Польши, если брак длится не менее 3 лет, а непосредственно перед подачей заявления они не менее 2 лет непрерывно проживали в Польше на основании разрешения на временное проживание.",
            [
                "Документы, подтверждающие польское происхождение, или Карта поляка",
                "Свидетельство о рождении или о браке; супруг гражданина Польши – также карта побыту, подтверждающая 2 года временного проживания",
                "Документ о регистрации по месту жительства",
            ],
            "постоянное проживание карта поляка происхождение",
        ),
    },
    {
        "code": "eu_ltr",
        "slug": "rezydent-dlugoterminowy-ue",
        "fees": ["stamp_eu_ltr", "card_issue"],
        "acts": ["cudzoziemcy", "oplata_skarbowa"],
        "kind": "long",
        "mos": True,
        "pl": (
            "Zezwolenie na pobyt rezydenta długoterminowego UE",
            "Stały status w Polsce dający też ułatwienia w przeprowadzce do innych państw UE.",
            "Dla osób, które mieszkają w Polsce legalnie i nieprzerwanie co najmniej 5 lat, mają stabilny dochód, ubezpieczenie i znają polski na poziomie B1.",
            [
                "Zaświadczenie o znajomości języka polskiego na poziomie B1",
                "Dokumenty potwierdzające dochód z ostatnich 3 lat",
                "Dokument potwierdzający ubezpieczenie zdrowotne",
            ],
            "rezydent długoterminowy ue 5 lat b1",
        ),
        "en": (
            "EU long-term resident permit",
            "A permanent status in Poland that also makes moving to other EU countries easier.",
            "For people who have lived in Poland legally and continuously for at least 5 years, have a stable income, insurance and Polish at B1 level.",
            [
                "Certificate of Polish language at B1 level",
                "Documents proving income for the last 3 years",
                "Proof of health insurance",
            ],
            "eu long-term resident 5 years b1",
        ),
        "uk": (
            "Дозвіл на проживання довгострокового резидента ЄС",
            "Постійний статус у Польщі, який також полегшує переїзд до інших країн ЄС.",
            "Для осіб, які законно й безперервно проживають у Польщі щонайменше 5 років, мають стабільний дохід, страхування і знають польську на рівні B1.",
            [
                "Сертифікат знання польської мови на рівні B1",
                "Документи про дохід за останні 3 роки",
                "Документ, що підтверджує медичне страхування",
            ],
            "довгостроковий резидент єс 5 років b1",
        ),
        "ru": (
            "Разрешение на проживание долгосрочного резидента ЕС",
            "Постоянный статус в Польше, который также упрощает переезд в другие страны ЕС.",
            "Для лиц, законно и непрерывно проживающих в Польше не менее 5 лет, имеющих стабильный доход, страховку и знающих польский на уровне B1.",
            [
                "Сертификат знания польского языка на уровне B1",
                "Документы о доходе за последние 3 года",
                "Документ, подтверждающий медицинскую страховку",
            ],
            "долгосрочный резидент ес 5 лет b1",
        ),
    },
    {
        "code": "card_exchange",
        "stages": "card_exchange",
        "slug": "wymiana-karty-pobytu",
        "fees": ["card_issue"],
        "acts": ["cudzoziemcy"],
        "kind": "short",
        "mos": False,
        "pl": (
            "Wymiana karty pobytu",
            "Nowa karta, gdy zmieniły się Twoje dane, wizerunek twarzy albo karta jest uszkodzona.",
            "Dla posiadacza karty pobytu, który zmienił nazwisko lub adres, albo którego karta jest zniszczona lub traci ważność przy ważnym zezwoleniu na pobyt stały.",
            ["Dotychczasowa karta pobytu", "Dokument potwierdzający zmianę danych, np. akt małżeństwa"],
            "karta pobytu wymiana zmiana nazwiska zgubiona",
        ),
        "en": (
            "Residence card exchange",
            "A new card when your data or appearance have changed or the card is damaged.",
            "For a residence card holder who changed name or address, or whose card is damaged or expiring while the permanent permit remains valid.",
            ["The current residence card", "Proof of the change of data, e.g. a marriage certificate"],
            "residence card exchange change of name lost",
        ),
        "uk": (
            "Обмін карти побиту",
            "Нова карта, коли змінилися ваші дані, зовнішність або карта пошкоджена.",
            "Для власника карти побиту, який змінив прізвище чи адресу, або чия карта пошкоджена чи закінчується при чинному дозволі на постійне проживання.",
            ["Чинна карта побиту", "Документ, що підтверджує зміну даних, напр. свідоцтво про шлюб"],
            "карта побиту обмін зміна прізвища загублена",
        ),
        "ru": (
            "Обмен карты побыту",
            "Новая карта, если изменились ваши данные, внешность или карта повреждена.",
            "Для владельца карты побыту, сменившего фамилию или адрес, или если карта повреждена либо истекает при действующем разрешении на постоянное проживание.",
            [
                "Действующая карта побыту",
                "Документ, подтверждающий изменение данных, напр. свидетельство о браке",
            ],
            "карта побыту обмен смена фамилии утеряна",
        ),
    },
    {
        "code": "invitation",
        "stages": "invitation",
        "slug": "zaproszenie",
        "fees": ["stamp_invitation"],
        "acts": ["cudzoziemcy", "oplata_skarbowa"],
        "kind": "short",
        "mos": False,
        "pl": (
            "Zaproszenie dla cudzoziemca",
            "Wpis zaproszenia do ewidencji pozwala zaproszonej osobie ubiegać się o wizę.",
            "Dla obywatela polskiego lub cudzoziemca mieszkającego w Polsce na stałe, który chce zaprosić osobę z zagranicy.",
            [
                "Dokumenty potwierdzające środki na pokrycie kosztów pobytu zaproszonego",
                "Tytuł prawny do lokalu, w którym zamieszka gość",
                "Dane paszportowe zaproszonego",
            ],
            "zaproszenie wiza gość rodzina",
        ),
        "en": (
            "Invitation for a foreigner",
            "Entering an invitation in the register lets the invited person apply for a visa.",
            "For a Polish citizen or a foreigner permanently living in Poland who wants to invite someone from abroad.",
            [
                "Proof of means to cover the guest's stay",
                "Legal title to the flat where the guest will live",
                "Passport details of the invited person",
            ],
            "invitation visa guest family",
        ),
        "uk": (
            "Запрошення для іноземця",
            "Внесення запрошення до реєстру дає запрошеній особі змогу подати заяву на візу.",
            "Для громадянина Польщі або іноземця, який постійно проживає в Польщі й хоче запросити особу з-за кордону.",
            [
                "Документи про кошти на покриття витрат гостя в Польщі",
                "Правова підстава користування житлом, де житиме гість",
                "Паспортні дані запрошеної особи",
            ],
            "запрошення віза гість родина",
        ),
        "ru": (
            "Приглашение для иностранца",
            "Внесение приглашения в реестр позволяет приглашённому подать заявление на визу.",
            "Для гражданина Польши или иностранца, постоянно проживающего в Польше, который хочет пригласить человека из-за границы.",
            [
                "Документы о средствах на покрытие расходов гостя в Польше",
                "Правовое основание пользования жильём, где будет жить гость",
                "Паспортные данные приглашённого",
            ],
            "приглашение виза гость семья",
        ),
    },
    {
        "code": "visa_extension",
        "stages": "visa",
        "fees_text": {
            "pl": "Opłata skarbowa za przedłużenie wizy krajowej: 406 zł (na konto miasta w siedzibie wojewody). Przedłużenie wizy Schengen kosztuje równowartość 30 euro w złotych.",
            "en": "Stamp duty for extending a national visa: PLN 406 (to the account of the city at the seat of the voivode). Extending a Schengen visa costs the equivalent of EUR 30 in zloty.",
            "uk": "Гербовий збір за продовження національної візи: 406 зл (на рахунок міста за місцезнаходженням воєводи). Продовження шенгенської візи коштує еквівалент 30 євро в злотих.",
            "ru": "Гербовый сбор за продление национальной визы: 406 зл (на счёт города по месту нахождения воеводы). Продление шенгенской визы стоит эквивалент 30 евро в злотых.",
        },
        "slug": "przedluzenie-wizy",
        "fees": ["stamp_visa_extension", "stamp_schengen_visa_extension"],
        "acts": ["cudzoziemcy", "oplata_skarbowa"],
        "kind": "short",
        "mos": False,
        "pl": (
            "Przedłużenie wizy",
            "Przedłużenie wizy krajowej lub Schengen, gdy nie możesz wyjechać z ważnych przyczyn.",
            "Dla cudzoziemca, który z przyczyn niezależnych od siebie (np. choroba, klęska żywiołowa) nie może wyjechać przed końcem ważności wizy.",
            [
                "Dokumenty potwierdzające przyczynę, np. zaświadczenie lekarskie",
                "Dokument potwierdzający środki na utrzymanie",
                "Bilet powrotny lub rezerwacja",
            ],
            "wiza przedłużenie schengen",
        ),
        "en": (
            "Visa extension",
            "Extending a national or Schengen visa when you cannot leave for important reasons.",
            "For a foreigner who, for reasons beyond their control (e.g. illness, natural disaster), cannot leave before the visa expires.",
            [
                "Documents proving the reason, e.g. a medical certificate",
                "Proof of means of subsistence",
                "Return ticket or booking",
            ],
            "visa extension schengen",
        ),
        "uk": (
            "Продовження візи",
            "Продовження національної або шенгенської візи, коли ви не можете виїхати з важливих причин.",
            "Для іноземця, який з незалежних від нього причин (напр. хвороба, стихійне лихо) не може виїхати до закінчення строку дії візи.",
            [
                "Документи, що підтверджують причину, напр. медична довідка",
                "Документ, що підтверджує кошти на утримання",
                "Зворотний квиток або бронювання",
            ],
            "віза продовження шенген",
        ),
        "ru": (
            "Продление визы",
            "Продление национальной или шенгенской визы, если вы не можете выехать по важным причинам.",
            "Для иностранца, который по независящим от него причинам (напр. болезнь, стихийное бедствие) не может выехать до окончания срока визы.",
            [
                "Документы, подтверждающие причину, напр. медицинская справка",
                "Документ, подтверждающий средства к существованию",
                "Обратный билет или бронирование",
            ],
            "виза продление шенген",
        ),
    },
    {
        "code": "cukr",
        "stages": "cukr",
        "slug": "karta-cukr",
        "fees": ["stamp_cukr", "card_issue"],
        "acts": ["ukraina", "cudzoziemcy", "oplata_skarbowa"],
        "kind": "none",
        "mos": True,
        "pl": (
            "Karta pobytu CUKR dla obywateli Ukrainy",
            "Karta pobytu z adnotacją CUKR dla obywateli Ukrainy ze statusem UKR w rejestrze PESEL.",
            "Dla obywatela Ukrainy, który ma status UKR w rejestrze PESEL nieprzerwanie od co najmniej 365 dni.",
            ["Paszport lub inny dokument tożsamości", "Numer PESEL ze statusem UKR", "Aktualne zdjęcie"],
            "cukr ukraina pesel ukr karta",
        ),
        "en": (
            "CUKR residence card for Ukrainian citizens",
            "A residence card marked CUKR for Ukrainian citizens with UKR status in the PESEL register.",
            "For a Ukrainian citizen who has held UKR status in the PESEL register continuously for at least 365 days.",
            ["Passport or other identity document", "PESEL number with UKR status", "A recent photograph"],
            "cukr ukraine pesel ukr card",
        ),
        "uk": (
            "Карта побиту CUKR для громадян України",
            "Карта побиту з позначкою CUKR для громадян України зі статусом UKR у реєстрі PESEL.",
            "Для громадянина України, який має статус UKR у реєстрі PESEL безперервно щонайменше 365 днів.",
            [
                "Паспорт або інший документ, що посвідчує особу",
                "Номер PESEL зі статусом UKR",
                "Актуальна фотографія",
            ],
            "cukr україна песель ukr карта побиту",
        ),
        "ru": (
            "Карта побыту CUKR для граждан Украины",
            "Карта побыту с отметкой CUKR для граждан Украины со статусом UKR в реестре PESEL.",
            "Для гражданина Украины, имеющего статус UKR в реестре PESEL непрерывно не менее 365 дней.",
            [
                "Паспорт или другой документ, удостоверяющий личность",
                "Номер PESEL со статусом UKR",
                "Актуальная фотография",
            ],
            "cukr украина песель ukr карта побыту",
        ),
    },
    {
        "code": "temp_ict",
        "slug": "przeniesienie-wewnatrz-przedsiebiorstwa",
        "fees": ["stamp_temp_work", "card_issue"],
        "acts": ["cudzoziemcy", "oplata_skarbowa"],
        "kind": "temporary",
        "mos": True,
        "pl": (
            "Pobyt czasowy – przeniesienie wewnątrz przedsiębiorstwa (ICT)",
            "Zezwolenie dla kadry kierowniczej, specjalistów i stażystów delegowanych do polskiego oddziału firmy spoza UE.",
            "Dla pracownika firmy spoza UE przenoszonego do jej jednostki w Polsce: kadra kierownicza i specjaliści muszą być zatrudnieni w grupie przedsiębiorstw co najmniej 12 miesięcy, pracownicy odbywający staż – co najmniej 6 miesięcy.",
            [
                "Pismo o przeniesieniu z opisem stanowiska i wynagrodzenia",
                "Dokument potwierdzający zatrudnienie w grupie przedsiębiorstw",
                "Dokument potwierdzający kwalifikacje zawodowe",
            ],
            "ict delegowanie oddział korporacja",
        ),
        "en": (
            "Temporary residence – intra-corporate transfer (ICT)",
            "A permit for managers, specialists and trainees sent to the Polish branch of a non-EU company.",
            "For an employee of a non-EU company transferred to its unit in Poland: managers and specialists must have been employed in the group for at least 12 months, trainees for at least 6 months.",
            [
                "Assignment letter describing the position and pay",
                "Proof of employment in the group of undertakings",
                "Proof of professional qualifications",
            ],
            "ict transfer branch corporation",
        ),
        "uk": (
            "Тимчасове проживання – внутрішньокорпоративне переведення (ICT)",
            "Дозвіл для керівників, фахівців і стажистів, направлених до польського підрозділу компанії з-поза ЄС.",
            "Для працівника компанії з-поза ЄС, якого переводять до її підрозділу в Польщі: керівники й фахівці мають працювати в групі підприємств щонайменше 12 місяців, стажисти – щонайменше 6 місяців.",
            [
                "Лист про переведення з описом посади та зарплати",
                "Документ, що підтверджує працевлаштування в групі підприємств",
                "Документ, що підтверджує професійну кваліфікацію",
            ],
            "ict переведення філія корпорація",
        ),
        "ru": (
            "Временное проживание – внутрикорпоративный перевод (ICT)",
            "Разрешение для руководителей, специалистов и стажёров, направленных в польское подразделение компании из-за пределов ЕС.",
            "Для работника компании из-за пределов ЕС, которого переводят в её подразделение в Польше: руководители и специалисты должны работать в группе предприятий не менее 12 месяцев, стажёры – не менее 6 месяцев.",
            [
                "Письмо о переводе с описанием должности и зарплаты",
                "Документ, подтверждающий работу в группе предприятий",
                "Документ, подтверждающий профессиональную квалификацию",
            ],
            "ict перевод филиал корпорация",
        ),
    },
    {
        "code": "temp_research",
        "slug": "badania-naukowe",
        "fees": ["stamp_temp_other", "card_issue"],
        "acts": ["cudzoziemcy", "oplata_skarbowa"],
        "kind": "temporary",
        "mos": True,
        "pl": (
            "Pobyt czasowy w celu prowadzenia badań naukowych",
            "Zezwolenie dla naukowców realizujących projekt badawczy w polskiej jednostce naukowej.",
            "Dla naukowca, który zawarł umowę o przyjęciu w celu realizacji projektu badawczego z zatwierdzoną jednostką naukową.",
            [
                "Umowa o przyjęciu zawarta z jednostką naukową",
                "Dokument potwierdzający stopień naukowy lub dyplom",
                "Dokument potwierdzający ubezpieczenie zdrowotne",
            ],
            "naukowiec badania projekt uczelnia",
        ),
        "en": (
            "Temporary residence for scientific research",
            "A permit for researchers carrying out a research project at a Polish research organisation.",
            "For a researcher who has signed a hosting agreement for a research project with an approved research organisation.",
            [
                "Hosting agreement with the research organisation",
                "Proof of the academic degree or diploma",
                "Proof of health insurance",
            ],
            "researcher research project university",
        ),
        "uk": (
            "Тимчасове проживання для наукових досліджень",
            "Дозвіл для науковців, які виконують дослідницький проєкт у польській науковій установі.",
            "Для науковця, який уклав угоду про прийом для виконання дослідницького проєкту із затвердженою науковою установою.",
            [
                "Угода про прийом, укладена з науковою установою",
                "Документ про науковий ступінь або диплом",
                "Документ, що підтверджує медичне страхування",
            ],
            "науковець дослідження проєкт університет",
        ),
        "ru": (
            "Временное проживание для научных исследований",
            "Разрешение для учёных, выполняющих исследовательский проект в польском научном учреждении.",
            "Для учёного, заключившего соглашение о приёме для выполнения исследовательского проекта с утверждённым научным учреждением.",
            [
                "Соглашение о приёме, заключённое с научным учреждением",
                "Документ об учёной степени или диплом",
                "Документ, подтверждающий медицинскую страховку",
            ],
            "учёный исследование проект университет",
        ),
    },
    {
        "code": "temp_other",
        "slug": "pobyt-czasowy-inne-okolicznosci",
        "fees": ["stamp_temp_other", "card_issue"],
        "acts": ["cudzoziemcy", "oplata_skarbowa"],
        "kind": "temporary",
        "mos": True,
        "pl": (
            "Pobyt czasowy ze względu na inne okoliczności",
            "Zezwolenie, gdy Twój cel pobytu nie pasuje do innych rodzajów zezwoleń, np. leczenie lub opieka nad krewnym.",
            "Dla cudzoziemca, którego pobyt w Polsce jest uzasadniony okolicznością wymagającą krótkotrwałego lub dłuższego pobytu.",
            [
                "Dokumenty uzasadniające cel pobytu, np. zaświadczenie ze szpitala",
                "Dokument potwierdzający środki na utrzymanie",
                "Tytuł prawny do lokalu",
            ],
            "inne okoliczności leczenie opieka",
        ),
        "en": (
            "Temporary residence for other circumstances",
            "A permit when the purpose of your stay does not fit other permits, e.g. medical treatment or caring for a relative.",
            "For a foreigner whose stay in Poland is justified by a circumstance requiring a short or longer stay.",
            [
                "Documents justifying the purpose, e.g. a hospital certificate",
                "Proof of means of subsistence",
                "Legal title to the flat",
            ],
            "other circumstances treatment care",
        ),
        "uk": (
            "Тимчасове проживання з огляду на інші обставини",
            "Дозвіл, коли мета вашого приїзду не підходить під інші дозволи, напр. лікування або догляд за родичем.",
            "Для іноземця, чиє проживання в Польщі обґрунтоване обставиною, що вимагає короткочасного або тривалішого проживання.",
            [
                "Документи, що обґрунтовують мету, напр. довідка з лікарні",
                "Документ, що підтверджує кошти на утримання",
                "Правова підстава користування житлом",
            ],
            "інші обставини лікування догляд",
        ),
        "ru": (
            "Временное проживание в связи с другими обстоятельствами",
            "Разрешение, если цель вашего приезда не подходит под другие разрешения, напр. лечение или уход за родственником.",
            "Для иностранца, чьё проживание в Польше обосновано обстоятельством, требующим кратковременного или более длительного проживания.",
            [
                "Документы, обосновывающие цель, напр. справка из больницы",
                "Документ, подтверждающий средства к существованию",
                "Правовое основание пользования жильём",
            ],
            "другие обстоятельства лечение уход",
        ),
    },
    {
        "code": "temp_mobility",
        "slug": "mobilnosc-dlugoterminowa",
        "fees": ["stamp_temp_work", "stamp_temp_other", "card_issue"],
        "fees_text": {
            "pl": "Opłata skarbowa: 440 zł przy mobilności długoterminowej w ramach przeniesienia wewnątrz przedsiębiorstwa (ICT), 340 zł przy mobilności długoterminowej naukowca (na konto miasta w siedzibie wojewody). Wydanie karty pobytu: 100 zł (na konto urzędu wojewódzkiego).",
            "en": "Stamp duty: PLN 440 for long-term mobility of an intra-corporate transferee (ICT), PLN 340 for long-term mobility of a researcher (to the account of the city at the seat of the voivode). Issuing the residence card: PLN 100 (to the voivodeship office account).",
            "uk": "Гербовий збір: 440 зл за довгострокову мобільність у межах внутрішньокорпоративного переведення (ICT), 340 зл за довгострокову мобільність науковця (на рахунок міста за місцезнаходженням воєводи). Видача карти побиту: 100 зл (на рахунок воєводського управління).",
            "ru": "Гербовый сбор: 440 зл за долгосрочную мобильность в рамках внутрикорпоративного перевода (ICT), 340 зл за долгосрочную мобильность учёного (на счёт города по месту нахождения воеводы). Выдача карты побыту: 100 зл (на счёт воеводского управления).",
        },
        "acts": ["cudzoziemcy", "oplata_skarbowa"],
        "kind": "temporary",
        "mos": True,
        "pl": (
            "Pobyt czasowy w celu mobilności długoterminowej",
            "Zezwolenie dla osób z dokumentem pobytowym innego państwa UE (ICT lub naukowiec), które przyjeżdżają do Polski na dłużej niż pozwala powiadomienie o mobilności krótkoterminowej.",
            "Dla posiadacza zezwolenia ICT z innego państwa UE, który będzie pracował w Polsce dłużej niż 90 dni, oraz naukowca z zezwoleniem innego państwa UE, który będzie prowadził badania w Polsce dłużej niż 180 dni w okresie 360 dni. Krótszy pobyt naukowca wymaga tylko powiadomienia.",
            [
                "Dokument pobytowy wydany przez inne państwo UE",
                "Umowa lub pismo o przeniesieniu do jednostki w Polsce",
                "Dokument potwierdzający ubezpieczenie zdrowotne",
            ],
            "mobilność długoterminowa inne państwo ue",
        ),
        "en": (
            "Temporary residence for long-term mobility",
            "A permit for holders of another EU country's residence document (ICT or researcher) coming to Poland for longer than a short-term mobility notification allows.",
            "For the holder of another EU country's ICT permit who will work in Poland for more than 90 days, and for a researcher with another EU country's permit who will do research in Poland for more than 180 days in any 360-day period. A shorter stay of a researcher needs only a notification.",
            [
                "Residence document issued by another EU country",
                "Contract or assignment letter to the unit in Poland",
                "Proof of health insurance",
            ],
            "long-term mobility another eu country",
        ),
        "uk": (
            "Тимчасове проживання для довгострокової мобільності",
            "Дозвіл для власників документа на проживання іншої країни ЄС (ICT або науковець), які приїжджають до Польщі довше, ніж дозволяє повідомлення про короткострокову мобільність.",
            "Для власника дозволу ICT іншої країни ЄС, який працюватиме в Польщі довше 90 днів, і для науковця з дозволом іншої країни ЄС, який проводитиме дослідження в Польщі довше 180 днів протягом 360 днів. Коротший приїзд науковця потребує лише повідомлення.",
            [
                "Документ на проживання, виданий іншою країною ЄС",
                "Договір або лист про переведення до підрозділу в Польщі",
                "Документ, що підтверджує медичне страхування",
            ],
            "довгострокова мобільність інша країна єс",
        ),
        "ru": (
            "Временное проживание для долгосрочной мобильности",
            "Разрешение для владельцев документа на проживание другой страны ЕС (ICT или учёный), приезжающих в Польшу дольше, чем позволяет уведомление о краткосрочной мобильности.",
            "Для владельца разрешения ICT другой страны ЕС, который будет работать в Польше дольше 90 дней, и для учёного с разрешением другой страны ЕС, который будет проводить исследования в Польше дольше 180 дней в течение 360 дней. Для более короткого приезда учёного достаточно уведомления.",
            [
                "Документ на проживание, выданный другой страной ЕС",
                "Договор или письмо о переводе в подразделение в Польше",
                "Документ, подтверждающий медицинскую страховку",
            ],
            "долгосрочная мобильность другая страна ес",
        ),
    },
]


def _deadlines(kind: str, language: str) -> list[dict[str, Any]]:
    return [
        {"type": "deadline", "value": {"what": what, "period": period, "note": note}}
        for what, period, note in DEADLINES[kind][language]
    ]


def _form(
    spec: dict[str, tuple[str, str, list[str]]], language: str, url: str, extra_mistakes: list[str]
) -> dict[str, Any]:
    name, instructions, mistakes = spec[language]
    return {
        "type": "form",
        "value": {
            "name": name,
            "document": None,
            "url": url,
            "instructions": p(instructions),
            "common_mistakes": [*mistakes, *extra_mistakes],
        },
    }


def stage_steps(procedure: dict[str, Any], language: str) -> list[tuple[str, str]]:
    """The steps of this procedure (its outline in STAGE_OUTLINES) in ``language``."""
    outline = STAGE_OUTLINES[procedure.get("stages", "mos_residence")]
    return [STAGE_STEPS[step][language] for step in outline]


def fee_text(procedure: dict[str, Any], language: str) -> str:
    """The fees written out for the page's fallback (shown only while the payments plugin is off)."""
    if "fees_text" in procedure:
        return procedure["fees_text"][language]
    stamp_sentence, card_sentence = FEE_SENTENCES[language]
    return " ".join(
        (card_sentence if code == "card_issue" else stamp_sentence).format(n=FEE_AMOUNTS[code])
        for code in procedure["fees"]
    )


def document_items(procedure: dict[str, Any], language: str) -> list[dict[str, Any]]:
    passport, photo = COMMON_DOCS[language]
    proofs = []
    if any(code.startswith("stamp_") for code in procedure["fees"]):
        proofs.append(PAYMENT_PROOF["stamp"][language])
    elif "card_issue" in procedure["fees"]:
        proofs.append(PAYMENT_PROOF["card"][language])
    items = [
        {"text": passport, "note": "", "optional": False},
        {"text": photo, "note": PHOTO_NOTE[language], "optional": False},
    ]
    items += [{"text": text, "note": "", "optional": False} for text in [*proofs, *procedure[language][3]]]
    return items


def procedure_fields(procedure: dict[str, Any], language: str) -> dict[str, Any]:
    title, summary, who, _docs, keywords = procedure[language]
    # where the application is filed is not written into the page: the page shows the office's
    # filing route (data of the case plugin), so content and buttons cannot disagree
    body: list[dict[str, Any]] = []
    extra = [ANNEX_MISTAKE[language]] if procedure.get("annex") else []
    forms = (
        [_form(FORM, language, MOS_URL, extra)] if procedure["mos"] else [_form(PAPER_FORM, language, "", [])]
    )
    return {
        "title": title,
        "summary": summary,
        "who_for": p(who),
        "search_keywords": keywords,
        "documents": [
            {
                "type": "checklist",
                "value": {"heading": DOCS_HEADING[language], "items": document_items(procedure, language)},
            }
        ],
        "fees_fallback": p(fee_text(procedure, language)),
        "stages_fallback": [
            {
                "type": "steps",
                "value": {
                    "heading": STAGES_HEADING[language],
                    "steps": [{"title": t, "text": p(d)} for t, d in stage_steps(procedure, language)],
                },
            }
        ],
        "deadlines": _deadlines(procedure["kind"], language),
        "forms": forms,
        "body": body,
        "search_description": summary,
    }


# --------------------------------------------------------------------------- home, indexes, special pages
def home(office: Any) -> dict[str, dict[str, Any]]:
    name = office.short_name
    return {
        "pl": {
            "title": f"Cudzoziemcy – {name}",
            "intro": p(
                "Tu dowiesz się, jak zalegalizować pobyt i pracę w Polsce, jakie dokumenty przygotować, ile zapłacić i gdzie nas znaleźć."
            ),
            "search_keywords": "cudzoziemcy legalizacja pobytu",
            "body": [],
        },
        "en": {
            "title": f"Foreigners – {name}",
            "intro": p(
                "Find out how to legalise your stay and work in Poland, which documents to prepare, how much to pay and where to find us."
            ),
            "search_keywords": "foreigners residence legalisation",
            "body": [],
        },
        "uk": {
            "title": f"Іноземці – {name}",
            "intro": p(
                "Тут ви дізнаєтеся, як легалізувати проживання і роботу в Польщі, які документи підготувати, скільки заплатити і де нас знайти."
            ),
            "search_keywords": "іноземці легалізація проживання",
            "body": [],
        },
        "ru": {
            "title": f"Иностранцы – {name}",
            "intro": p(
                "Здесь вы узнаете, как легализовать проживание и работу в Польше, какие документы подготовить, сколько заплатить и где нас найти."
            ),
            "search_keywords": "иностранцы легализация проживания",
            "body": [],
        },
    }


PROCEDURES_INDEX = {
    "pl": {"title": "Sprawy i procedury", "intro": p("Wybierz sprawę, którą chcesz załatwić.")},
    "en": {"title": "Matters and procedures", "intro": p("Choose the matter you want to deal with.")},
    "uk": {"title": "Справи та процедури", "intro": p("Оберіть справу, яку хочете вирішити.")},
    "ru": {"title": "Дела и процедуры", "intro": p("Выберите дело, которое хотите решить.")},
}
INFORMATION_INDEX = {
    "pl": {"title": "Informacje", "intro": p("Odpowiedzi na częste pytania i informacje o opłatach.")},
    "en": {"title": "Information", "intro": p("Answers to frequent questions and information about fees.")},
    "uk": {"title": "Інформація", "intro": p("Відповіді на часті запитання та інформація про оплати.")},
    "ru": {"title": "Информация", "intro": p("Ответы на частые вопросы и информация об оплатах.")},
}
LOCATIONS_INDEX = {
    "pl": {
        "title": "Gdzie nas znaleźć",
        "intro": p("Adresy, godziny otwarcia i dostępność naszych budynków."),
    },
    "en": {
        "title": "Where to find us",
        "intro": p("Addresses, opening hours and accessibility of our buildings."),
    },
    "uk": {"title": "Де нас знайти", "intro": p("Адреси, години роботи та доступність наших будівель.")},
    "ru": {"title": "Где нас найти", "intro": p("Адреса, часы работы и доступность наших зданий.")},
}
SEARCH_PAGE = {
    "pl": {"title": "Wyszukiwarka"},
    "en": {"title": "Search"},
    "uk": {"title": "Пошук"},
    "ru": {"title": "Поиск"},
}

FAQ = {
    "pl": (
        "Najczęściej zadawane pytania",
        "Odpowiedzi na pytania, które cudzoziemcy zadają nam najczęściej.",
        [
            (
                "Czy mogę zostać w Polsce, gdy czekam na decyzję?",
                "Tak. Jeśli złożyłeś wniosek w czasie legalnego pobytu i bez braków formalnych, Twój pobyt w Polsce jest legalny do dnia, w którym decyzja stanie się ostateczna. Potwierdza to bezpłatne zaświadczenie o złożeniu wniosku z modułu MOS – od 27 kwietnia 2026 r. urząd nie wbija już w tym celu stempla do paszportu.",
            ),
            (
                "Czy mogę podróżować, gdy moja sprawa trwa?",
                "Zaświadczenie o złożeniu wniosku (tak jak dawny stempel w paszporcie) nie uprawnia do podróży po strefie Schengen. Przed wyjazdem sprawdź, czy masz ważną wizę lub kartę pobytu.",
            ),
            (
                "Ile kosztuje zaświadczenie o złożeniu wniosku?",
                "Zaświadczenie z modułu MOS o prawidłowo złożonym wniosku jest bezpłatne. Inne zaświadczenia wydawane przez urząd kosztują 17 zł opłaty skarbowej.",
            ),
            (
                "Jak sprawdzę, na jakim etapie jest moja sprawa?",
                "Zaloguj się do portalu i użyj numeru sprawy oraz kodu PIN z potwierdzenia złożenia wniosku.",
            ),
            (
                "Czy opłata skarbowa zostanie zwrócona po odmowie?",
                "Jeśli wniosek złożono 5 marca 2026 r. lub później, opłata skarbowa nie jest zwracana, gdy urząd odmówi wydania zezwolenia albo umorzy postępowanie. Dotyczy to także zmiany zezwolenia i przedłużenia wizy.",
            ),
            (
                "Czy na zdjęciu mogę mieć nakrycie głowy?",
                "Tak, jeśli nosisz je ze względów religijnych – pod warunkiem, że twarz jest w pełni widoczna.",
            ),
        ],
    ),
    "en": (
        "Frequently asked questions",
        "Answers to the questions foreigners ask us most often.",
        [
            (
                "Can I stay in Poland while I wait for the decision?",
                "Yes. If you filed the application during a legal stay and without formal defects, your stay in Poland is legal until the decision becomes final. This is confirmed by the free certificate of filing from the MOS module – since 27 April 2026 the office no longer stamps your passport for this.",
            ),
            (
                "Can I travel while my case is pending?",
                "The certificate of filing (like the former stamp in the passport) does not entitle you to travel within the Schengen area. Before you leave, check that you hold a valid visa or residence card.",
            ),
            (
                "How much does the certificate of filing cost?",
                "The MOS certificate that the application was duly filed is free of charge. Other certificates issued by the office cost PLN 17 in stamp duty.",
            ),
            (
                "How do I check the stage of my case?",
                "Log in to the portal and use the case number and the PIN from the filing confirmation.",
            ),
            (
                "Will the stamp duty be refunded after a refusal?",
                "If the application was filed on or after 5 March 2026, the stamp duty is not refunded when the office refuses the permit or discontinues the proceedings. This also applies to a change of permit and a visa extension.",
            ),
            (
                "May I wear a head covering in the photograph?",
                "Yes, if you wear it for religious reasons – provided your face is fully visible.",
            ),
        ],
    ),
    "uk": (
        "Найчастіші запитання",
        "Відповіді на запитання, які іноземці ставлять нам найчастіше.",
        [
            (
                "Чи можу я залишатися в Польщі, поки чекаю на рішення?",
                "Так. Якщо ви подали заяву, коли законно перебували в Польщі, і без формальних недоліків, ви законно залишаєтеся в Польщі до дня, коли рішення стане остаточним. Це підтверджує безкоштовна довідка про подання заяви з модуля MOS – з 27 квітня 2026 р. управління більше не ставить для цього штамп у паспорт.",
            ),
            (
                "Чи можу я подорожувати, поки триває моя справа?",
                "Довідка про подання заяви (як і колишній штамп у паспорті) не дає права подорожувати Шенгенською зоною. Перед виїздом перевірте, чи маєте чинну візу або карту побиту.",
            ),
            (
                "Скільки коштує довідка про подання заяви?",
                "Довідка з модуля MOS про належно подану заяву безкоштовна. Інші довідки, які видає управління, коштують 17 зл гербового збору.",
            ),
            (
                "Як перевірити, на якому етапі моя справа?",
                "Увійдіть на портал і скористайтеся номером справи та PIN-кодом з підтвердження подання заяви.",
            ),
            (
                "Чи повернуть гербовий збір після відмови?",
                "Якщо заяву подано 5 березня 2026 р. або пізніше, гербовий збір не повертається, коли управління відмовить у дозволі або закриє провадження. Це стосується також зміни дозволу і продовження візи.",
            ),
            (
                "Чи можна фотографуватися в головному уборі?",
                "Так, якщо ви носите його з релігійних причин, – за умови, що обличчя повністю видно.",
            ),
        ],
    ),
    "ru": (
        "Часто задаваемые вопросы",
        "Ответы на вопросы, которые иностранцы задают нам чаще всего.",
        [
            (
                "Могу ли я оставаться в Польше, пока жду решения?",
                "Да. Если вы подали заявление, законно находясь в Польше, и без формальных недостатков, вы законно остаётесь в Польше до дня, когда решение станет окончательным. Это подтверждает бесплатная справка о подаче заявления из модуля MOS – с 27 апреля 2026 г. управление больше не ставит для этого штамп в паспорт.",
            ),
            (
                "Могу ли я путешествовать, пока рассматривается моё дело?",
                "Справка о подаче заявления (как и прежний штамп в паспорте) не даёт права путешествовать по Шенгенской зоне. Перед выездом проверьте, есть ли у вас действующая виза или карта побыту.",
            ),
            (
                "Сколько стоит справка о подаче заявления?",
                "Справка из модуля MOS о надлежащей подаче заявления бесплатна. Другие справки, которые выдаёт управление, стоят 17 зл гербового сбора.",
            ),
            (
                "Как узнать, на каком этапе моё дело?",
                "Войдите на портал и используйте номер дела и PIN-код из подтверждения подачи заявления.",
            ),
            (
                "Вернут ли гербовый сбор после отказа?",
                "Если заявление подано 5 марта 2026 г. или позже, гербовый сбор не возвращается, когда управление откажет в разрешении или прекратит производство. Это касается также изменения разрешения и продления визы.",
            ),
            (
                "Можно ли фотографироваться в головном уборе?",
                "Да, если вы носите его по религиозным причинам, – при условии, что лицо полностью видно.",
            ),
        ],
    ),
}


def faq_page() -> dict[str, dict[str, Any]]:
    pages = {}
    for language, (title, summary, questions) in FAQ.items():
        pages[language] = {
            "title": title,
            "summary": summary,
            "body": [
                {
                    "type": "faq",
                    "value": {
                        "heading": "",
                        "questions": [{"question": q, "answer": p(a)} for q, a in questions],
                    },
                }
            ],
        }
    return pages


PAYMENTS = {
    "pl": (
        "Opłaty i płatności",
        "Komu, ile i jak płacisz w sprawach cudzoziemców.",
        "Opłatę skarbową wpłacasz na konto miasta w siedzibie wojewody, a opłatę za wydanie karty pobytu – na konto urzędu wojewódzkiego. To dwa różne konta. Zaświadczenie z modułu MOS o złożeniu wniosku jest bezpłatne.",
        "Zachowaj potwierdzenie przelewu i dołącz je do wniosku. W tytule przelewu wpisz swoje imię, nazwisko i rodzaj sprawy.",
    ),
    "en": (
        "Fees and payments",
        "Whom, how much and how you pay in foreigners' matters.",
        "You pay the stamp duty to the account of the city at the seat of the voivode, and the fee for the residence card to the account of the voivodeship office. These are two different accounts. The MOS certificate of filing is free of charge.",
        "Keep the transfer confirmation and attach it to your application. In the transfer title write your first name, surname and the type of matter.",
    ),
    "uk": (
        "Збори та оплати",
        "Кому, скільки і як ви платите у справах іноземців.",
        "Гербовий збір сплачуєте на рахунок міста за місцезнаходженням воєводи, а плату за видачу карти побиту – на рахунок воєводського управління. Це два різні рахунки. Довідка з модуля MOS про подання заяви безкоштовна.",
        "Збережіть підтвердження переказу і додайте його до заяви. У призначенні платежу вкажіть ім'я, прізвище та вид справи.",
    ),
    "ru": (
        "Сборы и оплаты",
        "Кому, сколько и как вы платите по делам иностранцев.",
        "Гербовый сбор оплачивается на счёт города по месту нахождения воеводы, а плата за выдачу карты побыту – на счёт воеводского управления. Это два разных счёта. Справка из модуля MOS о подаче заявления бесплатна.",
        "Сохраните подтверждение перевода и приложите его к заявлению. В назначении платежа укажите имя, фамилию и вид дела.",
    ),
}


def payments_page() -> dict[str, dict[str, Any]]:
    return {
        language: {
            "title": title,
            "summary": summary,
            "body": [
                {"type": "text", "value": p(text)},
                {"type": "callout", "value": {"kind": "info", "title": "", "text": p(tip)}},
            ],
        }
        for language, (title, summary, text, tip) in PAYMENTS.items()
    }


def _hours(days: range, opens: str, closes: str) -> list[dict[str, str]]:
    return [{"weekday": str(day), "opens": opens, "closes": closes} for day in days]


WEEKDAYS = range(0, 5)
LOCATIONS = [
    {
        "slug": "siedziba-glowna",
        "shared": {
            "street": "ul. Przykładowa 1",
            "postal_code": "00-001",
            "city": "Przykładowo",
            "latitude": "52.000000",
            "longitude": "19.000000",
        },
        "points": [
            (
                {
                    "pl": "Sala obsługi klientów",
                    "en": "Customer service hall",
                    "uk": "Зала обслуговування клієнтів",
                    "ru": "Зал обслуживания клиентов",
                },
                {
                    "pl": "Odciski palców, uzupełnianie dokumentów, odbiór kart",
                    "en": "Fingerprints, supplementing documents, collecting cards",
                    "uk": "Відбитки пальців, доповнення документів, отримання карт",
                    "ru": "Отпечатки пальцев, дополнение документов, получение карт",
                },
                {
                    "pl": "parter, sala A",
                    "en": "ground floor, hall A",
                    "uk": "перший поверх, зала A",
                    "ru": "первый этаж, зал A",
                },
                [*_hours(range(0, 1), "08:00", "18:00"), *_hours(range(1, 5), "08:00", "16:00")],
            ),
            (
                {
                    "pl": "Punkt informacyjny",
                    "en": "Information desk",
                    "uk": "Інформаційний пункт",
                    "ru": "Информационный пункт",
                },
                {
                    "pl": "Informacja o sprawach i wydawanie zaświadczeń",
                    "en": "Information about cases and certificates",
                    "uk": "Інформація про справи та видача довідок",
                    "ru": "Информация о делах и выдача справок",
                },
                {
                    "pl": "parter, stanowisko 1",
                    "en": "ground floor, desk 1",
                    "uk": "перший поверх, віконце 1",
                    "ru": "первый этаж, окно 1",
                },
                _hours(WEEKDAYS, "08:15", "15:15"),
            ),
        ],
        "exceptions": [
            {
                "date": "2026-12-24",
                "closed": True,
                "opens": None,
                "closes": None,
                "note": {
                    "pl": "Wigilia – dzień wolny",
                    "en": "Christmas Eve – day off",
                    "uk": "Святвечір – вихідний",
                    "ru": "Сочельник – выходной",
                },
            }
        ],
        "pl": (
            "Siedziba główna – Przykładowa",
            "Wejście od ul. Przykładowej, przystanek Przykładowo Centrum, 300 m.",
            "Budynek ma wejście bez progów i windę. Przy wejściu jest pętla indukcyjna, a w sali obsługi stanowisko obniżone dla osób na wózku. Można wejść z psem asystującym. Toaleta dostosowana na parterze.",
        ),
        "en": (
            "Main building – Przykładowa",
            "Entrance from Przykładowa Street, Przykładowo Centrum bus stop, 300 m.",
            "The building has a step-free entrance and a lift. There is an induction loop at the entrance and a lowered desk for wheelchair users in the service hall. Assistance dogs are welcome. Accessible toilet on the ground floor.",
        ),
        "uk": (
            "Головна будівля – Пшикладова",
            "Вхід з вулиці Пшикладової, зупинка Przykładowo Centrum, 300 м.",
            "Будівля має вхід без порогів і ліфт. Біля входу є індукційна петля, а в залі обслуговування – знижене віконце для людей на візку. Можна заходити із собакою-асистентом. Пристосований туалет на першому поверсі.",
        ),
        "ru": (
            "Главное здание – Пшикладовая",
            "Вход с улицы Пшикладовой, остановка Przykładowo Centrum, 300 м.",
            "В здании есть вход без порогов и лифт. У входа установлена индукционная петля, в зале обслуживания – пониженное окно для людей на коляске. Можно входить с собакой-помощником. Приспособленный туалет на первом этаже.",
        ),
    },
    {
        "slug": "delegatura",
        "shared": {
            "street": "ul. Wzorcowa 8",
            "postal_code": "00-002",
            "city": "Wzorowo",
            "latitude": "51.900000",
            "longitude": "19.100000",
        },
        "points": [
            (
                {
                    "pl": "Delegatura we Wzorowie",
                    "en": "Wzorowo branch office",
                    "uk": "Філія у Взорові",
                    "ru": "Филиал во Взорове",
                },
                {
                    "pl": "Składanie odcisków palców i odbiór kart pobytu",
                    "en": "Fingerprints and collecting residence cards",
                    "uk": "Відбитки пальців і отримання карт побиту",
                    "ru": "Отпечатки пальцев и получение карт побыту",
                },
                {
                    "pl": "I piętro, pokój 112",
                    "en": "1st floor, room 112",
                    "uk": "2-й поверх, кімната 112",
                    "ru": "2-й этаж, комната 112",
                },
                _hours(WEEKDAYS, "08:00", "15:30"),
            ),
        ],
        "exceptions": [],
        "pl": (
            "Delegatura we Wzorowie",
            "Dworzec PKP Wzorowo Główne – 15 minut pieszo.",
            "Wejście z podjazdem dla wózków od strony parkingu. Winda do I piętra. Miejsca parkingowe dla osób z niepełnosprawnościami przy wejściu.",
        ),
        "en": (
            "Wzorowo branch office",
            "Wzorowo Główne railway station – 15 minutes on foot.",
            "Entrance with a wheelchair ramp from the car park. Lift to the 1st floor. Parking spaces for disabled people next to the entrance.",
        ),
        "uk": (
            "Філія у Взорові",
            "Залізничний вокзал Wzorowo Główne – 15 хвилин пішки.",
            "Вхід із пандусом для візків з боку парковки. Ліфт на 2-й поверх. Паркувальні місця для людей з інвалідністю біля входу.",
        ),
        "ru": (
            "Филиал во Взорове",
            "Железнодорожный вокзал Wzorowo Główne – 15 минут пешком.",
            "Вход с пандусом для колясок со стороны парковки. Лифт на 2-й этаж. Парковочные места для людей с инвалидностью у входа.",
        ),
    },
    {
        "slug": "plock",
        "shared": {
            "street": "ul. Kolegialna 15",
            "postal_code": "09-402",
            "city": "Płock",
            "latitude": "52.546580",
            "longitude": "19.700680",
        },
        "points": [
            (
                {
                    "pl": "Delegatura w Płocku",
                    "en": "Płock branch office",
                    "uk": "Філія в Плоцьку",
                    "ru": "Филиал в Плоцке",
                },
                {
                    "pl": "Informacja i odbiór kart pobytu",
                    "en": "Information and collecting residence cards",
                    "uk": "Інформація та отримання карт побиту",
                    "ru": "Информация и получение карт побыту",
                },
                {
                    "pl": "parter, pokój 4",
                    "en": "ground floor, room 4",
                    "uk": "перший поверх, кімната 4",
                    "ru": "первый этаж, комната 4",
                },
                [*_hours(range(0, 4), "08:00", "15:00"), *_hours(range(4, 5), "08:00", "13:00")],
            ),
        ],
        "exceptions": [],
        "pl": (
            "Delegatura w Płocku",
            "Przystanek autobusowy „Kolegialna” – linie 4, 17 i 20.",
            "Pokój obsługi na parterze, bez schodów. Brak windy na wyższe piętra – w razie potrzeby urzędnik przyjdzie do Ciebie na parter. Możliwość skorzystania z tłumacza polskiego języka migowego po wcześniejszym zgłoszeniu.",
        ),
        "en": (
            "Płock branch office",
            "“Kolegialna” bus stop – lines 4, 17 and 20.",
            "Service room on the ground floor, no stairs. There is no lift to the upper floors – if needed, an official will come to you on the ground floor. A Polish sign language interpreter is available on prior request.",
        ),
        "uk": (
            "Філія в Плоцьку",
            "Автобусна зупинка «Kolegialna» – лінії 4, 17 і 20.",
            "Кімната обслуговування на першому поверсі, без сходів. Ліфта на верхні поверхи немає – за потреби службовець вийде до вас на перший поверх. Перекладач польської жестової мови доступний за попереднім записом.",
        ),
        "ru": (
            "Филиал в Плоцке",
            "Автобусная остановка «Kolegialna» – линии 4, 17 и 20.",
            "Комната обслуживания на первом этаже, без лестниц. Лифта на верхние этажи нет – при необходимости служащий выйдет к вам на первый этаж. Переводчик польского жестового языка доступен по предварительной записи.",
        ),
    },
]


def location_fields(location: dict[str, Any]) -> dict[str, dict[str, Any]]:
    fields = {}
    for language in ("pl", "en", "uk", "ru"):
        title, directions, accessibility = location[language]
        points = []
        for name, services, room, hours in location["points"]:
            points.append(
                {
                    "type": "service_point",
                    "value": {
                        "name": name[language],
                        "services": services[language],
                        "room": room[language],
                        "hours": hours,
                        "exceptions": [{**e, "note": e["note"][language]} for e in location["exceptions"]],
                    },
                }
            )
        fields[language] = {
            "title": title,
            "directions": p(directions),
            "accessibility": p(accessibility),
            "service_points": points,
            "search_keywords": location["shared"]["city"],
        }
    return fields


CONTACT = {
    "pl": (
        "Kontakt",
        "Napisz lub zadzwoń – odpowiadamy po polsku, angielsku, ukraińsku i rosyjsku.",
        "Infolinia działa w dni robocze w godzinach 9:00–15:00. Nie podajemy przez telefon informacji o sprawie osobom trzecim.",
    ),
    "en": (
        "Contact",
        "Write or call us – we answer in Polish, English, Ukrainian and Russian.",
        "The helpline works on working days from 9:00 to 15:00. We do not give information about a case to third parties by phone.",
    ),
    "uk": (
        "Контакти",
        "Напишіть або зателефонуйте – ми відповідаємо польською, англійською, українською та російською.",
        "Гаряча лінія працює в робочі дні з 9:00 до 15:00. Ми не надаємо інформацію про справу третім особам по телефону.",
    ),
    "ru": (
        "Контакты",
        "Напишите или позвоните – мы отвечаем на польском, английском, украинском и русском.",
        "Горячая линия работает в рабочие дни с 9:00 до 15:00. Мы не сообщаем информацию о деле третьим лицам по телефону.",
    ),
}


def contact_page() -> dict[str, dict[str, Any]]:
    return {
        language: {
            "title": title,
            "intro": p(intro),
            "body": [{"type": "callout", "value": {"kind": "info", "title": "", "text": p(note)}}],
        }
        for language, (title, intro, note) in CONTACT.items()
    }


ACCESSIBILITY = {
    "pl": (
        "Deklaracja dostępności",
        [
            "{office} zobowiązuje się zapewnić dostępność cyfrową swojej strony internetowej zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych.",
            "Strona jest częściowo zgodna z ustawą z powodu niezgodności wymienionych poniżej.",
        ],
        [
            "Część załączników PDF opublikowanych przed 2024 r. nie jest dostępna cyfrowo.",
            "Mapy w serwisie OpenStreetMap nie mają pełnego opisu tekstowego – adres podajemy zawsze tekstem.",
        ],
        "Jeśli zauważysz problem z dostępnością, napisz na adres {email}. Odpowiemy w ciągu 7 dni. Masz prawo żądać zapewnienia dostępności cyfrowej lub dostępu alternatywnego; jeśli odmówimy, możesz złożyć skargę do Rzecznika Praw Obywatelskich.",
    ),
    "en": (
        "Accessibility statement",
        [
            "{office} is committed to making its website accessible in accordance with the Polish act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies.",
            "The website is partially compliant with the act because of the non-compliances listed below.",
        ],
        [
            "Some PDF attachments published before 2024 are not digitally accessible.",
            "OpenStreetMap maps have no full text description – we always give the address as text.",
        ],
        "If you notice an accessibility problem, write to {email}. We will reply within 7 days. You have the right to request digital accessibility or alternative access; if we refuse, you can complain to the Commissioner for Human Rights.",
    ),
    "uk": (
        "Декларація доступності",
        [
            "{office} зобов'язується забезпечити цифрову доступність свого вебсайту відповідно до закону від 4 квітня 2019 р. про цифрову доступність вебсайтів і мобільних застосунків публічних суб'єктів.",
            "Сайт частково відповідає закону через невідповідності, перелічені нижче.",
        ],
        [
            "Частина PDF-додатків, опублікованих до 2024 р., не є цифрово доступною.",
            "Карти OpenStreetMap не мають повного текстового опису – адресу ми завжди подаємо текстом.",
        ],
        "Якщо ви помітили проблему з доступністю, напишіть на {email}. Ми відповімо протягом 7 днів. Ви маєте право вимагати забезпечення цифрової доступності або альтернативного доступу; у разі відмови можете подати скаргу Уповноваженому з прав людини.",
    ),
    "ru": (
        "Декларация доступности",
        [
            "{office} обязуется обеспечить цифровую доступность своего сайта в соответствии с законом от 4 апреля 2019 г. о цифровой доступности сайтов и мобильных приложений публичных субъектов.",
            "Сайт частично соответствует закону из-за несоответствий, перечисленных ниже.",
        ],
        [
            "Часть PDF-приложений, опубликованных до 2024 г., не является цифрово доступной.",
            "Карты OpenStreetMap не имеют полного текстового описания – адрес мы всегда указываем текстом.",
        ],
        "Если вы заметили проблему с доступностью, напишите на {email}. Мы ответим в течение 7 дней. Вы имеете право требовать обеспечения цифровой доступности или альтернативного доступа; в случае отказа можете подать жалобу Уполномоченному по правам человека.",
    ),
}
ACCESSIBILITY_HEADINGS = {
    "pl": ("Niedostępne treści", "Informacje zwrotne i dane kontaktowe"),
    "en": ("Non-accessible content", "Feedback and contact information"),
    "uk": ("Недоступний вміст", "Зворотний зв'язок і контакти"),
    "ru": ("Недоступное содержимое", "Обратная связь и контакты"),
}


def accessibility_page(office: Any) -> dict[str, dict[str, Any]]:
    pages = {}
    for language, (title, intro, issues, feedback) in ACCESSIBILITY.items():
        issues_heading, feedback_heading = ACCESSIBILITY_HEADINGS[language]
        pages[language] = {
            "title": title,
            "body": [
                {"type": "text", "value": p(*(line.format(office=office.name) for line in intro))},
                {"type": "text", "value": f"<h2>{issues_heading}</h2>" + ul(*issues)},
                {
                    "type": "text",
                    "value": f"<h2>{feedback_heading}</h2>" + p(feedback.format(email=office.email)),
                },
            ],
        }
    return pages
