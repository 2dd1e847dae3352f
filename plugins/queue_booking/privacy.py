"""GDPR art. 13 notices of the booking forms (visit, waiting list, allocation round); office-editable defaults."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import LegalBasis, PrivacyClause

ACTS = _(
    "the act of 12 December 2013 on foreigners (Dz.U. 2025 poz. 1079) and the Code of Administrative "
    "Procedure (Dz.U. 2025 poz. 1691): the office receives applicants and persons summoned to appear in person"
)
DATA = _(
    "full name, kind and number of the identity document (kept as a one-way hash and the last characters), "
    "case number and code if you give them, e-mail and mobile phone if you give them, language of messages, "
    "the time booked and when you arrived."
)
RECIPIENTS = _(
    "staff of the office who serve visitors; the e-mail and SMS service providers that send reminders for "
    "the office under a data processing agreement."
)
OBLIGATION = _(
    "Needed to book: without your name and document we cannot hold a time for you. E-mail and phone are "
    "voluntary; without them you get no reminders."
)


def clauses() -> list[PrivacyClause]:
    return [
        PrivacyClause(
            "queue_booking.visit",
            title=_("Booking a visit"),
            purpose=_(
                "to book your visit at the office, remind you of it and let you change or cancel it, to check "
                "at the entrance that the visit is yours and to stop bookings being hoarded or resold."
            ),
            bases=(LegalBasis.PUBLIC_TASK,),
            legal_acts=ACTS,
            data=DATA,
            recipients=RECIPIENTS,
            retention=_(
                "12 months after the visit (to answer complaints and keep booking fair), unless the booking "
                "becomes part of a case file; then as long as the case file."
            ),
            obligation=OBLIGATION,
            order=20,
        ),
        PrivacyClause(
            "queue_booking.waiting_list",
            title=_("Waiting list for a visit"),
            purpose=_(
                "to offer you a time someone else has freed, in the order people joined the list, and to "
                "hold it for you for a limited time."
            ),
            bases=(LegalBasis.PUBLIC_TASK,),
            legal_acts=ACTS,
            data=DATA,
            recipients=RECIPIENTS,
            retention=_("until you book an offered time or leave the list, then 12 months."),
            obligation=OBLIGATION,
            order=21,
        ),
        PrivacyClause(
            "queue_booking.allocation_round",
            title=_("Allocation round of visit times"),
            purpose=_(
                "to register your request in the allocation round and to allocate the times by a public "
                "random draw instead of by who was fastest."
            ),
            bases=(LegalBasis.PUBLIC_TASK,),
            legal_acts=ACTS,
            data=DATA,
            recipients=RECIPIENTS,
            retention=_(
                "until the times of the round are used, then 12 months; the published order of the draw "
                "shows only request codes."
            ),
            obligation=OBLIGATION,
            automated=_(
                "The times are allocated by a random draw anyone can check; it does not assess you and no "
                "decision in your case follows from it."
            ),
            order=22,
        ),
    ]
