"""Properties of the domain model, drawn with the public strategies of ``ohs_domain.testing``.

The strategies are the ones users get; these tests are also their tests: every
object they draw is valid, round-trips through the edge, and every bundle they
draw builds, in any input order.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ohs_domain import (
    Department,
    EliminationDeadlines,
    Employee,
    HoursWorked,
    InspectorAppointment,
    InspectorPayPolicy,
    Records,
    ReportingAccount,
    ReportStatus,
    RewardPolicy,
    SafetyReport,
    Source,
    Submission,
    TrainerCertification,
    TrainingSession,
    Violation,
    WorkInjury,
    local_date,
    serialization,
    testing,
)
from tests.builders import examples

OBJECTS = [
    pytest.param(testing.departments(), Department, id="department"),
    pytest.param(testing.employees(), Employee, id="employee"),
    pytest.param(testing.trainer_certifications(), TrainerCertification, id="certification"),
    pytest.param(testing.inspector_appointments(), InspectorAppointment, id="appointment"),
    pytest.param(testing.reporting_accounts(), ReportingAccount, id="reporting-account"),
    pytest.param(testing.training_sessions(), TrainingSession, id="training-session"),
    pytest.param(testing.safety_reports(), SafetyReport, id="safety-report"),
    pytest.param(testing.elimination_deadlines(), EliminationDeadlines, id="deadlines"),
    pytest.param(testing.violations(), Violation, id="violation"),
    pytest.param(testing.submissions(), Submission, id="submission"),
    pytest.param(testing.work_injuries(), WorkInjury, id="work-injury"),
    pytest.param(testing.hours_worked(), HoursWorked, id="hours-worked"),
    pytest.param(testing.inspector_pay_policies(), InspectorPayPolicy, id="inspector-pay-policy"),
    pytest.param(testing.reward_policies(), RewardPolicy, id="reward-policy"),
]

COLLECTIONS = [
    field.name
    for field in attrs.fields(Records)
    if field.init and field.name != "time_zone"  # every collection of the bundle
]


@pytest.mark.parametrize(("strategy", "kind"), OBJECTS)
@given(data=st.data())
def test_every_domain_object_round_trips_through_json(
    strategy: st.SearchStrategy[Any], kind: type[Any], data: st.DataObject
) -> None:
    value = data.draw(strategy)

    text = serialization.dump_json(value)
    loaded = serialization.load_json(text, kind)

    # The same value, compared through its JSON form: a moment in a repeated hour (a fold,
    # which the strategies draw on purpose) is never == to the same instant with a fixed
    # offset (PEP 495), and loading gives fixed offsets. The JSON keeps instant and offset.
    assert type(loaded) is kind
    assert serialization.dump_json(loaded) == text


@settings(max_examples=examples(0.5))
@given(bundle=testing.records())
def test_a_whole_bundle_round_trips_through_json(bundle: Records) -> None:
    text = serialization.dump_json(bundle)

    loaded = serialization.load_json(text, Records)

    # Compared through the JSON form, as above: a fold is never == across zones.
    assert loaded.time_zone.key == bundle.time_zone.key
    assert serialization.dump_json(loaded) == text


@settings(max_examples=examples(0.5))
@given(bundle=testing.records(), data=st.data())
def test_building_a_bundle_does_not_depend_on_input_order(
    bundle: Records, data: st.DataObject
) -> None:
    shuffled = {name: data.draw(st.permutations(getattr(bundle, name))) for name in COLLECTIONS}

    rebuilt = Records(time_zone=bundle.time_zone, **shuffled)

    assert rebuilt == bundle
    assert serialization.dump_json(rebuilt) == serialization.dump_json(bundle)
    for person in bundle.employees:
        assert rebuilt.reports_by(person.id) == bundle.reports_by(person.id)
        assert rebuilt.submissions_by(person.id) == bundle.submissions_by(person.id)


@settings(max_examples=examples(0.5))
@given(bundle=testing.records())
def test_drawn_bundles_keep_the_promises_the_strategy_documents(bundle: Records) -> None:
    # Checked here independently of Records' own validation, which already accepted them.
    people = {e.id: e for e in bundle.employees}
    assert any(d.is_production for d in bundle.departments)
    registered = {a.employee: a.registered_on for a in bundle.reporting_accounts}
    for report in bundle.safety_reports:
        day = local_date(report.reported_at, bundle.time_zone)
        assert registered[report.reporter] <= day
        assert people[report.reporter].is_employed_on(day)
        moments = [report.reported_at, *(change.at for change in report.history)]
        assert moments == sorted(moments)
    for session in bundle.training_sessions:
        last = session.days.end - timedelta(days=1)
        for trainer in session.trainers:
            assert any(
                c.is_valid_on(session.days.start) and c.is_valid_on(last)
                for c in bundle.certifications_of(trainer)
            )
    listed = [v for s in bundle.submissions for v in s.violations]
    assert len(listed) == len(set(listed))
    for submission in bundle.submissions:
        terms = bundle.appointments_of(submission.inspector)
        assert any(a.is_appointed_on(submission.issued_on) for a in terms)
        for violation in bundle.violations_of(submission):
            assert violation.department == submission.department
            assert violation.found_on <= submission.issued_on


@given(report=testing.safety_reports())
def test_drawn_reports_reach_every_stage_of_the_lifecycle_legally(report: SafetyReport) -> None:
    statuses = [change.status for change in report.history]
    legal: tuple[list[ReportStatus], ...] = (
        [],
        [ReportStatus.ACCEPTED],
        [ReportStatus.ACCEPTED, ReportStatus.IN_PROGRESS],
        [ReportStatus.ACCEPTED, ReportStatus.IN_PROGRESS, ReportStatus.ELIMINATED],
        [ReportStatus.REJECTED],
    )
    assert statuses in legal
    assert (report.rejected_at is not None) == (report.status is ReportStatus.REJECTED)


@given(testing.texts(max_size=60))
def test_every_drawn_text_is_one_a_title_or_a_name_accepts(text: str) -> None:
    # A bidirectional override (U+202A..U+202E, U+2066..U+2069) was drawn and refused.
    assert Source(title=text).title == text
