"""The shared vocabulary of application types and fee codes (owned by the case and payments plugins)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

APPLICATION_TYPES = [
    ("temp_work", _("Temporary residence and work")),
    ("temp_blue_card", _("Temporary residence: EU Blue Card")),
    ("temp_ict", _("Temporary residence: intra-corporate transfer")),
    ("temp_business", _("Temporary residence: business activity")),
    ("temp_studies", _("Temporary residence: studies")),
    ("temp_research", _("Temporary residence: scientific research")),
    ("temp_family", _("Temporary residence: family reunification")),
    ("temp_spouse", _("Temporary residence: spouse of a Polish citizen")),
    ("temp_other", _("Temporary residence: other circumstances")),
    ("temp_seasonal", _("Temporary residence: seasonal work")),
    ("temp_mobility", _("Temporary residence: long-term mobility")),
    ("permanent", _("Permanent residence")),
    ("eu_ltr", _("EU long-term resident")),
    ("card_exchange", _("Residence card exchange")),
    ("invitation", _("Invitation")),
    ("visa_extension", _("Visa extension")),
    ("cukr", _("CUKR card")),
]
FEE_CODES = frozenset(
    {
        "stamp_temp_work",
        "stamp_temp_other",
        "stamp_seasonal",
        "stamp_short_stay",
        "stamp_short_stay_personal",
        "stamp_permanent",
        "stamp_eu_ltr",
        "stamp_permit_change",
        "stamp_decision_change",
        "stamp_visa_extension",
        "stamp_schengen_visa_extension",
        "stamp_cukr",
        "stamp_invitation",
        "stamp_certificate",
        "stamp_power_of_attorney",
        "card_issue",
        "card_issue_lost",
        "card_issue_lost_repeat",
    }
)


def parse_fee_codes(value: str) -> list[str]:
    """Split a space- or comma-separated list of fee codes into exact codes (no substring matching)."""
    return [code for code in value.replace(",", " ").split() if code]


def validate_fee_codes(value: str) -> None:
    unknown = [code for code in parse_fee_codes(value) if code not in FEE_CODES]
    if unknown:
        raise ValidationError(
            _("Unknown fee codes: %(codes)s. Known codes: %(known)s."),
            params={"codes": ", ".join(unknown), "known": ", ".join(sorted(FEE_CODES))},
        )
