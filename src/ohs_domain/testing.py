"""Hypothesis strategies for ``ohs_domain`` values, for property tests of code that uses them.

This module needs [Hypothesis](https://hypothesis.readthedocs.io), which is not
a dependency of the library itself: install it with the ``testing`` extra
(``pip install "ohs-domain[testing]"``) or add ``hypothesis`` to your own test
dependencies. Importing this module without Hypothesis raises ``ImportError``.

Every strategy builds valid values only (what the constructors accept), within
sensible bounds unless asked otherwise: days from 1900 to 2100, amounts from
minus to plus a trillion in the currency's minor units. The strategies are
grouped by concept: text, money, time, effective-dated parameters, explanations.

>>> from hypothesis import given
>>> from ohs_domain import Quarter
>>> from ohs_domain.testing import quarters
>>> @given(quarters())
... def test_parse_inverts_str(quarter):
...     assert Quarter.parse(str(quarter)) == quarter
>>> test_parse_inverts_str()
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal
from typing import Final, TypeVar
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st

from ohs_domain._actions import ActionDeadlines, ActionId, CorrectiveAction, Term
from ohs_domain._arguments import checked
from ohs_domain._checks import UNSAFE_IN_TEXT
from ohs_domain._effective import Entry, Schedule, Source
from ohs_domain._explain import Explanation, Fact, Step, Value
from ohs_domain._injuries import HoursWorked, InjuryId, InjurySeverity, WorkInjury
from ohs_domain._inspection import Submission, SubmissionId, Violation, ViolationId
from ohs_domain._inspector_pay import InspectorPayPolicy, PartialQuarter
from ohs_domain._measures import Share
from ohs_domain._money import MINOR_UNITS, Money
from ohs_domain._outcomes import (
    Active,
    BelowLowestTier,
    BelowMinimumScore,
    BeyondLastBand,
    CutByBudget,
    CutByRecipientCap,
    ExclusionReason,
    NotAppointed,
    NotOnStaff,
    NotProductionPersonnel,
    PaidInFullForPart,
    PaidProRata,
    PartialQuarterUnpaid,
    PayReason,
    RankedBelowBudget,
    RankedBelowRecipientCap,
    TooFewSubmissions,
    TooFewViolations,
    TrainingMissing,
)
from ohs_domain._periods import DateRange, Month, Quarter, Year, local_date
from ohs_domain._records import Records
from ohs_domain._reporting import (
    EliminationDeadlines,
    ReportId,
    ReportKind,
    RiskLevel,
    SafetyReport,
)
from ohs_domain._rewards import (
    MultiplierBounds,
    RankBand,
    RankBands,
    ReportWeights,
    RewardPolicy,
    ScoredReports,
    ScoreThresholds,
    ScoreTier,
    TieRule,
    WageDate,
)
from ohs_domain._training import SessionId, TrainingFormat, TrainingSession
from ohs_domain._workforce import (
    Department,
    DepartmentId,
    Employee,
    EmployeeCategory,
    EmployeeId,
    InspectorAppointment,
    ReportingAccount,
    TrainerCertification,
    WorkerRelation,
)
from ohs_domain._zones import time_zone

__all__ = [
    "EARLIEST_DAY",
    "LATEST_DAY",
    "ZONE_KEYS",
    "action_deadlines",
    "aware_datetimes",
    "corrective_actions",
    "currencies",
    "date_ranges",
    "dates",
    "departments",
    "elimination_deadlines",
    "employees",
    "entries",
    "exclusion_reasons",
    "explanations",
    "facts",
    "hours_worked",
    "inspector_appointments",
    "inspector_pay_policies",
    "money",
    "months",
    "pay_reasons",
    "quarters",
    "records",
    "reporting_accounts",
    "reward_policies",
    "safety_reports",
    "schedules",
    "sources",
    "steps",
    "submissions",
    "terms",
    "texts",
    "time_zones",
    "trainer_certifications",
    "training_sessions",
    "values",
    "violations",
    "work_injuries",
    "years",
]

T = TypeVar("T")

EARLIEST_DAY: Final = date(1900, 1, 1)
"""The first day the strategies draw by default."""

LATEST_DAY: Final = date(2100, 12, 31)
"""The last day the strategies draw by default."""

ZONE_KEYS: Final = (
    "Asia/Almaty",
    "Asia/Aqtau",
    "Asia/Novosibirsk",
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
)
"""Time zones drawn by default: the company's, its neighbours, and zones with
summer time (Lord Howe shifts by half an hour) to exercise folds and gaps."""

_LARGEST_AMOUNT: Final = Decimal(10) ** 12


# --- Text ---------------------------------------------------------------------------------------


@checked
def texts(*, max_size: int = 30) -> st.SearchStrategy[str]:
    """Non-blank text, as names, titles and notes require.

    Any Unicode but control characters (line breaks included: names and titles
    are one line of text), bidirectional overrides and isolates (they reorder what a
    reader sees) and surrogate code points (they cannot be encoded as UTF-8).

    Args:
        max_size: The most characters drawn.

    Returns:
        A strategy for strings with at least one non-space character.
    """
    return st.text(
        st.characters(codec="utf-8", exclude_categories=["Cc"]), min_size=1, max_size=max_size
    ).filter(lambda text: text.strip() and UNSAFE_IN_TEXT.search(text) is None)


# --- Money --------------------------------------------------------------------------------------


def currencies() -> st.SearchStrategy[str]:
    """ISO 4217 codes the library knows (tenge, yen, dinar, …).

    Returns:
        A strategy for upper-case currency codes, shrinking towards the first in order.
    """
    return st.sampled_from(sorted(MINOR_UNITS))


@checked
def money(
    currency: str | st.SearchStrategy[str] = "KZT",
    *,
    min_value: Decimal | int = -_LARGEST_AMOUNT,
    max_value: Decimal | int = _LARGEST_AMOUNT,
) -> st.SearchStrategy[Money]:
    """Amounts in the currency's minor units (tiyn for tenge, none for yen).

    Args:
        currency: A currency code, or a strategy for codes (e.g. `currencies()`).
        min_value: The smallest amount drawn (negative amounts are drawn by default).
        max_value: The largest amount drawn.

    Returns:
        A strategy for [`Money`][ohs_domain.Money] whose amounts have exactly the
        currency's number of decimal places.
    """
    codes = st.just(currency) if isinstance(currency, str) else currency

    def in_currency(code: str) -> st.SearchStrategy[Money]:
        amounts = st.decimals(
            min_value=min_value,
            max_value=max_value,
            places=MINOR_UNITS[code],
            allow_nan=False,
            allow_infinity=False,
        )
        return amounts.map(lambda amount: Money(amount, code))

    return codes.flatmap(in_currency)


# --- Time ---------------------------------------------------------------------------------------


@checked
def dates(
    *, min_value: date = EARLIEST_DAY, max_value: date = LATEST_DAY
) -> st.SearchStrategy[date]:
    """Days (``datetime.date``, never ``datetime``).

    Args:
        min_value: The first day drawn.
        max_value: The last day drawn.

    Returns:
        A strategy for days from ``min_value`` to ``max_value``, both included.
    """
    return st.dates(min_value=min_value, max_value=max_value)


def time_zones() -> st.SearchStrategy[ZoneInfo]:
    """IANA time zones from [`ZONE_KEYS`][ohs_domain.testing.ZONE_KEYS].

    Returns:
        A strategy for `ZoneInfo` zones, shrinking towards Asia/Almaty.
    """
    return st.sampled_from(ZONE_KEYS).map(time_zone)


def _fixed_offsets() -> st.SearchStrategy[tzinfo]:
    minutes = st.integers(min_value=-14 * 60, max_value=14 * 60)
    return minutes.map(lambda m: timezone(timedelta(minutes=m)))


@checked
def aware_datetimes(
    *,
    zones: Sequence[tzinfo] | st.SearchStrategy[tzinfo] | None = None,
    min_value: date = EARLIEST_DAY,
    max_value: date = LATEST_DAY,
) -> st.SearchStrategy[datetime]:
    """Time-zone-aware moments; never naive, never in a gap or a repeated hour of the zone's clock.

    (A wall time that a zone's clock shows twice never compares equal to the same
    instant in another zone, by Python's rule for such moments (PEP 495), so a bundle
    holding one would not equal itself after a trip through JSON's fixed offsets.)

    Args:
        zones: The zones to draw from: a sequence, a strategy, or ``None`` for
            the zones of [`time_zones()`][ohs_domain.testing.time_zones] and
            fixed offsets from UTC-14:00 to UTC+14:00.
        min_value: The first local day drawn.
        max_value: The last local day drawn.

    Returns:
        A strategy for aware `datetime`s, with local times from the start of
        ``min_value`` to the end of ``max_value``.
    """
    if zones is None:
        zone_strategy: st.SearchStrategy[tzinfo] = st.one_of(time_zones(), _fixed_offsets())
    elif isinstance(zones, st.SearchStrategy):
        zone_strategy = zones
    else:
        zone_strategy = st.sampled_from(list(zones))
    return st.datetimes(
        min_value=datetime.combine(min_value, datetime.min.time()),
        max_value=datetime.combine(max_value, datetime.max.time()),
        timezones=zone_strategy,
        allow_imaginary=False,
    ).filter(_unambiguous)


def _unambiguous(moment: datetime) -> bool:
    return moment.replace(fold=1 - moment.fold).utcoffset() == moment.utcoffset()


@checked
def date_ranges(
    *,
    min_value: date = EARLIEST_DAY,
    max_value: date = LATEST_DAY,
    allow_empty: bool = True,
) -> st.SearchStrategy[DateRange]:
    """Half-open ranges of days within the bounds.

    Args:
        min_value: The earliest ``start``.
        max_value: The latest ``end``.
        allow_empty: Whether ``start == end`` (no day) may be drawn.

    Returns:
        A strategy for [`DateRange`][ohs_domain.DateRange]s.
    """
    shortest = timedelta(days=0 if allow_empty else 1)

    def ending_after(start: date) -> st.SearchStrategy[DateRange]:
        ends = dates(min_value=start + shortest, max_value=max_value)
        return ends.map(lambda end: DateRange(start, end))

    return dates(min_value=min_value, max_value=max_value - shortest).flatmap(ending_after)


@checked
def years(
    *, min_value: int = EARLIEST_DAY.year, max_value: int = LATEST_DAY.year
) -> st.SearchStrategy[Year]:
    """Calendar years.

    Args:
        min_value: The first year drawn.
        max_value: The last year drawn.

    Returns:
        A strategy for [`Year`][ohs_domain.Year]s.
    """
    return st.integers(min_value=min_value, max_value=max_value).map(Year)


@checked
def quarters(
    *, min_year: int = EARLIEST_DAY.year, max_year: int = LATEST_DAY.year
) -> st.SearchStrategy[Quarter]:
    """Calendar quarters.

    Args:
        min_year: The year of the first quarter drawn.
        max_year: The year of the last quarter drawn.

    Returns:
        A strategy for [`Quarter`][ohs_domain.Quarter]s.
    """
    return st.builds(
        Quarter,
        st.integers(min_value=min_year, max_value=max_year),
        st.integers(min_value=1, max_value=4),
    )


@checked
def months(
    *, min_year: int = EARLIEST_DAY.year, max_year: int = LATEST_DAY.year
) -> st.SearchStrategy[Month]:
    """Calendar months.

    Args:
        min_year: The year of the first month drawn.
        max_year: The year of the last month drawn.

    Returns:
        A strategy for [`Month`][ohs_domain.Month]s.
    """
    return st.builds(
        Month,
        st.integers(min_value=min_year, max_value=max_year),
        st.integers(min_value=1, max_value=12),
    )


# --- Effective-dated parameters -----------------------------------------------------------------


def sources() -> st.SearchStrategy[Source]:
    """Sources of values: a title, and optionally a number, an adoption day and a note.

    Returns:
        A strategy for [`Source`][ohs_domain.Source]s.
    """
    return st.builds(
        Source,
        title=texts(max_size=60),
        number=st.none() | texts(max_size=12),
        adopted_on=st.none() | dates(),
        note=st.none() | texts(max_size=60),
    )


@checked
def entries(values: st.SearchStrategy[T]) -> st.SearchStrategy[Entry[T]]:
    """Single schedule entries.

    Args:
        values: The strategy for the entry's value (e.g. `money()`).

    Returns:
        A strategy for [`Entry`][ohs_domain.Entry]s with a start day and a source.
    """

    def build(since: date, value: T, source: Source) -> Entry[T]:
        return Entry(since=since, value=value, source=source)

    return st.builds(build, dates(), values, sources())


@checked
def schedules(
    values: st.SearchStrategy[T],
    *,
    name: str | st.SearchStrategy[str] | None = None,
    max_entries: int = 6,
    first_since: date | None = None,
) -> st.SearchStrategy[Schedule[T]]:
    """Valid schedules: at least one entry, start days strictly increasing.

    Args:
        values: The strategy for each entry's value (e.g. `money(min_value=0)`).
        name: The schedule's name, a strategy for names, or ``None`` for any
            non-blank text.
        max_entries: The most entries drawn.
        first_since: The day the first entry starts, so that a value is in
            force from then on; ``None`` for any day.

    Returns:
        A strategy for [`Schedule`][ohs_domain.Schedule]s.
    """
    names = texts() if name is None else st.just(name) if isinstance(name, str) else name
    starts = dates() if first_since is None else dates(min_value=first_since + timedelta(days=1))
    row = st.tuples(starts, values, sources())
    rows = st.lists(row, min_size=1, max_size=max_entries, unique_by=lambda drawn: drawn[0])

    def build(name: str, drawn: list[tuple[date, T, Source]]) -> Schedule[T]:
        by_start = sorted(drawn, key=lambda entry: entry[0])
        if first_since is not None:
            _, value, source = by_start[0]
            by_start[0] = (first_since, value, source)
        return Schedule(
            name=name,
            entries=tuple(
                Entry(since=since, value=value, source=source) for since, value, source in by_start
            ),
        )

    return st.builds(build, names, rows)


# --- Outcomes -----------------------------------------------------------------------------------


def pay_reasons() -> st.SearchStrategy[PayReason]:
    """Every kind of reason an inspector's quarterly amount is what it is, with its data.

    Returns:
        A strategy for [`PayReason`][ohs_domain.PayReason]s.
    """
    counts = st.integers(min_value=0, max_value=1_000)
    days = {"days": counts, "of_days": counts, "quarter": quarters()}
    return st.one_of(
        st.builds(TooFewSubmissions, count=counts, required=counts, quarter=quarters()),
        st.builds(TooFewViolations, count=counts, required=counts, quarter=quarters()),
        st.builds(TrainingMissing, dates()),
        st.builds(
            NotAppointed,
            quarter=quarters(),
            terms=st.lists(date_ranges(), max_size=2).map(tuple),
        ),
        st.builds(PartialQuarterUnpaid, **days),
        st.builds(PaidProRata, **days, amount=money(min_value=0)),
        st.builds(PaidInFullForPart, **days),
        st.builds(Active, submissions=counts, violations=counts, quarter=quarters()),
    )


def exclusion_reasons() -> st.SearchStrategy[ExclusionReason]:
    """Every kind of reason someone considered for an award gets none, with its data.

    Returns:
        A strategy for [`ExclusionReason`][ohs_domain.ExclusionReason]s.
    """
    counts = st.integers(min_value=0, max_value=1_000)
    amounts = money(min_value=0)
    ids = texts(max_size=10).filter(str.strip)
    return st.one_of(
        st.builds(NotProductionPersonnel, ids),
        st.builds(NotOnStaff, dates(), st.none() | dates()),
        st.builds(BelowMinimumScore, counts, counts),
        st.builds(BelowLowestTier, counts, counts),
        st.builds(BeyondLastBand, counts, counts),
        st.builds(CutByRecipientCap, cap=counts, admitted=counts, tied=st.booleans()),
        st.builds(CutByBudget, budget=amounts, committed=amounts, would_reach=amounts),
        st.builds(RankedBelowRecipientCap, cap=counts, first_cut=ids),
        st.builds(RankedBelowBudget, budget=amounts, first_cut=ids),
    )


# --- Explanations -------------------------------------------------------------------------------


def values() -> st.SearchStrategy[Value]:
    """What an explanation keeps: text, counts, flags, money, days, periods, shares, reasons.

    Returns:
        A strategy for [`Value`][ohs_domain.Value]s, a few of them tuples of values.
    """
    counts = st.integers(min_value=0, max_value=10**6)
    single: st.SearchStrategy[Value] = st.one_of(
        st.none(),
        texts(),
        st.booleans(),
        st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1),  # what JSON readers hold exactly
        st.decimals(min_value=-(10**29), max_value=10**29, places=2),  # the edge's bounds
        st.fractions(max_denominator=10**6),
        dates(),
        money(),
        counts.flatmap(lambda whole: st.builds(Share, st.integers(0, whole), st.just(whole))),
        quarters(),
        months(),
        years(),
        date_ranges(),
        sources(),
        pay_reasons(),
        exclusion_reasons(),
    )
    return single | st.lists(single, max_size=3).map(tuple)


def facts() -> st.SearchStrategy[Fact]:
    """Facts a step used: plain inputs, or parameters with their start day and source.

    Returns:
        A strategy for [`Fact`][ohs_domain.Fact]s.
    """
    return st.builds(
        Fact,
        name=texts(),
        value=values(),
        since=st.none() | dates(),
        source=st.none() | sources(),
    )


def steps() -> st.SearchStrategy[Step]:
    """Steps of a computation, with up to three facts.

    Returns:
        A strategy for [`Step`][ohs_domain.Step]s.
    """
    return st.builds(
        Step,
        description=texts(max_size=60),
        result=values(),
        facts=st.lists(facts(), max_size=3).map(tuple),
    )


@checked
def explanations(*, max_steps: int = 4) -> st.SearchStrategy[Explanation]:
    """Explanations of up to ``max_steps`` steps (possibly none).

    Args:
        max_steps: The most steps drawn.

    Returns:
        A strategy for [`Explanation`][ohs_domain.Explanation]s.
    """
    return st.lists(steps(), max_size=max_steps).map(lambda drawn: Explanation(tuple(drawn)))


# --- The domain model ---------------------------------------------------------------------------
#
# One strategy per domain object draws it on its own: its fields are valid, its references are
# arbitrary ids. ``records()`` draws a whole, consistent bundle: references resolve and every
# dated rule of `Records` holds, so it builds.

_IDS: Final = st.text(
    st.characters(codec="ascii", categories=["Lu", "Nd"], include_characters="-"),
    min_size=1,
    max_size=8,
).filter(str.strip)


def departments() -> st.SearchStrategy[Department]:
    """Departments, production or not.

    Returns:
        A strategy for [`Department`][ohs_domain.Department]s.
    """
    return st.builds(
        Department,
        id=_IDS.map(DepartmentId),
        name=texts(max_size=40),
        is_production=st.booleans(),
    )


def _until_or_none(start: date, latest: date) -> st.SearchStrategy[date | None]:
    return st.none() | dates(min_value=start, max_value=max(start, latest))


@checked
def employees(
    *, min_day: date = EARLIEST_DAY, max_day: date = LATEST_DAY
) -> st.SearchStrategy[Employee]:
    """Employees hired from ``min_day`` to ``max_day``, some of whom have left.

    Args:
        min_day: The earliest hiring day.
        max_day: The latest hiring (and leaving) day.

    Returns:
        A strategy for [`Employee`][ohs_domain.Employee]s.
    """

    def build(hired_on: date) -> st.SearchStrategy[Employee]:
        return st.builds(
            Employee,
            id=_IDS.map(EmployeeId),
            department=_IDS.map(DepartmentId),
            category=st.sampled_from(EmployeeCategory),
            hired_on=st.just(hired_on),
            left_on=_until_or_none(hired_on, max_day),
        )

    return dates(min_value=min_day, max_value=max_day).flatmap(build)


def trainer_certifications() -> st.SearchStrategy[TrainerCertification]:
    """Internal-trainer certifications, some expiring.

    Returns:
        A strategy for [`TrainerCertification`][ohs_domain.TrainerCertification]s.
    """

    def build(certified_on: date) -> st.SearchStrategy[TrainerCertification]:
        return st.builds(
            TrainerCertification,
            employee=_IDS.map(EmployeeId),
            certified_on=st.just(certified_on),
            valid_until=_until_or_none(certified_on, LATEST_DAY),
        )

    return dates().flatmap(build)


def inspector_appointments() -> st.SearchStrategy[InspectorAppointment]:
    """Technical inspectors' appointments: approved, then a term starting on or after approval.

    Returns:
        A strategy for [`InspectorAppointment`][ohs_domain.InspectorAppointment]s.
    """

    def build(approved_on: date) -> st.SearchStrategy[InspectorAppointment]:
        return st.builds(
            InspectorAppointment,
            employee=_IDS.map(EmployeeId),
            approved_on=st.just(approved_on),
            term=date_ranges(min_value=approved_on, allow_empty=False),
            trained_on=st.none() | dates(),
            decision=st.none() | texts(max_size=20),
        )

    return dates(max_value=LATEST_DAY - timedelta(days=1)).flatmap(build)


def reporting_accounts() -> st.SearchStrategy[ReportingAccount]:
    """Registrations in the reporting system.

    Returns:
        A strategy for [`ReportingAccount`][ohs_domain.ReportingAccount]s.
    """
    return st.builds(ReportingAccount, employee=_IDS.map(EmployeeId), registered_on=dates())


def _id_sets() -> st.SearchStrategy[frozenset[str]]:
    return st.frozensets(_IDS, min_size=1, max_size=5)


def training_sessions() -> st.SearchStrategy[TrainingSession]:
    """Training sessions of one to three days, in any format.

    Returns:
        A strategy for [`TrainingSession`][ohs_domain.TrainingSession]s.
    """
    return st.builds(
        TrainingSession,
        id=_IDS.map(SessionId),
        programme=texts(max_size=40),
        format=st.sampled_from(TrainingFormat),
        days=_session_days(dates(max_value=LATEST_DAY - timedelta(days=3))),
        trainers=_id_sets(),
        attendees=_id_sets(),
        group=texts(max_size=10),
        department=_IDS.map(DepartmentId),
    )


def _session_days(starts: st.SearchStrategy[date]) -> st.SearchStrategy[DateRange]:
    lengths = st.integers(min_value=1, max_value=3)
    return st.builds(lambda start, n: DateRange(start, start + timedelta(days=n)), starts, lengths)


_LIFECYCLE_GAP: Final = st.integers(min_value=0, max_value=60 * 24 * 60).map(
    lambda minutes: timedelta(minutes=minutes)
)


@st.composite
def _lived(draw: st.DrawFn, report: SafetyReport) -> SafetyReport:
    """``report`` taken some way along a legal path of its lifecycle."""
    steps = draw(st.integers(min_value=0, max_value=3))
    at = report.reported_at
    if steps and draw(st.booleans()):
        return report.reject(at + draw(_LIFECYCLE_GAP), draw(texts(max_size=40)))
    for move in (SafetyReport.accept, SafetyReport.start_work, SafetyReport.eliminate)[:steps]:
        at += draw(_LIFECYCLE_GAP)
        report = move(report, at)
    return report


@checked
def safety_reports(
    *, zones: Sequence[tzinfo] | st.SearchStrategy[tzinfo] | None = None
) -> st.SearchStrategy[SafetyReport]:
    """Safety reports of every kind and risk, at every stage of a legal lifecycle.

    Args:
        zones: The zones of ``reported_at``, as for
            [`aware_datetimes()`][ohs_domain.testing.aware_datetimes].

    Returns:
        A strategy for [`SafetyReport`][ohs_domain.SafetyReport]s whose history
        is legal (the transitions were made through the report's own methods).
    """
    registered = st.builds(
        SafetyReport,
        id=_IDS.map(ReportId),
        kind=st.sampled_from(ReportKind),
        risk=st.sampled_from(RiskLevel),
        reporter=_IDS.map(EmployeeId),
        department=_IDS.map(DepartmentId),
        reported_at=aware_datetimes(zones=zones, max_value=LATEST_DAY - timedelta(days=200)),
    )
    return registered.flatmap(_lived)


def elimination_deadlines() -> st.SearchStrategy[EliminationDeadlines]:
    """Elimination deadlines: positive, never more time for a higher risk.

    Returns:
        A strategy for [`EliminationDeadlines`][ohs_domain.EliminationDeadlines].
    """
    hours = st.lists(st.integers(min_value=1, max_value=24 * 365), min_size=3, max_size=3)
    return hours.map(sorted).map(
        lambda h: EliminationDeadlines(
            high=timedelta(hours=h[0]), medium=timedelta(hours=h[1]), low=timedelta(hours=h[2])
        )
    )


def violations() -> st.SearchStrategy[Violation]:
    """Violations found by technical inspectors, open or eliminated.

    Returns:
        A strategy for [`Violation`][ohs_domain.Violation]s.
    """

    def build(found_on: date) -> st.SearchStrategy[Violation]:
        return st.builds(
            Violation,
            id=_IDS.map(ViolationId),
            found_on=st.just(found_on),
            department=_IDS.map(DepartmentId),
            category=texts(max_size=30),
            norm=st.none() | texts(max_size=30),
            eliminated_on=_until_or_none(found_on, LATEST_DAY),
        )

    return dates().flatmap(build)


def submissions() -> st.SearchStrategy[Submission]:
    """Submissions listing one to five violations, answered or awaiting a response.

    Returns:
        A strategy for [`Submission`][ohs_domain.Submission]s.
    """

    def build(issued_on: date) -> st.SearchStrategy[Submission]:
        later = dates(min_value=issued_on)
        return st.builds(
            Submission,
            id=_IDS.map(SubmissionId),
            inspector=_IDS.map(EmployeeId),
            department=_IDS.map(DepartmentId),
            issued_on=st.just(issued_on),
            violations=_id_sets().map(lambda ids: frozenset(map(ViolationId, ids))),
            respond_by=later,
            answered_on=st.none() | later,
        )

    return dates().flatmap(build)


def work_injuries() -> st.SearchStrategy[WorkInjury]:
    """Work injuries of every severity class, of employees and of contractors' workers.

    Returns:
        A strategy for [`WorkInjury`][ohs_domain.WorkInjury]s; only a recordable,
        non-fatal injury is ever high-consequence.
    """
    return st.builds(
        WorkInjury,
        id=_IDS.map(InjuryId),
        occurred_on=dates(),
        employee=_IDS.map(EmployeeId),
        department=_IDS.map(DepartmentId),
        severity=st.sampled_from(InjurySeverity),
        days_lost=st.integers(min_value=0, max_value=365),
        relation=st.sampled_from(WorkerRelation),
        injury_type=st.none() | st.sampled_from(_INJURY_TYPES),
    ).flatmap(_consequence)


_INJURY_TYPES: Final = ("fracture", "burn", "electric shock", "cut")


def _consequence(injury: WorkInjury) -> st.SearchStrategy[WorkInjury]:
    severity = injury.severity
    if severity is InjurySeverity.FATAL or not severity.is_recordable:
        return st.just(injury)
    return st.booleans().map(lambda high: attrs.evolve(injury, high_consequence=high))


def _hours() -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=0, max_value=10**7, places=1, allow_nan=False)


def hours_worked() -> st.SearchStrategy[HoursWorked]:
    """Hours worked in a department in a month (exact, non-negative, to a tenth of an hour).

    Returns:
        A strategy for [`HoursWorked`][ohs_domain.HoursWorked].
    """
    return st.builds(
        HoursWorked,
        department=_IDS.map(DepartmentId),
        month=months(),
        hours=_hours(),
        relation=st.sampled_from(WorkerRelation),
    )


def terms() -> st.SearchStrategy[Term]:
    """Policy terms of months and days, never zero.

    Returns:
        A strategy for [`Term`][ohs_domain.Term]s of up to two years and 400 days.
    """
    return st.builds(
        Term, months=st.integers(min_value=0, max_value=24), days=st.integers(0, 400)
    ).filter(lambda term: term != Term())


def action_deadlines() -> st.SearchStrategy[ActionDeadlines]:
    """Corrective-action deadline policies.

    Returns:
        A strategy for [`ActionDeadlines`][ohs_domain.ActionDeadlines].
    """
    return st.builds(
        ActionDeadlines,
        low=terms(),
        medium=terms(),
        high=terms(),
        coming_due=terms(),
        escalate_after=terms(),
    )


@st.composite
def _action_lived(draw: st.DrawFn, action: CorrectiveAction) -> CorrectiveAction:
    """``action`` taken some way along a legal path of its lifecycle."""
    steps = draw(st.integers(min_value=0, max_value=2))
    on = action.raised_on
    gaps = st.integers(min_value=0, max_value=120).map(lambda n: timedelta(days=n))
    if steps:
        on += draw(gaps)
        action = action.start(on)
    if steps == 2:
        action = action.complete(on + draw(gaps))
    if steps < 2 and draw(st.booleans()):
        action = action.cancel(on + draw(gaps), draw(texts(max_size=40)))
    return action


def corrective_actions() -> st.SearchStrategy[CorrectiveAction]:
    """Corrective actions answering a report or a violation, at every stage of their lifecycle.

    Returns:
        A strategy for [`CorrectiveAction`][ohs_domain.CorrectiveAction]s whose
        lifecycle is legal (made through the action's own methods).
    """

    def build(raised_on: date, subject: tuple[bool, str]) -> st.SearchStrategy[CorrectiveAction]:
        is_report, subject_id = subject
        return st.builds(
            CorrectiveAction,
            id=_IDS.map(ActionId),
            report=st.just(ReportId(subject_id) if is_report else None),
            violation=st.just(None if is_report else ViolationId(subject_id)),
            description=texts(max_size=40),
            owner=_IDS.map(EmployeeId),
            risk=st.sampled_from(RiskLevel),
            raised_on=st.just(raised_on),
            due_on=dates(min_value=raised_on, max_value=raised_on + timedelta(days=400)),
        ).flatmap(_action_lived)

    last = LATEST_DAY - timedelta(days=1_000)
    return st.builds(build, dates(max_value=last), st.tuples(st.booleans(), _IDS)).flatmap(
        lambda strategy: strategy
    )


# --- Policies -----------------------------------------------------------------------------------


@checked
def inspector_pay_policies(
    currency: str = "KZT",
) -> st.SearchStrategy[InspectorPayPolicy]:
    """Inspector pay policies: any activity thresholds, partial-quarter rule and amount.

    The amount is in force from [`EARLIEST_DAY`][ohs_domain.testing.EARLIEST_DAY] on,
    so the policy applies to any quarter the other strategies draw.

    Args:
        currency: The currency of the quarterly amount.

    Returns:
        A strategy for [`InspectorPayPolicy`][ohs_domain.InspectorPayPolicy] values.
    """
    thresholds = st.tuples(st.integers(0, 5), st.integers(0, 5)).filter(any)
    return st.builds(
        lambda source, amount, minimums, partial, training: InspectorPayPolicy(
            approved_by=source,
            amount=amount,
            min_submissions=minimums[0],
            min_violations=minimums[1],
            partial_quarter=partial,
            require_training=training,
        ),
        sources(),
        schedules(
            money(currency, min_value=0, max_value=10**7),
            name="quarterly amount",
            first_since=EARLIEST_DAY,
        ),
        thresholds,
        st.sampled_from(PartialQuarter),
        st.booleans(),
    )


@st.composite
def _score_thresholds(draw: st.DrawFn, bounds: MultiplierBounds) -> ScoreThresholds:
    count = draw(st.integers(min_value=1, max_value=4))
    multipliers = sorted(
        draw(st.lists(st.integers(bounds.minimum, bounds.maximum), min_size=count, max_size=count))
    )
    tiers, low = [], draw(st.integers(min_value=1, max_value=5))
    for number, multiplier in enumerate(multipliers):
        top = None if number == count - 1 else low + draw(st.integers(0, 20))
        tiers.append(ScoreTier(min_score=low, max_score=top, multiplier=multiplier))
        low = (top or low) + 1
    return ScoreThresholds(tuple(tiers))


@st.composite
def _rank_bands(draw: st.DrawFn, bounds: MultiplierBounds) -> RankBands:
    count = draw(st.integers(min_value=1, max_value=4))
    multipliers = sorted(
        draw(st.lists(st.integers(bounds.minimum, bounds.maximum), min_size=count, max_size=count)),
        reverse=True,
    )
    bands, first = [], 1
    for multiplier in multipliers:
        last = first + draw(st.integers(0, 20))
        bands.append(RankBand(first_rank=first, last_rank=last, multiplier=multiplier))
        first = last + 1
    return RankBands(tuple(bands))


_WEIGHT_FIELDS: Final = tuple(kind.value for kind in ReportKind)


@checked
@st.composite
def reward_policies(draw: st.DrawFn, currency: str = "KZT") -> RewardPolicy:
    """Reward policies: score thresholds or rank bands within drawn bounds, any caps.

    The wage is in force from [`EARLIEST_DAY`][ohs_domain.testing.EARLIEST_DAY] on,
    so the policy applies to any period the other strategies draw.

    Args:
        draw: Supplied by Hypothesis.
        currency: The currency of the wage schedule and of the budget.

    Returns:
        A [`RewardPolicy`][ohs_domain.RewardPolicy] (as a strategy, when called without ``draw``).
    """
    minimum = draw(st.integers(min_value=1, max_value=5))
    bounds = MultiplierBounds(minimum, minimum + draw(st.integers(min_value=0, max_value=10)))
    tiers: ScoreThresholds | RankBands = draw(
        st.one_of(_score_thresholds(bounds), _rank_bands(bounds))
    )
    wage = draw(
        schedules(
            money(currency, min_value=1, max_value=10**6),
            name="minimum wage",
            first_since=EARLIEST_DAY,
        )
    )
    return RewardPolicy(
        approved_by=draw(sources()),
        wage=wage,
        wage_date=draw(st.sampled_from(WageDate)),
        tiers=tiers,
        multiplier_bounds=bounds,
        scored=draw(st.sampled_from(ScoredReports)),
        weights=draw(st.builds(ReportWeights, **dict.fromkeys(_WEIGHT_FIELDS, st.integers(0, 5)))),
        production_only=draw(st.booleans()),
        require_employed=draw(st.booleans()),
        min_score=draw(st.integers(min_value=1, max_value=5)),
        tie_rule=draw(st.sampled_from(TieRule)),
        max_recipients=draw(st.none() | st.integers(min_value=0, max_value=20)),
        budget=draw(st.none() | money(currency, min_value=0, max_value=10**8)),
    )


# --- Whole records bundles ----------------------------------------------------------------------

_WORKING_HOURS: Final = st.times(min_value=time(6), max_value=time(20, 59, 59))
"""Local times of day drawn for moments: no zone of ZONE_KEYS changes its clocks then."""


class _Drawer:
    """Draws the records of one consistent bundle, each dated where the rules allow it."""

    def __init__(self, draw: st.DrawFn, zone: ZoneInfo, first: date, last: date) -> None:
        self.draw, self.zone, self.first, self.last = draw, zone, first, last

    def day(self, first: date, last: date) -> date:
        return self.draw(dates(min_value=first, max_value=last))

    def some(self, items: Sequence[T], *, max_size: int) -> list[T]:
        """A sub-list of ``items``, in their order, without repeats."""
        if not items:
            return []
        chosen = self.draw(st.sets(st.integers(0, len(items) - 1), max_size=max_size))
        return [items[index] for index in sorted(chosen)]

    def last_day_of(self, employee: Employee) -> date:
        """The last day ``employee`` is on staff within the window."""
        if employee.left_on is None:
            return self.last
        return min(self.last, employee.left_on - timedelta(days=1))

    def moment(self, day: date) -> datetime:
        return datetime.combine(day, self.draw(_WORKING_HOURS), tzinfo=self.zone)

    def departments(self, count: int) -> list[Department]:
        flags = self.draw(st.lists(st.booleans(), min_size=count, max_size=count))
        flags[0] = True  # at least one production department: coverage has a population
        return [
            Department(id=DepartmentId(f"D-{n}"), name=f"Department {n}", is_production=flag)
            for n, flag in enumerate(flags, start=1)
        ]

    def employees(self, count: int, department_ids: Sequence[str]) -> list[Employee]:
        people = []
        for n in range(1, count + 1):
            hired_on = self.day(self.first, self.last)
            left_on = (
                self.draw(
                    st.none() | dates(min_value=hired_on + timedelta(days=1), max_value=self.last)
                )
                if hired_on < self.last
                else None
            )
            people.append(
                Employee(
                    id=EmployeeId(f"E-{n:03}"),
                    department=DepartmentId(self.draw(st.sampled_from(department_ids))),
                    category=self.draw(st.sampled_from(EmployeeCategory)),
                    hired_on=hired_on,
                    left_on=left_on,
                )
            )
        return people


def _contractor_injuries(
    draw: st.DrawFn, drawer: _Drawer, department_ids: list[DepartmentId]
) -> list[WorkInjury]:
    injuries = []
    for number in range(1, draw(st.integers(0, 2)) + 1):
        severity = draw(st.sampled_from(InjurySeverity))
        injuries.append(
            WorkInjury(
                id=InjuryId(f"C-{number:03}"),
                occurred_on=drawer.day(drawer.first, drawer.last),
                employee=EmployeeId(f"CW-{number:03}"),  # a contractor's worker: not on staff
                department=DepartmentId(draw(st.sampled_from(department_ids))),
                severity=severity,
                relation=WorkerRelation.CONTRACTOR,
                high_consequence=severity is InjurySeverity.SEVERE,
            )
        )
    return injuries


def _actions_of(
    draw: st.DrawFn,
    drawer: _Drawer,
    reports: list[SafetyReport],
    zone: ZoneInfo,
    max_items: int,
) -> list[CorrectiveAction]:
    """Actions answering some of ``reports``, owned by the reporter, closed by elimination."""
    actions: list[CorrectiveAction] = []
    for report in drawer.some(reports, max_size=max_items):
        raised_on = local_date(report.reported_at, zone)
        action = CorrectiveAction(
            id=ActionId(f"A-{len(actions) + 1:03}"),
            report=report.id,
            description="Remove the hazard",
            owner=report.reporter,  # on staff on the day of the report
            risk=report.risk,
            raised_on=raised_on,
            due_on=raised_on + timedelta(days=draw(st.integers(0, 60))),
        )
        eliminated = report.eliminated_at
        if eliminated is None:
            action = draw(_action_lived(action))
        else:  # closed by the day the report was marked eliminated
            action = action.start(raised_on).complete(local_date(eliminated, zone))
        actions.append(action)
    return actions


@checked
@st.composite
def records(
    draw: st.DrawFn,
    *,
    zones: st.SearchStrategy[ZoneInfo] | None = None,
    first_day: date = date(2022, 1, 1),
    last_day: date = date(2024, 12, 31),
    max_departments: int = 4,
    max_employees: int = 12,
    max_items: int = 10,
) -> Records:
    """Consistent records bundles: every reference resolves and every dated rule holds.

    Every fact is dated from ``first_day`` to ``last_day`` (terms and deadlines
    may run past it). Departments are ``D-1``, ``D-2``, … (``D-1`` is a
    production department), employees ``E-001``, ``E-002``, …; reports, sessions,
    violations, submissions and injuries are numbered the same way. Trainers
    hold a certification valid on every day of their sessions, attendees and
    reporters are on staff, reporters are registered before they report,
    inspectors issue submissions during their term, and each violation is
    listed by at most one submission of its own department, after it was found.

    >>> from hypothesis import given
    >>> from ohs_domain import serialization
    >>> @given(records())
    ... def test_round_trip(bundle):
    ...     assert serialization.load(serialization.dump(bundle), Records) == bundle
    >>> test_round_trip()

    Args:
        draw: Supplied by Hypothesis.
        zones: The company's zone; ``None`` for
            [`time_zones()`][ohs_domain.testing.time_zones].
        first_day: The first day of the bundle's history.
        last_day: The last day of the bundle's history.
        max_departments: The most departments drawn (at least one).
        max_employees: The most employees drawn (at least one).
        max_items: The most records of each other kind drawn.

    Returns:
        A [`Records`][ohs_domain.Records] bundle (as a strategy, when called without ``draw``).
    """
    zone = draw(time_zones() if zones is None else zones)
    drawer = _Drawer(draw, zone, first_day, last_day)
    departments_ = drawer.departments(draw(st.integers(1, max_departments)))
    department_ids = [d.id for d in departments_]
    staff = drawer.employees(draw(st.integers(1, max_employees)), department_ids)

    certifications = []
    for employee in drawer.some(staff, max_size=max_items):
        certified_on = drawer.day(first_day, last_day)
        valid_until = draw(_until_or_none(certified_on, last_day))
        certifications.append(
            TrainerCertification(
                employee=employee.id, certified_on=certified_on, valid_until=valid_until
            )
        )

    accounts = [
        ReportingAccount(employee=e.id, registered_on=drawer.day(e.hired_on, drawer.last_day_of(e)))
        for e in drawer.some(staff, max_size=len(staff))
    ]

    sessions: list[TrainingSession] = []
    for certification in drawer.some(certifications, max_size=max_items):
        valid_last = certification.valid_until or last_day
        start = drawer.day(certification.certified_on, valid_last)
        length = draw(st.integers(1, min(3, (valid_last - start).days + 1)))
        days = DateRange(start, start + timedelta(days=length))
        present = [
            e.id
            for e in staff
            if e.is_employed_on(days.start) and e.is_employed_on(days.end - timedelta(days=1))
        ]
        attendees = drawer.some(present, max_size=len(present))
        if not attendees:
            continue
        sessions.append(
            TrainingSession(
                id=SessionId(f"S-{len(sessions) + 1:03}"),
                programme="Safety culture",
                format=draw(st.sampled_from(TrainingFormat)),
                days=days,
                trainers=frozenset({certification.employee}),
                attendees=frozenset(attendees),
                group=f"G-{len(sessions) + 1}",
                department=draw(st.sampled_from(department_ids)),
            )
        )

    by_id = {e.id: e for e in staff}
    reports = []
    report_count = draw(st.integers(0, max_items)) if accounts else 0
    for number in range(1, report_count + 1):
        account = draw(st.sampled_from(accounts))
        day = drawer.day(account.registered_on, drawer.last_day_of(by_id[account.employee]))
        registered = SafetyReport(
            id=ReportId(f"R-{number:03}"),
            kind=draw(st.sampled_from(ReportKind)),
            risk=draw(st.sampled_from(RiskLevel)),
            reporter=account.employee,
            department=DepartmentId(draw(st.sampled_from(department_ids))),
            reported_at=drawer.moment(day),
        )
        reports.append(draw(_lived(registered)))

    appointments = []
    for employee in drawer.some(staff, max_size=max_items):
        start = drawer.day(employee.hired_on, drawer.last_day_of(employee))
        approved_on = drawer.day(start - timedelta(days=30), start)
        term = DateRange(start, start + timedelta(days=draw(st.integers(1, 3 * 365))))
        appointments.append(
            InspectorAppointment(
                employee=employee.id,
                approved_on=approved_on,
                term=term,
                trained_on=draw(st.none() | dates(min_value=first_day, max_value=last_day)),
            )
        )

    violations_: list[Violation] = []
    submissions_: list[Submission] = []

    def violation(department: DepartmentId, found_on: date) -> Violation:
        found = Violation(
            id=ViolationId(f"V-{len(violations_) + 1:03}"),
            found_on=found_on,
            department=department,
            category=draw(st.sampled_from(["electrical safety", "work at height", "PPE"])),
            eliminated_on=draw(_until_or_none(found_on, last_day + timedelta(days=90))),
        )
        violations_.append(found)
        return found

    for appointment in drawer.some(appointments * 2, max_size=max_items):
        issued_on = drawer.day(
            appointment.term.start, min(appointment.term.end - timedelta(days=1), last_day)
        )
        department = DepartmentId(draw(st.sampled_from(department_ids)))
        listed = [
            violation(department, drawer.day(first_day, issued_on))
            for _ in range(draw(st.integers(1, 3)))
        ]
        respond_by = issued_on + timedelta(days=draw(st.integers(0, 60)))
        submissions_.append(
            Submission(
                id=SubmissionId(f"P-{len(submissions_) + 1:03}"),
                inspector=appointment.employee,
                department=department,
                issued_on=issued_on,
                violations=frozenset(v.id for v in listed),
                respond_by=respond_by,
                answered_on=draw(
                    st.none()
                    | dates(min_value=issued_on, max_value=respond_by + timedelta(days=30))
                ),
            )
        )
    for _ in range(draw(st.integers(0, 2))):
        violation(
            DepartmentId(draw(st.sampled_from(department_ids))), drawer.day(first_day, last_day)
        )

    injuries = []
    for number, employee in enumerate(drawer.some(staff, max_size=max_items), start=1):
        injuries.append(
            WorkInjury(
                id=InjuryId(f"I-{number:03}"),
                occurred_on=drawer.day(employee.hired_on, drawer.last_day_of(employee)),
                employee=employee.id,
                department=employee.department,
                severity=draw(st.sampled_from(InjurySeverity)),
                days_lost=draw(st.integers(0, 120)),
            )
        )

    injuries += _contractor_injuries(draw, drawer, department_ids)

    all_months = [
        Month(year, month)
        for year in range(first_day.year, last_day.year + 1)
        for month in range(1, 13)
    ]
    hours = [
        HoursWorked(department=department, month=month, hours=draw(_hours()))
        for department in department_ids
        for month in drawer.some(all_months, max_size=max_items)
    ]
    hours += [
        HoursWorked(
            department=department_ids[0],
            month=month,
            hours=draw(_hours()),
            relation=WorkerRelation.CONTRACTOR,
        )
        for month in drawer.some(all_months, max_size=3)
    ]

    return Records(
        time_zone=zone,
        departments=departments_,
        employees=staff,
        trainer_certifications=certifications,
        inspector_appointments=appointments,
        reporting_accounts=accounts,
        training_sessions=sessions,
        safety_reports=reports,
        violations=violations_,
        submissions=submissions_,
        injuries=injuries,
        hours_worked=hours,
        corrective_actions=_actions_of(draw, drawer, reports, zone, max_items),
    )
