"""What a procedure page shows from other plugins: fees, case stages and calls to action.

Fees come from the payments plugin (``fee_catalogue``), stages and fee codes from the case plugin
(``application_types``), buttons from whichever plugins answer ``procedure_actions``. All are called
per office, so a plugin disabled for the office simply does not answer and the page falls back to its
own content (or shows no button).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from przystan.offices.enablement import hooks_for_office

from .application_types import parse_fee_codes

logger = logging.getLogger(__name__)


@dataclass
class Fee:
    code: str
    name: str
    amount_grosze: int
    payee: str = ""
    legal_basis: str = ""
    exemptions: str = ""
    amount_text: str = ""  # as the catalogue words it ("340 zł", "równowartość 30 euro")
    reliefs: list[str] = field(default_factory=list)  # who pays less or nothing, one sentence each

    @property
    def amount(self) -> Decimal:
        return Decimal(self.amount_grosze) / 100


@dataclass
class ProcedureDetails:
    application_type: dict[str, Any] | None = None
    fees: list[Fee] = field(default_factory=list)
    stages: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def fees_from_catalogue(self) -> bool:
        return bool(self.fees)

    @property
    def stages_from_cases(self) -> bool:
        return bool(self.stages)


def _flatten(results: Any) -> list[dict[str, Any]]:
    flat: list[dict[str, Any]] = []
    for result in results or []:
        if isinstance(result, dict):
            flat.append(result)
        else:
            flat.extend(item for item in result or [] if isinstance(item, dict))
    return flat


def _call(hooks: Any, name: str, **kwargs: Any) -> list[dict[str, Any]]:
    try:
        return _flatten(getattr(hooks, name)(**kwargs))
    except Exception:  # a broken plugin must not take the information portal down
        logger.exception("Hook %s failed; the procedure page falls back to its own content", name)
        return []


def filing_stage_description(route: str) -> str:
    """What filing means on this procedure's filing route (the case plugin's route data): a MOS filing
    is confirmed by the free MOS certificate, not by a passport stamp; others are filed with the office."""
    if route == "mos":
        return _(
            "You file the application only electronically in the MOS module. MOS confirms the filing and "
            "issues a free certificate of filing, which replaced the stamp in the passport."
        )
    if route in ("local_online", "paper"):
        return _("You file the application with the office; it is not filed in the MOS module.")
    return ""


def stages_for_route(
    stages: list[dict[str, Any]], filing: dict[str, Any] | None, language: str
) -> list[dict[str, Any]]:
    """The case plugin's stages of this procedure, the filing stage told as its filing route has it."""
    with translation.override(language):
        described = filing_stage_description(str((filing or {}).get("route") or ""))
    if not described:
        return stages
    return [
        {**stage, "description": described} if stage.get("code") == "filed" else stage for stage in stages
    ]


def procedure_details(page: Any, office: Any, language: str | None = None) -> ProcedureDetails:
    language = language or page.locale.language_code or get_language()
    details = ProcedureDetails()
    if office is None:
        return details
    hooks = hooks_for_office(office)
    types = _call(hooks, "application_types", office=office, language=language)
    details.application_type = next((t for t in types if t.get("code") == page.application_type), None)
    if details.application_type:
        details.stages = stages_for_route(
            list(details.application_type.get("stages") or []),
            details.application_type.get("filing"),
            language,
        )
    codes = list((details.application_type or {}).get("fee_codes") or []) or parse_fee_codes(page.fee_codes)
    if codes:
        catalogue = _call(hooks, "fee_catalogue", office=office, codes=codes, language=language)
        by_code = {entry.get("code"): entry for entry in catalogue}
        details.fees = [
            Fee(
                code=code,
                name=str(by_code[code].get("name") or code),
                amount_grosze=int(by_code[code].get("amount_grosze") or 0),
                payee=str(by_code[code].get("payee") or ""),
                legal_basis=str(by_code[code].get("legal_basis") or ""),
                exemptions=str(by_code[code].get("exemptions") or ""),
                amount_text=str(by_code[code].get("amount_text") or ""),
                reliefs=[
                    str(relief.get("sentence") or "")
                    for relief in by_code[code].get("reliefs") or []
                    if isinstance(relief, dict) and relief.get("sentence")
                ],
            )
            for code in codes
            if code in by_code
        ]
    details.actions = [
        action
        for action in _call(
            hooks,
            "procedure_actions",
            office=office,
            application_type=page.application_type,
            language=language,
        )
        if action.get("url") and action.get("label")
    ]
    return details
