"""GDPR art. 13 notice of sign-up, log-in and password reset; office-editable defaults."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import LegalBasis, PrivacyClause


def clauses() -> list[PrivacyClause]:
    return [
        PrivacyClause(
            "accounts.account",
            title=_("Your account on the portal"),
            purpose=_(
                "to create and run your account: to sign you in securely, to show you your visits and "
                "matters and to send you messages about them."
            ),
            bases=(LegalBasis.PUBLIC_TASK,),
            legal_acts=_(
                "the act of 17 February 2005 on the computerisation of the activities of entities performing "
                "public tasks and the Code of Administrative Procedure (Dz.U. 2025 poz. 1691): the office "
                "offers its services electronically"
            ),
            data=_(
                "e-mail address, password (kept only as a one-way hash), preferred language; for an employer "
                "the organisation's name and NIP; the times and addresses of sign-ins (security log)."
            ),
            recipients=_(
                "staff of the office authorised to handle your matters; the office's IT and e-mail service "
                "providers under a data processing agreement."
            ),
            retention=_(
                "while the account exists; after it is closed the security log is kept for 12 months. Data "
                "of your matters are kept as the notice of each form says."
            ),
            obligation=_(
                "Voluntary: most services can be used without an account; without an e-mail address we "
                "cannot create one."
            ),
            order=10,
        )
    ]
