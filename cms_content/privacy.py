"""GDPR art. 13 notice of correspondence with the office (the contact page); office-editable defaults."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import LegalBasis, PrivacyClause


def clauses() -> list[PrivacyClause]:
    return [
        PrivacyClause(
            "cms_content.correspondence",
            title=_("Letters, e-mails and questions to the office"),
            purpose=_(
                "to answer your question, letter or e-mail and, when it is an application, complaint or "
                "request, to handle it in the procedure the law provides."
            ),
            bases=(LegalBasis.PUBLIC_TASK, LegalBasis.LEGAL_OBLIGATION),
            legal_acts=_(
                "the Code of Administrative Procedure (Dz.U. 2025 poz. 1691), including its section on "
                "complaints and requests; the act of 14 July 1983 on the national archival resource and archives"
            ),
            data=_(
                "what you write to us: your name, contact details, the content of the message and any data "
                "of other people you include."
            ),
            recipients=_(
                "staff of the office who answer it; another authority when the matter belongs to it (we "
                "forward it and tell you); IT and postal service providers acting for the office."
            ),
            retention=_(
                "for the period the office's filing plan (JRWA) lays down for the kind of matter, counted "
                "from when the matter is closed; then the records are destroyed or handed to the state archive."
            ),
            obligation=_("Voluntary, but without contact details we cannot answer you."),
            order=50,
        )
    ]
