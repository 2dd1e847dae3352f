"""Stage transitions as data (a state machine per workflow) and the one function that moves a case.

Each application type names its workflow. :func:`transition` checks the move is allowed, records it
(``StageChange`` plus the audit log through the audited ``Case``), recomputes the legal deadline,
notifies the person in their language and calls the ``case_status_changed`` hook for other plugins.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .application_types import TYPES_BY_CODE

logger = logging.getLogger(__name__)

DECISIONS = ("decision_granted", "decision_refused", "decision_left_unexamined", "decision_discontinued")

WORKFLOWS: dict[str, dict[str, tuple[str, ...]]] = {
    "residence": {
        "filed": ("accepted", "decision_left_unexamined"),
        "accepted": ("summons_fingerprints", "formal_check"),
        "summons_fingerprints": ("biometrics_taken", "supplement_requested"),
        "biometrics_taken": ("formal_check",),
        "formal_check": ("supplement_requested", "opinions_requested", "evidence_review"),
        "supplement_requested": ("formal_check", "evidence_review", "decision_left_unexamined"),
        "opinions_requested": ("evidence_review", "supplement_requested"),
        "evidence_review": ("draft_decision", "supplement_requested", "opinions_requested"),
        "draft_decision": (*DECISIONS, "evidence_review"),
        "decision_granted": ("card_ordered", "appeal", "closed"),
        "decision_refused": ("appeal", "closed"),
        "decision_left_unexamined": ("appeal", "closed"),
        "decision_discontinued": ("appeal", "closed"),
        "appeal": ("closed",),
        "card_ordered": ("card_ready",),
        "card_ready": ("closed",),
        "closed": (),
    },
    "card": {
        "filed": ("accepted", "decision_left_unexamined"),
        "accepted": ("summons_fingerprints",),
        "summons_fingerprints": ("biometrics_taken", "supplement_requested"),
        "supplement_requested": ("formal_check", "decision_left_unexamined"),
        "biometrics_taken": ("formal_check",),
        "formal_check": ("supplement_requested", "decision_granted", "decision_refused"),
        "decision_granted": ("card_ordered",),
        "decision_refused": ("appeal", "closed"),
        "decision_left_unexamined": ("closed",),
        "appeal": ("closed",),
        "card_ordered": ("card_ready",),
        "card_ready": ("closed",),
        "closed": (),
    },
    "simple": {
        "filed": ("accepted", "decision_left_unexamined"),
        "accepted": ("formal_check",),
        "formal_check": ("supplement_requested", "evidence_review"),
        "supplement_requested": ("formal_check", "decision_left_unexamined"),
        "evidence_review": ("draft_decision", "supplement_requested"),
        "draft_decision": DECISIONS,
        "decision_granted": ("closed",),
        "decision_refused": ("appeal", "closed"),
        "decision_left_unexamined": ("appeal", "closed"),
        "decision_discontinued": ("appeal", "closed"),
        "appeal": ("closed",),
        "closed": (),
    },
}


class TransitionNotAllowed(Exception):
    pass


def allowed_next(application_type: str, stage: str) -> tuple[str, ...]:
    workflow = WORKFLOWS[TYPES_BY_CODE[application_type].workflow]
    return workflow.get(stage, ())


def transition(case: Any, new_stage: str, actor: Any, note: str = "", *, notify: bool = True) -> Any:
    """Move ``case`` to ``new_stage``; raise :class:`TransitionNotAllowed` for a move not in its workflow."""
    from przystan.audit.api import acting_as

    from .deadlines import recompute
    from .models import Case, StageChange
    from .notifying import announce_stage
    from .stages import stage_name

    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        old_stage = locked.stage
        if new_stage not in allowed_next(locked.application_type, old_stage):
            raise TransitionNotAllowed(
                _("A case cannot move from “%(old)s” to “%(new)s”.")
                % {"old": stage_name(old_stage), "new": stage_name(new_stage) if new_stage else "—"}
            )
        today = timezone.localdate()
        locked.stage = new_stage
        if new_stage == "biometrics_taken" and locked.fingerprints_at is None:
            locked.fingerprints_at = today
        recompute(locked)
        with acting_as(actor) if actor is not None else contextlib.nullcontext():
            locked.save()
        StageChange.objects.create(
            case=locked, old_stage=old_stage, new_stage=new_stage, actor=actor, note=note
        )
        if notify:
            transaction.on_commit(lambda: announce_stage(locked, old_stage, new_stage, actor))
    case.refresh_from_db()
    return case
