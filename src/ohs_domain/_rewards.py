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
import itertools
import operator
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Final, Protocol

import attrs

from ohs_domain import _checks, _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._drafts import drafted, on_demand
from ohs_domain._effective import Entry, Schedule, Source, money_schedule
from ohs_domain._errors import InvalidValueError, UnknownRecordError
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._i18n import Message, listed, message
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
from ohs_domain._partial import same_parameters
from ohs_domain._periods import DateRange, Period, as_range
from ohs_domain._records import Records
from ohs_domain._report_index import KINDS, WIDTH, ReportIndex, report_index
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
    "RewardAwardsPartial",
    "RewardPolicy",
    "ScoreThresholds",
    "ScoreTier",
    "ScoredReports",
    "TieRule",
    "WageDate",
    "reward_awards",
    "reward_awards_partial",
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
            raise InvalidValueError(
                "maximum",
                self.maximum,
                message("at least minimum ({minimum})", minimum=str(self.minimum)),
            )

    def __str__(self) -> str:
        return f"{self.minimum}..{self.maximum}"


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
        default=None, validator=[_checks.optional(_checks.count), _checks.at_least("min_score")]
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
        return self._tier_for(score)

    def _tier_for(self, score: int) -> ScoreTier | None:
        for tier in self.tiers:
            if tier._holds(score):
                return tier
        return None

    # -- the tier table's part in reward_awards (_TierTable) --

    _path: ClassVar[str] = "tiers.tiers"

    @property
    def _rows(self) -> tuple[ScoreTier, ...]:
        return self.tiers

    @property
    def _lowest_score(self) -> int:
        # Everyone above the lowest tier has a tier, so no one below it needs a rank.
        return self.tiers[0].min_score

    def _multiplier(self, score: int, _rank: int) -> int | None:
        tier = self._tier_for(score)
        return None if tier is None else tier.multiplier

    def _no_tier(self, score: int, _rank: int) -> ExclusionReason:
        return _below_lowest(score, self.tiers[0].min_score)


@attrs.frozen(kw_only=True)
class RankBand:
    """Employees ranked ``first_rank`` to ``last_rank`` get ``multiplier`` wages.

    Attributes:
        first_rank: The best rank of the band (1 is the most active).
        last_rank: The worst rank of the band.
        multiplier: Minimum wages paid.
    """

    first_rank: int = attrs.field(validator=_checks.count)
    last_rank: int = attrs.field(validator=[_checks.count, _checks.at_least("first_rank")])
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
        return self._band_for(rank)

    def _band_for(self, rank: int) -> RankBand | None:
        for band in self.bands:
            if band.first_rank <= rank <= band.last_rank:
                return band
        return None

    # -- the tier table's part in reward_awards (_TierTable) --

    _path: ClassVar[str] = "tiers.bands"

    @property
    def _rows(self) -> tuple[RankBand, ...]:
        return self.bands

    @property
    def _lowest_score(self) -> int:
        return 0  # every eligible score is ranked

    def _multiplier(self, _score: int, rank: int) -> int | None:
        band = self._band_for(rank)
        return None if band is None else band.multiplier

    def _no_tier(self, _score: int, rank: int) -> ExclusionReason:
        return BeyondLastBand(rank, self.bands[-1].last_rank)


def _check_table(
    name: str, rows: Any, kind: type[Any], low: str, high: str, *, rising: bool
) -> None:
    if not isinstance(rows, tuple) or not rows:
        raise InvalidValueError(
            name, rows, message("a non-empty tuple of {kind}", kind=kind.__name__)
        )
    for index, row in enumerate(rows):
        if not isinstance(row, kind):
            raise InvalidValueError(
                f"{name}[{index}]", row, message("a {kind}", kind=kind.__name__)
            )
        if index == 0:
            continue
        before = rows[index - 1]
        end = getattr(before, high)
        start = getattr(row, low)
        earlier = f"{name}[{index - 1}]"
        if end is None:
            raise InvalidValueError(
                f"{name}[{index}].{low}",
                start,
                message("no row: {row} is open-ended, so the rows would overlap", row=earlier),
            )
        if start <= end:
            raise InvalidValueError(
                f"{name}[{index}].{low}",
                start,
                message(
                    "a value above {end}: {row} ends at {end}, so the rows would overlap",
                    end=str(end),
                    row=earlier,
                ),
            )
        if start != end + 1:
            raise InvalidValueError(
                f"{name}[{index}].{low}",
                start,
                message(
                    "{next}: {row} ends at {end}, so {next}..{last} would be a gap",
                    next=str(end + 1),
                    row=earlier,
                    end=str(end),
                    last=str(start - 1),
                ),
            )
        worse: Any = before if rising else row
        better: Any = row if rising else before
        if better.multiplier < worse.multiplier:
            raise InvalidValueError(
                f"{name}[{index}].multiplier",
                row.multiplier,
                _NEVER_FALL[rising],
            )


_NEVER_FALL: Final = {
    True: "multipliers that never fall as activity rises: higher scores must not earn less",
    False: "multipliers that never fall as activity rises: better ranks must not earn less",
}


class _TierTable(Protocol):
    """What reward_awards asks of a tier table, whichever kind it is."""

    _path: ClassVar[str]
    """Where the rows are in a policy, for messages (``"tiers.tiers"``)."""

    @property
    def _rows(self) -> Sequence[ScoreTier | RankBand]:
        """The rows, in the order they were given."""

    @property
    def _lowest_score(self) -> int:
        """The lowest score that needs a rank: no lower score can earn a multiplier."""

    def _multiplier(self, score: int, rank: int) -> int | None:
        """The multiplier a score at a rank earns; ``None`` when it earns none."""

    def _no_tier(self, score: int, rank: int) -> ExclusionReason:
        """Why a score at a rank earns no multiplier."""


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
    wage: Schedule[Money] = attrs.field(validator=money_schedule(allow_zero=False))
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
        table: _TierTable = self.tiers
        for index, row in enumerate(table._rows):
            if not bounds.minimum <= row.multiplier <= bounds.maximum:
                raise InvalidValueError(
                    f"{table._path}[{index}].multiplier",
                    row.multiplier,
                    message("a multiplier within the bounds {bounds}", bounds=str(bounds)),
                )
        if self.min_score < 1:
            raise InvalidValueError(
                "min_score", self.min_score, "at least 1: a reward needs at least one report"
            )
        if self.budget is not None and self.budget.currency != self.wage.entries[0].value.currency:
            raise InvalidValueError(
                "budget",
                self.budget,
                message("an amount in {currency}", currency=self.wage.entries[0].value.currency),
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
    # Set on a result of reward_awards, whose awards, exclusions and explanation are
    # built from it when first read (__getattr__); None on a result built from its fields.
    _draft: _Draft | None = attrs.field(init=False, default=None, repr=False, eq=False, hash=False)

    @classmethod
    def _drafted(cls, draft: _Draft) -> RewardAwards:
        """A result whose figures are known and whose detail is built on demand."""
        partial = draft.partial
        return drafted(
            cls,
            draft,
            period=partial.period,
            reference_date=partial.reference_date,
            wage=draft.wage,
            total=draft.total,
        )

    if not TYPE_CHECKING:  # pragma: no branch - mypy keeps checking attribute names

        def __getattr__(self, name: str) -> Any:
            return on_demand(self, name, _ON_DEMAND)

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


_ON_DEMAND: Final = frozenset({"awards", "excluded", "explanation"})


# -- evaluation: tallies per part of the records, decisions once over their merge ----------------

_ELIGIBLE, _NOT_PRODUCTION, _NOT_ON_STAFF = 0, 1, 2


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RewardAwardsPartial:
    """The tallies of [`reward_awards`][ohs_domain.reward_awards] over one part of the records.

    Compute one per part with
    [`reward_awards_partial`][ohs_domain.reward_awards_partial], merge them with
    `combine` (associative and commutative; `empty` is its identity), and
    `finalize` the merge: ranks, ties, tiers and caps are decided once, there,
    so the result is the one of the whole records. ``reward_awards`` itself is
    ``reward_awards_partial(records, ...).finalize()``.

    Attributes:
        period: The days whose reports score.
        paid_on: The payment date.
        policy: The reward policy.
        reports: Reports registered in the period.
        employees: The part's employees, by personnel number.
        production: Whether each of them belongs to production personnel.
        counts: Each employee's scoring reports by kind: one count per kind, in the
            order of the kinds' values (as breakdowns list them), employee after employee.
        reached: When each employee's score was reached, under
            ``TieRule.FIRST_TO_SCORE`` (empty under the other rules).
    """

    period: DateRange
    paid_on: date
    policy: RewardPolicy
    reports: int = 0
    # Columns as long as the part, checked by shape: an item-by-item check would cost
    # more than the tallying that made them.
    employees: tuple[Employee, ...] = attrs.field(default=(), validator=_checks.instance(tuple))
    production: tuple[bool, ...] = attrs.field(default=(), validator=_checks.instance(tuple))
    counts: tuple[int, ...] = attrs.field(default=(), validator=_checks.instance(tuple))
    reached: tuple[datetime | None, ...] = attrs.field(
        default=(), validator=_checks.instance(tuple)
    )

    def __attrs_post_init__(self) -> None:
        people = len(self.employees)
        for name, length in (
            ("production", people),
            ("counts", people * WIDTH),
            ("reached", people if self.policy.tie_rule is TieRule.FIRST_TO_SCORE else 0),
        ):
            value = getattr(self, name)
            if len(value) != length:
                raise InvalidValueError(name, f"{len(value)} item(s)", f"{length}: {_SHAPES[name]}")

    @classmethod
    @checked
    def empty(cls, *, period: Period, paid_on: date, policy: RewardPolicy) -> RewardAwardsPartial:
        """The tallies of no records: the identity of `combine`.

        Raises:
            InvalidValueError: If ``paid_on`` is before the period's last day.
            NoValueInForceError: If the wage has no value on the reference date.
        """
        days, _ = _reference(period, paid_on, policy)
        return cls(period=days, paid_on=paid_on, policy=policy)

    @property
    def reference_date(self) -> date:
        """The day whose wage applies and on which eligibility is judged."""
        return _reference(self.period, self.paid_on, self.policy)[1]

    @checked
    def combine(self, other: RewardAwardsPartial) -> RewardAwardsPartial:
        """The tallies of both parts.

        Raises:
            InvalidArgumentError: If ``other`` was made with other parameters.
        """
        same_parameters("RewardAwardsPartial.combine", self, other, ("period", "paid_on", "policy"))
        people = _by_person(self)
        for employee, row in _by_person(other).items():
            mine = people.get(employee)
            people[employee] = row if mine is None else _merged(mine, row)
        return _from_people(self, people, self.reports + other.reports)

    def finalize(self) -> RewardAwards:
        """The awards, decided once over these tallies.

        Raises:
            NoValueInForceError: If the wage has no value on the reference date.
        """
        wage = self.policy.wage.entry_at(self.reference_date)
        table: _TierTable = self.policy.tiers
        scores = _scores(self.counts, self.policy.weights, len(self.employees))
        reasons: dict[EmployeeId, ExclusionReason] = {}
        ranked = _ranked(_contenders(self, scores), self.policy.tie_rule)
        tiered = _tiered(ranked, table, reasons)
        admitted, total = _capped(tiered, self.policy, wage.value, reasons)
        draft = _Draft(
            partial=self,
            wage=wage,
            scores=tuple(scores),
            tiered=tuple(tiered),
            admitted=admitted,
            reasons=reasons,
            total=total,
        )
        return RewardAwards._drafted(draft)


_SHAPES: Final = {
    "production": "one flag per employee",
    "counts": f"one count per kind ({WIDTH}) per employee",
    "reached": "one moment per employee under TieRule.FIRST_TO_SCORE, none otherwise",
}

_Person = tuple[Employee, bool, tuple[int, ...], datetime | None]
"""One employee's tallies: the employee, production or not, counts by kind, when reached."""


def _by_person(partial: RewardAwardsPartial) -> dict[EmployeeId, _Person]:
    reached = partial.reached or (None,) * len(partial.employees)
    return {
        employee.id: (
            employee,
            partial.production[number],
            partial.counts[number * WIDTH : (number + 1) * WIDTH],
            reached[number],
        )
        for number, employee in enumerate(partial.employees)
    }


def _merged(mine: _Person, theirs: _Person) -> _Person:
    """One employee's tallies from two parts: counts add, the later moment stays."""
    employee, production, counts, reached = mine
    other = theirs[3]
    latest = other if reached is None else reached if other is None else max(reached, other)
    return (employee, production, tuple(map(operator.add, counts, theirs[2])), latest)


def _from_people(
    like: RewardAwardsPartial, people: dict[EmployeeId, _Person], reports: int
) -> RewardAwardsPartial:
    rows = [people[employee] for employee in sorted(people)]
    first = like.policy.tie_rule is TieRule.FIRST_TO_SCORE
    return attrs.evolve(
        like,
        reports=reports,
        employees=tuple(row[0] for row in rows),
        production=tuple(row[1] for row in rows),
        counts=tuple(count for row in rows for count in row[2]),
        reached=tuple(row[3] for row in rows) if first else (),
    )


def _reference(period: Period, paid_on: date, policy: RewardPolicy) -> tuple[DateRange, date]:
    """The period's days and the reference date; refuses a payment before the period ends."""
    days = as_range(period)
    last_day = days.end.toordinal() - 1
    if paid_on.toordinal() < last_day:
        raise InvalidValueError(
            "paid_on",
            paid_on,
            f"a day on or after the period's last day ({date.fromordinal(last_day)})",
        )
    reference = date.fromordinal(last_day) if policy.wage_date is WageDate.PERIOD_END else paid_on
    return days, reference


@checked
def reward_awards_partial(
    records: Records, *, period: Period, paid_on: date, policy: RewardPolicy
) -> RewardAwardsPartial:
    """The tallies of [`reward_awards`][ohs_domain.reward_awards] over ``records``, one part.

    Takes the parameters of ``reward_awards`` and checks them alike. Combine the
    parts' tallies and finalize them for the awards of the whole.

    Raises:
        InvalidValueError: If ``paid_on`` is before the period's last day.
        NoValueInForceError: If the wage has no value on the reference date.
    """
    days, reference_date = _reference(period, paid_on, policy)
    policy.wage.entry_at(reference_date)  # refused here as in the whole evaluation
    index = report_index(records)
    span = index.span(days)
    first = policy.tie_rule is TieRule.FIRST_TO_SCORE
    return RewardAwardsPartial(
        period=days,
        paid_on=paid_on,
        policy=policy,
        reports=span.stop - span.start,
        employees=index.employees,
        production=index.production,
        counts=_counts(index, span, reference_date.toordinal(), policy.scored),
        reached=_reached(index, span, reference_date.toordinal(), policy) if first else (),
    )


@checked
def reward_awards(
    records: Records, *, period: Period, paid_on: date, policy: RewardPolicy
) -> RewardAwards:
    """Evaluate ``policy`` over the reports registered in ``period``, paid on ``paid_on``.

    Steps: score each employee's reports of the period; decide eligibility on
    the reference date; rank; assign tiers; apply caps in rank order; pay
    ``multiplier × wage``. Everyone considered (reporters of the period and
    production staff on the reference date) is either awarded or excluded
    with the reason. The awards, exclusions and explanation are built when
    first read.

    Raises:
        InvalidValueError: If ``paid_on`` is before the period's last day.
        NoValueInForceError: If the wage has no value on the reference date.
    """
    return reward_awards_partial(records, period=period, paid_on=paid_on, policy=policy).finalize()


def _counts(
    index: ReportIndex, span: slice, reference: int, scored: ScoredReports
) -> tuple[int, ...]:
    """Scoring reports of ``span`` by employee and kind (see `RewardAwardsPartial.counts`).

    A report scores unless rejected on or before the reference date; under
    ``ScoredReports.ACCEPTED`` it must also have been accepted by then. The
    lifecycle accepts or rejects a report, never both, so one day decides.
    """
    counts = [0] * (WIDTH * len(index.employees))
    slots = index.slot[span]
    if scored is ScoredReports.ACCEPTED:
        for slot, accepted in zip(slots, index.accepted[span], strict=True):
            if accepted <= reference:
                counts[slot] += 1
    else:
        for slot, rejected in zip(slots, index.rejected[span], strict=True):
            if rejected > reference:
                counts[slot] += 1
    return tuple(counts)


def _reached(
    index: ReportIndex, span: slice, reference: int, policy: RewardPolicy
) -> tuple[datetime | None, ...]:
    """When each employee reached the final score: their last scoring report worth points.

    A report worth nothing does not move the score's moment.
    """
    accepted_only = policy.scored is ScoredReports.ACCEPTED
    weighted = [policy.weights.of(kind) > 0 for kind in KINDS]
    reached: list[datetime | None] = [None] * len(index.employees)
    for position in reversed(range(span.start, span.stop)):  # the latest first
        employee, kind = divmod(index.slot[position], WIDTH)
        if reached[employee] is not None or not weighted[kind]:
            continue
        if index.rejected[position] <= reference:
            continue
        if accepted_only and index.accepted[position] > reference:
            continue
        reached[employee] = index.reports[position].reported_at
    return tuple(reached)


def _scores(counts: tuple[int, ...], weights: ReportWeights, people: int) -> list[int]:
    """Each employee's score: points by kind times reports of the kind."""
    scores = [0] * people
    for code, kind in enumerate(KINDS):
        weight = weights.of(kind)
        if weight:
            points = map(operator.mul, counts[code::WIDTH], itertools.repeat(weight, people))
            scores = list(map(operator.add, scores, points))
    return scores


def _ineligibility(
    employee: Employee, reference_date: date, policy: RewardPolicy, *, production: bool
) -> int:
    """Why ``employee`` cannot be rewarded whatever the score (``_ELIGIBLE`` if nothing)."""
    if policy.production_only and not production:
        return _NOT_PRODUCTION
    if policy.require_employed and not employee._on_staff(reference_date):
        # Everyone considered was on staff on some day up to the reference date (a
        # report of the period, or on staff on it), so only leaving explains this.
        return _NOT_ON_STAFF
    return _ELIGIBLE


_Contender = tuple[int, datetime | None, EmployeeId]
"""An eligible employee who may earn a tier: score, when reached, personnel number."""


def _contenders(partial: RewardAwardsPartial, scores: list[int]) -> list[_Contender]:
    """The eligible employees whose score may earn a tier."""
    table: _TierTable = partial.policy.tiers
    lowest = max(partial.policy.min_score, table._lowest_score)
    reference_date = partial.reference_date
    reached = partial.reached or (None,) * len(scores)
    contenders: list[_Contender] = []
    for number in itertools.compress(
        range(len(scores)), map(operator.ge, scores, itertools.repeat(lowest))
    ):
        employee = partial.employees[number]
        production = partial.production[number]
        if (
            _ineligibility(employee, reference_date, partial.policy, production=production)
            == _ELIGIBLE
        ):
            contenders.append((scores[number], reached[number], employee.id))
    return contenders


# Thousands of employees share a few scores: one frozen reason per (score, limit) is shared
# by all of them rather than built for each.
_below_minimum = functools.lru_cache(maxsize=1024)(BelowMinimumScore)
_below_lowest = functools.lru_cache(maxsize=1024)(BelowLowestTier)

_Tiered = tuple[int, EmployeeId, int]
"""A ranked employee with a tier: rank, personnel number, multiplier."""


def _ranked(contenders: list[_Contender], rule: TieRule) -> list[tuple[int, EmployeeId, int]]:
    """Rank, score and personnel number by score, best first; ``rule`` orders equal scores."""
    if rule is TieRule.FIRST_TO_SCORE:
        ordered = sorted(contenders, key=lambda c: (-c[0], c[1], c[2]))
    else:
        ordered = sorted(contenders, key=lambda c: (-c[0], c[2]))
    share = rule is TieRule.SHARE_RANK
    ranked: list[tuple[int, EmployeeId, int]] = []
    before, rank = -1, 0
    for position, (score, _, employee) in enumerate(ordered, start=1):
        if not (share and score == before):
            rank = position
        ranked.append((rank, employee, score))
        before = score
    return ranked


def _tiered(
    ranked: list[tuple[int, EmployeeId, int]],
    table: _TierTable,
    reasons: dict[EmployeeId, ExclusionReason],
) -> list[_Tiered]:
    """The ranked with a multiplier, in rank order; ``reasons`` gets why the rest have none."""
    tiered: list[_Tiered] = []
    for rank, employee, score in ranked:
        multiplier = table._multiplier(score, rank)
        if multiplier is None:
            reasons[employee] = table._no_tier(score, rank)
        else:
            tiered.append((rank, employee, multiplier))
    return tiered


def _capped(
    tiered: list[_Tiered],
    policy: RewardPolicy,
    wage: Money,
    reasons: dict[EmployeeId, ExclusionReason],
) -> tuple[int, Money]:
    """How many of ``tiered`` (a prefix) the caps admit, and what they cost.

    ``reasons`` gets why the rest are cut: once a group is cut, everyone ranked
    below it is too.
    """
    spent = Money.zero(wage.currency)
    if policy.max_recipients is None and policy.budget is None:
        return len(tiered), spent + wage * sum(m for _, _, m in tiered) if tiered else spent
    admitted = 0
    cut_below: RankedBelowRecipientCap | RankedBelowBudget | None = None
    for group in _groups(tiered, policy.tie_rule):
        cost = wage * sum(multiplier for _, _, multiplier in group)
        reason = cut_below or _cap_reason(policy, admitted, len(group), spent, cost)
        if reason is not None:
            reasons.update((employee, reason) for _, employee, _ in group)
            cut_below = cut_below or _below_cut(reason, group[0][1])
            continue
        spent += cost
        admitted += len(group)
    return admitted, spent


def _below_cut(
    reason: ExclusionReason, first: EmployeeId
) -> RankedBelowRecipientCap | RankedBelowBudget:
    """Why everyone ranked below the first group a cap cuts is cut too."""
    if isinstance(reason, CutByRecipientCap):
        return RankedBelowRecipientCap(cap=reason.cap, first_cut=first)
    assert isinstance(reason, CutByBudget)  # noqa: S101 - _cap_reason gives one of the two
    return RankedBelowBudget(budget=reason.budget, first_cut=first)


def _groups(tiered: list[_Tiered], rule: TieRule) -> Iterable[list[_Tiered]]:
    """Units a cap admits or cuts whole: tied groups under SHARE_RANK, else one by one."""
    group: list[_Tiered] = []
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


# -- the result's detail, built when first read ----------------------------------------------


@functools.lru_cache(maxsize=4096)
def _breakdown(counts: tuple[int, ...]) -> tuple[KindCount, ...]:
    return tuple(KindCount(KINDS[code], n) for code, n in enumerate(counts) if n)


@attrs.frozen(kw_only=True)
class _Draft:
    """What a result needs to build its awards, exclusions and explanation on demand."""

    partial: RewardAwardsPartial
    wage: Entry[Money]
    scores: tuple[int, ...]
    tiered: tuple[_Tiered, ...]
    admitted: int
    reasons: dict[EmployeeId, ExclusionReason]
    total: Money

    def _counts(self, number: int) -> tuple[int, ...]:
        return self.partial.counts[number * WIDTH : (number + 1) * WIDTH]

    def _considered(self) -> Iterator[tuple[int, Employee]]:
        """Everyone considered, by personnel number: reporters and production staff."""
        partial = self.partial
        reference_date = partial.reference_date
        for number, employee in enumerate(partial.employees):
            if any(self._counts(number)) or (
                partial.production[number] and employee._on_staff(reference_date)
            ):
                yield number, employee

    def awards(self) -> tuple[Award, ...]:
        number = {e.id: n for n, e in enumerate(self.partial.employees)}
        wage = self.wage.value
        return tuple(
            Award(
                employee=employee,
                score=self.scores[number[employee]],
                rank=rank,
                multiplier=multiplier,
                amount=wage * multiplier,
                breakdown=_breakdown(self._counts(number[employee])),
            )
            for rank, employee, multiplier in self.tiered[: self.admitted]
        )

    def excluded(self) -> tuple[Exclusion, ...]:
        awarded = {employee for _, employee, _ in self.tiered[: self.admitted]}
        return tuple(
            Exclusion(
                employee=employee.id,
                score=self.scores[number],
                reason=self._reason(number, employee),
                breakdown=_breakdown(self._counts(number)),
            )
            for number, employee in self._considered()
            if employee.id not in awarded
        )

    def _reason(self, number: int, employee: Employee) -> ExclusionReason:
        partial = self.partial
        policy, score = partial.policy, self.scores[number]
        why = _ineligibility(
            employee, partial.reference_date, policy, production=partial.production[number]
        )
        if why == _NOT_PRODUCTION:
            return NotProductionPersonnel(employee.department)
        if why == _NOT_ON_STAFF:
            return NotOnStaff(partial.reference_date, employee.left_on)
        if score < policy.min_score:
            return _below_minimum(score, policy.min_score)
        reason = self.reasons.get(employee.id)  # ranked, but no tier or cut by a cap
        if reason is not None:
            return reason
        table: _TierTable = policy.tiers
        return table._no_tier(score, 0)

    def explanation(self) -> Explanation:
        partial = self.partial
        considered = eligible = 0
        for number, employee in self._considered():
            considered += 1
            eligible += self.scores[number] >= partial.policy.min_score and not _ineligibility(
                employee,
                partial.reference_date,
                partial.policy,
                production=partial.production[number],
            )
        return _explanation(
            policy=partial.policy,
            days=partial.period,
            reference_date=partial.reference_date,
            wage=self.wage,
            reports=partial.reports,
            considered=considered,
            eligible=eligible,
            multipliers=[multiplier for _, _, multiplier in self.tiered[: self.admitted]],
            total=self.total,
        )


def _explanation(
    *,
    policy: RewardPolicy,
    days: DateRange,
    reference_date: date,
    wage: Entry[Money],
    reports: int,
    considered: int,
    eligible: int,
    multipliers: list[int],
    total: Money,
) -> Explanation:
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
                    Fact.of(name="scored reports", value=Message(str(policy.scored))),
                    Fact.of(name="weights", value=_weights(policy.weights)),
                ),
            ),
            _eligibility_step(policy, reference_date, eligible),
            _tiers_step(policy, multipliers),
            Step.of(
                description="awards paid at multiplier × minimum wage",
                result=_awarded(len(multipliers), total),
                facts=(Fact.parameter(policy.wage.name, wage),),
            ),
        )
    )


def _eligibility_step(policy: RewardPolicy, reference_date: date, eligible: int) -> Step:
    return Step.of(
        description=message("eligible on the reference date {day}", day=reference_date),
        result=message("{n} employees", "{n} employees", n=eligible),
        facts=(
            Fact.of(name="reference date is", value=Message(str(policy.wage_date))),
            Fact(name="production personnel only", value=policy.production_only),
            Fact(name="on staff required", value=policy.require_employed),
            Fact(name="minimum score", value=policy.min_score),
        ),
    )


def _awarded(count: int, total: Money) -> Message:
    return message("{n} awards, {total}", "{n} awards, {total}", n=count, total=total)


def _tiers_step(policy: RewardPolicy, multipliers: list[int]) -> Step:
    table: _TierTable = policy.tiers
    caps = []
    if policy.max_recipients is not None:
        caps.append(Fact(name="recipient cap", value=policy.max_recipients))
    if policy.budget is not None:
        caps.append(Fact(name="budget cap", value=policy.budget))
    by_multiplier = sorted(Counter(multipliers).items())
    return Step.of(
        description="tiers assigned",
        result=", ".join(f"×{m}: {n}" for m, n in by_multiplier) or Message("none"),
        facts=(
            Fact(name="multiplier bounds", value=str(policy.multiplier_bounds)),
            Fact.of(name="tie rule", value=Message(str(policy.tie_rule))),
            *(Fact.of(name="tier", value=_row_words(row)) for row in table._rows),
            *caps,
        ),
    )


def _weights(weights: ReportWeights) -> Message:
    # Each kind by its wire value in English ("near_miss 1"), by its words in Russian and Kazakh.
    return listed(
        [message("{kind} {weight}", kind=Message(str(k)), weight=weights.of(k)) for k in ReportKind]
    )


def _row_words(row: ScoreTier | RankBand) -> Message:
    """A tier table's row as its `str()` says it, as a message (numbers as written there)."""
    multiplier = str(row.multiplier)
    if isinstance(row, RankBand):
        return message(
            "ranks {first}-{last}: ×{multiplier}",
            first=str(row.first_rank),
            last=str(row.last_rank),
            multiplier=multiplier,
        )
    if row.max_score is None:
        return message("score {low}+: ×{multiplier}", low=str(row.min_score), multiplier=multiplier)
    return message(
        "score {low}-{high}: ×{multiplier}",
        low=str(row.min_score),
        high=str(row.max_score),
        multiplier=multiplier,
    )
