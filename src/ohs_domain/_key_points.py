"""Key points of a year: every indicator and payout in one result, rendered as text.

[`key_points`][ohs_domain.key_points] reproduces the seed's annual summary
from the records: training by format, engagement in the reporting system,
elimination, the inspectors' activity and pay, the reward awards and the
injury rates, each placed under the Vision Zero golden rule it serves.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from typing import ClassVar

import attrs

from ohs_domain import _i18n, _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._coverage import (
    TrainingCoverage,
    TrainingCoveragePartial,
    training_coverage_partial,
)
from ohs_domain._elimination import Elimination, EliminationPartial, elimination_partial
from ohs_domain._engagement import Engagement, EngagementPartial, engagement_partial
from ohs_domain._explain import Explanation, Step
from ohs_domain._i18n import Language
from ohs_domain._injury_rates import InjuryRates, InjuryRatesPartial, injury_rates_partial
from ohs_domain._inspection_activity import (
    InspectionActivity,
    InspectionActivityPartial,
    inspection_activity_partial,
)
from ohs_domain._inspector_pay import (
    InspectorPayPolicy,
    InspectorPayYear,
    InspectorPayYearPartial,
    inspector_pay_for_year_partial,
)
from ohs_domain._money import Money
from ohs_domain._periods import Year
from ohs_domain._records import Records
from ohs_domain._reporting import EliminationDeadlines
from ohs_domain._rewards import (
    RewardAwards,
    RewardAwardsPartial,
    RewardPolicy,
    reward_awards_partial,
)
from ohs_domain._training import TrainingFormat

__all__ = ["KeyPoints", "KeyPointsPartial", "key_points", "key_points_partial"]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class KeyPoints:
    """The key points of a year; `str()` renders them as a report.

    Attributes:
        year: The year.
        as_of: The reference date of headcounts and states.
        training: Training coverage (golden rule 6).
        engagement: Engagement in the reporting system (rule 7).
        elimination: Elimination of hazards, defects and violations (rule 2).
        inspection: Technical inspectors' activity (rules 4 and 5).
        inspector_pay: The inspectors' pay, quarter by quarter.
        rewards: The reward awards (rule 7).
        injuries: Injury rates, the lagging side.
        explanation: The headline figure of each part; each part explains itself in full.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "section",
        "measure",
        "part",
        "whole",
        "amount",
        "currency",
        "value",
    )

    year: Year
    as_of: date
    training: TrainingCoverage
    engagement: Engagement
    elimination: Elimination
    inspection: InspectionActivity
    inspector_pay: InspectorPayYear
    rewards: RewardAwards
    injuries: InjuryRates
    explanation: Explanation

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The report in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``); `str()` is English.

        Figures follow the language's CLDR conventions: ``1 332`` and ``61,6 %``
        in Russian and Kazakh, ``1,332`` and ``61.6 %`` in English.
        """
        return "\n".join(_render(self, lang))

    def rows(self) -> tuple[_rows.Row, ...]:
        """The headline figures in long form, one row each.

        Columns: ``section`` (``"training"``, ``"engagement"``, ``"elimination"``,
        ``"inspection"``, ``"inspector_pay"``, ``"rewards"``, ``"injuries"``);
        ``measure``; ``part`` and ``whole`` for counts and shares (``whole`` is
        ``None`` for a plain count); ``amount`` (decimal string) and ``currency``
        for money; ``value`` (a rate rounded to 2 places, a decimal string).
        Each part's own ``rows()`` gives its detail.
        """
        empty: _rows.Row = dict.fromkeys(self.COLUMNS)

        def share(section: str, measure: str, part: int, whole: int | None) -> _rows.Row:
            return {**empty, "section": section, "measure": measure, "part": part, "whole": whole}

        def money(section: str, measure: str, amount: Money) -> _rows.Row:
            return {**empty, "section": section, "measure": measure, **_rows.money(amount)}

        elimination = self.elimination
        return (
            share("training", "trained", self.training.trained.part, self.training.trained.whole),
            share(
                "engagement",
                "registered",
                self.engagement.registered.part,
                self.engagement.registered.whole,
            ),
            share(
                "engagement", "active", self.engagement.active.part, self.engagement.active.whole
            ),
            share("engagement", "reports", self.engagement.reports, None),
            share(
                "elimination",
                "reports_on_time",
                elimination.reports.on_time.part,
                elimination.reports.on_time.whole,
            ),
            share(
                "elimination",
                "violations_on_time",
                elimination.violations.on_time.part,
                elimination.violations.on_time.whole,
            ),
            share(
                "elimination",
                "submissions_answered",
                elimination.submissions_answered.part,
                elimination.submissions_answered.whole,
            ),
            share("inspection", "submissions", self.inspection.total.submissions, None),
            share("inspection", "violations", self.inspection.total.violations, None),
            money("inspector_pay", "total", self.inspector_pay.total),
            share("rewards", "awards", len(self.rewards.awards), None),
            money("rewards", "total", self.rewards.total),
            *(
                {
                    **empty,
                    "section": "injuries",
                    "measure": rate.name,
                    "value": None if (value := rate.rounded()) is None else str(value),
                }
                for rate in self.injuries.rates
            ),
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class KeyPointsPartial:
    """The tallies of `key_points` over one part of the records: each rule's partial result.

    Parts combine rule by rule (each checks its own parameters and names the one
    that differs); [`finalize`][ohs_domain.KeyPointsPartial.finalize] gives what
    `key_points` of all the parts together gives.

    Attributes:
        year: The year.
        as_of: The day headcounts and states are taken.
        training: Training coverage's partial result.
        engagement: Engagement's.
        elimination: Elimination's.
        inspection: Inspection activity's.
        inspector_pay: The technical inspectors' pay for the year.
        rewards: The reward awards'.
        injuries: The injury rates'.
    """

    year: Year
    as_of: date
    training: TrainingCoveragePartial
    engagement: EngagementPartial
    elimination: EliminationPartial
    inspection: InspectionActivityPartial
    inspector_pay: InspectorPayYearPartial
    rewards: RewardAwardsPartial
    injuries: InjuryRatesPartial

    @classmethod
    @checked
    def empty(
        cls,
        *,
        year: Year,
        as_of: date,
        deadlines: EliminationDeadlines,
        inspector_pay_policy: InspectorPayPolicy,
        reward_policy: RewardPolicy,
        paid_on: date,
    ) -> KeyPointsPartial:
        """The key points of no records: the identity of `combine`."""
        return cls(
            year=year,
            as_of=as_of,
            training=TrainingCoveragePartial.empty(period=year, as_of=as_of),
            engagement=EngagementPartial.empty(period=year, as_of=as_of),
            elimination=EliminationPartial.empty(period=year, as_of=as_of, deadlines=deadlines),
            inspection=InspectionActivityPartial.empty(period=year),
            inspector_pay=InspectorPayYearPartial.empty(year=year, policy=inspector_pay_policy),
            rewards=RewardAwardsPartial.empty(period=year, paid_on=paid_on, policy=reward_policy),
            injuries=InjuryRatesPartial.empty(period=year, as_of=as_of),
        )

    @checked
    def combine(self, other: KeyPointsPartial, /) -> KeyPointsPartial:
        """Both parts' tallies, rule by rule; associative and commutative.

        Raises:
            InvalidArgumentError: If a rule's parameters differ between the parts.
        """
        return KeyPointsPartial(
            year=self.year,
            as_of=self.as_of,
            training=self.training.combine(other.training),
            engagement=self.engagement.combine(other.engagement),
            elimination=self.elimination.combine(other.elimination),
            inspection=self.inspection.combine(other.inspection),
            inspector_pay=self.inspector_pay.combine(other.inspector_pay),
            rewards=self.rewards.combine(other.rewards),
            injuries=self.injuries.combine(other.injuries),
        )

    def finalize(self) -> KeyPoints:
        """The key points of every part combined, as `key_points` of them all gives them."""
        return _assembled(
            self.year,
            self.as_of,
            training=self.training.finalize(),
            engaged=self.engagement.finalize(),
            eliminated=self.elimination.finalize(),
            inspection=self.inspection.finalize(),
            pay=self.inspector_pay.finalize(),
            rewards=self.rewards.finalize(),
            injuries=self.injuries.finalize(),
        )


@checked
def key_points_partial(
    records: Records,
    *,
    year: Year,
    as_of: date,
    deadlines: EliminationDeadlines,
    inspector_pay_policy: InspectorPayPolicy,
    reward_policy: RewardPolicy,
    paid_on: date,
) -> KeyPointsPartial:
    """The tallies of `key_points` over ``records``, one part of the whole."""
    return KeyPointsPartial(
        year=year,
        as_of=as_of,
        training=training_coverage_partial(records, period=year, as_of=as_of),
        engagement=engagement_partial(records, period=year, as_of=as_of),
        elimination=elimination_partial(records, period=year, as_of=as_of, deadlines=deadlines),
        inspection=inspection_activity_partial(records, period=year),
        inspector_pay=inspector_pay_for_year_partial(
            records, year=year, policy=inspector_pay_policy
        ),
        rewards=reward_awards_partial(records, period=year, paid_on=paid_on, policy=reward_policy),
        injuries=injury_rates_partial(records, period=year, as_of=as_of),
    )


@checked
def key_points(
    records: Records,
    *,
    year: Year,
    as_of: date,
    deadlines: EliminationDeadlines,
    inspector_pay_policy: InspectorPayPolicy,
    reward_policy: RewardPolicy,
    paid_on: date,
) -> KeyPoints:
    """Evaluate every indicator and payout of ``year``.

    ``as_of`` is the day headcounts and states are taken (usually the year's
    last day); ``paid_on`` the day the rewards are paid.
    """
    return key_points_partial(
        records,
        year=year,
        as_of=as_of,
        deadlines=deadlines,
        inspector_pay_policy=inspector_pay_policy,
        reward_policy=reward_policy,
        paid_on=paid_on,
    ).finalize()


def _assembled(
    year: Year,
    as_of: date,
    *,
    training: TrainingCoverage,
    engaged: Engagement,
    eliminated: Elimination,
    inspection: InspectionActivity,
    pay: InspectorPayYear,
    rewards: RewardAwards,
    injuries: InjuryRates,
) -> KeyPoints:
    explanation = Explanation(
        (
            Step(description="production personnel trained", result=training.trained),
            Step(description="active users of the reporting system", result=engaged.active),
            Step(
                description="accepted reports eliminated on time", result=eliminated.reports.on_time
            ),
            Step(description="submissions issued", result=inspection.total.submissions),
            Step.of(
                description=_i18n.message("technical inspectors' pay for {year}", year=year),
                result=pay.total,
            ),
            Step(description="reward awards", result=rewards.total),
            Step(description="lost-time injury frequency", result=injuries.ltifr),
        )
    )
    return KeyPoints(
        year=year,
        as_of=as_of,
        training=training,
        engagement=engaged,
        elimination=eliminated,
        inspection=inspection,
        inspector_pay=pay,
        rewards=rewards,
        injuries=injuries,
        explanation=explanation,
    )


def _render(points: KeyPoints, lang: Language) -> list[str]:
    words = _Words(lang)
    as_of = _i18n.day(points.as_of, lang)
    return [
        words("Key points of {year} (as of {as_of})", year=points.year, as_of=as_of),
        *_training_lines(points, words),
        *_reporting_lines(points, words),
        *_inspector_lines(points, words),
        *_reward_lines(points, words),
        *_injury_lines(points, words, as_of),
    ]


@attrs.frozen
class _Words:
    """The key points' words and numbers in one language."""

    lang: Language

    def __call__(self, message: str, /, **values: object) -> str:
        return _i18n.text(self.lang, message, **values)

    def num(self, value: int | Decimal) -> str:
        return _i18n.number(value, self.lang)

    def count(self, count: int, message: str, plural: str | None = None) -> str:
        return _i18n.plural(self.lang, count, message, plural or message)


def _training_lines(points: KeyPoints, t: _Words) -> list[str]:
    training = points.training
    centre = training.of(TrainingFormat.TRAINING_CENTRE)
    visits = training.of(TrainingFormat.FIELD_VISIT)
    workplace = training.of(TrainingFormat.WORKPLACE)
    return [
        "",
        t("Safety-culture training (golden rule 6: qualification and competence)"),
        "  "
        + t(
            "at the training centre: {people} in {groups}",
            people=t.count(centre.people.part, "{n} employees"),
            groups=t.count(centre.groups, "{n} groups"),
        ),
        "  "
        + t(
            "in field visits: {people}; production departments visited: {departments}",
            people=t.count(visits.people.part, "{n} employees"),
            departments=training.departments_visited.render(t.lang),
        ),
        "  " + t("at workplaces: {people}", people=t.count(workplace.people.part, "{n} employees")),
        "  "
        + t(
            "trained in all: {share} of production personnel",
            share=training.trained.render(t.lang),
        ),
    ]


def _reporting_lines(points: KeyPoints, t: _Words) -> list[str]:
    engaged = points.engagement
    return [
        "",
        t("Reporting system (golden rule 7: participation; rule 2: hazards)"),
        "  "
        + t(
            "events and defects registered: {reports} ({events}, {defects}; {rejected} rejected)",
            reports=t.num(engaged.reports),
            events=t.count(engaged.events, "{n} event", "{n} events"),
            defects=t.count(engaged.defects, "{n} defect", "{n} defects"),
            rejected=t.num(engaged.rejected),
        ),
        "  "
        + t(
            "registered users: {share} of production personnel",
            share=engaged.registered.render(t.lang),
        ),
        "  "
        + t("active users: {share} of production personnel", share=engaged.active.render(t.lang)),
        "  " + points.elimination.reports.render(t.lang),
    ]


def _inspector_lines(points: KeyPoints, t: _Words) -> list[str]:
    inspection, pay = points.inspection, points.inspector_pay
    lines = [
        "",
        t("Technical inspectors (golden rules 4 and 5: safe systems, workplaces, equipment)"),
        "  "
        + t(
            "inspectors appointed: {inspectors}, of whom issuing submissions: {issuing}",
            inspectors=t.num(inspection.inspectors),
            issuing=t.num(inspection.issuing),
        ),
        "  " + inspection.total.render(t.lang),
        "  " + points.elimination.violations.render(t.lang),
        "  "
        + t(
            "submissions answered on time: {share}",
            share=points.elimination.submissions_answered.render(t.lang),
        ),
        "  "
        + t(
            "pay: {total} for the year at {rate} a quarter",
            total=pay.total.render(t.lang),
            rate=pay.quarters[0].rate.value.render(t.lang),
        ),
    ]
    for q in pay.quarters:
        # Those not appointed in the quarter have a line (and a reason) in the result,
        # but the report names only those who could have been paid.
        unpaid = [p.inspector for p in q.unpaid if p.is_appointed]
        not_paid = t("; not paid: {names}", names=", ".join(unpaid)) if unpaid else ""
        line = t(
            "{quarter}: {paid} paid, {total}",
            quarter=q.quarter.render(t.lang),
            paid=t.num(len(q.paid)),
            total=q.total.render(t.lang),
        )
        lines.append(f"    {line}{not_paid}")
    return lines


def _reward_lines(points: KeyPoints, t: _Words) -> list[str]:
    rewards = points.rewards
    wage = rewards.wage.value
    multipliers = Counter(a.multiplier for a in rewards.awards)
    by_multiplier = ", ".join(f"×{m}: {t.num(n)}" for m, n in sorted(multipliers.items()))
    lines = [
        "",
        t("Rewards for reporting (golden rule 7)"),
        "  "
        + t(
            "awards: {awards}, total {total} at {wage} (minimum wage on {date})",
            awards=t.num(len(rewards.awards)),
            total=rewards.total.render(t.lang),
            wage=wage.render(t.lang),
            date=_i18n.day(rewards.reference_date, t.lang),
        ),
        "  " + t("by multiplier: {multipliers}", multipliers=by_multiplier or t("none")),
    ]
    amounts = sorted({a.amount.amount for a in rewards.awards})
    if amounts:
        lines.append(
            "  "
            + t(
                "each between {low} and {high} {currency}",
                low=t.num(amounts[0]),
                high=t.num(amounts[-1]),
                currency=_i18n.currency_symbol(wage.currency, t.lang),
            )
        )
    return lines


def _injury_lines(points: KeyPoints, t: _Words, as_of: str) -> list[str]:
    days = points.injuries.days_without_injury
    return [
        "",
        t("Injuries (lagging indicators)"),
        *(f"  {rate.render(t.lang)}" for rate in points.injuries.rates),
        "  "
        + t(
            "days without a recordable injury on {date}: {days}",
            date=as_of,
            days=t("no recordable injury on record") if days is None else t.num(days),
        ),
    ]
