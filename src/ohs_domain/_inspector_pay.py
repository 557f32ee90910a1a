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
from collections.abc import Iterable
from typing import ClassVar

import attrs

from ohs_domain import _checks, _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._effective import Entry, Schedule, Source
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
from ohs_domain._periods import DateRange, Quarter, Year
from ohs_domain._records import Records
from ohs_domain._workforce import EmployeeId

__all__ = [
    "InspectorPay",
    "InspectorPayPolicy",
    "InspectorPayYear",
    "InspectorQuarterPay",
    "PartialQuarter",
    "inspector_pay",
    "inspector_pay_for_year",
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
    amount: Schedule[Money] = attrs.field(validator=_checks.money_schedule(allow_zero=True))
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


def _days_appointed(terms: tuple[DateRange, ...], quarter: DateRange) -> int:
    # Terms of one inspector never overlap (Records checks it), so days add up.
    # ``quarter`` is already limited to the inspector's employment.
    return sum(term.intersection(quarter).days for term in terms)


@checked(hints={"quarter": "for a whole year use inspector_pay_for_year(records, year=...)"})
def inspector_pay(
    records: Records, *, quarter: Quarter, policy: InspectorPayPolicy
) -> InspectorPay:
    """Evaluate the inspectors' pay for ``quarter`` under ``policy``.

    Every inspector whose appointment overlaps the quarter gets a line: the
    amount, or zero with the reasons (not active enough, appointed for part
    of the quarter under a policy that does not pay it, training missing).

    Raises:
        NoValueInForceError: If the policy's amount has no value on the quarter's last day.
    """
    return _quarter_pay(records, quarter, policy, _roster(records, quarter.range))


def _roster(records: Records, days: DateRange) -> list[EmployeeId]:
    """Inspectors appointed on at least one of ``days``, by id."""
    return sorted({a.employee for a in records.inspector_appointments if a.term.overlaps(days)})


def _quarter_pay(
    records: Records, quarter: Quarter, policy: InspectorPayPolicy, roster: Iterable[EmployeeId]
) -> InspectorPay:
    days = quarter.range
    rate = policy.amount.entry_at(quarter.last_day)
    zero = Money.zero(rate.value.currency)
    payments = []
    for inspector in roster:
        appointments = [a for a in records.appointments_of(inspector) if a.term.overlaps(days)]
        if not appointments:
            terms = tuple(a.term for a in records.appointments_of(inspector))
            payments.append(
                InspectorQuarterPay(
                    inspector=inspector,
                    quarter=quarter,
                    amount=zero,
                    submissions=0,
                    violations=0,
                    days_appointed=0,
                    reasons=(NotAppointed(quarter=quarter, terms=terms),),
                )
            )
            continue
        issued = [s for s in records.submissions_by(inspector) if s.issued_on in days]
        violations = sum(len(s.violations) for s in issued)
        on_staff = records.employee(inspector).employment_within(days)
        appointed = _days_appointed(tuple(a.term for a in appointments), on_staff)
        amount, reasons = rate.value, list[PayReason]()
        if len(issued) < policy.min_submissions:
            reasons.append(
                TooFewSubmissions(
                    count=len(issued), required=policy.min_submissions, quarter=quarter
                )
            )
        if violations < policy.min_violations:
            reasons.append(
                TooFewViolations(count=violations, required=policy.min_violations, quarter=quarter)
            )
        if policy.require_training and not any(
            a.trained_on is not None and a.trained_on <= quarter.last_day for a in appointments
        ):
            reasons.append(TrainingMissing(quarter.last_day))
        if reasons:
            amount = zero
        elif appointed < days.days:
            amount, part = _part(policy, quarter, appointed, rate.value)
            reasons.append(part)
        if not reasons:
            reasons.append(Active(submissions=len(issued), violations=violations, quarter=quarter))
        payments.append(
            InspectorQuarterPay(
                inspector=inspector,
                quarter=quarter,
                amount=amount,
                submissions=len(issued),
                violations=violations,
                days_appointed=appointed,
                reasons=tuple(reasons),
            )
        )
    total = sum((p.amount for p in payments), zero)
    paid = sum(1 for p in payments if p.is_paid)
    appointed_count = sum(1 for p in payments if p.is_appointed)
    # A quarter without inspectors or submissions says so, rather than leaving only zeros.
    nothing = []
    if not appointed_count:
        nothing.append(
            Step.of(
                description=message(
                    "no technical inspectors appointed during {period}", period=quarter
                ),
                result=None,
            )
        )
    elif not records.submissions_during(days):
        nothing.append(
            Step.of(
                description=message("no submissions issued in {period}", period=quarter),
                result=None,
            )
        )
    explanation = Explanation(
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
                result=appointed_count,
                facts=(
                    Fact(name="active means", value=_activity(policy)),
                    Fact(name="partial quarter", value=policy.partial_quarter),
                    Fact(name="training required", value=policy.require_training),
                ),
            ),
            *nothing,
            Step.of(
                description=message("paid for {period}", period=quarter),
                result=message(
                    "{n} inspector(s), {total}", "{n} inspector(s), {total}", n=paid, total=total
                ),
                facts=tuple(
                    Fact(name=p.inspector, value=(p.amount, *p.reasons))
                    for p in payments
                    if not p.is_paid or p.amount != rate.value
                ),
            ),
        )
    )
    return InspectorPay(
        quarter=quarter, rate=rate, payments=tuple(payments), total=total, explanation=explanation
    )


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


@checked
def inspector_pay_for_year(
    records: Records, *, year: Year, policy: InspectorPayPolicy
) -> InspectorPayYear:
    """Evaluate the four quarters of ``year``; the year's total is their sum.

    Every inspector appointed on any day of the year has a line in each quarter,
    unpaid with [`NotAppointed`][ohs_domain.NotAppointed] outside the appointment.
    """
    roster = _roster(records, year.range)
    quarters = tuple(_quarter_pay(records, q, policy, roster) for q in year.quarters())
    total = sum((q.total for q in quarters[1:]), quarters[0].total)
    explanation = Explanation(
        (
            *(
                Step.of(
                    description=message("paid for {period}", period=q.quarter),
                    result=q.total,
                    facts=(Fact(name="inspectors paid", value=len(q.paid)),),
                )
                for q in quarters
            ),
            Step.of(
                description=message("paid for {year} = sum of the quarters", year=year),
                result=total,
            ),
        )
    )
    return InspectorPayYear(year=year, quarters=quarters, total=total, explanation=explanation)
