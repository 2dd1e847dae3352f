"""Demo data: UdSC centres, benefit rules and realistic synthetic residents (deterministic, idempotent)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from .access import assign_to_centre
from .benefit_defaults import install_default_rules
from .models import (
    Address,
    Benefit,
    BenefitKind,
    Centre,
    FoodArrangement,
    Household,
    IdentityDocument,
    MedicalFilter,
    Person,
    SchoolEnrolment,
    SchoolSupply,
    SpecialNeed,
    Stay,
)

CENTRES = (
    (
        "biala-podlaska",
        "Ośrodek Recepcyjny w Białej Podlaskiej",
        "reception",
        "ul. Dokudowska 19",
        "21-500",
        "Biała Podlaska",
        200,
    ),
    (
        "debak",
        "Ośrodek Recepcyjny w Podkowie Leśnej-Dębaku",
        "reception",
        "Dębak 1",
        "05-807",
        "Podkowa Leśna",
        180,
    ),
    (
        "czerwony-bor",
        "Ośrodek dla Cudzoziemców w Czerwonym Borze",
        "residential",
        "Czerwony Bór 1",
        "18-300",
        "Zambrów",
        200,
    ),
    ("grupa", "Ośrodek dla Cudzoziemców w Grupie", "residential", "Grupa 1", "86-134", "Dragacz", 180),
    (
        "linin",
        "Ośrodek dla Cudzoziemców w Lininie",
        "residential",
        "Linin 95",
        "05-530",
        "Góra Kalwaria",
        150,
    ),
    ("lukow", "Ośrodek dla Cudzoziemców w Łukowie", "residential", "ul. Rzeczna 2", "21-400", "Łuków", 100),
)

#: (nationality, language, [(first Latin, first native)], [(last Latin, last native)]) per group.
NAMES = {
    "RU": (
        "ru",
        [
            ("Magomed", "Магомед"),
            ("Zelimkhan", "Зелимхан"),
            ("Aslan", "Аслан"),
            ("Ruslan", "Руслан"),
            ("Ibragim", "Ибрагим"),
        ],
        [
            ("Khasiyeva", "Хасиева"),
            ("Aminat", "Аминат"),
            ("Zarema", "Зарема"),
            ("Madina", "Мадина"),
            ("Kheda", "Хеда"),
        ],
        [
            ("Dudayev", "Дудаев"),
            ("Magomadov", "Магомадов"),
            ("Umarov", "Умаров"),
            ("Khasiyev", "Хасиев"),
            ("Bisultanov", "Бисултанов"),
        ],
    ),
    "UA": (
        "uk",
        [
            ("Oleksandr", "Олександр"),
            ("Andrii", "Андрій"),
            ("Mykola", "Микола"),
            ("Serhii", "Сергій"),
            ("Yurii", "Юрій"),
        ],
        [
            ("Olena", "Олена"),
            ("Nataliia", "Наталія"),
            ("Hanna", "Ганна"),
            ("Iryna", "Ірина"),
            ("Yuliia", "Юлія"),
        ],
        [
            ("Shevchenko", "Шевченко"),
            ("Kovalenko", "Коваленко"),
            ("Bondarenko", "Бондаренко"),
            ("Tkachenko", "Ткаченко"),
            ("Kravchuk", "Кравчук"),
        ],
    ),
    "BY": (
        "ru",
        [
            ("Aliaksandr", "Аляксандр"),
            ("Dzmitry", "Дзмітрый"),
            ("Siarhei", "Сяргей"),
            ("Pavel", "Павел"),
            ("Ihar", "Ігар"),
        ],
        [
            ("Volha", "Вольга"),
            ("Tatsiana", "Таццяна"),
            ("Sviatlana", "Святлана"),
            ("Maryia", "Марыя"),
            ("Iryna", "Ірына"),
        ],
        [
            ("Lukashevich", "Лукашэвіч"),
            ("Kavalchuk", "Кавальчук"),
            ("Navumenka", "Навуменка"),
            ("Zhuk", "Жук"),
            ("Karpovich", "Карповіч"),
        ],
    ),
    "TJ": (
        "ru",
        [
            ("Farrukh", "Фаррух"),
            ("Rustam", "Рустам"),
            ("Jamshed", "Джамшед"),
            ("Dilshod", "Дилшод"),
            ("Bakhtiyor", "Бахтиёр"),
        ],
        [
            ("Nigora", "Нигора"),
            ("Malika", "Малика"),
            ("Zarina", "Зарина"),
            ("Gulnora", "Гульнора"),
            ("Shahnoza", "Шахноза"),
        ],
        [
            ("Rahimov", "Рахимов"),
            ("Nazarov", "Назаров"),
            ("Saidov", "Саидов"),
            ("Karimov", "Каримов"),
            ("Sharipov", "Шарипов"),
        ],
    ),
    "AF": (
        "en",
        [("Ahmad", ""), ("Mohammad", ""), ("Abdul", ""), ("Farid", ""), ("Hamid", "")],
        [("Fatima", ""), ("Zahra", ""), ("Maryam", ""), ("Laila", ""), ("Nargis", "")],
        [("Ahmadzai", ""), ("Hakimi", ""), ("Rahimi", ""), ("Noori", ""), ("Sultani", "")],
    ),
    "GE": (
        "en",
        [
            ("Giorgi", "გიორგი"),
            ("Levan", "ლევან"),
            ("Davit", "დავით"),
            ("Irakli", "ირაკლი"),
            ("Nika", "ნიკა"),
        ],
        [("Nino", "ნინო"), ("Tamar", "თამარ"), ("Ana", "ანა"), ("Mariam", "მარიამ"), ("Eka", "ეკა")],
        [
            ("Beridze", "ბერიძე"),
            ("Kapanadze", "კაპანაძე"),
            ("Gelashvili", "გელაშვილი"),
            ("Lomidze", "ლომიძე"),
            ("Tsiklauri", "წიკლაური"),
        ],
    ),
}
WEIGHTS = {"RU": 30, "UA": 25, "BY": 15, "TJ": 10, "AF": 10, "GE": 10}
FAMILIES = 45


def ensure_rules(office: Any) -> None:
    """The default benefit rules (:mod:`.benefit_defaults`): the 2016 regulation's amounts as history
    ending on 6 October 2023, and the draft current amounts, all "to be confirmed by the office"."""
    install_default_rules(office)


def ensure_centres(office: Any) -> list[Centre]:
    centres = []
    for code, name, kind, street, postal, city, capacity in CENTRES:
        centre, _created = Centre.objects.update_or_create(
            office=office,
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "street": street,
                "postal_code": postal,
                "city": city,
                "capacity": capacity,
            },
        )
        centres.append(centre)
    return centres


#: Roles whose demo users work in one centre (the policy's ``centre`` scope), and that centre's code.
DEMO_CENTRE_ROLES = ("centre_staff", "social_worker", "medical")
DEMO_CENTRE = "linin"


def assign_demo_staff(office: Any, centres: list[Centre]) -> None:
    """The office's demo centre staff, social worker and medical staff work in Linin (where the serce
    and the hotel demo both have residents), so their day in the register works."""
    centre = next(c for c in centres if c.code == DEMO_CENTRE)
    users = (
        get_user_model()
        .objects.filter(groups__name__in=DEMO_CENTRE_ROLES, home_office=office, kind="staff")
        .distinct()
    )
    for user in users:
        assign_to_centre(user, centre)


@transaction.atomic
def load_demo(office: Any, stdout: Any) -> None:
    ensure_rules(office)
    centres = ensure_centres(office)
    assign_demo_staff(office, centres)
    if Person.objects.filter(office=office).exists():
        _say(stdout, "serce: demo residents already present")
        return
    rng = random.Random(7)
    today = dt.date.today()
    count = 0
    nationalities = [code for code, weight in WEIGHTS.items() for _i in range(weight)]
    for family_index in range(FAMILIES):
        code = rng.choice(nationalities)
        language, males, females, surnames = NAMES[code]
        last, last_native = rng.choice(surnames)
        household = Household.objects.create(office=office, reference=f"DEMO-{family_index + 1:04d}")
        arrival = today - dt.timedelta(days=rng.randint(20, 700))
        in_centre = rng.random() < 0.7
        centre = rng.choice(centres[2:]) if in_centre else None
        members = [("head", rng.choice([True, False]))]
        if rng.random() < 0.7:
            members.append(("spouse", not members[0][1]))
        for _child in range(rng.choice([0, 1, 2, 2, 3, 4])):
            members.append(("child", rng.choice([True, False])))
        for role, male in members:
            first, first_native = rng.choice(males if male else females)
            if role == "child":
                born = today - dt.timedelta(days=rng.randint(200, 17 * 365))
            else:
                born = today - dt.timedelta(days=rng.randint(20 * 365, 58 * 365))
            surname, surname_native = last, last_native
            if not male and code in ("RU", "TJ") and not last.endswith("a"):
                surname, surname_native = last + "a", (last_native + "а") if last_native else ""
            person = Person.objects.create(
                office=office,
                pobyt_id=f"PBY{2025000000 + count * 7919 % 1000000:010d}",
                first_name=first,
                last_name=surname,
                first_name_native=first_native,
                last_name_native=surname_native,
                date_of_birth=born,
                nationality=code,
                sex="M" if male else "F",
                language=language,
                phone=f"+48 5{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
                if role != "child"
                else "",
                email=f"{first.lower()}.{surname.lower()}{count}@example.org"
                if role == "head" and rng.random() < 0.5
                else "",
                household=household,
                household_role=role,
            )
            count += 1
            IdentityDocument.objects.create(
                person=person,
                kind="tztc",
                number=f"TZ{1000000 + count}",
                issued_by="Szef UdSC",
                issued_on=arrival,
            )
            Stay.objects.create(
                person=person,
                centre=centres[0],
                date_from=arrival,
                date_to=arrival + dt.timedelta(days=14),
                source="serce",
            )
            MedicalFilter.objects.create(
                person=person,
                examined_on=arrival + dt.timedelta(days=1),
                interview_done=True,
                lab_tests_done=True,
                xray_done=role != "child",
                result="cleared" if rng.random() < 0.9 else "follow_up",
            )
            after = arrival + dt.timedelta(days=15)
            if centre is not None:
                Stay.objects.create(
                    person=person, centre=centre, date_from=after, room=str(rng.randint(1, 60))
                )
                meals = rng.random() < 0.6
                FoodArrangement.objects.create(
                    person=person,
                    mode="meals" if meals else "cash",
                    diet=rng.choice(["none", "none", "halal", "vegetarian", "diabetic"])
                    if code in ("RU", "TJ", "AF")
                    else "none",
                    date_from=after,
                )
                if not meals:
                    Benefit.objects.create(person=person, kind=BenefitKind.FOOD_EQUIVALENT, date_from=after)
                Benefit.objects.create(person=person, kind=BenefitKind.POCKET_MONEY, date_from=after)
                Benefit.objects.create(person=person, kind=BenefitKind.HYGIENE, date_from=after)
            else:
                Address.objects.create(
                    person=person,
                    street=f"ul. {rng.choice(['Grochowska', 'Wolska', 'Puławska', 'Lubelska'])} {rng.randint(1, 200)}",
                    postal_code=f"0{rng.randint(0, 4)}-{rng.randint(0, 999):03d}",
                    city="Warszawa",
                    date_from=after,
                )
                Benefit.objects.create(
                    person=person,
                    kind=BenefitKind.OUTSIDE_CASH,
                    date_from=after,
                    decision_number=f"DPS/{today.year}/{count:05d}",
                )
            if role == "child" and (today - born).days > 6 * 365:
                year = today.year if today.month >= 9 else today.year - 1
                SchoolEnrolment.objects.create(
                    person=person,
                    school_year=f"{year}/{year + 1}",
                    school_name="Szkoła Podstawowa nr 1"
                    if centre is None
                    else f"Szkoła Podstawowa w {centre.city}",
                    grade=str(min(8, max(1, (today - born).days // 365 - 6))),
                    enrolled_on=dt.date(year, 9, 1),
                    polish_lessons=True,
                )
                SchoolSupply.objects.create(
                    person=person,
                    school_year=f"{year}/{year + 1}",
                    items="plecak, zeszyty, przybory",
                    status="available",
                )
            if rng.random() < 0.08:
                SpecialNeed.objects.create(
                    person=person,
                    category=rng.choice(["disability", "chronic", "pregnancy", "violence"]),
                    since=arrival,
                )
    _say(stdout, f"serce: {len(centres)} centres, {count} residents")


def _say(stdout: Any, text: str) -> None:
    if stdout is not None:
        stdout.write(text + "\n")
