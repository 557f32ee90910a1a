"""Quarterly pay of technical inspectors for active work.

The Labour Code sets no pay for technical inspectors: the amount (15,000 KZT
a quarter in the seed) and what counts as *active* are the company's policy,
an [`InspectorPayPolicy`][ohs_domain.InspectorPayPolicy] that carries its own
approval reference. [`inspector_pay`][ohs_domain.inspector_pay] evaluates one
quarter; [`inspector_pay_for_year`][ohs_domain.inspector_pay_for_year] is the
sum of the year's four quarters, by construction.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Final, NamedTuple

import attrs

from ohs_domain import _checks, _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._drafts import drafted, on_demand
from ohs_domain._effective import Entry, Schedule, Source, money_schedule
from ohs_domain._errors import InvalidValueError, UnknownRecordError
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._i18n import message
from ohs_domain._money import Money
from ohs_domain._outcomes import (
    Active,
    NotAppointed,
    PaidInFullForPart,
    PaidProRata,
    PartialQuarterUnpaid,
    PayReason,
    TooFewSubmissions,
    TooFewViolations,
    TrainingMissing,
)
from ohs_domain._partial import same_parameters
from ohs_domain._periods import DateRange, Quarter, Year
from ohs_domain._records import Records
from ohs_domain._workforce import Employee, EmployeeId, InspectorAppointment

__all__ = [
    "InspectorPay",
    "InspectorPayPartial",
    "InspectorPayPolicy",
    "InspectorPayYear",
    "InspectorPayYearPartial",
    "InspectorQuarterPay",
    "PartialQuarter",
    "inspector_pay",
    "inspector_pay_for_year",
    "inspector_pay_for_year_partial",
    "inspector_pay_partial",
]


class PartialQuarter(enum.StrEnum):
    """How to pay an inspector whose appointment covers only part of a quarter."""

    FULL = "full"
    """Pay the full quarterly amount."""
    PRO_RATA = "pro_rata"
    """Pay the amount × days appointed ÷ days in the quarter, rounded once."""
    NONE = "none"
    """Pay nothing for the quarter."""


@attrs.frozen(kw_only=True)
class InspectorPayPolicy:
    """The company's rule for paying technical inspectors each quarter.

    The amount in force on the quarter's last day applies. An inspector is
    *active* in a quarter with at least ``min_submissions`` submissions issued
    in it that list at least ``min_violations`` violations in all.

    Attributes:
        approved_by: The decision or agreement that set the rule.
        amount: The quarterly amount, effective-dated.
        min_submissions: Submissions an inspector must issue in the quarter.
        min_violations: Violations those submissions must list in all.
        partial_quarter: How to pay an appointment covering part of the quarter.
        require_training: Whether OHS training must be recorded by the quarter's end.
    """

    approved_by: Source = attrs.field(validator=_checks.instance(Source))
    amount: Schedule[Money] = attrs.field(validator=money_schedule(allow_zero=True))
    min_submissions: int = attrs.field(default=1, validator=_checks.count)
    min_violations: int = attrs.field(default=0, validator=_checks.count)
    partial_quarter: PartialQuarter = attrs.field(
        default=PartialQuarter.FULL, validator=_checks.member(PartialQuarter)
    )
    require_training: bool = attrs.field(default=False, validator=_checks.flag)

    def __attrs_post_init__(self) -> None:
        if self.min_submissions == 0 and self.min_violations == 0:
            raise InvalidValueError(
                "min_submissions",
                0,
                "at least 1 submission or 1 violation (min_violations): "
                "pay is for active work, so some activity must be required",
            )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InspectorQuarterPay:
    """One inspector's pay for one quarter, and why.

    Attributes:
        inspector: The technical inspector.
        quarter: The quarter.
        amount: What is paid (zero when not paid).
        submissions: Submissions issued in the quarter.
        violations: Violations those submissions list.
        days_appointed: Days of the quarter the inspector was in office.
        reasons: Why the amount is what it is, in the order checked, each a typed
            value whose ``str()`` is its English text.
    """

    inspector: EmployeeId
    quarter: Quarter
    amount: Money
    submissions: int
    violations: int
    days_appointed: int
    reasons: tuple[PayReason, ...]

    @property
    def is_paid(self) -> bool:
        """Whether anything is paid."""
        return self.amount.amount > 0

    @property
    def is_appointed(self) -> bool:
        """Whether the inspector was appointed on at least one day of the quarter."""
        return not any(isinstance(reason, NotAppointed) for reason in self.reasons)

    def row(self) -> _rows.Row:
        """This line as a flat row (see [`InspectorPay.rows`][ohs_domain.InspectorPay.rows])."""
        return {
            "inspector": self.inspector,
            "quarter": str(self.quarter),
            "paid": self.is_paid,
            **_rows.money(self.amount),
            "submissions": self.submissions,
            "violations": self.violations,
            "days_appointed": self.days_appointed,
            **_rows.reasons(self.reasons),
        }


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InspectorPay:
    """Every appointed inspector's pay for a quarter.

    Attributes:
        quarter: The quarter.
        rate: The quarterly amount in force and its source.
        payments: One line per inspector appointed during the quarter, by id (in a
            year's pay, per inspector appointed during the year).
        total: The sum paid.
        explanation: How the result was reached.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "inspector",
        "quarter",
        "paid",
        "amount",
        "currency",
        "submissions",
        "violations",
        "days_appointed",
        "reason",
        "reason_text",
    )

    quarter: Quarter
    rate: Entry[Money]
    payments: tuple[InspectorQuarterPay, ...]
    total: Money
    explanation: Explanation
    # Set on a result of inspector_pay, whose lines and explanation are built from it
    # when first read (__getattr__); None on a result built from its fields.
    _draft: _QuarterDraft | None = attrs.field(
        init=False, default=None, repr=False, eq=False, hash=False
    )

    @classmethod
    def _drafted(cls, draft: _QuarterDraft, total: Money) -> InspectorPay:
        """A result whose total is known and whose detail is built on demand."""
        return drafted(cls, draft, quarter=draft.partial.quarter, rate=draft.rate, total=total)

    if not TYPE_CHECKING:  # pragma: no branch - mypy keeps checking attribute names

        def __getattr__(self, name: str) -> Any:
            return on_demand(self, name, _QUARTER_ON_DEMAND)

    @property
    def paid(self) -> tuple[InspectorQuarterPay, ...]:
        """The inspectors paid something."""
        return tuple(p for p in self.payments if p.is_paid)

    @property
    def unpaid(self) -> tuple[InspectorQuarterPay, ...]:
        """The inspectors left out, each with the reasons."""
        return tuple(p for p in self.payments if not p.is_paid)

    @property
    def appointed(self) -> tuple[InspectorQuarterPay, ...]:
        """The lines of inspectors appointed on at least one day of the quarter."""
        return tuple(p for p in self.payments if p.is_appointed)

    @checked
    def of(self, inspector: str) -> InspectorQuarterPay | None:
        """The line of ``inspector``; ``None`` if not considered."""
        for payment in self.payments:
            if payment.inspector == inspector:
                return payment
        return None

    @checked
    def explain(self, inspector: str) -> Explanation:
        """How ``inspector``'s amount for the quarter was reached.

        Raises:
            UnknownRecordError: If ``inspector`` was not considered.
        """
        line = self.of(inspector)
        if line is None:
            raise UnknownRecordError("inspector considered for pay", inspector)
        return Explanation(
            (
                Step.of(
                    description=message("submissions issued in {period}", period=self.quarter),
                    result=line.submissions,
                    facts=(Fact(name="violations listed", value=line.violations),),
                ),
                Step.of(
                    description=message("days of {quarter} appointed", quarter=self.quarter),
                    result=line.days_appointed,
                    facts=(Fact(name="days in the quarter", value=self.quarter.range.days),),
                ),
                Step.of(
                    description=message("paid for {period}", period=self.quarter),
                    result=line.amount,
                    facts=(
                        Fact.parameter("quarterly amount", self.rate),
                        *(Fact(name="because", value=reason) for reason in line.reasons),
                    ),
                ),
            )
        )

    def rows(self) -> tuple[_rows.Row, ...]:
        """One row per line, by inspector id.

        Columns: ``inspector``; ``quarter`` (``"2023-Q3"``); ``paid`` (bool);
        ``amount`` (decimal string) and ``currency``; ``submissions``;
        ``violations``; ``days_appointed``; ``reason`` (the reasons' stable
        codes, such as ``"too_few_submissions"``, joined by ``"; "``) and
        ``reason_text`` (their English text, joined the same way).
        """
        return tuple(p.row() for p in self.payments)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InspectorPayYear:
    """A year of inspector pay: the four quarters and their sum.

    Every inspector appointed on any day of the year has a line in each
    quarter; the quarters outside the appointment are unpaid,
    [`NotAppointed`][ohs_domain.NotAppointed].

    Attributes:
        year: The year.
        quarters: The four quarterly results, in order.
        total: The sum of the quarters' totals.
        explanation: The year as the sum of its quarters.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = InspectorPay.COLUMNS

    year: Year
    quarters: tuple[InspectorPay, ...]
    total: Money
    explanation: Explanation
    # Set on a result of inspector_pay_for_year, whose explanation is built from it when
    # first read (__getattr__); None on a result built from its fields.
    _draft: _YearDraft | None = attrs.field(
        init=False, default=None, repr=False, eq=False, hash=False
    )

    @classmethod
    def _drafted(
        cls, year: Year, quarters: tuple[InspectorPay, ...], total: Money
    ) -> InspectorPayYear:
        """A result whose quarters and total are known and whose explanation is built on demand."""
        draft = _YearDraft(year=year, quarters=quarters, total=total)
        return drafted(cls, draft, year=year, quarters=quarters, total=total)

    if not TYPE_CHECKING:  # pragma: no branch - mypy keeps checking attribute names

        def __getattr__(self, name: str) -> Any:
            return on_demand(self, name, _YEAR_ON_DEMAND)

    @checked
    def of(self, inspector: str) -> tuple[InspectorQuarterPay, ...] | None:
        """The four quarterly lines of ``inspector``; ``None`` if not considered."""
        lines = tuple(line for q in self.quarters if (line := q.of(inspector)) is not None)
        return lines or None

    @checked
    def explain(self, inspector: str) -> Explanation:
        """How ``inspector``'s pay for the year was reached: one step per quarter, then the sum.

        Raises:
            UnknownRecordError: If ``inspector`` was not considered.
        """
        lines = self.of(inspector)
        if lines is None:
            raise UnknownRecordError("inspector considered for pay", inspector)
        total = sum((line.amount for line in lines[1:]), lines[0].amount)
        return Explanation(
            (
                *(
                    Step.of(
                        description=message("paid for {period}", period=line.quarter),
                        result=line.amount,
                        facts=tuple(Fact(name="because", value=r) for r in line.reasons),
                    )
                    for line in lines
                ),
                Step.of(
                    description=message("paid for {year} = sum of the quarters", year=self.year),
                    result=total,
                ),
            )
        )

    def rows(self) -> tuple[_rows.Row, ...]:
        """The quarters' rows, quarter by quarter; the columns of `InspectorPay.rows`."""
        return tuple(row for q in self.quarters for row in q.rows())

    def by_inspector(self) -> tuple[tuple[EmployeeId, Money], ...]:
        """Each inspector's total for the year, by id."""
        totals: dict[EmployeeId, Money] = {}
        for quarter in self.quarters:
            for payment in quarter.payments:
                totals[payment.inspector] = totals.get(payment.inspector, 0) + payment.amount
        return tuple(sorted(totals.items()))


_QUARTER_ON_DEMAND: Final = frozenset({"payments", "explanation"})
_YEAR_ON_DEMAND: Final = frozenset({"explanation"})


# -- evaluation: tallies per part of the records, decisions once over their merge ----------------

_Inspector = tuple[tuple[InspectorAppointment, ...], Employee, int, int]
"""One inspector's tallies for a quarter: every appointment, the employee, submissions
issued in the quarter and the violations they list."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InspectorPayPartial:
    """The tallies of [`inspector_pay`][ohs_domain.inspector_pay] over one part of the records.

    Compute one per part with
    [`inspector_pay_partial`][ohs_domain.inspector_pay_partial], merge them with
    `combine` (associative and commutative; `empty` is its identity), and
    `finalize` the merge for the pay of the whole records. ``inspector_pay``
    itself is ``inspector_pay_partial(records, ...).finalize()``.

    Attributes:
        quarter: The quarter.
        policy: The pay policy.
        submissions: Submissions issued in the quarter, by any inspector.
        inspectors: Each inspector's tallies, by id: every appointment, the
            employee, submissions issued in the quarter and violations they list.
    """

    quarter: Quarter
    policy: InspectorPayPolicy
    submissions: int = 0
    inspectors: Mapping[EmployeeId, _Inspector] = attrs.field(factory=dict)

    @classmethod
    @checked
    def empty(cls, *, quarter: Quarter, policy: InspectorPayPolicy) -> InspectorPayPartial:
        """The tallies of no records: the identity of `combine`.

        Raises:
            NoValueInForceError: If the policy's amount has no value on the quarter's last day.
        """
        policy.amount.entry_at(quarter.last_day)
        return cls(quarter=quarter, policy=policy)

    @checked
    def combine(self, other: InspectorPayPartial) -> InspectorPayPartial:
        """The tallies of both parts.

        Raises:
            InvalidArgumentError: If ``other`` was made with other parameters.
        """
        same_parameters("InspectorPayPartial.combine", self, other, ("quarter", "policy"))
        inspectors = dict(self.inspectors)
        for inspector, tally in other.inspectors.items():
            mine = inspectors.get(inspector)
            inspectors[inspector] = tally if mine is None else _merged(mine, tally)
        return attrs.evolve(
            self, submissions=self.submissions + other.submissions, inspectors=inspectors
        )

    def finalize(self) -> InspectorPay:
        """The pay, decided over these tallies.

        Raises:
            NoValueInForceError: If the policy's amount has no value on the quarter's last day.
        """
        rate = self.policy.amount.entry_at(self.quarter.last_day)
        context = _Context(self.quarter, self.quarter.range, self.policy, rate.value)
        lines = tuple(
            _line(inspector, self.inspectors[inspector], context)
            for inspector in sorted(self.inspectors)
        )
        total = sum((line[1].amount for line in lines), context.zero.amount)
        draft = _QuarterDraft(partial=self, rate=rate, lines=lines)
        return InspectorPay._drafted(draft, Money(total, rate.value.currency))


def _merged(mine: _Inspector, theirs: _Inspector) -> _Inspector:
    """One inspector's tallies from two parts: appointments join, counts add."""
    appointments = tuple(sorted({*mine[0], *theirs[0]}, key=lambda a: (a.term, a.approved_on)))
    return (appointments, mine[1], mine[2] + theirs[2], mine[3] + theirs[3])


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InspectorPayYearPartial:
    """The tallies of [`inspector_pay_for_year`][ohs_domain.inspector_pay_for_year], one part.

    Four quarters' tallies, each with every inspector appointed on any day of
    the year; `combine`, `empty` and `finalize` as for
    [`InspectorPayPartial`][ohs_domain.InspectorPayPartial].

    Attributes:
        year: The year.
        policy: The pay policy.
        quarters: The four quarters' tallies, in order.
    """

    year: Year
    policy: InspectorPayPolicy
    quarters: tuple[InspectorPayPartial, ...]

    @classmethod
    @checked
    def empty(cls, *, year: Year, policy: InspectorPayPolicy) -> InspectorPayYearPartial:
        """The tallies of no records: the identity of `combine`.

        Raises:
            NoValueInForceError: If the policy's amount has no value on a quarter's last day.
        """
        quarters = tuple(
            InspectorPayPartial.empty(quarter=q, policy=policy) for q in year.quarters()
        )
        return cls(year=year, policy=policy, quarters=quarters)

    @checked
    def combine(self, other: InspectorPayYearPartial) -> InspectorPayYearPartial:
        """The tallies of both parts.

        Raises:
            InvalidArgumentError: If ``other`` was made with other parameters.
        """
        same_parameters("InspectorPayYearPartial.combine", self, other, ("year", "policy"))
        quarters = tuple(a.combine(b) for a, b in zip(self.quarters, other.quarters, strict=True))
        return attrs.evolve(self, quarters=quarters)

    def finalize(self) -> InspectorPayYear:
        """The year's pay, decided over these tallies: the sum of its quarters."""
        quarters = tuple(q.finalize() for q in self.quarters)
        total = sum((q.total for q in quarters[1:]), quarters[0].total)
        return InspectorPayYear._drafted(self.year, quarters, total)


@checked(
    hints={"quarter": "for a whole year use inspector_pay_for_year_partial(records, year=...)"}
)
def inspector_pay_partial(
    records: Records, *, quarter: Quarter, policy: InspectorPayPolicy
) -> InspectorPayPartial:
    """The tallies of [`inspector_pay`][ohs_domain.inspector_pay] over ``records``, one part.

    Takes the parameters of ``inspector_pay`` and checks them alike.

    Raises:
        NoValueInForceError: If the policy's amount has no value on the quarter's last day.
    """
    return _quarter_partial(records, quarter, policy, _roster(records, quarter.range))


@checked
def inspector_pay_for_year_partial(
    records: Records, *, year: Year, policy: InspectorPayPolicy
) -> InspectorPayYearPartial:
    """The tallies of [`inspector_pay_for_year`][ohs_domain.inspector_pay_for_year], one part.

    Takes the parameters of ``inspector_pay_for_year`` and checks them alike.

    Raises:
        NoValueInForceError: If the policy's amount has no value on a quarter's last day.
    """
    roster = _roster(records, year.range)
    quarters = tuple(_quarter_partial(records, q, policy, roster) for q in year.quarters())
    return InspectorPayYearPartial(year=year, policy=policy, quarters=quarters)


@checked(hints={"quarter": "for a whole year use inspector_pay_for_year(records, year=...)"})
def inspector_pay(
    records: Records, *, quarter: Quarter, policy: InspectorPayPolicy
) -> InspectorPay:
    """Evaluate the inspectors' pay for ``quarter`` under ``policy``.

    Every inspector whose appointment overlaps the quarter gets a line: the
    amount, or zero with the reasons (not active enough, appointed for part
    of the quarter under a policy that does not pay it, training missing).
    The lines and the explanation are built when first read.

    Raises:
        NoValueInForceError: If the policy's amount has no value on the quarter's last day.
    """
    return inspector_pay_partial(records, quarter=quarter, policy=policy).finalize()


@checked
def inspector_pay_for_year(
    records: Records, *, year: Year, policy: InspectorPayPolicy
) -> InspectorPayYear:
    """Evaluate the four quarters of ``year``; the year's total is their sum.

    Every inspector appointed on any day of the year has a line in each quarter,
    unpaid with [`NotAppointed`][ohs_domain.NotAppointed] outside the appointment.
    """
    return inspector_pay_for_year_partial(records, year=year, policy=policy).finalize()


def _roster(
    records: Records, days: DateRange
) -> dict[EmployeeId, tuple[tuple[InspectorAppointment, ...], Employee]]:
    """Inspectors appointed on at least one of ``days``: their appointments and record."""
    appointed = {a.employee for a in records.inspector_appointments if a.term.overlaps(days)}
    return {i: (records.appointments_of(i), records.employee(i)) for i in appointed}


def _quarter_partial(
    records: Records,
    quarter: Quarter,
    policy: InspectorPayPolicy,
    roster: Mapping[EmployeeId, tuple[tuple[InspectorAppointment, ...], Employee]],
) -> InspectorPayPartial:
    """The tallies of ``roster`` for ``quarter``: one pass over the quarter's submissions."""
    policy.amount.entry_at(quarter.last_day)  # refused here as in the whole evaluation
    issued = records.submissions_during(quarter.range)
    submissions: Counter[EmployeeId] = Counter(s.inspector for s in issued)
    violations: Counter[EmployeeId] = Counter()
    for submission in issued:
        violations[submission.inspector] += len(submission.violations)
    inspectors = {
        inspector: (appointments, employee, submissions[inspector], violations[inspector])
        for inspector, (appointments, employee) in roster.items()
    }
    return InspectorPayPartial(
        quarter=quarter, policy=policy, submissions=len(issued), inspectors=inspectors
    )


_Line = tuple[EmployeeId, Money, int, int, int, tuple[PayReason, ...]]
"""One inspector's line: id, amount, submissions, violations, days appointed, reasons."""


class _Context(NamedTuple):
    """What every line of a quarter shares."""

    quarter: Quarter
    days: DateRange
    policy: InspectorPayPolicy
    rate: Money

    @property
    def zero(self) -> Money:
        return Money.zero(self.rate.currency)


def _line(inspector: EmployeeId, tally: _Inspector, context: _Context) -> _Line:
    """What ``inspector`` is paid for the quarter, and why."""
    appointments, employee, issued, violations = tally
    quarter, days, policy, rate = context
    current = [a for a in appointments if _overlap(a.term, days.start, days.end)]
    if not current:
        terms = tuple(a.term for a in appointments)
        return (inspector, context.zero, 0, 0, 0, (NotAppointed(quarter=quarter, terms=terms),))
    # Days on staff and appointed; terms of one inspector never overlap (Records checks it).
    first = max(days.start, employee.hired_on)
    end = days.end if employee.left_on is None else min(days.end, employee.left_on)
    appointed = sum(_overlap(a.term, first, end) for a in current)
    reasons = _shortfalls(policy, quarter, issued, violations, current)
    amount = rate
    if reasons:
        amount = context.zero
    elif appointed < days.days:
        amount, part = _part(policy, quarter, appointed, rate)
        reasons.append(part)
    if not reasons:
        reasons.append(Active(submissions=issued, violations=violations, quarter=quarter))
    return (inspector, amount, issued, violations, appointed, tuple(reasons))


def _overlap(term: DateRange, first: date, end: date) -> int:
    """The number of days of ``term`` from ``first`` up to (not including) ``end``."""
    return max(0, (min(term.end, end) - max(term.start, first)).days)


def _shortfalls(
    policy: InspectorPayPolicy,
    quarter: Quarter,
    issued: int,
    violations: int,
    appointments: list[InspectorAppointment],
) -> list[PayReason]:
    """Why an appointed inspector is not paid for the quarter (nothing if active)."""
    reasons: list[PayReason] = []
    if issued < policy.min_submissions:
        reasons.append(
            TooFewSubmissions(count=issued, required=policy.min_submissions, quarter=quarter)
        )
    if violations < policy.min_violations:
        reasons.append(
            TooFewViolations(count=violations, required=policy.min_violations, quarter=quarter)
        )
    if policy.require_training and not any(
        a.trained_on is not None and a.trained_on <= quarter.last_day for a in appointments
    ):
        reasons.append(TrainingMissing(quarter.last_day))
    return reasons


def _part(
    policy: InspectorPayPolicy, quarter: Quarter, appointed: int, full: Money
) -> tuple[Money, PayReason]:
    """What a partial quarter of ``appointed`` days pays under ``policy``, and why."""
    of_days = quarter.range.days
    if policy.partial_quarter is PartialQuarter.NONE:
        unpaid = PartialQuarterUnpaid(days=appointed, of_days=of_days, quarter=quarter)
        return Money.zero(full.currency), unpaid
    if policy.partial_quarter is PartialQuarter.PRO_RATA:
        prorated = full.prorated(appointed, of_days)
        return prorated, PaidProRata(days=appointed, of_days=of_days, quarter=quarter, amount=full)
    return full, PaidInFullForPart(days=appointed, of_days=of_days, quarter=quarter)


def _activity(policy: InspectorPayPolicy) -> str:
    parts = [f"at least {policy.min_submissions} submission(s) issued in the quarter"]
    if policy.min_violations:
        parts.append(f"listing at least {policy.min_violations} violation(s)")
    return " ".join(parts)


# -- the result's detail, built when first read ----------------------------------------------


@attrs.frozen(kw_only=True)
class _QuarterDraft:
    """What a quarter's pay needs to build its lines and explanation on demand."""

    partial: InspectorPayPartial
    rate: Entry[Money]
    lines: tuple[_Line, ...]

    def paid(self) -> int:
        return sum(1 for line in self.lines if line[1].amount > 0)

    def payments(self) -> tuple[InspectorQuarterPay, ...]:
        quarter = self.partial.quarter
        return tuple(
            InspectorQuarterPay(
                inspector=inspector,
                quarter=quarter,
                amount=amount,
                submissions=submissions,
                violations=violations,
                days_appointed=days,
                reasons=reasons,
            )
            for inspector, amount, submissions, violations, days, reasons in self.lines
        )

    def explanation(self) -> Explanation:
        partial, rate = self.partial, self.rate
        quarter, policy = partial.quarter, partial.policy
        total = sum((line[1] for line in self.lines), Money.zero(rate.value.currency))
        appointed = sum(1 for line in self.lines if not isinstance(line[5][0], NotAppointed))
        return Explanation(
            (
                Step.of(
                    description=message("quarterly amount in force on {day}", day=quarter.last_day),
                    result=rate.value,
                    facts=(
                        Fact.parameter(policy.amount.name, rate),
                        Fact(name="policy", value=policy.approved_by),
                    ),
                ),
                Step.of(
                    description=message("inspectors appointed during {period}", period=quarter),
                    result=appointed,
                    facts=(
                        Fact(name="active means", value=_activity(policy)),
                        Fact(name="partial quarter", value=policy.partial_quarter),
                        Fact(name="training required", value=policy.require_training),
                    ),
                ),
                *_nothing_to_pay(quarter, appointed, partial.submissions),
                Step.of(
                    description=message("paid for {period}", period=quarter),
                    result=message(
                        "{n} inspector(s), {total}",
                        "{n} inspector(s), {total}",
                        n=self.paid(),
                        total=total,
                    ),
                    facts=tuple(
                        Fact(name=inspector, value=(amount, *reasons))
                        for inspector, amount, _, _, _, reasons in self.lines
                        if not amount.amount > 0 or amount != rate.value
                    ),
                ),
            )
        )


def _nothing_to_pay(quarter: Quarter, appointed: int, submissions: int) -> tuple[Step, ...]:
    """A quarter without inspectors or submissions says so, rather than leaving only zeros."""
    if not appointed:
        said = message("no technical inspectors appointed during {period}", period=quarter)
    elif not submissions:
        said = message("no submissions issued in {period}", period=quarter)
    else:
        return ()
    return (Step.of(description=said, result=None),)


@attrs.frozen(kw_only=True)
class _YearDraft:
    """What a year's pay needs to build its explanation on demand."""

    year: Year
    quarters: tuple[InspectorPay, ...]
    total: Money

    def explanation(self) -> Explanation:
        return Explanation(
            (
                *(
                    Step.of(
                        description=message("paid for {period}", period=q.quarter),
                        result=q.total,
                        facts=(Fact(name="inspectors paid", value=len(q.paid)),),
                    )
                    for q in self.quarters
                ),
                Step.of(
                    description=message("paid for {year} = sum of the quarters", year=self.year),
                    result=self.total,
                ),
            )
        )
