"""The GDPR art. 13 notices of an office's public forms, resolved from the clause registry and the office.

A clause (``privacy_clauses`` hook) gives a form's purpose, legal basis, data, recipients and retention
as translated defaults; the office supplies the controller (its name and address), its data protection
officer and the supervisory authority, and may override each text per language
(:class:`~przystan.offices.models.PrivacyNoticeText`). :func:`notice` is what a form shows,
:func:`office_notices` what the office's privacy page lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from przystan.pluginsys.contributions import LegalBasis, PrivacyClause
from przystan.pluginsys.manager import CORE_SLUG, get_plugin_system


@dataclass
class Notice:
    """One form's notice in one language, ready to render."""

    name: str
    title: str
    purpose: str
    bases: list[str]  # the GDPR provisions, e.g. "art. 6 ust. 1 lit. e RODO"
    legal_acts: str
    data: str
    recipients: str
    retention: str
    obligation: str
    source: str
    automated: str
    rights: list[str]
    no_erasure: bool


def basis_label(basis: str) -> str:
    return {
        LegalBasis.PUBLIC_TASK: _(
            "art. 6(1)(e) GDPR — performing a task in the public interest or exercising official authority"
        ),
        LegalBasis.LEGAL_OBLIGATION: _("art. 6(1)(c) GDPR — a legal obligation of the controller"),
    }[basis]


def rights(clause: PrivacyClause) -> list[str]:
    found = [
        _("access to your data and a copy of it (art. 15 GDPR)"),
        _("rectification of your data (art. 16 GDPR)"),
        _("restriction of processing (art. 18 GDPR)"),
    ]
    if clause.objection_applies:
        found.append(
            _("objection to processing on grounds relating to your particular situation (art. 21 GDPR)")
        )
    return found


def _enabled(office: Any) -> set[str]:
    from .enablement import enabled_plugins

    return set(enabled_plugins(office)) if office is not None else set()


def clause_available(office: Any, clause: PrivacyClause) -> bool:
    return clause.plugin.startswith(f"{CORE_SLUG}.") or clause.plugin in _enabled(office)


def _overrides(office: Any, language: str) -> dict[str, Any]:
    from .models import PrivacyNoticeText

    if office is None or office.pk is None:
        return {}
    return {text.clause: text for text in PrivacyNoticeText.objects.filter(office=office, language=language)}


def resolve(clause: PrivacyClause, override: Any = None) -> Notice:
    def text(name: str) -> str:
        own = getattr(override, name, "") if override is not None else ""
        return own or str(getattr(clause, name) or "")

    return Notice(
        name=clause.name,
        title=str(clause.title),
        purpose=text("purpose"),
        bases=[basis_label(basis) for basis in clause.bases],
        legal_acts=text("legal_acts"),
        data=text("data"),
        recipients=text("recipients"),
        retention=text("retention"),
        obligation=text("obligation"),
        source=str(clause.source or ""),
        automated=str(clause.automated or ""),
        rights=rights(clause),
        no_erasure=True,
    )


def notice(office: Any, name: str, language: str | None = None) -> Notice:
    """The notice of the form ``name`` for ``office`` (raises KeyError for an unregistered clause)."""
    clause = get_plugin_system().registry("privacy_clauses").get(name)
    override = _overrides(office, language or get_language() or "pl").get(name)
    return resolve(clause, override)


def office_notices(office: Any, language: str | None = None) -> list[Notice]:
    """Every notice of the core and the plugins enabled for ``office``, in the registry's order."""
    overrides = _overrides(office, language or get_language() or "pl")
    clauses = [c for c in get_plugin_system().registry("privacy_clauses") if clause_available(office, c)]
    return [resolve(c, overrides.get(c.name)) for c in sorted(clauses, key=lambda c: (c.order, c.name))]
