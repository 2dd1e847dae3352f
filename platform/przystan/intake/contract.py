"""The case-intake contract: what a source of cases (MOS, another system) gives the core.

A plugin's ``case_sources(office)`` hook returns objects implementing :class:`CaseSource`. A source

* describes itself (:meth:`CaseSource.describe`: name, label, delivery kinds),
* yields the packages waiting for the office (:meth:`CaseSource.fetch`: e.g. files in a drop
  directory, the entries of a remote feed), and
* imports one package **atomically** (:meth:`CaseSource.import_package`): either the whole case is
  created, or nothing is and the package lands in the source's quarantine with a reason. A package
  delivered again (same ``package_id``, same content) is reported as a duplicate and changes nothing.
* is told the outcome (:meth:`CaseSource.acknowledge`) so it can move a file aside or acknowledge
  the feed entry.

Values crossing the boundary are plain data: bytes, strings, dicts.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable


class Outcome(enum.StrEnum):
    IMPORTED = "imported"  # a new case exists now
    DUPLICATE = "duplicate"  # the same package was imported before; nothing changed
    QUARANTINED = "quarantined"  # refused, kept aside with a reason; nothing was imported


@dataclass(frozen=True)
class Package:
    """One delivery: the raw bytes of a package as the source received them.

    ``origin`` says how it came (``"drop"``, ``"http"``, ``"feed"``); ``handle`` is what the source
    needs to acknowledge it (a file path, a feed id); ``package_id`` is the sender's id when known
    before parsing (the feed lists it), else empty.
    """

    source: str
    payload: bytes
    origin: str
    handle: str = ""
    package_id: str = ""


@dataclass(frozen=True)
class ImportResult:
    outcome: Outcome
    package_id: str = ""
    case_reference: str = ""  # the case number (imported or duplicate)
    reason: str = ""  # the quarantine reason code
    detail: str = ""  # a human-readable detail for the log and the quarantine screen
    extra: dict[str, Any] = field(default_factory=dict)


@runtime_checkable
class CaseSource(Protocol):
    """What a plugin's ``case_sources`` hook returns, one per configured source of an office."""

    name: str

    def describe(self) -> dict[str, Any]:
        """``{name, label, deliveries: [str]}`` — for listings and logs."""

    def fetch(self, office: Any) -> Iterable[Package]:
        """The packages waiting for ``office`` (may be empty; must not import anything)."""

    def import_package(self, office: Any, package: Package) -> ImportResult:
        """Import one package in one transaction, or quarantine it; never half-import."""

    def acknowledge(self, office: Any, package: Package, result: ImportResult) -> None:
        """The package was handled (imported, duplicate or quarantined): move it aside, ack it."""
