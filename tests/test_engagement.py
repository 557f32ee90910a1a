"""Engagement: production personnel registered in, and active in, the reporting system.

Expected figures are worked out by hand from the definition; comments show the arithmetic.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ohs_domain import (
    DateRange,
    EmployeeId,
    Engagement,
    InvalidValueError,
    Period,
    Quarter,
    Records,
    ReportGroup,
    ReportingAccount,
    ReportKind,
    SafetyReport,
    Share,
    Year,
    engagement,
    engagement_partial,
    kz,
    show,
    testing,
)
from tests.builders import (
    appointment,
    at,
    days_when_something_changed,
    employee,
    examples,
    records,
    report,
    within_unit_interval,
)

YEAR = Year(2023)
END_OF_2023 = date(2023, 12, 31)
BUNDLES_AROUND_2023 = testing.records(first_day=date(2022, 1, 1), last_day=date(2024, 3, 1))
# Two months of records, dense enough that a drawn day often sees a report change.
BUNDLE_DAYS = DateRange.inclusive(date(2023, 1, 1), date(2023, 2, 28))
DENSE_BUNDLES = testing.records(
    first_day=BUNDLE_DAYS.start, last_day=date(2023, 2, 28), max_items=20
)


STAFF = [employee(f"P-{n}") for n in range(1, 4)]
INSPECTORS = [appointment("P-1", date(2022, 1, 1), date(2025, 1, 1))]


@pytest.mark.parametrize("as_of", [date(9998, 12, 31), date.max])
def test_as_of_too_late_for_the_calendar_is_refused(as_of: date) -> None:
    bundle = records(employees=[employee("E-1")])

    with pytest.raises(InvalidValueError) as raised:
        engagement(bundle, period=YEAR, as_of=as_of)

    assert raised.value.field == "as_of"


def test_an_account_opened_on_as_of_is_registered_on_as_of() -> None:
    as_of = date(2023, 6, 1)
    accounts = [ReportingAccount(employee=e.id, registered_on=as_of) for e in STAFF]
    data = records(employees=STAFF, inspector_appointments=INSPECTORS, accounts=accounts)
    result = engagement(data, period=YEAR, as_of=as_of)
    assert (result.registered.part, result.registered.whole) == (3, 3)
    assert result.as_of == as_of


def _registered(*people: str, on: date = date(2022, 1, 1)) -> list[ReportingAccount]:
    return [ReportingAccount(employee=EmployeeId(p), registered_on=on) for p in people]


@pytest.fixture
def reporting() -> Records:
    """P-1..P-4 in production (P-4 not registered), H-1 in the office, L-1 left in June."""
    staff = [employee(f"P-{n}", department="D-1" if n <= 2 else "D-2") for n in range(1, 5)]
    staff += [employee("H-1", department="HQ"), employee("L-1", left_on=date(2023, 6, 1))]
    made = [
        report("R-1", "P-1", at(2023, 2, 1)),
        report("R-2", "P-1", at(2023, 2, 2), kind=ReportKind.EQUIPMENT_DEFECT),
        report("R-3", "P-2", at(2023, 3, 1), kind=ReportKind.HAZARDOUS_CONDITION),
        report("R-4", "P-2", at(2023, 3, 2), rejected=at(2023, 3, 3)),
        report("R-5", "P-3", at(2023, 4, 1), rejected=at(2023, 4, 2)),
        report("R-6", "H-1", at(2023, 5, 1), kind=ReportKind.FACILITY_DEFECT),
        report("R-7", "L-1", at(2023, 2, 10), kind=ReportKind.UNSAFE_ACT),
        report("R-8", "P-1", at(2022, 12, 30)),  # the year before
    ]
    return records(
        employees=staff,
        reports=made,
        accounts=_registered("P-1", "P-2", "P-3", "H-1", "L-1"),
    )


@pytest.mark.parametrize(
    ("min_reports", "active", "inactive"),
    [
        pytest.param(1, Share(2, 4), ("P-3",), id="k-1-one-non-rejected-report-is-active"),
        pytest.param(2, Share(1, 4), ("P-2", "P-3"), id="k-2-needs-two-non-rejected-reports"),
        pytest.param(3, Share(0, 4), ("P-1", "P-2", "P-3"), id="k-3-no-one-is-active"),
    ],
)
def test_engagement_registered_vs_active(
    reporting: Records, min_reports: int, active: Share, inactive: tuple[str, ...]
) -> None:
    result = engagement(reporting, period=YEAR, as_of=END_OF_2023, min_reports=min_reports)

    # Headcount: P-1..P-4 (H-1 is in the office, L-1 left). P-3's only report was
    # rejected, so P-3 is registered but never active; P-4 is not registered.
    assert result.registered == Share(3, 4)
    assert result.active == active
    assert result.not_registered == ("P-4",)
    assert result.inactive == inactive
    assert result.min_reports == min_reports


def test_engagement_counts_every_report_of_the_period(reporting: Records) -> None:
    result = engagement(reporting, period=YEAR, as_of=END_OF_2023)

    # R-1..R-7: defects, the rest events; rejected.
    assert (result.reports, result.events, result.defects, result.rejected) == (7, 5, 2, 2)
    steps = result.explanation.steps
    assert [(s.description, show(s.result)) for s in steps] == [
        ("production personnel on staff on 2023-12-31", "4"),
        ("events and defects registered in [2023-01-01, 2024-01-01)", "7"),
        ("registered in the reporting system by 2023-12-31", "3 of 4 (75.0 %)"),
        ("active: at least 1 non-rejected report(s) in the period", "2 of 4 (50.0 %)"),
    ]
    assert [(f.name, show(f.value)) for f in steps[1].facts] == [
        ("events", "5"),
        ("defects", "2"),
        ("rejected by 2023-12-31", "2"),
    ]


def _one_reporter(*made: SafetyReport) -> Records:
    return records(employees=[employee("P-1")], reports=made)


@pytest.mark.parametrize(
    ("made", "period", "active"),
    [
        pytest.param(
            # 23:30 in Almaty on 31 December is 17:30 UTC.
            report("R-1", "P-1", datetime(2023, 12, 31, 17, 30, tzinfo=UTC)),
            YEAR,
            Share(1, 1),
            id="report-at-23-30-almaty-on-31-december-counts-in-that-year",
        ),
        pytest.param(
            # 00:30 in Almaty on 1 January is 18:30 UTC on 31 December.
            report("R-1", "P-1", datetime(2023, 12, 31, 18, 30, tzinfo=UTC)),
            YEAR,
            Share(0, 1),
            id="report-at-00-30-almaty-on-1-january-not-in-the-year-before",
        ),
        pytest.param(
            report("R-1", "P-1", at(2023, 12, 30), rejected=at(2024, 1, 2)),
            YEAR,
            Share(1, 1),
            id="rejection-after-as-of-is-not-known-on-it",
        ),
        pytest.param(
            report("R-1", "P-1", at(2023, 12, 30), rejected=at(2023, 12, 31, 23, 59)),
            YEAR,
            Share(0, 1),
            id="rejection-on-as-of-counts",
        ),
        pytest.param(
            report("R-1", "P-1", at(2023, 12, 30), accepted=False),
            YEAR,
            Share(1, 1),
            id="report-awaiting-review-makes-active",
        ),
    ],
)
def test_which_reports_make_someone_active(
    made: SafetyReport, period: Period, active: Share
) -> None:
    result = engagement(_one_reporter(made), period=period, as_of=END_OF_2023)

    assert result.active == active


def test_a_report_at_00_30_almaty_on_1_january_counts_in_the_new_year() -> None:
    made = report("R-1", "P-1", datetime(2023, 12, 31, 18, 30, tzinfo=UTC))

    result = engagement(_one_reporter(made), period=Year(2024), as_of=date(2024, 12, 31))

    assert (result.active, result.reports) == (Share(1, 1), 1)


def test_engagement_as_of_a_day_in_the_period_counts_what_is_known_on_it() -> None:
    # P-2 registered in August and reported in September: not yet on 30 June.
    data = records(
        employees=[employee("P-1"), employee("P-2")],
        reports=[
            report("R-1", "P-1", at(2023, 6, 30, 23, 0)),
            report("R-2", "P-2", at(2023, 9, 1)),
        ],
        accounts=[*_registered("P-1"), *_registered("P-2", on=date(2023, 8, 1))],
    )

    mid_year = engagement(data, period=YEAR, as_of=date(2023, 6, 30))
    year_end = engagement(data, period=YEAR, as_of=END_OF_2023)

    assert (mid_year.registered, mid_year.active, mid_year.reports) == (
        Share(1, 2),
        Share(1, 2),
        1,
    )
    assert mid_year.explanation.steps[1].description == (
        "events and defects registered in [2023-01-01, 2023-07-01)"
    )
    assert (year_end.registered, year_end.active, year_end.reports) == (
        Share(2, 2),
        Share(2, 2),
        2,
    )


def test_engagement_without_production_staff_is_undefined() -> None:
    data = records(employees=[employee("H-1", department="HQ")])

    result = engagement(data, period=YEAR, as_of=END_OF_2023)

    assert (result.registered.value, result.active.value) == (None, None)
    assert "undefined" in str(result.active)


@pytest.mark.parametrize(
    "min_reports",
    [
        pytest.param(0, id="zero"),
        pytest.param(True, id="a-boolean"),
        pytest.param("1", id="text"),
    ],
)
def test_engagement_needs_at_least_one_report(reporting: Records, min_reports: object) -> None:
    with pytest.raises(InvalidValueError) as raised:
        engagement(reporting, period=YEAR, as_of=END_OF_2023, min_reports=min_reports)  # type: ignore[arg-type]

    assert raised.value.field == "min_reports"


@settings(max_examples=examples(0.5))
@given(
    data=BUNDLES_AROUND_2023,
    as_of=st.dates(date(2023, 1, 1), date(2024, 3, 1)),
    k=st.integers(1, 3),
)
def test_engagement_shares_lie_in_the_unit_interval(data: Records, as_of: date, k: int) -> None:
    result: Engagement = engagement(data, period=YEAR, as_of=as_of, min_reports=k)

    within_unit_interval(result.registered)
    within_unit_interval(result.active)
    # Only registered employees report: the active are some of the registered.
    assert result.active.part + len(result.inactive) == result.registered.part
    assert result.registered.part + len(result.not_registered) == result.registered.whole
    assert result.events + result.defects == result.reports >= result.rejected


def test_a_rejection_counts_on_its_day_in_almaty_not_in_utc() -> None:
    # 1 June 02:00 in Almaty (UTC+6) is still 31 May in UTC.
    rejected = datetime(2023, 6, 1, 2, 0, tzinfo=kz.ALMATY)
    data = records(
        employees=STAFF,
        inspector_appointments=INSPECTORS,
        reports=[report("R-1", "P-1", at(2023, 5, 30), rejected=rejected)],
    )
    result = engagement(data, period=YEAR, as_of=date(2023, 5, 31))
    assert result.active.part == 1
    assert result.rejected == 0


@pytest.mark.parametrize("min_reports", [0, -1], ids=["zero", "negative"])
def test_min_reports_below_one_is_named(min_reports: int) -> None:
    with pytest.raises(InvalidValueError) as info:
        engagement(
            records(employees=STAFF, inspector_appointments=INSPECTORS),
            period=YEAR,
            as_of=date(2023, 12, 31),
            min_reports=min_reports,
        )
    error = info.value
    assert (error.field, error.value, error.expected) == (
        "min_reports",
        min_reports,
        "an int of at least 1",
    )


@pytest.mark.parametrize(
    "as_of", [date(2023, 4, 1), date(2023, 4, 2)], ids=["day-after-the-quarter", "two-days-after"]
)
def test_reports_after_the_period_never_count(as_of: date) -> None:
    quarter = Quarter(2023, 1)
    data = records(
        employees=STAFF,
        inspector_appointments=INSPECTORS,
        reports=[
            report("R-1", "P-1", at(2023, 3, 31)),
            report("R-2", "P-2", at(2023, 4, 1)),
        ],
    )
    result = engagement(data, period=quarter, as_of=as_of)
    assert result.reports == 1
    assert result.active.part == 1
    assert result.period == quarter.range


@settings(max_examples=examples(1))
@given(
    data=DENSE_BUNDLES,
    near=st.data(),
    k=st.integers(1, 3),
)
def test_engagement_counts_the_reports_as_they_stood_on_as_of(
    data: Records, near: st.DataObject, k: int
) -> None:
    as_of = near.draw(days_when_something_changed(data, BUNDLE_DAYS))
    # What is known on a day is read one way: `Records.reports_as_of` (its days in the zone).
    known = data.reports_as_of(as_of, registered=BUNDLE_DAYS)
    counted = [r.report.reporter for r in known if not r.is_rejected]

    tallies = engagement_partial(data, period=BUNDLE_DAYS, as_of=as_of, min_reports=k)

    assert tallies.reports == len(known)
    assert tallies.events == sum(r.report.kind.group is ReportGroup.EVENT for r in known)
    assert tallies.defects == sum(r.report.kind.group is ReportGroup.DEFECT for r in known)
    assert tallies.rejected == sum(r.is_rejected for r in known)
    assert tallies.counts == Counter(e for e in counted if e in tallies.staff)
