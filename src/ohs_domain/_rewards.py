"""Minimum-wage reward tiers for the most active reporters.

The seed company pays its most active reporters 3 to 10 minimum wages. A
[`RewardPolicy`][ohs_domain.RewardPolicy] says everything that rule leaves
open, explicitly: which reports score and their weights, who is eligible,
the tiers (by score thresholds or by rank bands) and their multiplier bounds,
whose minimum wage applies (period end or payment date), how ties are broken
and who is cut by a cap. [`reward_awards`][ohs_domain.reward_awards] applies it.

The policy counts reports, never the absence of injuries: rewarding low
injury counts discourages reporting (OSHA, 2016 and 2018).
"""

from __future__ import annotations

import enum
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, ClassVar

import attrs

from ohs_domain import _checks, _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._effective import Entry, Schedule, Source
from ohs_domain._errors import InvalidValueError, UnknownRecordError
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._i18n import Message, message
from ohs_domain._money import Money
from ohs_domain._outcomes import (
    BelowLowestTier,
    BelowMinimumScore,
    BeyondLastBand,
    CutByBudget,
    CutByRecipientCap,
    ExclusionReason,
    NotOnStaff,
    NotProductionPersonnel,
    RankedBelowBudget,
    RankedBelowRecipientCap,
)
from ohs_domain._periods import DateRange, Period, as_range
from ohs_domain._records import Records
from ohs_domain._reporting import ReportKind
from ohs_domain._workforce import Employee, EmployeeId

__all__ = [
    "Award",
    "Exclusion",
    "KindCount",
    "MultiplierBounds",
    "RankBand",
    "RankBands",
    "ReportWeights",
    "RewardAwards",
    "RewardPolicy",
    "ScoreThresholds",
    "ScoreTier",
    "ScoredReports",
    "TieRule",
    "WageDate",
    "reward_awards",
]


class ScoredReports(enum.StrEnum):
    """Which reports of the period score. A report rejected by the reference date never scores."""

    ACCEPTED = "accepted"
    """Reports accepted on or before the reference date."""
    NOT_REJECTED = "not_rejected"
    """Reports not rejected on or before the reference date (accepted or awaiting review)."""


class WageDate(enum.StrEnum):
    """Whose minimum wage the awards are multiples of; also the reference date of eligibility."""

    PERIOD_END = "period_end"
    """The wage in force on the period's last day."""
    PAYMENT_DATE = "payment_date"
    """The wage in force on the payment date."""


class TieRule(enum.StrEnum):
    """How employees with equal scores are ranked."""

    SHARE_RANK = "share_rank"
    """Equal scores share the best rank (1, 2, 2, 4); a cap never splits them."""
    FIRST_TO_SCORE = "first_to_score"
    """Whoever reached the score first ranks higher; then by personnel number."""
    PERSONNEL_NUMBER = "personnel_number"
    """By personnel number, ascending."""


@attrs.frozen(kw_only=True)
class ReportWeights:
    """Points each scoring report earns, by kind (1 each by default).

    Attributes:
        hazardous_condition: Points for a hazardous condition.
        unsafe_act: Points for an unsafe act.
        near_miss: Points for a near miss.
        equipment_defect: Points for an equipment defect.
        facility_defect: Points for a facility defect.
    """

    hazardous_condition: int = attrs.field(default=1, validator=_checks.count)
    unsafe_act: int = attrs.field(default=1, validator=_checks.count)
    near_miss: int = attrs.field(default=1, validator=_checks.count)
    equipment_defect: int = attrs.field(default=1, validator=_checks.count)
    facility_defect: int = attrs.field(default=1, validator=_checks.count)

    @checked
    def of(self, kind: ReportKind) -> int:
        """Points for a report of ``kind``."""
        weight: int = getattr(self, kind.value)
        return weight


@attrs.frozen
class MultiplierBounds:
    """The range every multiplier must lie in (3..10 in the seed's standard).

    Attributes:
        minimum: The lowest multiplier allowed.
        maximum: The highest multiplier allowed.
    """

    minimum: int = attrs.field(validator=_checks.count)
    maximum: int = attrs.field(validator=_checks.count)

    def __attrs_post_init__(self) -> None:
        if self.maximum < self.minimum:
            raise InvalidValueError("maximum", self.maximum, f"at least minimum ({self.minimum})")

    def __str__(self) -> str:
        return f"{self.minimum}..{self.maximum}"


def _at_least(other: str) -> _checks.Validator:
    """A number no lower than the one in field ``other`` (when set)."""

    def check(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
        low = getattr(owner, other)
        if value is not None and value < low:
            raise InvalidValueError(attribute.name, value, f"at least {other} ({low})")

    return check


@attrs.frozen(kw_only=True)
class ScoreTier:
    """Employees scoring from ``min_score`` to ``max_score`` get ``multiplier`` wages.

    Attributes:
        min_score: The lowest score of the tier.
        max_score: The highest score; ``None`` for the open-ended top tier.
        multiplier: Minimum wages paid.
    """

    min_score: int = attrs.field(validator=_checks.count)
    max_score: int | None = attrs.field(
        default=None, validator=[_checks.optional(_checks.count), _at_least("min_score")]
    )
    multiplier: int = attrs.field(validator=_checks.count)

    @checked
    def holds(self, score: int) -> bool:
        """Whether ``score`` falls in the tier."""
        return self._holds(score)

    def _holds(self, score: int) -> bool:
        # Unchecked, for tier_for, which has checked the score once for every tier.
        return self.min_score <= score and (self.max_score is None or score <= self.max_score)

    def __str__(self) -> str:
        top = "+" if self.max_score is None else f"-{self.max_score}"
        return f"score {self.min_score}{top}: ×{self.multiplier}"


@attrs.frozen
class ScoreThresholds:
    """Tiers by score: contiguous, non-overlapping, multipliers rising with score.

    The top tier is open-ended (``max_score=None``), so a higher score never
    earns less.

    Attributes:
        tiers: The tiers, lowest scores first.
    """

    tiers: tuple[ScoreTier, ...]

    def __attrs_post_init__(self) -> None:
        _check_table("tiers", self.tiers, ScoreTier, "min_score", "max_score", rising=True)
        top = self.tiers[-1].max_score
        if top is not None:
            raise InvalidValueError(
                f"tiers[{len(self.tiers) - 1}].max_score",
                top,
                "None: the top tier is open-ended, or a score above it would earn nothing "
                "and one more report could lose the reward",
            )

    @checked
    def tier_for(self, score: int) -> ScoreTier | None:
        """The tier ``score`` falls in, if any."""
        for tier in self.tiers:
            if tier._holds(score):
                return tier
        return None


@attrs.frozen(kw_only=True)
class RankBand:
    """Employees ranked ``first_rank`` to ``last_rank`` get ``multiplier`` wages.

    Attributes:
        first_rank: The best rank of the band (1 is the most active).
        last_rank: The worst rank of the band.
        multiplier: Minimum wages paid.
    """

    first_rank: int = attrs.field(validator=_checks.count)
    last_rank: int = attrs.field(validator=[_checks.count, _at_least("first_rank")])
    multiplier: int = attrs.field(validator=_checks.count)

    def __str__(self) -> str:
        return f"ranks {self.first_rank}-{self.last_rank}: ×{self.multiplier}"


@attrs.frozen
class RankBands:
    """Tiers by rank: contiguous from rank 1, multipliers falling with rank.

    Attributes:
        bands: The bands, best ranks first.
    """

    bands: tuple[RankBand, ...]

    def __attrs_post_init__(self) -> None:
        _check_table("bands", self.bands, RankBand, "first_rank", "last_rank", rising=False)
        if self.bands[0].first_rank != 1:
            raise InvalidValueError(
                "bands[0].first_rank", self.bands[0].first_rank, "1: the bands start at rank 1"
            )

    @checked
    def band_for(self, rank: int) -> RankBand | None:
        """The band ``rank`` falls in, if any."""
        for band in self.bands:
            if band.first_rank <= rank <= band.last_rank:
                return band
        return None


def _check_table(
    name: str, rows: Any, kind: type[Any], low: str, high: str, *, rising: bool
) -> None:
    if not isinstance(rows, tuple) or not rows:
        raise InvalidValueError(name, rows, f"a non-empty tuple of {kind.__name__}")
    for index, row in enumerate(rows):
        if not isinstance(row, kind):
            raise InvalidValueError(f"{name}[{index}]", row, f"a {kind.__name__}")
        if index == 0:
            continue
        before = rows[index - 1]
        end = getattr(before, high)
        start = getattr(row, low)
        if end is None or start <= end:
            raise InvalidValueError(
                f"{name}[{index}].{low}",
                start,
                f"{'a value above ' + str(end) if end is not None else 'no row'}: "
                f"{name}[{index - 1}] {'is open-ended' if end is None else f'ends at {end}'}, "
                "so the rows would overlap",
            )
        if start != end + 1:
            raise InvalidValueError(
                f"{name}[{index}].{low}",
                start,
                f"{end + 1}: {name}[{index - 1}] ends at {end}, so {end + 1}..{start - 1} "
                "would be a gap",
            )
        worse: Any = before if rising else row
        better: Any = row if rising else before
        if better.multiplier < worse.multiplier:
            raise InvalidValueError(
                f"{name}[{index}].multiplier",
                row.multiplier,
                "multipliers that never fall as activity rises: "
                f"{'higher scores' if rising else 'better ranks'} must not earn less",
            )


def _tier_table(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, ScoreThresholds | RankBands):
        raise InvalidValueError(attribute.name, value, "ScoreThresholds or RankBands")


def _optional_money(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, Money) or value.amount < 0):
        raise InvalidValueError(attribute.name, value, "None or a non-negative Money")


@attrs.frozen(kw_only=True)
class RewardPolicy:
    """The company's rule for rewarding the most active reporters in minimum wages.

    Attributes:
        approved_by: The standard or decision that set the rule.
        wage: The minimum wage schedule (``kz.MINIMUM_WAGE``).
        wage_date: Whose wage applies: the period end's or the payment date's.
            That day is also the reference date of eligibility.
        tiers: Score thresholds or rank bands, each with its multiplier.
        multiplier_bounds: The range every multiplier must lie in.
        scored: Which reports score.
        weights: Points per report kind.
        production_only: Whether only production personnel are eligible.
        require_employed: Whether recipients must be on staff on the reference date.
        min_score: The lowest score eligible.
        tie_rule: How equal scores are ranked.
        max_recipients: At most this many recipients, best ranked first.
        budget: At most this much in all; recipients are paid in rank order
            until the next would exceed it, and everyone from there on is cut.
    """

    approved_by: Source = attrs.field(validator=_checks.instance(Source))
    wage: Schedule[Money] = attrs.field(validator=_checks.money_schedule(allow_zero=False))
    wage_date: WageDate = attrs.field(validator=_checks.member(WageDate))
    tiers: ScoreThresholds | RankBands = attrs.field(validator=_tier_table)
    multiplier_bounds: MultiplierBounds = attrs.field(validator=_checks.instance(MultiplierBounds))
    scored: ScoredReports = attrs.field(
        default=ScoredReports.ACCEPTED, validator=_checks.member(ScoredReports)
    )
    weights: ReportWeights = attrs.field(
        factory=ReportWeights, validator=_checks.instance(ReportWeights)
    )
    production_only: bool = attrs.field(default=True, validator=_checks.flag)
    require_employed: bool = attrs.field(default=True, validator=_checks.flag)
    min_score: int = attrs.field(default=1, validator=_checks.count)
    tie_rule: TieRule = attrs.field(default=TieRule.SHARE_RANK, validator=_checks.member(TieRule))
    max_recipients: int | None = attrs.field(
        default=None, validator=_checks.optional(_checks.count)
    )
    budget: Money | None = attrs.field(default=None, validator=_optional_money)

    def __attrs_post_init__(self) -> None:
        bounds = self.multiplier_bounds
        rows: Sequence[ScoreTier | RankBand] = (
            self.tiers.tiers if isinstance(self.tiers, ScoreThresholds) else self.tiers.bands
        )
        name = "tiers.tiers" if isinstance(self.tiers, ScoreThresholds) else "tiers.bands"
        for index, row in enumerate(rows):
            if not bounds.minimum <= row.multiplier <= bounds.maximum:
                raise InvalidValueError(
                    f"{name}[{index}].multiplier",
                    row.multiplier,
                    f"a multiplier within the bounds {bounds}",
                )
        if self.min_score < 1:
            raise InvalidValueError(
                "min_score", self.min_score, "at least 1: a reward needs at least one report"
            )
        if self.budget is not None and self.budget.currency != self.wage.entries[0].value.currency:
            raise InvalidValueError(
                "budget", self.budget, f"an amount in {self.wage.entries[0].value.currency}"
            )


@attrs.frozen(field_transformer=typed_fields)
class KindCount:
    """Scoring reports of one kind.

    Attributes:
        kind: The report kind.
        reports: How many scored.
    """

    kind: ReportKind
    reports: int


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Award:
    """A reward: multiplier × the minimum wage in force on the reference date.

    Attributes:
        employee: The recipient.
        score: Points scored in the period.
        rank: Rank among eligible employees (1 is the most active).
        multiplier: Minimum wages paid.
        amount: ``multiplier × wage``.
        breakdown: Scoring reports by kind.
    """

    employee: EmployeeId
    score: int
    rank: int
    multiplier: int
    amount: Money
    breakdown: tuple[KindCount, ...]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Exclusion:
    """Someone who gets no award, and why.

    Attributes:
        employee: The employee.
        score: Points scored in the period.
        reason: Why there is no award, with its data; ``str(reason)`` is its English text.
        breakdown: Scoring reports by kind.
    """

    employee: EmployeeId
    score: int
    reason: ExclusionReason
    breakdown: tuple[KindCount, ...]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RewardAwards:
    """The awards for a period, and everyone left out with the reason.

    Attributes:
        period: The days whose reports scored.
        reference_date: The day whose wage applies and on which eligibility is judged.
        wage: The minimum wage entry applied, with its source.
        awards: The awards, best rank first (then by personnel number).
        excluded: Everyone considered but not rewarded, by personnel number.
        total: The sum of the awards.
        explanation: How the result was reached.
    """

    period: DateRange
    reference_date: date
    wage: Entry[Money]
    awards: tuple[Award, ...]
    excluded: tuple[Exclusion, ...]
    total: Money
    explanation: Explanation

    @checked
    def repriced(self, *, on: date, wage: Schedule[Money]) -> RewardAwards:
        """The same recipients and multipliers at the wage in force on ``on``.

        Answers "what would these awards cost if paid at next year's wage?".
        Caps are not re-applied: the recipients stay those of this result.
        """
        entry = wage.entry_at(on)
        awards = tuple(attrs.evolve(a, amount=entry.value * a.multiplier) for a in self.awards)
        total = sum((a.amount for a in awards), Money.zero(entry.value.currency))
        step = Step.of(
            description=message(
                "repriced at the wage in force on {day} (same recipients and multipliers)", day=on
            ),
            result=_awarded(len(awards), total),
            facts=(Fact.parameter(wage.name, entry),),
        )
        return attrs.evolve(
            self,
            reference_date=on,
            wage=entry,
            awards=awards,
            total=total,
            explanation=self.explanation.then(step),
        )

    @checked
    def of(self, employee: str) -> Award | Exclusion | None:
        """The award of ``employee``, or why there is none; ``None`` if not considered."""
        for award in self.awards:
            if award.employee == employee:
                return award
        for exclusion in self.excluded:
            if exclusion.employee == employee:
                return exclusion
        return None

    @checked
    def explain(self, employee: str) -> Explanation:
        """How ``employee``'s award, or its absence, was reached.

        Raises:
            UnknownRecordError: If ``employee`` was not considered.
        """
        subject = self.of(employee)
        if subject is None:
            raise UnknownRecordError("employee considered for an award", employee)
        steps = [
            Step.of(
                description=message(
                    "score from reports registered in {period}", period=self.period
                ),
                result=subject.score,
                facts=tuple(
                    Fact.of(
                        name=str(c.kind),
                        value=message("{n} report(s)", "{n} report(s)", n=c.reports),
                    )
                    for c in subject.breakdown
                ),
            )
        ]
        if isinstance(subject, Exclusion):
            steps.append(Step(description="no award", result=subject.reason))
        else:
            steps.append(Step(description="rank among eligible employees", result=subject.rank))
            steps.append(
                Step.of(
                    description="amount = multiplier × minimum wage",
                    result=message(
                        "{multiplier} × {wage} = {amount}",
                        multiplier=str(subject.multiplier),
                        wage=self.wage.value,
                        amount=subject.amount,
                    ),
                    facts=(
                        Fact(name="reference date", value=self.reference_date),
                        Fact.parameter("minimum wage", self.wage),
                    ),
                )
            )
        return Explanation(tuple(steps))

    def rows(self) -> tuple[_rows.Row, ...]:
        """One row per employee considered: the awards by rank, then those left out by id.

        Columns: ``employee``; ``awarded`` (bool); ``score``; ``rank`` and
        ``multiplier`` (``None`` when left out); ``amount`` (decimal string,
        ``"0"`` when left out) and ``currency``; ``reason`` (a stable code such
        as ``"below_minimum_score"``, ``None`` for an award) and ``reason_text``
        (its English text).

        >>> from ohs_domain import RewardAwards
        >>> list(RewardAwards.COLUMNS)[:4]
        ['employee', 'awarded', 'score', 'rank']
        """
        zero = _rows.money(Money.zero(self.wage.value.currency))
        awarded = tuple(
            {
                "employee": a.employee,
                "awarded": True,
                "score": a.score,
                "rank": a.rank,
                "multiplier": a.multiplier,
                **_rows.money(a.amount),
                **_rows.reasons(()),
            }
            for a in self.awards
        )
        left_out = tuple(
            {
                "employee": e.employee,
                "awarded": False,
                "score": e.score,
                "rank": None,
                "multiplier": None,
                **zero,
                **_rows.reasons((e.reason,)),
            }
            for e in self.excluded
        )
        return awarded + left_out

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "employee",
        "awarded",
        "score",
        "rank",
        "multiplier",
        "amount",
        "currency",
        "reason",
        "reason_text",
    )


@attrs.frozen
class _Candidate:
    employee: Employee
    score: int
    breakdown: tuple[KindCount, ...]
    reached_at: datetime | None  # when the final score was reached


def _candidates(
    records: Records, days: DateRange, reference_date: date, policy: RewardPolicy
) -> list[_Candidate]:
    """Everyone who could be rewarded: reporters of the period and production staff.

    A report scores unless rejected on or before the reference date; under
    ``ScoredReports.ACCEPTED`` it must also have been accepted by then.
    """
    weights = {kind: policy.weights.of(kind) for kind in ReportKind}
    accepted_only = policy.scored is ScoredReports.ACCEPTED
    kinds: defaultdict[EmployeeId, Counter[ReportKind]] = defaultdict(Counter)
    reached: dict[EmployeeId, datetime] = {}
    for report, accepted, rejected in records._decisions_during(days):  # in time order
        if rejected is not None and rejected <= reference_date:
            continue
        if accepted_only and (accepted is None or accepted > reference_date):
            continue
        kinds[report.reporter][report.kind] += 1
        if weights[report.kind]:  # a report worth nothing does not move the score's moment
            reached[report.reporter] = report.reported_at
    on_staff = {e.id for e in records.production_employees() if e._on_staff(reference_date)}
    return [
        _Candidate(
            employee=employee,
            score=sum(weights[kind] * count for kind, count in counts.items()),
            breakdown=tuple(KindCount(kind, count) for kind, count in sorted(counts.items())),
            reached_at=reached.get(employee.id),
        )
        for employee in records.employees  # by personnel number
        if (counts := kinds.get(employee.id, _NONE)) or employee.id in on_staff
    ]


_NONE: Counter[ReportKind] = Counter()


def _ineligibility(
    records: Records, candidate: _Candidate, reference_date: date, policy: RewardPolicy
) -> ExclusionReason | None:
    employee = candidate.employee
    if policy.production_only and not records._is_production(employee):
        return NotProductionPersonnel(employee.department)
    if policy.require_employed and not employee._on_staff(reference_date):
        # Everyone considered was on staff on some day up to the reference date (a
        # report of the period, or on staff on it), so only leaving explains this.
        return NotOnStaff(reference_date, employee.left_on)
    if candidate.score < policy.min_score:
        return _below_minimum(candidate.score, policy.min_score)
    return None


# Thousands of employees share a few scores: one frozen reason per (score, limit) is shared
# by all of them rather than built for each.
_below_minimum = functools.lru_cache(maxsize=1024)(BelowMinimumScore)
_below_lowest = functools.lru_cache(maxsize=1024)(BelowLowestTier)


def _ranked(eligible: list[_Candidate], rule: TieRule) -> list[tuple[int, _Candidate]]:
    """Rank by score, best first; ``rule`` orders and ranks equal scores."""
    if rule is TieRule.FIRST_TO_SCORE:
        ordered = sorted(eligible, key=lambda c: (-c.score, c.reached_at, c.employee.id))
    else:
        ordered = sorted(eligible, key=lambda c: (-c.score, c.employee.id))
    ranked: list[tuple[int, _Candidate]] = []
    for position, candidate in enumerate(ordered, start=1):
        if rule is TieRule.SHARE_RANK and ranked and ranked[-1][1].score == candidate.score:
            ranked.append((ranked[-1][0], candidate))
        else:
            ranked.append((position, candidate))
    return ranked


@checked
def reward_awards(
    records: Records, *, period: Period, paid_on: date, policy: RewardPolicy
) -> RewardAwards:
    """Evaluate ``policy`` over the reports registered in ``period``, paid on ``paid_on``.

    Steps: score each employee's reports of the period; decide eligibility on
    the reference date; rank; assign tiers; apply caps in rank order; pay
    ``multiplier × wage``. Everyone considered (reporters of the period and
    production staff on the reference date) is either awarded or excluded
    with the reason.

    Raises:
        InvalidValueError: If ``paid_on`` is before the period's last day.
        NoValueInForceError: If the wage has no value on the reference date.
    """
    days = as_range(period)
    last_day = days.end.toordinal() - 1
    if paid_on.toordinal() < last_day:
        raise InvalidValueError(
            "paid_on",
            paid_on,
            f"a day on or after the period's last day ({date.fromordinal(last_day)})",
        )
    reference_date = (
        date.fromordinal(last_day) if policy.wage_date is WageDate.PERIOD_END else paid_on
    )
    wage = policy.wage.entry_at(reference_date)
    excluded: list[Exclusion] = []
    eligible: list[_Candidate] = []
    candidates = _candidates(records, days, reference_date, policy)
    for candidate in candidates:
        reason = _ineligibility(records, candidate, reference_date, policy)
        if reason is None:
            eligible.append(candidate)
        else:
            excluded.append(_excluded(candidate, reason))

    tiered: list[tuple[int, _Candidate, int]] = []
    for rank, candidate in _ranked(eligible, policy.tie_rule):
        multiplier = _multiplier(policy.tiers, candidate.score, rank)
        if multiplier is None:
            excluded.append(_excluded(candidate, _no_tier(policy.tiers, candidate.score, rank)))
        else:
            tiered.append((rank, candidate, multiplier))

    awards: list[Award] = []
    spent = Money.zero(wage.value.currency)
    # Once a group is cut, everyone ranked below it is too.
    cut_below: RankedBelowRecipientCap | RankedBelowBudget | None = None
    for group in _groups(tiered, policy.tie_rule):
        cost = wage.value * sum(multiplier for _, _, multiplier in group)
        if cut_below is not None:
            excluded.extend(_excluded(candidate, cut_below) for _, candidate, _ in group)
            continue
        reason = _cap_reason(policy, len(awards), len(group), spent, cost)
        if reason is not None:
            excluded.extend(_excluded(candidate, reason) for _, candidate, _ in group)
            first = group[0][1].employee.id
            cut_below = (
                RankedBelowRecipientCap(cap=reason.cap, first_cut=first)
                if isinstance(reason, CutByRecipientCap)
                else RankedBelowBudget(budget=reason.budget, first_cut=first)
            )
            continue
        spent += cost
        awards.extend(
            Award(
                employee=candidate.employee.id,
                score=candidate.score,
                rank=rank,
                multiplier=multiplier,
                amount=wage.value * multiplier,
                breakdown=candidate.breakdown,
            )
            for rank, candidate, multiplier in group
        )
    excluded.sort(key=lambda e: e.employee)
    explanation = _explanation(
        policy=policy,
        days=days,
        reference_date=reference_date,
        wage=wage,
        reports=len(records._decisions_during(days)),
        considered=len(candidates),
        eligible=len(eligible),
        awards=awards,
        total=spent,
    )
    return RewardAwards(
        period=days,
        reference_date=reference_date,
        wage=wage,
        awards=tuple(awards),
        excluded=tuple(excluded),
        total=spent,
        explanation=explanation,
    )


def _excluded(candidate: _Candidate, reason: ExclusionReason) -> Exclusion:
    return Exclusion(
        employee=candidate.employee.id,
        score=candidate.score,
        reason=reason,
        breakdown=candidate.breakdown,
    )


def _multiplier(tiers: ScoreThresholds | RankBands, score: int, rank: int) -> int | None:
    """The multiplier a score or rank earns; ``None`` when it earns none."""
    row = tiers.tier_for(score) if isinstance(tiers, ScoreThresholds) else tiers.band_for(rank)
    return None if row is None else row.multiplier


def _no_tier(
    tiers: ScoreThresholds | RankBands, score: int, rank: int
) -> BelowLowestTier | BeyondLastBand:
    """Why a score or rank earns no multiplier."""
    if isinstance(tiers, ScoreThresholds):
        return _below_lowest(score, tiers.tiers[0].min_score)
    return BeyondLastBand(rank, tiers.bands[-1].last_rank)


def _groups(
    tiered: list[tuple[int, _Candidate, int]], rule: TieRule
) -> Iterable[list[tuple[int, _Candidate, int]]]:
    """Units a cap admits or cuts whole: tied groups under SHARE_RANK, else one by one."""
    group: list[tuple[int, _Candidate, int]] = []
    for row in tiered:
        if group and (rule is not TieRule.SHARE_RANK or group[-1][0] != row[0]):
            yield group
            group = []
        group.append(row)
    if group:
        yield group


def _cap_reason(
    policy: RewardPolicy, awarded: int, joining: int, spent: Money, cost: Money
) -> CutByRecipientCap | CutByBudget | None:
    if policy.max_recipients is not None and awarded + joining > policy.max_recipients:
        return CutByRecipientCap(cap=policy.max_recipients, admitted=awarded, tied=joining > 1)
    if policy.budget is not None and spent + cost > policy.budget:
        return CutByBudget(budget=policy.budget, committed=spent, would_reach=spent + cost)
    return None


def _explanation(
    *,
    policy: RewardPolicy,
    days: DateRange,
    reference_date: date,
    wage: Entry[Money],
    reports: int,
    considered: int,
    eligible: int,
    awards: list[Award],
    total: Money,
) -> Explanation:
    table = policy.tiers.tiers if isinstance(policy.tiers, ScoreThresholds) else policy.tiers.bands
    by_multiplier = Counter(a.multiplier for a in awards)
    caps = []
    if policy.max_recipients is not None:
        caps.append(Fact(name="recipient cap", value=policy.max_recipients))
    if policy.budget is not None:
        caps.append(Fact(name="budget cap", value=policy.budget))
    # A period without reports says so, rather than leaving only zeros to read.
    nothing = (
        ()
        if reports
        else (
            Step.of(
                description=message("no reports registered in {period}", period=days), result=None
            ),
        )
    )
    return Explanation(
        (
            *nothing,
            Step.of(
                description=message("reports registered in {period} scored", period=days),
                result=message(
                    "{n} employees considered", "{n} employees considered", n=considered
                ),
                facts=(
                    Fact(name="policy", value=policy.approved_by),
                    Fact(name="scored reports", value=policy.scored),
                    Fact(name="weights", value=_weights(policy.weights)),
                ),
            ),
            Step.of(
                description=message("eligible on the reference date {day}", day=reference_date),
                result=message("{n} employees", "{n} employees", n=eligible),
                facts=(
                    Fact(name="reference date is", value=policy.wage_date),
                    Fact(name="production personnel only", value=policy.production_only),
                    Fact(name="on staff required", value=policy.require_employed),
                    Fact(name="minimum score", value=policy.min_score),
                ),
            ),
            Step.of(
                description="tiers assigned",
                result=", ".join(f"×{m}: {n}" for m, n in sorted(by_multiplier.items()))
                or Message("none"),
                facts=(
                    Fact(name="multiplier bounds", value=str(policy.multiplier_bounds)),
                    Fact(name="tie rule", value=policy.tie_rule),
                    *(Fact(name="tier", value=str(row)) for row in table),
                    *caps,
                ),
            ),
            Step.of(
                description="awards paid at multiplier × minimum wage",
                result=_awarded(len(awards), total),
                facts=(Fact.parameter(policy.wage.name, wage),),
            ),
        )
    )


def _awarded(count: int, total: Money) -> Message:
    return message("{n} awards, {total}", "{n} awards, {total}", n=count, total=total)


def _weights(weights: ReportWeights) -> str:
    return ", ".join(f"{kind} {weights.of(kind)}" for kind in ReportKind)
