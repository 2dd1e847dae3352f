"""Check legal acts against the legal-acts API (the Sejm's ELI API) and flag pages citing changed acts
or superseded consolidated texts.

The endpoint is configurable (``PRZYSTAN_LEGAL_ACTS_API`` / ``manage.py check_legal_acts --endpoint``);
``GET {endpoint}/acts/{ELI}`` answers JSON with ``inForce`` (``IN_FORCE`` / ``NOT_IN_FORCE``), ``status``,
``changeDate`` and ``references``: on an act, ``references["Inf. o tekście jednolitym"]`` lists its
consolidated texts (the latest publication is the current one) and ``references["Nowelizacje po tekście
jednolitym"]`` the amendments published after it; on a consolidated text, ``references["Tekst jednolity
dla aktu"]`` names the act. A newer consolidated text than the ones known is recorded and the older ones
are marked superseded by it; every page citing a superseded text is flagged, saying what to cite instead.

A failed lookup is recorded on the act and retried on the next run; it never flags, and it makes the
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
from .models import InformationPage, LegalAct, LegalActVersion, ProcedurePage
from .models.legal import eli_order, journal_reference_for

logger = logging.getLogger(__name__)
DEFAULT_ENDPOINT = "https://api.sejm.gov.pl/eli"
# keys of the ELI API's ``references`` (Polish, as the API returns them)
CONSOLIDATED_TEXTS = "Inf. o tekście jednolitym"
AMENDMENTS_AFTER_TEXT = "Nowelizacje po tekście jednolitym"
TEXT_OF_ACT = "Tekst jednolity dla aktu"


def configured_endpoint() -> str:
    return getattr(settings, "PRZYSTAN_LEGAL_ACTS_API", "") or DEFAULT_ENDPOINT


@dataclass
class Reference:
    eli: str
    date: dt.date | None = None


@dataclass
class SourceStatus:
    in_force: bool
    status: str
    changed_on: dt.date | None
    consolidated_texts: list[Reference] = field(default_factory=list)
    amendments_after_text: list[Reference] = field(default_factory=list)
    text_of_act: str = ""  # set when the ELI looked up is a consolidated text: the act's ELI


@dataclass
class CheckReport:
    checked: int = 0
    repealed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    superseded: list[str] = field(default_factory=list)  # ELIs of texts found replaced in this run
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


def _references(data: dict[str, Any], key: str) -> list[Reference]:
    """Entries of ``references[key]``: ``{"id": ELI, "date": …}`` or ``{"act": {"ELI": …}, "date": …}``."""
    found = []
    for entry in (data.get("references") or {}).get(key) or []:
        if not isinstance(entry, dict):
            continue
        act = entry.get("act") if isinstance(entry.get("act"), dict) else {}
        eli = str(entry.get("id") or act.get("ELI") or "").strip("/")
        if eli:
            found.append(Reference(eli, _date(entry.get("date") or act.get("announcementDate"))))
    return found


def fetch_status(client: httpx.Client, endpoint: str, eli: str) -> SourceStatus:
    response = client.get(f"{endpoint.rstrip('/')}/acts/{eli.strip('/')}")
    response.raise_for_status()
    data = response.json()
    in_force = str(data.get("inForce", "")).upper()
    if in_force not in ("IN_FORCE", "NOT_IN_FORCE"):
        raise ValueError(f"unexpected inForce value {data.get('inForce')!r}")
    of_act = _references(data, TEXT_OF_ACT)
    return SourceStatus(
        in_force=in_force == "IN_FORCE",
        status=str(data.get("status") or "")[:200],
        changed_on=_date(data.get("changeDate")),
        consolidated_texts=_references(data, CONSOLIDATED_TEXTS),
        amendments_after_text=_references(data, AMENDMENTS_AFTER_TEXT),
        text_of_act=of_act[0].eli if of_act else "",
    )


def fetch_act_status(client: httpx.Client, endpoint: str, act: LegalAct) -> SourceStatus:
    """The act's status; when ``act.eli`` names a consolidated text (rows from before texts were kept
    apart), the act it belongs to is looked up and ``act.eli`` re-pointed to it."""
    source = fetch_status(client, endpoint, act.eli)
    if source.text_of_act and source.text_of_act != act.eli:
        if not LegalAct.objects.filter(eli=source.text_of_act).exclude(pk=act.pk).exists():
            act.eli = source.text_of_act
            source = fetch_status(client, endpoint, act.eli)
    return source


def record_consolidated_texts(act: LegalAct, source: SourceStatus) -> list[str]:
    """Add the latest consolidated text the source lists and mark the older known texts superseded by
    it; return the ELIs newly marked superseded. Amendments after the text are noted on it."""
    if not source.consolidated_texts:
        return []
    latest_ref = max(source.consolidated_texts, key=lambda ref: eli_order(ref.eli))
    latest = LegalActVersion.objects.filter(eli=latest_ref.eli).first()
    if latest is None:
        latest = LegalActVersion.objects.create(
            act=act,
            eli=latest_ref.eli,
            journal_reference=journal_reference_for(latest_ref.eli),
            published_on=latest_ref.date,
        )
    elif latest.act_id != act.pk:  # the ELI belongs to another act: leave it to the editors
        logger.warning("Consolidated text %s of %s is filed under another act", latest.eli, act.eli)
        return []
    changed_fields = []
    if latest.superseded_by_id is not None:
        latest.superseded_by = None
        changed_fields.append("superseded_by")
    if latest_ref.date and latest.published_on is None:
        latest.published_on = latest_ref.date
        changed_fields.append("published_on")
    if source.amendments_after_text:
        amended_by = ", ".join(journal_reference_for(ref.eli) for ref in source.amendments_after_text)[:200]
        if amended_by != latest.amended_by:
            latest.amended_by = amended_by
            changed_fields.append("amended_by")
    if changed_fields:
        latest.save(update_fields=changed_fields)
    older = [
        version
        for version in act.versions.filter(superseded_by__isnull=True).exclude(pk=latest.pk)
        if eli_order(version.eli) < eli_order(latest.eli)
    ]
    for version in older:
        version.superseded_by = latest
        version.save(update_fields=["superseded_by"])
    return [version.eli for version in older]


def superseded_reason(text: LegalActVersion, instead: LegalActVersion) -> str:
    return _(
        "The page cites %(cited)s of “%(title)s”, which %(current)s has superseded: cite %(current)s instead."
    ) % {"cited": text.journal_reference, "title": text.act.title, "current": instead.journal_reference}


def flag_pages_citing_superseded_texts() -> int:
    """Flag every page (every language) that cites a superseded consolidated text and is not flagged
    for it yet; the reason names the text to cite instead. Return how many pages were flagged."""
    flagged = []
    for model in (ProcedurePage, InformationPage):
        pages = model.objects.filter(cited_texts__superseded_by__isnull=False).distinct()
        for page in pages.prefetch_related("cited_texts__act", "cited_texts__superseded_by"):
            reasons = [superseded_reason(text, instead) for text, instead in page.superseded_citations()]
            new = [reason for reason in reasons if not (page.needs_review and reason in page.review_reason)]
            if not new:
                continue
            kept = [page.review_reason] if page.needs_review and page.review_reason else []
            model.objects.filter(pk=page.pk).update(
                needs_review=True,
                review_reason=" ".join([*kept, *new])[:500],
                review_flagged_at=timezone.now(),
            )
            flagged.append(page)
    if flagged:
        purge_pages(flagged)
    return len(flagged)


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
                source = fetch_act_status(client, endpoint, act)
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
                report.superseded.extend(record_consolidated_texts(act, source))
                if reason:
                    report.flagged_pages += flag_citing_pages(act, reason)
    finally:
        if own_client:
            client.close()
    report.flagged_pages += flag_pages_citing_superseded_texts()  # also texts editors marked by hand
    return report
