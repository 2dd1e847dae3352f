"""Application types as data: sections of fields, required attachments, fees, workflow (the legal
deadlines are data too: ``DeadlineRule``, see deadline_rules.py).

Codes are the shared vocabulary of COMMON.md (other plugins and the CMS refer to them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from . import fields as f
from .fields import CrossRule, FieldSpec, Text


@dataclass(frozen=True)
class Section:
    code: str
    title: Text
    fields: tuple[FieldSpec, ...]


@dataclass(frozen=True)
class AttachmentSpec:
    code: str
    label: Text
    required: bool = True


@dataclass(frozen=True)
class ApplicationType:
    code: str
    name: Text
    description: Text
    sections: tuple[Section, ...]
    attachments: tuple[AttachmentSpec, ...]
    fee_codes: tuple[str, ...]
    workflow: str  # key of workflow.WORKFLOWS
    # the events whose last one starts the legal clock by default; the clock itself follows the
    # office's DeadlineRule (data, models/deadline_rules.py)
    clock_events: tuple[str, ...] = ("filed", "documents", "fingerprints")
    employer_annex: bool = False
    online: bool = True  # can be filled here (the others are registered by MOS number)
    cross_rules: tuple[CrossRule, ...] = ()  # rules between answers (fields.CrossRule)
    extra: dict = field(default_factory=dict)

    @property
    def all_fields(self) -> list[FieldSpec]:
        return [spec for section in self.sections for spec in section.fields]


PERSONAL = Section(
    "personal",
    _("Personal data"),
    (
        f.SURNAME,
        f.GIVEN_NAMES,
        f.FATHERS_NAME,
        f.BIRTH_DATE,
        f.CITIZENSHIP,
        f.PASSPORT_NUMBER,
        f.PASSPORT_EXPIRY,
        f.STAY_FROM,
    ),
)
CONTACT = Section("contact", _("Address and contact"), (f.STREET, f.POSTAL_CODE, f.CITY, f.EMAIL, f.PHONE))
WORK = Section(
    "work",
    _("Work"),
    (f.EMPLOYER_NAME, f.EMPLOYER_NIP, f.POSITION, f.EMPLOYMENT_START, f.EMPLOYMENT_END, f.SALARY),
)
BUSINESS = Section("business", _("Business activity"), (f.COMPANY_NIP, f.PURPOSE))
STUDIES = Section("studies", _("Studies"), (f.UNIVERSITY, f.STUDY_END))
RESEARCH = Section("research", _("Research"), (f.INSTITUTE, f.PURPOSE))
FAMILY = Section("family", _("Family member"), (f.SPONSOR_NAME, f.PESEL))
SPOUSE = Section("spouse", _("Spouse"), (f.SPONSOR_NAME, f.SPONSOR_PESEL))
PURPOSE = Section("purpose", _("Purpose"), (f.PURPOSE,))
CARD = Section("card", _("Residence card"), (f.CARD_NUMBER,))
INVITATION = Section("invitation", _("Invited person"), (f.INVITED_NAME, f.PURPOSE))
VISA = Section("visa", _("Visa"), (f.VISA_NUMBER, f.PURPOSE))
CUKR = Section("cukr", _("PESEL-UKR"), (f.PESEL,))

PHOTO = AttachmentSpec("photo", _("Photograph (35 × 45 mm)"))
PASSPORT_COPY = AttachmentSpec("passport_copy", _("Copy of all passport pages"))
INSURANCE = AttachmentSpec("insurance", _("Health insurance"))
CONTRACT = AttachmentSpec("contract", _("Employment contract"))
ACCOMMODATION = AttachmentSpec("accommodation", _("Proof of accommodation"), required=False)
INCOME = AttachmentSpec("income", _("Proof of stable income"))
ENROLMENT = AttachmentSpec("enrolment", _("Certificate of enrolment"))
HOSTING = AttachmentSpec("hosting", _("Hosting agreement with the research institution"))
MARRIAGE = AttachmentSpec("marriage", _("Marriage certificate"))
DIPLOMA = AttachmentSpec("diploma", _("Diploma (higher qualifications)"))
ASSIGNMENT = AttachmentSpec("assignment", _("Letter of assignment from the group company"))
COMPANY_RECORD = AttachmentSpec("company_record", _("Company register extract"))
STAMP = AttachmentSpec("stamp_duty", _("Proof of stamp duty payment"), required=False)
OTHER = AttachmentSpec("other", _("Other document"), required=False)

STD = (PERSONAL, CONTACT)
WORK_RULES = (f.EMPLOYMENT_END_AFTER_START, f.EMPLOYMENT_AFTER_BIRTH)
TEMP = "residence"


def _t(
    code: str,
    name: Text,
    description: Text,
    extra_sections: tuple[Section, ...],
    attachments: tuple[AttachmentSpec, ...],
    fees: list[str],
    workflow: str = TEMP,
    rules: tuple[CrossRule, ...] = (),
    **kw: object,
) -> ApplicationType:
    return ApplicationType(
        code,
        name,
        description,
        (*STD, *extra_sections),
        (PHOTO, PASSPORT_COPY, *attachments, STAMP, OTHER),
        tuple(fees),
        workflow,
        cross_rules=(f.PASSPORT_VALID_FOR_STAY, *rules),
        **kw,
    )


TYPES: tuple[ApplicationType, ...] = (
    _t(
        "temp_work",
        _("Temporary residence and work"),
        _("For a job with a Polish employer."),
        (WORK,),
        (CONTRACT, INSURANCE),
        ["stamp_temp_work", "card_issue"],
        rules=WORK_RULES,
        employer_annex=True,
    ),
    _t(
        "temp_blue_card",
        _("EU Blue Card"),
        _("Temporary residence for highly qualified work."),
        (WORK,),
        (CONTRACT, DIPLOMA, INSURANCE),
        ["stamp_temp_work", "card_issue"],
        rules=WORK_RULES,
        employer_annex=True,
    ),
    _t(
        "temp_ict",
        _("Intra-corporate transfer"),
        _("A manager, specialist or trainee transferred within a group."),
        (WORK,),
        (ASSIGNMENT, INSURANCE),
        ["stamp_temp_work", "card_issue"],
        rules=WORK_RULES,
    ),
    _t(
        "temp_business",
        _("Business activity"),
        _("Running your own company in Poland."),
        (BUSINESS,),
        (COMPANY_RECORD, INCOME, INSURANCE),
        ["stamp_temp_other", "card_issue"],
    ),
    _t(
        "temp_studies",
        _("Studies"),
        _("Full-time studies at a Polish university."),
        (STUDIES,),
        (ENROLMENT, INSURANCE, INCOME),
        ["stamp_temp_other", "card_issue"],
        rules=(f.STUDY_END_AFTER_STAY,),
    ),
    _t(
        "temp_research",
        _("Scientific research"),
        _("Research at a Polish institution."),
        (RESEARCH,),
        (HOSTING, INSURANCE),
        ["stamp_temp_other", "card_issue"],
    ),
    _t(
        "temp_family",
        _("Family reunification"),
        _("Joining a family member who lives in Poland."),
        (FAMILY,),
        (MARRIAGE, INCOME, INSURANCE),
        ["stamp_temp_other", "card_issue"],
    ),
    _t(
        "temp_spouse",
        _("Spouse of a Polish citizen"),
        _("Living in Poland with your Polish spouse."),
        (SPOUSE,),
        (MARRIAGE,),
        ["stamp_temp_other", "card_issue"],
    ),
    _t(
        "temp_other",
        _("Other circumstances"),
        _("Temporary residence for other reasons."),
        (PURPOSE,),
        (INCOME, INSURANCE),
        ["stamp_temp_other", "card_issue"],
    ),
    _t(
        "temp_seasonal",
        _("Seasonal work"),
        _("Seasonal work in agriculture or tourism."),
        (WORK,),
        (CONTRACT, INSURANCE),
        ["stamp_seasonal", "card_issue"],
        rules=WORK_RULES,
        employer_annex=True,
    ),
    _t(
        "temp_mobility",
        _("Long-term mobility of a researcher"),
        _("Research mobility within the EU."),
        (RESEARCH,),
        (HOSTING, INSURANCE),
        ["stamp_temp_other", "card_issue"],  # a researcher's mobility: 340 zł (ICT mobility is 440)
    ),
    _t(
        "permanent",
        _("Permanent residence"),
        _("Permanent residence (e.g. Polish origin, Karta Polaka)."),
        (PURPOSE,),
        (INCOME,),
        ["stamp_permanent", "card_issue"],
    ),
    _t(
        "eu_ltr",
        _("EU long-term resident"),
        _("After five years of legal residence."),
        (PURPOSE,),
        (INCOME, INSURANCE),
        ["stamp_eu_ltr", "card_issue"],
    ),
    _t(
        "card_exchange",
        _("Residence card exchange"),
        _("A new card after a change of data or expiry."),
        (CARD,),
        (),
        ["card_issue"],
        workflow="card",
        clock_events=("filed", "fingerprints"),
    ),
    _t(
        "invitation",
        _("Invitation"),
        _("Inviting a foreigner to Poland."),
        (INVITATION,),
        (ACCOMMODATION,),
        ["stamp_invitation"],
        workflow="simple",
        clock_events=("filed", "documents"),
    ),
    _t(
        "visa_extension",
        _("Visa extension"),
        _("Extending a national or Schengen visa."),
        (VISA,),
        (INSURANCE,),
        ["stamp_visa_extension", "stamp_schengen_visa_extension"],
        workflow="simple",
        clock_events=("filed", "documents"),
    ),
    _t(
        "cukr",
        _("CUKR card"),
        _("Residence card for holders of PESEL-UKR status."),
        (CUKR,),
        (),
        ["stamp_cukr", "card_issue"],
        workflow="card",
        clock_events=("filed", "fingerprints"),
    ),
)
TYPES_BY_CODE: dict[str, ApplicationType] = {t.code: t for t in TYPES}


def get_type(code: str) -> ApplicationType:
    return TYPES_BY_CODE[code]


def type_name(code: str) -> str:
    found = TYPES_BY_CODE.get(code)
    return str(found.name) if found else code


def type_choices() -> list[tuple[str, str]]:
    """The application types as model-field choices (the audit trail shows their names)."""
    return [(t.code, t.name) for t in TYPES]
