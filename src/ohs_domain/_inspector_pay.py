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

import attrs

from ohs_domain import _checks
from ohs_domain._arguments import checked
from ohs_domain._effective import Entry, Schedule, Source
from ohs_domain._errors import InvalidValueError
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._money import Money
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


@attrs.frozen(kw_only=True)
class InspectorQuarterPay:
    """One inspector's pay for one quarter, and why.

    Attributes:
        inspector: The technical inspector.
        quarter: The quarter.
        amount: What is paid (zero when not paid).
        submissions: Submissions issued in the quarter.
        violations: Violations those submissions list.
        days_appointed: Days of the quarter the inspector was in office.
        reasons: Why the amount is what it is, in the order checked.
    """

    inspector: EmployeeId
    quarter: Quarter
    amount: Money
    submissions: int
    violations: int
    days_appointed: int
    reasons: tuple[str, ...]

    @property
    def is_paid(self) -> bool:
        """Whether anything is paid."""
        return self.amount.amount > 0


@attrs.frozen(kw_only=True)
class InspectorPay:
    """Every appointed inspector's pay for a quarter.

    Attributes:
        quarter: The quarter.
        rate: The quarterly amount in force and its source.
        payments: One line per inspector appointed during the quarter, by id.
        total: The sum paid.
        explanation: How the result was reached.
    """

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

    @checked
    def of(self, inspector: str) -> InspectorQuarterPay | None:
        """The line of ``inspector``, if appointed during the quarter."""
        for payment in self.payments:
            if payment.inspector == inspector:
                return payment
        return None


@attrs.frozen(kw_only=True)
class InspectorPayYear:
    """A year of inspector pay: the four quarters and their sum.

    Attributes:
        year: The year.
        quarters: The four quarterly results, in order.
        total: The sum of the quarters' totals.
    """

    year: Year
    quarters: tuple[InspectorPay, ...]
    total: Money

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
    days = quarter.range
    rate = policy.amount.entry_at(quarter.last_day)
    zero = Money.zero(rate.value.currency)
    payments = []
    for inspector in sorted({a.employee for a in records.inspector_appointments}):
        appointments = [a for a in records.appointments_of(inspector) if a.term.overlaps(days)]
        if not appointments:
            continue
        issued = [s for s in records.submissions_by(inspector) if s.issued_on in days]
        violations = sum(len(s.violations) for s in issued)
        on_staff = records.employee(inspector).employment_within(days)
        appointed = _days_appointed(tuple(a.term for a in appointments), on_staff)
        amount, reasons = rate.value, []
        if len(issued) < policy.min_submissions:
            reasons.append(
                f"{len(issued)} submission(s) issued in {quarter}; the policy requires "
                f"at least {policy.min_submissions}"
            )
        if violations < policy.min_violations:
            reasons.append(
                f"{violations} violation(s) listed in {quarter}; the policy requires "
                f"at least {policy.min_violations}"
            )
        if policy.require_training and not any(
            a.trained_on is not None and a.trained_on <= quarter.last_day for a in appointments
        ):
            reasons.append(
                f"no OHS training recorded by {quarter.last_day}; the policy requires it"
            )
        if reasons:
            amount = zero
        elif appointed < days.days:
            part = f"appointed for {appointed} of {days.days} days of {quarter}"
            if policy.partial_quarter is PartialQuarter.NONE:
                amount = zero
                reasons.append(f"{part}; the policy pays no partial quarter")
            elif policy.partial_quarter is PartialQuarter.PRO_RATA:
                amount = rate.value.prorated(appointed, days.days)
                reasons.append(f"{part}; paid pro rata: {rate.value} × {appointed} ÷ {days.days}")
            else:
                reasons.append(f"{part}; the policy pays a partial quarter in full")
        if not reasons:
            reasons.append(
                f"active: {len(issued)} submission(s) listing {violations} violation(s) "
                f"in {quarter}"
            )
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
    explanation = Explanation(
        (
            Step(
                description=f"quarterly amount in force on {quarter.last_day}",
                result=str(rate.value),
                facts=(
                    Fact.parameter(policy.amount.name, rate),
                    Fact(name="policy", value=str(policy.approved_by)),
                ),
            ),
            Step(
                description=f"inspectors appointed during {quarter}",
                result=str(len(payments)),
                facts=(
                    Fact(name="active means", value=_activity(policy)),
                    Fact(name="partial quarter", value=str(policy.partial_quarter)),
                    Fact(name="training required", value=str(policy.require_training).lower()),
                ),
            ),
            Step(
                description=f"paid for {quarter}",
                result=f"{paid} inspector(s), {total}",
                facts=tuple(
                    Fact(name=p.inspector, value=f"{p.amount}: {'; '.join(p.reasons)}")
                    for p in payments
                    if not p.is_paid or p.amount != rate.value
                ),
            ),
        )
    )
    return InspectorPay(
        quarter=quarter, rate=rate, payments=tuple(payments), total=total, explanation=explanation
    )


def _activity(policy: InspectorPayPolicy) -> str:
    parts = [f"at least {policy.min_submissions} submission(s) issued in the quarter"]
    if policy.min_violations:
        parts.append(f"listing at least {policy.min_violations} violation(s)")
    return " ".join(parts)


@checked
def inspector_pay_for_year(
    records: Records, *, year: Year, policy: InspectorPayPolicy
) -> InspectorPayYear:
    """Evaluate the four quarters of ``year``; the year's total is their sum."""
    quarters = tuple(inspector_pay(records, quarter=q, policy=policy) for q in year.quarters())
    total = sum((q.total for q in quarters[1:]), quarters[0].total)
    return InspectorPayYear(year=year, quarters=quarters, total=total)
