"""Poll every office's case sources (the ``case_sources`` hook) and import what they deliver."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from .contract import CaseSource, ImportResult, Outcome

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PollResult:
    office: str
    source: str
    result: ImportResult | None = None
    error: str = ""


def sources_for(office: Any) -> list[CaseSource]:
    """The sources the plugins enabled for ``office`` offer (a disabled plugin offers none)."""
    from przystan.offices.enablement import hooks_for_office

    found: list[CaseSource] = []
    for answer in hooks_for_office(office).case_sources(office=office):
        for source in answer or []:
            if not isinstance(source, CaseSource):
                raise TypeError(f"case_sources returned {source!r}, which is not a CaseSource")
            found.append(source)
    return found


def poll_office(office: Any) -> list[PollResult]:
    """Fetch and import every waiting package of every source of one office.

    A failing source (its feed is down, its directory unreadable) is logged and skipped; the other
    sources still run. Each package is imported and acknowledged on its own.
    """
    results: list[PollResult] = []
    for source in sources_for(office):
        try:
            packages = list(source.fetch(office))
        except Exception as exc:  # one source down must not stop the others
            logger.warning("case source %s of %s could not be fetched: %s", source.name, office.code, exc)
            results.append(PollResult(office.code, source.name, error=f"{type(exc).__name__}: {exc}"))
            continue
        for package in packages:
            result = source.import_package(office, package)
            source.acknowledge(office, package, result)
            results.append(PollResult(office.code, source.name, result))
    return results


def poll_all() -> list[PollResult]:
    """:func:`poll_office` for every office (only the plugins enabled there answer)."""
    from przystan.offices.models import Office

    results: list[PollResult] = []
    for office in Office.objects.order_by("pk"):
        results.extend(poll_office(office))
    return results


def summary(results: list[PollResult]) -> str:
    counts = {outcome: 0 for outcome in Outcome}
    errors = 0
    for item in results:
        if item.result is None:
            errors += 1
        else:
            counts[item.result.outcome] += 1
    parts = [f"{outcome.value}: {count}" for outcome, count in counts.items()]
    return ", ".join(parts) + f", sources failing: {errors}"
