"""Demo data: cases at every stage, a draft, messages, a request to supplement, inquiries, file moves.

Idempotent: cases are keyed by their MOS number, so a second run adds nothing.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .deadlines import recompute
from .models import Application, Case, FileMove, Inquiry, Message, StageChange, SupplementRequest, Team
from .numbering import hash_pin, next_case_number, person_key

DEMO_PIN = "12345678"
DEMO_OFFICER = "urzednik@demo.przystan.pl"
DEMO_TEAM = "Zespół ds. pobytów czasowych"
PEOPLE = [
    ("Olena Shevchenko", "FE123456", "1990-04-12", "temp_work", "evidence_review", "uk"),
    ("Andrii Kovalenko", "FA765432", "1985-11-02", "temp_work", "supplement_requested", "uk"),
    ("Nguyen Van An", "C1234567", "1994-01-20", "temp_studies", "summons_fingerprints", "en"),
    ("Aliaksandr Ivanou", "MP3344556", "1979-06-30", "permanent", "opinions_requested", "ru"),
    ("Priya Sharma", "Z9876543", "1992-09-09", "temp_blue_card", "draft_decision", "en"),
    ("Dilnoza Karimova", "AB1122334", "1998-03-15", "temp_family", "filed", "ru"),
    ("Mehmet Yilmaz", "U44556677", "1988-12-01", "temp_business", "card_ready", "en"),
    ("Maria Gonzalez", "PAA123456", "1996-07-07", "temp_spouse", "decision_granted", "en"),
    ("Iryna Bondarenko", "FK556677", "2001-02-28", "cukr", "card_ordered", "uk"),
    ("Giorgi Beridze", "13AB45678", "1983-05-19", "eu_ltr", "formal_check", "ru"),
    ("Oksana Melnyk", "FB998877", "1975-10-10", "temp_seasonal", "accepted", "uk"),
    ("Rahul Verma", "K1234987", "1990-08-08", "visa_extension", "decision_refused", "en"),
]


def load(office: Any, stdout: Any) -> None:
    from .deadline_rules import ensure_seeded

    ensure_seeded()  # the legal deadline rules (data) the demo cases are counted by
    User = get_user_model()
    foreigner = User.objects.filter(email="olena.shevchenko@example.com").first()
    employer = User.objects.filter(kind="employer").first()
    officer = (
        User.objects.filter(email=DEMO_OFFICER, kind="staff").first()
        or User.objects.filter(kind="staff", groups__name="officer", home_office=office).first()
        or User.objects.filter(kind="staff", groups__name="officer").first()
    )
    team, _new = Team.objects.get_or_create(office=office, name=DEMO_TEAM)
    if officer is not None:
        team.members.add(officer)  # she handles her assigned cases and the team's others
    today = timezone.localdate()
    created = 0
    with transaction.atomic():
        for index, (name, passport, birth, type_code, stage, language) in enumerate(PEOPLE):
            mos = f"MOS-DEMO-{office.pk}-{index + 1:03d}"
            if Case.objects.filter(office=office, mos_number=mos).exists():
                continue
            filed = today - datetime.timedelta(days=10 + index * 9)
            number = next_case_number(office)
            case = Case(
                office=office,
                number=number,
                pin_hash=hash_pin(number, DEMO_PIN),
                mos_number=mos,
                source="mos",  # residence applications are filed in MOS since 27 April 2026
                application_type=type_code,
                stage=stage,
                person_name=name,
                passport_number=passport,
                birth_date=datetime.date.fromisoformat(birth),
                person_key=person_key(office, passport, birth, mos),
                email=foreigner.email if index == 0 and foreigner else "",
                language=language,
                applicant=foreigner if index == 0 else None,
                employer=employer if type_code == "temp_work" else None,
                employer_annex_required=type_code in ("temp_work", "temp_blue_card", "temp_seasonal"),
                filed_at=filed,
                documents_complete_at=filed,
                fingerprints_at=filed + datetime.timedelta(days=7)
                if stage not in ("filed", "accepted", "summons_fingerprints")
                else None,
                assignee=officer if index % 2 == 0 else None,
                team=team,
                file_location=f"pokój {110 + index % 4}, regał {1 + index % 3}",
            )
            recompute(case)
            case.save()
            StageChange.objects.create(case=case, old_stage="", new_stage="filed", actor=None)
            if stage != "filed":
                StageChange.objects.create(case=case, old_stage="filed", new_stage=stage, actor=officer)
            if officer:
                FileMove.objects.create(case=case, location=case.file_location, moved_by=officer)
                if stage in ("opinions_requested", "evidence_review"):
                    Inquiry.objects.create(
                        case=case,
                        authority="border_guard",
                        sent_on=filed,
                        due_on=filed + datetime.timedelta(days=30),
                        created_by=officer,
                    )
                    Inquiry.objects.create(
                        case=case,
                        authority="police",
                        sent_on=filed,
                        due_on=filed + datetime.timedelta(days=30),
                        answered_on=filed + datetime.timedelta(days=12),
                        answer="Brak przeciwwskazań.",
                        created_by=officer,
                    )
                if stage == "supplement_requested":
                    SupplementRequest.objects.create(
                        case=case,
                        text="Aktualne ubezpieczenie zdrowotne.",
                        due_date=today + datetime.timedelta(days=10),
                        requested_on=today - datetime.timedelta(days=4),
                        requested_by=officer,
                    )
                    recompute(case)
                    case.save()
                if foreigner and case.applicant_id:
                    Message.objects.create(
                        case=case,
                        author=officer,
                        from_office=True,
                        body="Dzień dobry, prosimy o informację, czy adres zamieszkania jest aktualny.",
                    )
                    Message.objects.create(
                        case=case,
                        author=foreigner,
                        from_office=False,
                        body="Tak, adres jest aktualny. Dziękuję.",
                    )
            created += 1
        # demo cases loaded before the team existed join it too
        Case.objects.filter(office=office, mos_number__startswith="MOS-DEMO-", team__isnull=True).update(
            team=team
        )
        if foreigner and not Application.objects.filter(office=office, applicant=foreigner).exists():
            Application.objects.create(
                office=office,
                applicant=foreigner,
                type_code="visa_extension",  # filed at the office; residence permits go through MOS
                language="uk",
                data={"surname": "Shevchenko", "given_names": "Olena", "email": foreigner.email},
            )
    stdout.write(f"legalisation: {created} demo cases (status PIN for each: {DEMO_PIN})\n")


DEMO_MOS_DROP = "mos-drop"


def load_mos_arrival(office: Any, stdout: Any) -> list[str]:
    """One case that arrives from MOS: the simulator builds a signed package, it is dropped into the
    office's drop directory (``var/mos-drop``) and imported by the same code the periodic job runs.
    The claim code is printed (only its hash is stored: each demo run issues a fresh one until the
    case is claimed)."""
    from przystan.intake.runner import poll_office
    from przystan.offices.enablement import plugin_config, set_enabled

    from .claims import issue_claim_code
    from .models import MosPackage
    from .mos_intake import drop_dir
    from .mos_package import keys
    from .mos_simulator import build_sample

    available = keys()
    if not available:
        stdout.write("legalisation: no LEGALISATION_MOS_KEYS configured, no MOS case in the demo\n")
        return []
    config = dict(plugin_config(office, "legalisation"))
    if not (config.get("mos_intake") or {}).get("drop_dir"):
        config["mos_intake"] = {"drop_dir": DEMO_MOS_DROP}
        set_enabled(office, "legalisation", enabled=True, config=config)
    package_id = f"MOS-DEMO-PKG-{office.pk}-001"
    if not MosPackage.objects.filter(package_id=package_id).exists():
        kid, key = next(iter(available.items()))
        filed = timezone.localtime() - datetime.timedelta(days=3)
        _pid, payload = build_sample(
            office.code,
            kid=kid,
            key=key,
            package_id=package_id,
            mos_number=f"MOS/2026/DEMO-{office.pk}",
            filed_at=filed.replace(microsecond=0).isoformat(),
            documents_complete_at=filed.date().isoformat(),
        )
        folder = drop_dir(office)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{package_id}.zip").write_bytes(payload)
        poll_office(office)
    record = MosPackage.objects.filter(package_id=package_id).select_related("case").first()
    if record is None:
        stdout.write("legalisation: the demo MOS package was not imported (see the quarantine)\n")
        return []
    case = record.case
    if case.applicant_id:
        stdout.write(f"legalisation: MOS case {case.number} is already claimed\n")
        return []
    code = issue_claim_code(case)
    stdout.write(
        f"legalisation: MOS case {case.number} ({case.person_name}) arrived from the MOS simulator\n"
    )
    return [
        f"{'MOS case':<14} {case.number:<38} claim code: {code}",
        f"{'':<14} {'':<38} (a demo foreigner enters both at /legalisation/claim/)",
    ]
