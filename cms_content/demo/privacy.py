"""Demo privacy page and accessibility declaration of an office, in pl/en/uk/ru (written by hand).

The controller, the data protection officer and one section per processing purpose come from the
office and the privacy clauses; these pages add the introduction and the office's own facts. All the
dates, contacts and buildings are demo data the office edits in the admin.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from wagtail.models import Page

from cms_content.models import AccessibilityDeclarationPage, PrivacyPage
from cms_content.models.statements import next_review_deadline

LANGUAGES = ("pl", "en", "uk", "ru")


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


PRIVACY = {
    "pl": (
        "Ochrona danych osobowych",
        "Informujemy, jak urząd przetwarza Twoje dane osobowe (art. 13 i 14 RODO): kto jest administratorem, "
        "jak skontaktować się z inspektorem ochrony danych, w jakich celach i na jakiej podstawie prawnej "
        "przetwarzamy dane, komu je przekazujemy, jak długo je przechowujemy i jakie masz prawa.",
        "Monitoring wizyjny w budynkach",
        "Wejścia i sale obsługi są objęte monitoringiem wizyjnym w celu zapewnienia bezpieczeństwa osób i mienia "
        "(art. 6 ust. 1 lit. e RODO; wobec pracowników urzędu także art. 22² Kodeksu pracy). Nagrania przechowujemy nie dłużej niż "
        "3 miesiące, chyba że są dowodem w postępowaniu.",
    ),
    "en": (
        "Personal data protection",
        "This page explains how the office processes your personal data (GDPR art. 13 and 14): who the "
        "controller is, how to contact the data protection officer, for what purposes and on what legal basis "
        "we process the data, to whom we pass them, how long we keep them and what your rights are.",
        "Video surveillance in the buildings",
        "Entrances and service halls are under video surveillance to keep people and property safe (art. 6(1)(e) "
        "GDPR; for the office's employees also art. 22² of the Labour Code). Recordings are kept for at most 3 months unless they are "
        "evidence in proceedings.",
    ),
    "uk": (
        "Захист персональних даних",
        "Тут пояснено, як установа обробляє ваші персональні дані (ст. 13 і 14 GDPR): хто є контролером, як "
        "зв'язатися з інспектором із захисту даних, з якою метою і на якій правовій підставі ми обробляємо "
        "дані, кому їх передаємо, як довго зберігаємо і які у вас права.",
        "Відеоспостереження в будівлях",
        "Входи та зали обслуговування перебувають під відеоспостереженням для безпеки людей і майна "
        "(ст. 6(1)(e) GDPR; щодо працівників установи також ст. 22² Кодексу праці). Записи зберігаємо не довше 3 місяців, якщо "
        "вони не є доказом у провадженні.",
    ),
    "ru": (
        "Защита персональных данных",
        "Здесь объясняется, как учреждение обрабатывает ваши персональные данные (ст. 13 и 14 GDPR): кто "
        "является контролёром, как связаться с инспектором по защите данных, с какой целью и на каком правовом "
        "основании мы обрабатываем данные, кому их передаём, как долго храним и какие у вас права.",
        "Видеонаблюдение в зданиях",
        "Входы и залы обслуживания находятся под видеонаблюдением для безопасности людей и имущества "
        "(ст. 6(1)(e) GDPR; в отношении работников учреждения также ст. 22² Трудового кодекса). Записи хранятся не дольше 3 месяцев, если "
        "они не являются доказательством в производстве.",
    ),
}


def privacy_page() -> dict[str, dict[str, Any]]:
    pages = {}
    for language, (title, intro, cctv_heading, cctv) in PRIVACY.items():
        pages[language] = {
            "title": title,
            "intro": _p(intro),
            "body": [{"type": "text", "value": f"<h2>{cctv_heading}</h2>" + _p(cctv)}],
        }
    return pages


# ------------------------------------------------------------------------------ accessibility declaration

A11Y_TITLE = {
    "pl": "Deklaracja dostępności",
    "en": "Accessibility statement",
    "uk": "Декларація доступності",
    "ru": "Декларация доступности",
}

NON_ACCESSIBLE = {
    "pl": [
        (
            "Część załączników PDF opublikowanych przed 2024 r.",
            "noncompliant",
            "Skany bez warstwy tekstowej; zastępujemy je dostępnymi wersjami przy najbliższej aktualizacji.",
            "Na prośbę prześlemy treść w dostępnej formie.",
        ),
        (
            "Mapy lokalizacji (OpenStreetMap)",
            "excluded",
            "Mapy nie mają pełnego opisu tekstowego; art. 3 ust. 2 pkt 5 ustawy wyłącza mapy.",
            "Adres i dojazd zawsze podajemy tekstem.",
        ),
    ],
    "en": [
        (
            "Some PDF attachments published before 2024",
            "noncompliant",
            "Scans without a text layer; we replace them with accessible versions at the next update.",
            "On request we send the content in an accessible form.",
        ),
        (
            "Location maps (OpenStreetMap)",
            "excluded",
            "The maps have no full text description; art. 3(2)(5) of the act excludes maps.",
            "The address and directions are always given as text.",
        ),
    ],
    "uk": [
        (
            "Частина PDF-додатків, опублікованих до 2024 р.",
            "noncompliant",
            "Скани без текстового шару; замінюємо їх доступними версіями під час найближчого оновлення.",
            "На прохання надішлемо зміст у доступній формі.",
        ),
        (
            "Карти розташування (OpenStreetMap)",
            "excluded",
            "Карти не мають повного текстового опису; ст. 3 ч. 2 п. 5 закону виключає карти.",
            "Адресу і як доїхати завжди подаємо текстом.",
        ),
    ],
    "ru": [
        (
            "Часть PDF-приложений, опубликованных до 2024 г.",
            "noncompliant",
            "Сканы без текстового слоя; заменяем их доступными версиями при ближайшем обновлении.",
            "По просьбе пришлём содержание в доступной форме.",
        ),
        (
            "Карты расположения (OpenStreetMap)",
            "excluded",
            "Карты не имеют полного текстового описания; ст. 3 ч. 2 п. 5 закона исключает карты.",
            "Адрес и как добраться всегда указываем текстом.",
        ),
    ],
}

# name, address, entrances, lifts, parking, assistance dog, induction loop, other
BUILDINGS = {
    "pl": [
        (
            "Siedziba główna",
            "ul. Przykładowa 1, 00-001 Przykładowo",
            "Główne wejście od ul. Przykładowej bez progów, drzwi automatyczne. Sala obsługi na parterze.",
            "Winda obsługuje wszystkie piętra; przy schodach bocznych jest pochylnia.",
            "Dwa miejsca dla osób z niepełnosprawnościami przed wejściem od ul. Nowogrodzkiej.",
            "Można wejść z psem asystującym i psem przewodnikiem.",
            "Pętla indukcyjna przy punkcie informacyjnym i w sali obsługi (stanowiska 1–3).",
            "Stanowisko obniżone dla osób na wózku, toaleta dostosowana na parterze, oznaczenia w alfabecie Braille'a przy windzie.",
        ),
        (
            "Delegatura we Wzorowie",
            "ul. Wzorcowa 8, 00-002 Wzorowo",
            "Wejście z podjazdem dla wózków od strony parkingu; sala obsługi na I piętrze (pokój 112).",
            "Winda z parteru na I piętro, do sali obsługi.",
            "Miejsca parkingowe dla osób z niepełnosprawnościami przy wejściu.",
            "Można wejść z psem asystującym.",
            "Przenośna pętla indukcyjna — dostępna na prośbę w punkcie informacyjnym.",
            "",
        ),
    ],
    "en": [
        (
            "Main building",
            "ul. Przykładowa 1, 00-001 Przykładowo",
            "Step-free main entrance from Przykładowa Street, automatic doors. Service hall on the ground floor.",
            "A lift serves all floors; a ramp at the side stairs.",
            "Two places for people with disabilities at the entrance from Nowogrodzka Street.",
            "Assistance dogs and guide dogs are welcome.",
            "Induction loop at the information desk and in the service hall (desks 1–3).",
            "Lowered desk for wheelchair users, accessible toilet on the ground floor, Braille signs at the lift.",
        ),
        (
            "Wzorowo branch",
            "ul. Wzorcowa 8, 00-002 Wzorowo",
            "Entrance with a wheelchair ramp from the car park; service hall on the 1st floor (room 112).",
            "A lift from the ground floor to the 1st floor, where the service hall is.",
            "Parking spaces for disabled people next to the entrance.",
            "Assistance dogs are welcome.",
            "A portable induction loop, on request at the information desk.",
            "",
        ),
    ],
    "uk": [
        (
            "Головна будівля",
            "ul. Przykładowa 1, 00-001 Przykładowo",
            "Головний вхід з вулиці Пшикладової без порогів, автоматичні двері. Зала обслуговування на першому поверсі.",
            "Ліфт обслуговує всі поверхи; біля бічних сходів є пандус.",
            "Два місця для людей з інвалідністю біля входу з вулиці Новогродзької.",
            "Можна заходити із собакою-асистентом.",
            "Індукційна петля біля інформаційного пункту і в залі обслуговування (віконця 1–3).",
            "Знижене віконце для людей на візку, пристосований туалет на першому поверсі, позначки шрифтом Брайля біля ліфта.",
        ),
        (
            "Відділення у Взорові",
            "ul. Wzorcowa 8, 00-002 Wzorowo",
            "Вхід із пандусом для візків з боку парковки; зала обслуговування на 2-му поверсі (кімната 112).",
            "Ліфт з першого на 2-й поверх, до зали обслуговування.",
            "Паркувальні місця для людей з інвалідністю біля входу.",
            "Можна заходити з собакою-асистентом.",
            "Переносна індукційна петля — на прохання в інформаційному пункті.",
            "",
        ),
    ],
    "ru": [
        (
            "Главное здание",
            "ul. Przykładowa 1, 00-001 Przykładowo",
            "Главный вход с улицы Пшикладовой без порогов, автоматические двери. Зал обслуживания на первом этаже.",
            "Лифт обслуживает все этажи; у боковой лестницы есть пандус.",
            "Два места для людей с инвалидностью у входа с улицы Новогродзкой.",
            "Можно входить с собакой-помощником.",
            "Индукционная петля у информационного пункта и в зале обслуживания (окна 1–3).",
            "Пониженное окно для людей на коляске, приспособленный туалет на первом этаже, обозначения шрифтом Брайля у лифта.",
        ),
        (
            "Отделение во Взорове",
            "ul. Wzorcowa 8, 00-002 Wzorowo",
            "Вход с пандусом для колясок со стороны парковки; зал обслуживания на 2-м этаже (комната 112).",
            "Лифт с первого на 2-й этаж, к залу обслуживания.",
            "Парковочные места для людей с инвалидностью у входа.",
            "Можно входить с собакой-помощником.",
            "Переносная индукционная петля — по просьбе в информационном пункте.",
            "",
        ),
    ],
}

SIGN_LANGUAGE = {
    "pl": (
        "W każdej sprawie możesz skorzystać z pomocy tłumacza polskiego języka migowego (PJM), systemu "
        "językowo-migowego (SJM) lub sposobu komunikowania się osób głuchoniewidomych (SKOGN) — bezpłatnie.",
        "Zgłoś to co najmniej 3 dni robocze przed wizytą: e-mailem na {email}, SMS-em lub telefonicznie przez "
        "osobę trzecią pod numerem {phone}, albo przy rezerwacji wizyty. Bez wcześniejszego zgłoszenia możesz "
        "skorzystać z tłumacza online w sali obsługi przy ul. Przykładowej.",
    ),
    "en": (
        "In any matter you can have an interpreter of Polish Sign Language (PJM), the sign-language system (SJM) "
        "or the deafblind communication method (SKOGN) — free of charge.",
        "Tell us at least 3 working days before the visit: by e-mail to {email}, by SMS or by a call from "
        "someone else to {phone}, or when booking the visit. Without notice you can use the online interpreter "
        "in the service hall at Przykładowa Street.",
    ),
    "uk": (
        "У будь-якій справі можна безкоштовно скористатися допомогою перекладача польської мови жестів (PJM), "
        "системи мовно-жестової комунікації (SJM) або способу спілкування сліпоглухих осіб (SKOGN).",
        "Повідомте про це щонайменше за 3 робочі дні до візиту: електронною поштою на {email}, SMS або "
        "телефоном через іншу особу за номером {phone}, або під час бронювання візиту. Без попереднього "
        "повідомлення можна скористатися онлайн-перекладачем у залі обслуговування на вулиці Пшикладовій.",
    ),
    "ru": (
        "По любому делу можно бесплатно воспользоваться помощью переводчика польского жестового языка (PJM), "
        "системы языково-жестовой коммуникации (SJM) или способа общения слепоглухих (SKOGN).",
        "Сообщите об этом не менее чем за 3 рабочих дня до визита: по электронной почте {email}, по SMS или "
        "по телефону через другое лицо по номеру {phone}, либо при бронировании визита. Без предварительного "
        "уведомления можно воспользоваться онлайн-переводчиком в зале обслуживания на улице Пшикладовой.",
    ),
}

MOBILE_APPS = {
    "pl": "Urząd nie udostępnia aplikacji mobilnych. Portal działa w przeglądarce na telefonie.",
    "en": "The office has no mobile applications. The portal works in the browser on a phone.",
    "uk": "Установа не має мобільних застосунків. Портал працює в браузері на телефоні.",
    "ru": "У учреждения нет мобильных приложений. Портал работает в браузере на телефоне.",
}

CONTACT_NAME = "Jan Przykładowy (koordynator ds. dostępności, demo)"
CONTACT_EMAIL = "dostepnosc@demo.przystan.pl"
CONTACT_PHONE = "+48 22 695 60 01"


def accessibility_page(office: Any) -> dict[str, dict[str, Any]]:
    pages = {}
    for language in LANGUAGES:
        intro, booking = SIGN_LANGUAGE[language]
        pages[language] = {
            "title": A11Y_TITLE[language],
            "contact_name": CONTACT_NAME,
            "non_accessible": [
                {
                    "type": "item",
                    "value": {"content": c, "reason": r, "explanation": e, "alternative": a},
                }
                for c, r, e, a in NON_ACCESSIBLE[language]
            ],
            "buildings": [
                {
                    "type": "building",
                    "value": dict(
                        zip(
                            (
                                "name",
                                "address",
                                "entrances",
                                "lifts",
                                "parking",
                                "assistance_dog",
                                "induction_loop",
                                "other",
                            ),
                            building,
                            strict=True,
                        )
                    ),
                }
                for building in BUILDINGS[language]
            ],
            "sign_language": _p(intro, booking.format(email=CONTACT_EMAIL, phone=CONTACT_PHONE)),
            "mobile_apps": _p(MOBILE_APPS[language]),
            "body": [],
        }
    return pages


def load(home: Page, office: Any, upsert_page: Callable[..., Page]) -> None:
    """Create or update the office's privacy page and accessibility declaration (idempotent)."""
    upsert_page(
        home,
        PrivacyPage,
        "ochrona-danych-osobowych",
        privacy_page(),
        shared={"updated_on": dt.date(2026, 11, 30)},
    )
    reviewed_on = dt.date(2026, 3, 27)
    upsert_page(
        home,
        AccessibilityDeclarationPage,
        "deklaracja-dostepnosci",
        accessibility_page(office),
        shared={
            "compliance": "partial",
            "published_on": dt.date(2026, 3, 2),
            "updated_on": timezone.localdate(),
            "prepared_on": dt.date(2026, 3, 20),
            "reviewed_on": reviewed_on,
            "next_review_by": next_review_deadline(reviewed_on),
            "assessment": "self",
            "contact_email": CONTACT_EMAIL,
            "contact_phone": CONTACT_PHONE,
        },
    )
