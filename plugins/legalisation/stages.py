"""What each stage code means for the person, and what they must do next (shown in their language)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .fields import Text


@dataclass(frozen=True)
class Stage:
    code: str
    name: Text
    meaning: Text
    next_action: Text = ""  # what the person must do ("" = nothing, wait)
    final: bool = False


STAGES: tuple[Stage, ...] = (
    Stage(
        "filed",
        _("Filed"),
        _("Your application has been received and registered."),
        _("Keep your case number and PIN."),
    ),
    Stage("accepted", _("Accepted"), _("The office has accepted the application for processing.")),
    Stage(
        "summons_fingerprints",
        _("Summons for fingerprints"),
        _("You must come to the office in person to give fingerprints."),
        _("Book a visit for fingerprints and bring your passport."),
    ),
    Stage("biometrics_taken", _("Biometrics taken"), _("Your fingerprints and signature have been taken.")),
    Stage("formal_check", _("Formal check"), _("The office checks whether the documents are complete.")),
    Stage(
        "supplement_requested",
        _("Documents requested"),
        _("The office needs more documents or a payment; the legal deadline is paused."),
        _("Send the requested documents before the deadline."),
    ),
    Stage(
        "opinions_requested",
        _("Opinions requested"),
        _("The office has asked other authorities (Border Guard, Police, ABW, consul) for information."),
    ),
    Stage("evidence_review", _("Evidence review"), _("The officer is examining the evidence in your case.")),
    Stage("draft_decision", _("Decision being prepared"), _("The decision is being drafted and approved.")),
    Stage(
        "decision_granted",
        _("Permit granted"),
        _("The decision is positive: the permit has been granted."),
        _("Wait for the decision letter; your residence card will be ordered."),
    ),
    Stage(
        "decision_refused",
        _("Permit refused"),
        _("The decision is negative."),
        _(
            "You may appeal to the Head of the Office for Foreigners within 14 days of receiving the decision."
        ),
    ),
    Stage(
        "decision_left_unexamined",
        _("Left unexamined"),
        _("The application was left unexamined, usually because documents were not supplied."),
        _("You may file a new application."),
    ),
    Stage("decision_discontinued", _("Proceedings discontinued"), _("The proceedings were discontinued.")),
    Stage("appeal", _("Appeal"), _("An appeal has been sent to the Head of the Office for Foreigners.")),
    Stage("card_ordered", _("Card ordered"), _("Your residence card has been ordered from the producer.")),
    Stage(
        "card_ready",
        _("Card ready for pick-up"),
        _("Your residence card is ready."),
        _("Book a visit to pick up the card and bring your passport."),
    ),
    Stage("closed", _("Closed"), _("The case is closed."), final=True),
)
STAGES_BY_CODE: dict[str, Stage] = {s.code: s for s in STAGES}
STAGE_CODES = tuple(s.code for s in STAGES)


def stage(code: str) -> Stage:
    return STAGES_BY_CODE[code]


def stage_name(code: str) -> str:
    found = STAGES_BY_CODE.get(code)
    return str(found.name) if found else code


def stage_choices() -> list[tuple[str, str]]:
    """The stages as model-field choices (the audit trail and forms show their names)."""
    return [(s.code, s.name) for s in STAGES]
