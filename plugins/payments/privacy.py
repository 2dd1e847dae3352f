"""GDPR art. 13 notice of the payment forms; office-editable defaults."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import LegalBasis, PrivacyClause


def clauses() -> list[PrivacyClause]:
    return [
        PrivacyClause(
            "payments.payment",
            title=_("Paying fees"),
            purpose=_(
                "to take the stamp duty and the residence card fee, to confirm the payment to you and to link "
                "it with your case."
            ),
            bases=(LegalBasis.LEGAL_OBLIGATION,),
            legal_acts=_(
                "the act of 16 November 2006 on stamp duty (Dz.U. 2025 poz. 1154); the act of 12 December "
                "2013 on foreigners (Dz.U. 2025 poz. 1079) for the residence card fee; the act of "
                "29 September 1994 on accounting"
            ),
            data=_(
                "e-mail address, name, the fees paid, case number and PIN if you give them, the payment "
                "reference and its status."
            ),
            source=_("the payment operator and the banks tell us whether and when the payment was made."),
            recipients=_(
                "the municipality at the seat of the voivode (stamp duty), the payment operator and the banks "
                "that carry the payment, the office's accounting."
            ),
            retention=_(
                "5 years from the start of the year after the financial year of the payment (act on accounting, "
                "art. 74), or as long as the case file when the payment belongs to a case."
            ),
            obligation=_(
                "Needed to pay online and to receive the confirmation; you can also pay by bank transfer."
            ),
            order=40,
        )
    ]
