"""GDPR art. 13 notices of the application forms and the party's case pages; office-editable defaults."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import LegalBasis, PrivacyClause

ACTS = _(
    "the act of 12 December 2013 on foreigners (Dz.U. 2025 poz. 1079) and the Code of Administrative "
    "Procedure (Dz.U. 2025 poz. 1691); fingerprints: art. 9(2)(g) GDPR with the act on foreigners"
)
RECIPIENTS = _(
    "the Head of the Office for Foreigners (national register, appeals), the Border Guard, the Police, the "
    "Internal Security Agency and consuls for the opinions the act on foreigners requires; your employer "
    "for the employer's annex; courts and other authorities where a law requires it; the office's IT and "
    "postal service providers under a data processing agreement."
)
RETENTION = _(
    "in the case file, for the period the office's filing plan (JRWA) and the act of 14 July 1983 on the "
    "national archival resource and archives lay down for residence cases; in the national register as "
    "the act on foreigners provides."
)


def clauses() -> list[PrivacyClause]:
    return [
        PrivacyClause(
            "legalisation.application",
            title=_("Application for a residence permit and its attachments"),
            purpose=_(
                "to receive and examine your application, to decide on it and to issue the residence card, "
                "with the checks the law requires."
            ),
            bases=(LegalBasis.LEGAL_OBLIGATION,),
            legal_acts=ACTS,
            data=_(
                "the data the application form asks for (identity, nationality, address, travel document, "
                "purpose of stay, work, family members) and the documents you attach; fingerprints and a "
                "photo are taken at your visit."
            ),
            recipients=RECIPIENTS,
            retention=RETENTION,
            obligation=_(
                "Required by the act on foreigners: without these data the application cannot be examined "
                "and is left unexamined."
            ),
            source=_(
                "from you; for the employer's annex from your employer; opinions from the authorities named "
                "under recipients."
            ),
            order=30,
        ),
        PrivacyClause(
            "legalisation.case",
            title=_("Your case: status check, letters and documents"),
            purpose=_(
                "to let you follow your case, answer the office's letters and send the documents it asks for, "
                "and to check that you are the party (case number and PIN)."
            ),
            bases=(LegalBasis.LEGAL_OBLIGATION,),
            legal_acts=_(
                "the Code of Administrative Procedure (Dz.U. 2025 poz. 1691), art. 10 and 73 (a party's "
                "part in the proceedings and access to the files); the act of 12 December 2013 on "
                "foreigners (Dz.U. 2025 poz. 1079)"
            ),
            data=_(
                "case number and PIN, what you send us (answers, messages, documents) and a log of when the "
                "case was looked at."
            ),
            recipients=RECIPIENTS,
            retention=RETENTION,
            obligation=_(
                "Looking at the case is voluntary; documents the office asks for are required by the act on "
                "foreigners, and without them the application may be left unexamined."
            ),
            order=31,
        ),
    ]
