"""Check legal acts against the legal-acts API (the Sejm's ELI API) and flag pages citing changed acts.

The endpoint is configurable (``PRZYSTAN_LEGAL_ACTS_API`` / ``manage.py check_legal_acts --endpoint``);
``GET {endpoint}/acts/{ELI}`` answers JSON with ``inForce`` (``IN_FORCE`` / ``NOT_IN_FORCE``), ``status``
and ``changeDate``. A failed lookup is recorded on the act and retried on the next run; it never flags, and it makes the
check fail (``check_legal_acts`` exits non-zero naming the acts, so the periodic job is marked failed).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

import httpx
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from .cache import purge_pages
from .models import InformationPage, LegalAct, ProcedurePage

logger = logging.getLogger(__name__)
DEFAULT_ENDPOINT = "https://api.sejm.gov.pl/eli"


def configured_endpoint() -> str:
    return getattr(settings, "PRZYSTAN_LEGAL_ACTS_API", "") or DEFAULT_ENDPOINT


@dataclass
class SourceStatus:
    in_force: bool
    status: str
    changed_on: dt.date | None


@dataclass
class CheckReport:
    checked: int = 0
    repealed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)  # ELI → why its lookup failed
    flagged_pages: int = 0

    @property
    def ok(self) -> bool:
        """False when any lookup failed: the check did not establish those acts' status."""
        return not self.failed

    def failure_summary(self) -> str:
        listed = "; ".join(f"{eli}: {self.errors.get(eli, '?')}" for eli in self.failed)
        return f"{len(self.failed)} of {self.checked} legal acts could not be checked ({listed})"


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    moment = parse_datetime(str(value))
    return moment.date() if moment else parse_date(str(value)[:10])


def fetch_status(client: httpx.Client, endpoint: str, eli: str) -> SourceStatus:
    response = client.get(f"{endpoint.rstrip('/')}/acts/{eli.strip('/')}")
    response.raise_for_status()
    data = response.json()
    in_force = str(data.get("inForce", "")).upper()
    if in_force not in ("IN_FORCE", "NOT_IN_FORCE"):
        raise ValueError(f"unexpected inForce value {data.get('inForce')!r}")
    return SourceStatus(
        in_force=in_force == "IN_FORCE",
        status=str(data.get("status") or "")[:200],
        changed_on=_date(data.get("changeDate")),
    )


def flag_citing_pages(act: LegalAct, reason: str) -> int:
    pages = act.citing_pages()
    for model in (ProcedurePage, InformationPage):
        ids = [page.pk for page in pages if isinstance(page, model)]
        if ids:
            model.objects.filter(pk__in=ids).update(
                needs_review=True, review_reason=reason[:500], review_flagged_at=timezone.now()
            )
    if pages:
        purge_pages(pages)
    return len(pages)


def check_acts(
    endpoint: str | None = None, timeout: float = 10.0, client: httpx.Client | None = None
) -> CheckReport:
    endpoint = endpoint or configured_endpoint()
    report = CheckReport()
    own_client = client is None
    client = client or httpx.Client(
        timeout=timeout, transport=httpx.HTTPTransport(retries=2), headers={"Accept": "application/json"}
    )
    try:
        for act in LegalAct.objects.order_by("pk"):
            report.checked += 1
            try:
                source = fetch_status(client, endpoint, act.eli)
            except (httpx.HTTPError, ValueError) as exc:
                act.check_error = str(exc)[:300]
                act.save(update_fields=["check_error"])
                report.failed.append(act.eli)
                report.errors[act.eli] = act.check_error
                logger.warning("Legal act %s could not be checked: %s", act.eli, exc)
                continue
            with transaction.atomic():
                reason = ""
                if act.in_force and not source.in_force:
                    reason = _("The act “%(title)s” (%(ref)s) is no longer in force: %(status)s.") % {
                        "title": act.title,
                        "ref": act.journal_reference,
                        "status": source.status or "-",
                    }
                    report.repealed.append(act.eli)
                elif act.changed_on and source.changed_on and source.changed_on > act.changed_on:
                    reason = _("The act “%(title)s” (%(ref)s) changed on %(date)s.") % {
                        "title": act.title,
                        "ref": act.journal_reference,
                        "date": source.changed_on.isoformat(),
                    }
                    report.changed.append(act.eli)
                act.in_force = source.in_force
                act.status = source.status
                act.changed_on = source.changed_on or act.changed_on
                act.checked_at = timezone.now()
                act.check_error = ""
                act.save()
                if reason:
                    report.flagged_pages += flag_citing_pages(act, reason)
    finally:
        if own_client:
            client.close()
    return report
