"""Application types, stages and workflows are consistent data using the shared vocabulary."""

import datetime

import pytest

from plugins.legalisation.application_types import TYPES
from plugins.legalisation.deadlines import compute
from plugins.legalisation.fields import RULES, validate_value
from plugins.legalisation.stages import STAGE_CODES
from plugins.legalisation.workflow import WORKFLOWS

SHARED_TYPES = {
    "temp_work",
    "temp_blue_card",
    "temp_ict",
    "temp_business",
    "temp_studies",
    "temp_research",
    "temp_family",
    "temp_spouse",
    "temp_other",
    "temp_seasonal",
    "temp_mobility",
    "permanent",
    "eu_ltr",
    "card_exchange",
    "invitation",
    "visa_extension",
    "cukr",
}
FEES = {
    "stamp_temp_work",
    "stamp_temp_other",
    "stamp_seasonal",
    "stamp_short_stay",
    "stamp_permanent",
    "stamp_eu_ltr",
    "stamp_permit_change",
    "stamp_visa_extension",
    "stamp_schengen_visa_extension",
    "stamp_short_stay_personal",
    "stamp_decision_change",
    "stamp_cukr",
    "stamp_invitation",
    "stamp_certificate",
    "stamp_power_of_attorney",
    "card_issue",
    "card_issue_lost",
    "card_issue_lost_repeat",
}


def test_at_least_twelve_types_with_shared_codes_and_fees():
    assert len(TYPES) >= 12
    assert {t.code for t in TYPES} == SHARED_TYPES
    for kind in TYPES:
        assert set(kind.fee_codes) <= FEES, kind.code
        assert kind.sections and any(a.required for a in kind.attachments)
        for spec in kind.all_fields:
            assert set(spec.rules) <= set(RULES)


def test_workflows_use_stage_codes_and_every_stage_is_reachable():
    for name, graph in WORKFLOWS.items():
        for source, targets in graph.items():
            assert source in STAGE_CODES and set(targets) <= set(STAGE_CODES), name
        reached, todo = {"filed"}, ["filed"]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                if nxt not in reached:
                    reached.add(nxt)
                    todo.append(nxt)
        assert reached == set(graph), name
        assert graph["closed"] == ()


@pytest.mark.parametrize(
    ("name", "value", "ok"),
    [
        ("postal_code", "00-624", True),
        ("postal_code", "00624", False),
        ("sponsor_pesel", "44051401359", True),
        ("sponsor_pesel", "44051401358", False),
        ("employer_nip", "526-000-12-46", True),
        ("employer_nip", "1234567890", False),
        ("surname", "Шевченко", False),
        ("surname", "Shevchenko", True),
        ("passport_expiry", "2001-01-01", False),
    ],
)
def test_field_rules(name, value, ok):
    spec = next(s for t in TYPES for s in t.all_fields if s.name == name)
    assert (validate_value(spec, value) is None) is ok


def test_legal_clock_starts_at_last_event_and_pauses():
    d = datetime.date
    clock = compute(
        deadline_days=60,
        events={"filed": d(2026, 5, 1), "documents": d(2026, 5, 1), "fingerprints": d(2026, 5, 20)},
        pauses=[],
        today=d(2026, 6, 1),
    )
    # 19 July 2026 is a Sunday: the deadline moves to Monday (KPA art. 57 § 4)
    assert clock.start == d(2026, 5, 20) and clock.deadline == d(2026, 7, 20) and not clock.paused
    assert clock.shifted_from == d(2026, 7, 19)
    paused = compute(
        deadline_days=60,
        events={"filed": d(2026, 5, 1), "documents": d(2026, 5, 1), "fingerprints": d(2026, 5, 20)},
        pauses=[(d(2026, 5, 10), d(2026, 5, 25)), (d(2026, 6, 1), None)],
        today=d(2026, 6, 11),
    )
    # 5 days of the first pause fall after the start, the open one has lasted 10 days so far
    assert paused.paused and paused.paused_days == 15 and paused.deadline == d(2026, 8, 3)
    not_started = compute(
        deadline_days=60,
        events={"filed": d(2026, 5, 1), "fingerprints": None},
        pauses=[],
        today=d(2026, 6, 1),
    )
    assert not_started.deadline is None
