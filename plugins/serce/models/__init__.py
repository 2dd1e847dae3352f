"""Models of the serce register, one module per area.

Field names of :class:`Centre`, :class:`Person`, :class:`Household` and :class:`Stay` are a
contract with the ``hotel`` plugin (which declares ``requires = ("serce",)``): keep them stable.
"""

from .addresses import Address
from .benefits import Benefit, BenefitKind, BenefitRule
from .centres import Centre
from .education import SchoolEnrolment, SchoolSupply
from .food import FoodArrangement
from .imports import ImportRun
from .medical import MedicalFilter, SpecialNeed
from .notices import NoticeBatch, NoticeRecipient
from .payments import PaymentEntry, PaymentList
from .persons import Household, IdentityDocument, Person
from .stays import Stay

__all__ = [
    "Address",
    "Benefit",
    "BenefitKind",
    "BenefitRule",
    "Centre",
    "FoodArrangement",
    "Household",
    "IdentityDocument",
    "ImportRun",
    "MedicalFilter",
    "NoticeBatch",
    "NoticeRecipient",
    "PaymentEntry",
    "PaymentList",
    "Person",
    "SchoolEnrolment",
    "SchoolSupply",
    "SpecialNeed",
    "Stay",
]
