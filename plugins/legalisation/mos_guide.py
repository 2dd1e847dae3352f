"""What the "prepare for MOS" guide and the private checklist show for an application type.

Built from the type's data (documents, fees, employer's annex) and the office's filing route; nothing
here files anything, gives a case number or a PIN. The common formal mistakes are guidance text, the
same for every MOS type (offices add their own notes on the route row).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from przystan.offices.enablement import hooks_for_office

from .application_types import ApplicationType


@dataclass(frozen=True)
class Item:
    code: str
    label: Any
    required: bool = True


PASSPORT = Item("passport", _("A valid passport (all pages scanned) — you will show it at the office"))
SIGNATURE = Item(
    "signature",
    _(
        "A way to sign in MOS: login.gov.pl with a trusted profile (profil zaufany), an e-ID card, or a qualified signature"
    ),
)
STAY = Item("legal_stay", _("The application is filed while your current stay in Poland is still legal"))
ANNEX = Item("annex", _("Your employer has signed annex no. 1 through the link MOS e-mailed to them"))

MISTAKES = (
    _("Filing on paper or by post: since 27 April 2026 such an application is left unexamined."),
    _("Filing after your visa or previous permit has expired: file while your stay is still legal."),
    _(
        "Paying the stamp duty to the wrong account: stamp duty goes to the city at the seat of the voivode, the card fee to the voivodeship office."
    ),
    _(
        "Not attaching the proof of stamp duty payment, or paying a different amount than the fee for your purpose."
    ),
    _(
        "A photograph that does not meet the requirements (35 × 45 mm, taken within the last 6 months, face fully visible)."
    ),
    _("Scanning only the passport's photo page instead of all used pages."),
    _("Leaving the application unsigned in MOS: without your signature it is not filed."),
)
EMPLOYER_STEP = _(
    "After you fill in the application, MOS e-mails your employer a link to annex no. 1. The employer fills "
    "it in and signs it electronically. Ask your employer to do it at once: without the annex the "
    "application is incomplete."
)


def document_items(kind: ApplicationType) -> list[Item]:
    return [Item(f"doc:{spec.code}", spec.label, spec.required) for spec in kind.attachments]


def fees(office: Any, kind: ApplicationType, language: str) -> list[dict[str, Any]]:
    """The type's fees from the office's fee catalogue (amount, payee, legal basis)."""
    results = hooks_for_office(office).fee_catalogue(
        office=office, codes=list(kind.fee_codes), language=language
    )
    found: list[dict[str, Any]] = []
    for result in results or []:
        found.extend(entry for entry in result or [] if isinstance(entry, dict))
    by_code = {entry.get("code"): entry for entry in found}
    payees = {  # the catalogue names the kind of payee; the person needs its name
        "stamp_duty": getattr(office, "stamp_duty_payee", ""),
        "office": getattr(office, "fees_payee", ""),
    }
    return [
        {**by_code[code], "payee_name": payees.get(by_code[code].get("payee"), "")}
        for code in kind.fee_codes
        if code in by_code
    ]


def checklist_items(office: Any, kind: ApplicationType, language: str) -> list[Item]:
    items = [SIGNATURE, STAY, PASSPORT, *document_items(kind)]
    for fee in fees(office, kind, language):
        items.append(Item(f"fee:{fee['code']}", _("Paid: %(fee)s") % {"fee": fee.get("name", "")}))
    if kind.employer_annex:
        items.append(ANNEX)
    return items
