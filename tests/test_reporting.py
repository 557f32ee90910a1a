"""The reporting system: a report's lifecycle, its history, and elimination deadlines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ohs_domain import (
    DepartmentId,
    EliminationDeadlines,
    EmployeeId,
    IllegalTransitionError,
    InvalidArgumentError,
    InvalidValueError,
    ReportAsOf,
    ReportGroup,
    ReportId,
    ReportKind,
    ReportStatus,
    RiskLevel,
    SafetyReport,
    StatusChange,
    kz,
)
from tests.builders import TEXT

REGISTERED = ReportStatus.REGISTERED
ACCEPTED = ReportStatus.ACCEPTED
IN_PROGRESS = ReportStatus.IN_PROGRESS
ELIMINATED = ReportStatus.ELIMINATED
REJECTED = ReportStatus.REJECTED

T0 = datetime(2023, 5, 4, 10, 0, tzinfo=kz.ALMATY)  # 04:00 UTC
HOUR = timedelta(hours=1)


def fresh(risk: RiskLevel = RiskLevel.MEDIUM, *, history: Any = ()) -> SafetyReport:
    return SafetyReport(
        id=ReportId("R-1"),
        kind=ReportKind.EQUIPMENT_DEFECT,
        risk=risk,
        reporter=EmployeeId("E-1"),
        department=DepartmentId("D-1"),
        reported_at=T0,
        history=history,
    )


# --- Legal paths ---------------------------------------------------------------------------------


def test_a_registered_report_awaits_review() -> None:
    report = fresh()
    assert report.status is REGISTERED
    assert report.history == ()
    assert (report.accepted_at, report.eliminated_at, report.rejected_at) == (None, None, None)
    assert not report.is_rejected


def test_accepted_worked_on_and_eliminated() -> None:
    report = fresh().accept(T0 + HOUR).start_work(T0 + 2 * HOUR).eliminate(T0 + 26 * HOUR)
    assert report.status is ELIMINATED
    assert report.history == (
        StatusChange(status=ACCEPTED, at=T0 + HOUR),
        StatusChange(status=IN_PROGRESS, at=T0 + 2 * HOUR),
        StatusChange(status=ELIMINATED, at=T0 + 26 * HOUR),
    )
    assert report.accepted_at == datetime(2023, 5, 4, 11, 0, tzinfo=kz.ALMATY)
    assert report.eliminated_at == datetime(2023, 5, 5, 12, 0, tzinfo=kz.ALMATY)
    assert report.rejected_at is None
    assert not report.is_rejected


def test_rejected_with_a_reason() -> None:
    report = fresh().reject(T0 + HOUR, "not an OHS matter")
    assert report.status is REJECTED
    assert report.is_rejected
    assert report.history == (
        StatusChange(status=REJECTED, at=T0 + HOUR, reason="not an OHS matter"),
    )
    assert (report.rejected_at, report.accepted_at) == (T0 + HOUR, None)


def test_every_step_may_happen_at_the_same_moment() -> None:
    report = fresh().accept(T0).start_work(T0).eliminate(T0)
    assert [c.at for c in report.history] == [T0, T0, T0]


def test_moments_compare_across_zones() -> None:
    # 04:30 UTC is 10:30 in Almaty: after registration at 10:00 Almaty.
    report = fresh().accept(datetime(2023, 5, 4, 4, 30, tzinfo=UTC))
    assert report.accepted_at == T0 + timedelta(minutes=30)


def test_a_transition_returns_a_new_report() -> None:
    report = fresh()
    accepted = report.accept(T0 + HOUR)
    assert report.status is REGISTERED
    assert accepted.status is ACCEPTED
    assert attrs.evolve(accepted, history=()) == report


# --- Illegal transitions -------------------------------------------------------------------------

Move = Callable[[SafetyReport, datetime], SafetyReport]


def accept(report: SafetyReport, at: datetime) -> SafetyReport:
    return report.accept(at)


def start_work(report: SafetyReport, at: datetime) -> SafetyReport:
    return report.start_work(at)


def eliminate(report: SafetyReport, at: datetime) -> SafetyReport:
    return report.eliminate(at)


def reject(report: SafetyReport, at: datetime) -> SafetyReport:
    return report.reject(at, "duplicate")


def reached(status: ReportStatus) -> SafetyReport:
    """A report that reached ``status`` by the legal path, an hour a step."""
    report = fresh()
    if status is REJECTED:
        return report.reject(T0 + HOUR, "duplicate")
    path = [ACCEPTED, IN_PROGRESS, ELIMINATED]
    moves = [accept, start_work, eliminate]
    for step, (target, move) in enumerate(zip(path, moves, strict=True), start=1):
        if status is REGISTERED:
            break
        report = move(report, T0 + step * HOUR)
        if target is status:
            break
    return report


ALLOWED_AFTER = {
    REGISTERED: "accepted, rejected",
    ACCEPTED: "in_progress",
    IN_PROGRESS: "eliminated",
    ELIMINATED: "none (final status)",
    REJECTED: "none (final status)",
}


@pytest.mark.parametrize(
    ("status", "move"),
    [
        pytest.param(REGISTERED, start_work, id="work-started-before-acceptance"),
        pytest.param(REGISTERED, eliminate, id="eliminated-before-acceptance"),
        pytest.param(ACCEPTED, accept, id="accepted-twice"),
        pytest.param(ACCEPTED, eliminate, id="eliminated-without-work-started"),
        pytest.param(ACCEPTED, reject, id="rejected-after-acceptance"),
        pytest.param(IN_PROGRESS, accept, id="accepted-while-in-progress"),
        pytest.param(IN_PROGRESS, start_work, id="work-started-twice"),
        pytest.param(IN_PROGRESS, reject, id="rejected-while-in-progress"),
        pytest.param(ELIMINATED, accept, id="accepted-after-elimination"),
        pytest.param(ELIMINATED, start_work, id="work-restarted-after-elimination"),
        pytest.param(ELIMINATED, eliminate, id="eliminated-twice"),
        pytest.param(ELIMINATED, reject, id="rejected-after-elimination"),
        pytest.param(REJECTED, accept, id="accepted-after-rejection"),
        pytest.param(REJECTED, start_work, id="work-started-after-rejection"),
        pytest.param(REJECTED, eliminate, id="eliminated-after-rejection"),
        pytest.param(REJECTED, reject, id="rejected-twice"),
    ],
)
def test_illegal_transition(status: ReportStatus, move: Move) -> None:
    report = reached(status)
    assert report.status is status
    with pytest.raises(IllegalTransitionError) as caught:
        move(report, T0 + 10 * HOUR)
    assert caught.value.subject == "safety report R-1"
    assert caught.value.reason == f"a status that may follow {status}: {ALLOWED_AFTER[status]}"


@pytest.mark.parametrize(
    ("status", "move"),
    [
        pytest.param(REGISTERED, accept, id="accepted-before-registration"),
        pytest.param(REGISTERED, reject, id="rejected-before-registration"),
        pytest.param(ACCEPTED, start_work, id="work-started-before-acceptance-time"),
        pytest.param(IN_PROGRESS, eliminate, id="eliminated-before-work-started"),
    ],
)
def test_a_transition_earlier_than_the_previous_one(status: ReportStatus, move: Move) -> None:
    report = reached(status)
    previous = report.history[-1].at if report.history else report.reported_at
    with pytest.raises(IllegalTransitionError) as caught:
        move(report, previous - timedelta(seconds=1))
    assert caught.value.reason == (
        f"a transition at or after the previous one ({previous.isoformat()}), "
        f"not {(previous - timedelta(seconds=1)).isoformat()}"
    )


@pytest.mark.parametrize(
    "reason",
    [pytest.param("", id="empty-reason"), pytest.param("   ", id="blank-reason")],
)
def test_rejection_requires_a_reason(reason: str) -> None:
    with pytest.raises(IllegalTransitionError) as caught:
        fresh().reject(T0 + HOUR, reason)
    assert caught.value.subject == "safety report R-1"
    assert caught.value.reason == f"reason: got {reason!r} (str); expected {TEXT}"


def test_a_transition_at_a_naive_moment_is_a_wrong_argument() -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        fresh().accept(datetime(2023, 5, 4, 11, 0))  # noqa: DTZ001 - the naive moment is the case
    assert str(caught.value).startswith("SafetyReport.accept(): at: got '2023-05-04T11:00:00'")


# --- StatusChange --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field", "expected"),
    [
        pytest.param(
            {"status": REGISTERED, "at": T0},
            "status",
            "a status after registration (registration is reported_at)",
            id="registration-is-not-a-change",
        ),
        pytest.param(
            {"status": "accepted", "at": T0},
            "status",
            "one of ReportStatus.REGISTERED, ReportStatus.ACCEPTED, ReportStatus.IN_PROGRESS, "
            "ReportStatus.ELIMINATED, ReportStatus.REJECTED",
            id="status-not-a-member",
        ),
        pytest.param(
            {"status": REJECTED, "at": T0},
            "reason",
            "a reason for status rejected",
            id="rejection-without-reason",
        ),
        pytest.param(
            {"status": ACCEPTED, "at": T0, "reason": "looks fine"},
            "reason",
            "no reason for status accepted",
            id="acceptance-with-reason",
        ),
        pytest.param(
            {"status": REJECTED, "at": T0, "reason": " "},
            "reason",
            TEXT,
            id="blank-reason",
        ),
        pytest.param(
            {"status": ACCEPTED, "at": datetime(2023, 5, 4)},  # noqa: DTZ001 - the case
            "at",
            "a time-zone-aware datetime, e.g. datetime(2023, 5, 4, 9, 30, tzinfo=kz.ALMATY)",
            id="naive-moment",
        ),
        pytest.param(
            {"status": ACCEPTED, "at": "2023-05-04T10:00:00+06:00"},
            "at",
            "a time-zone-aware datetime, e.g. datetime(2023, 5, 4, 9, 30, tzinfo=kz.ALMATY)",
            id="moment-as-text",
        ),
    ],
)
def test_status_change_validation(fields: dict[str, Any], field: str, expected: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        StatusChange(**fields)
    assert (caught.value.field, caught.value.expected) == (field, expected)


# --- History given to the constructor ------------------------------------------------------------


def test_a_legal_history_is_accepted() -> None:
    history = (
        StatusChange(status=ACCEPTED, at=T0 + HOUR),
        StatusChange(status=IN_PROGRESS, at=T0 + HOUR),
    )
    assert fresh(history=history) == fresh().accept(T0 + HOUR).start_work(T0 + HOUR)


@pytest.mark.parametrize(
    ("history", "field", "value", "expected"),
    [
        pytest.param(
            ("accepted",),
            "history[0]",
            "accepted",
            "a StatusChange",
            id="not-a-status-change",
        ),
        pytest.param(
            (StatusChange(status=IN_PROGRESS, at=T0 + HOUR),),
            "history[0]",
            IN_PROGRESS,
            "a status that may follow registered: accepted, rejected",
            id="work-started-without-acceptance",
        ),
        pytest.param(
            (
                StatusChange(status=REJECTED, at=T0 + HOUR, reason="duplicate"),
                StatusChange(status=ACCEPTED, at=T0 + 2 * HOUR),
            ),
            "history[1]",
            ACCEPTED,
            "a status that may follow rejected: none (final status)",
            id="accepted-after-rejection",
        ),
        pytest.param(
            (
                StatusChange(status=ACCEPTED, at=T0 + 2 * HOUR),
                StatusChange(status=IN_PROGRESS, at=T0 + HOUR),
            ),
            "history[1]",
            IN_PROGRESS,
            "a transition at or after the previous one (2023-05-04T12:00:00+06:00), "
            "not 2023-05-04T11:00:00+06:00",
            id="work-started-before-acceptance",
        ),
        pytest.param(
            (StatusChange(status=ACCEPTED, at=T0 - HOUR),),
            "history[0]",
            ACCEPTED,
            "a transition at or after the previous one (2023-05-04T10:00:00+06:00), "
            "not 2023-05-04T09:00:00+06:00",
            id="accepted-before-registration",
        ),
    ],
)
def test_an_illegal_history_is_rejected(
    history: tuple[Any, ...], field: str, value: object, expected: str
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        fresh(history=history)
    assert (caught.value.field, caught.value.value, caught.value.expected) == (
        field,
        value,
        expected,
    )


# --- Kinds ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "group"),
    [
        pytest.param(ReportKind.HAZARDOUS_CONDITION, ReportGroup.EVENT, id="hazardous-condition"),
        pytest.param(ReportKind.UNSAFE_ACT, ReportGroup.EVENT, id="unsafe-act"),
        pytest.param(ReportKind.NEAR_MISS, ReportGroup.EVENT, id="near-miss"),
        pytest.param(ReportKind.EQUIPMENT_DEFECT, ReportGroup.DEFECT, id="equipment-defect"),
        pytest.param(ReportKind.FACILITY_DEFECT, ReportGroup.DEFECT, id="facility-defect"),
    ],
)
def test_each_kind_is_an_event_or_a_defect(kind: ReportKind, group: ReportGroup) -> None:
    assert kind.group is group


# --- Elimination deadlines -----------------------------------------------------------------------

DAY = timedelta(days=1)


def test_deadline_by_risk() -> None:
    deadlines = EliminationDeadlines(low=30 * DAY, medium=7 * DAY, high=DAY)
    assert deadlines.allowed(RiskLevel.LOW) == 30 * DAY
    assert deadlines.allowed(RiskLevel.MEDIUM) == 7 * DAY
    assert deadlines.allowed(RiskLevel.HIGH) == DAY
    assert deadlines.deadline(fresh(RiskLevel.HIGH)) == datetime(
        2023, 5, 5, 10, 0, tzinfo=kz.ALMATY
    )
    assert deadlines.deadline(fresh(RiskLevel.MEDIUM)) == datetime(
        2023, 5, 11, 10, 0, tzinfo=kz.ALMATY
    )
    assert deadlines.deadline(fresh(RiskLevel.LOW)) == datetime(2023, 6, 3, 10, 0, tzinfo=kz.ALMATY)


def test_equal_deadlines_for_every_risk_are_allowed() -> None:
    deadlines = EliminationDeadlines(low=DAY, medium=DAY, high=DAY)
    assert deadlines.deadline(fresh(RiskLevel.LOW)) == T0 + DAY


@pytest.mark.parametrize(
    ("low", "medium", "high", "field", "expected"),
    [
        pytest.param(30 * DAY, 7 * DAY, timedelta(0), "high", "a positive duration", id="no-time"),
        pytest.param(
            30 * DAY, -DAY, timedelta(hours=1), "medium", "a positive duration", id="negative"
        ),
        pytest.param(
            timedelta(0), timedelta(0), timedelta(0), "low", "a positive duration", id="all-zero"
        ),
        pytest.param(
            7 * DAY,
            30 * DAY,
            DAY,
            "high",
            "no more time for higher risk: high <= medium <= low",
            id="medium-risk-given-more-time-than-low",
        ),
        pytest.param(
            30 * DAY,
            7 * DAY,
            8 * DAY,
            "high",
            "no more time for higher risk: high <= medium <= low",
            id="high-risk-given-more-time-than-medium",
        ),
        pytest.param(30, 7 * DAY, DAY, "low", "a timedelta", id="days-as-a-number"),
    ],
)
def test_deadline_policy_validation(
    low: Any, medium: timedelta, high: timedelta, field: str, expected: str
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        EliminationDeadlines(low=low, medium=medium, high=high)
    assert (caught.value.field, caught.value.expected) == (field, expected)


# --- Any sequence of calls: a legal history, or IllegalTransitionError ---------------------------

# The lifecycle as the brief states it, written out again here, independently.
NEXT = {
    REGISTERED: {ACCEPTED, REJECTED},
    ACCEPTED: {IN_PROGRESS},
    IN_PROGRESS: {ELIMINATED},
    ELIMINATED: set(),
    REJECTED: set(),
}
TARGET = {
    "accept": ACCEPTED,
    "start_work": IN_PROGRESS,
    "eliminate": ELIMINATED,
    "reject": REJECTED,
}

calls = st.lists(
    st.tuples(
        st.sampled_from(sorted(TARGET)),
        st.integers(min_value=-180, max_value=600),  # minutes after the previous call
        st.sampled_from([UTC, kz.ALMATY]),
        st.sampled_from(["duplicate", "not confirmed on site", "", "  "]),
    ),
    max_size=8,
)


def call(report: SafetyReport, name: str, at: datetime, reason: str) -> SafetyReport:
    if name == "reject":
        return report.reject(at, reason)
    method: Callable[[datetime], SafetyReport] = getattr(report, name)
    return method(at)


def assert_legal(report: SafetyReport) -> None:
    status, since = REGISTERED, report.reported_at
    entered: dict[ReportStatus, datetime] = {}
    for change in report.history:
        assert change.status in NEXT[status]
        assert change.at >= since
        assert (change.reason is not None) == (change.status is REJECTED)
        status, since = change.status, change.at
        entered[status] = since
    assert report.status is status
    # Each moment a report shows is the one its history records for that status.
    assert report.accepted_at == entered.get(ACCEPTED)
    assert report.eliminated_at == entered.get(ELIMINATED)
    assert report.rejected_at == entered.get(REJECTED)


@given(calls)
def test_any_sequence_of_calls_keeps_the_history_legal(
    steps: list[tuple[str, int, Any, str]],
) -> None:
    report = fresh()
    at = report.reported_at
    for name, minutes, zone, reason in steps:
        at = (at + timedelta(minutes=minutes)).astimezone(zone)
        last = report.history[-1].at if report.history else report.reported_at
        target = TARGET[name]
        legal = (
            target in NEXT[report.status]
            and at >= last
            and (target is not REJECTED or bool(reason.strip()))
        )
        try:
            moved = call(report, name, at, reason)
        except IllegalTransitionError:
            assert not legal
            continue
        assert legal
        expected_reason = reason if target is REJECTED else None
        assert moved.history == (
            *report.history,
            StatusChange(status=target, at=at, reason=expected_reason),
        )
        report = moved
        assert_legal(report)
    assert_legal(report)


def test_a_history_given_as_a_list_is_refused() -> None:
    at = datetime(2023, 5, 4, 9, 30, tzinfo=kz.ALMATY)
    accepted = StatusChange(status=ReportStatus.ACCEPTED, at=at)

    with pytest.raises(InvalidValueError) as caught:
        SafetyReport(
            id=ReportId("R-1"),
            kind=ReportKind.NEAR_MISS,
            risk=RiskLevel.LOW,
            reporter=EmployeeId("E-1"),
            department=DepartmentId("D-1"),
            reported_at=at,
            history=[accepted],  # type: ignore[arg-type]
        )

    assert caught.value.field == "history"
    assert "a tuple of StatusChange" in str(caught.value)


# --- Deadline policies refused: the offending duration is named ----------------------------------

AT = datetime(2023, 5, 4, 9, 30, tzinfo=kz.ALMATY)


@pytest.mark.parametrize("name", ["low", "medium", "high"])
def test_a_deadline_that_is_not_positive_is_named_with_its_value(name: str) -> None:
    durations = {"low": 3 * DAY, "medium": 2 * DAY, "high": DAY, name: timedelta(0)}
    with pytest.raises(InvalidValueError) as info:
        EliminationDeadlines(**durations)
    error = info.value
    assert (error.field, error.value, error.expected) == (name, timedelta(0), "a positive duration")


def test_more_time_for_higher_risk_is_refused_on_high() -> None:
    with pytest.raises(InvalidValueError) as info:
        EliminationDeadlines(low=2 * DAY, medium=DAY, high=3 * DAY)
    error = info.value
    assert (error.field, error.value) == ("high", 3 * DAY)
    assert error.expected == "no more time for higher risk: high <= medium <= low"


def test_registration_is_not_a_status_change() -> None:
    with pytest.raises(InvalidValueError) as info:
        StatusChange(status=ReportStatus.REGISTERED, at=AT)
    error = info.value
    assert (error.field, error.value) == ("status", ReportStatus.REGISTERED)
    assert error.expected == "a status after registration (registration is reported_at)"


@pytest.mark.parametrize(
    ("status", "reason", "expected"),
    [
        (ReportStatus.REJECTED, None, "a reason for status rejected"),
        (ReportStatus.ACCEPTED, "looks fine", "no reason for status accepted"),
    ],
    ids=["rejection-without-reason", "acceptance-with-reason"],
)
def test_only_a_rejection_has_a_reason(
    status: ReportStatus, reason: str | None, expected: str
) -> None:
    with pytest.raises(InvalidValueError) as info:
        StatusChange(status=status, at=AT, reason=reason)
    error = info.value
    assert (error.field, error.value, error.expected) == ("reason", reason, expected)


def report_with(history: object) -> SafetyReport:
    return SafetyReport(
        id=ReportId("R-1"),
        kind=ReportKind.NEAR_MISS,
        risk=RiskLevel.HIGH,
        reporter=EmployeeId("E-1"),
        department=DepartmentId("D-1"),
        reported_at=AT,
        history=history,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("history", "field", "bad", "expected"),
    [
        pytest.param(
            [StatusChange(status=ReportStatus.ACCEPTED, at=AT)],
            "history",
            [StatusChange(status=ReportStatus.ACCEPTED, at=AT)],
            "a tuple of StatusChange",
            id="a-list",
        ),
        pytest.param((AT,), "history[0]", AT, "a StatusChange", id="a-moment"),
        pytest.param(
            (StatusChange(status=ReportStatus.ELIMINATED, at=AT),),
            "history[0]",
            ReportStatus.ELIMINATED,
            "a status that may follow registered: accepted, rejected",
            id="eliminated-before-accepted",
        ),
        pytest.param(
            (StatusChange(status=ReportStatus.ACCEPTED, at=AT - timedelta(hours=1)),),
            "history[0]",
            ReportStatus.ACCEPTED,
            "a transition at or after the previous one (2023-05-04T09:30:00+06:00), "
            "not 2023-05-04T08:30:00+06:00",
            id="accepted-before-registered",
        ),
    ],
)
def test_a_history_that_cannot_have_happened_is_named_by_its_step(
    history: object, field: str, bad: object, expected: str
) -> None:
    with pytest.raises(InvalidValueError) as info:
        report_with(history)
    error = info.value
    assert (error.field, error.value, error.expected) == (field, bad, expected)


# --- A report as of a day ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "accepted", "eliminated", "rejected"),
    [
        pytest.param(REGISTERED, False, False, False, id="only-registered"),
        pytest.param(ACCEPTED, True, False, False, id="accepted"),
        pytest.param(IN_PROGRESS, True, False, False, id="being-worked-on-was-accepted"),
        pytest.param(ELIMINATED, True, True, False, id="eliminated-was-accepted"),
        pytest.param(REJECTED, False, False, True, id="rejected"),
    ],
)
def test_a_report_as_of_a_day_says_what_had_happened_to_it(
    status: ReportStatus, accepted: bool, eliminated: bool, rejected: bool
) -> None:
    known = ReportAsOf(fresh(), status)
    assert (known.is_accepted, known.is_eliminated, known.is_rejected) == (
        accepted,
        eliminated,
        rejected,
    )


def test_a_report_as_of_a_day_is_a_report_and_a_status() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        ReportAsOf("R-1", ACCEPTED)  # type: ignore[arg-type]  # untyped callers
    assert info.value.field == "report"
    with pytest.raises(InvalidArgumentError) as info:
        ReportAsOf(fresh(), "accepted")  # type: ignore[arg-type]
    assert info.value.field == "status"


def test_an_illegal_transition_reads_in_russian_and_kazakh() -> None:
    with pytest.raises(IllegalTransitionError) as caught:
        reached(REJECTED).accept(T0 + 5 * HOUR)
    assert (
        str(caught.value)
        == "safety report R-1: a status that may follow rejected: none (final status)"
    )
    assert caught.value.render("ru") == (
        "сообщение R-1: статус, допустимый после rejected: нет (конечный статус)"
    )
    assert (
        caught.value.render("kk")
        == "R-1 хабарламасы: rejected күйінен кейін рұқсат етілген күй: жоқ (соңғы күй)"
    )


def test_a_rejection_without_a_reason_reads_in_russian() -> None:
    with pytest.raises(IllegalTransitionError) as caught:
        fresh().reject(T0 + HOUR, " ")
    assert caught.value.render("ru").startswith(
        "сообщение R-1: reason: получено ' ' (str); ожидается непустая"
    )
