"""Key points of a year: every indicator and payout in one result, rendered as text.

[`key_points`][ohs_domain.key_points] reproduces the seed's annual summary
from the records: training by format, engagement in the reporting system,
elimination, the inspectors' activity and pay, the reward awards and the
injury rates, each placed under the Vision Zero golden rule it serves.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import attrs

from ohs_domain._arguments import checked
from ohs_domain._indicators import (
    Elimination,
    Engagement,
    InjuryRates,
    InspectionActivity,
    TrainingCoverage,
    elimination,
    engagement,
    injury_rates,
    inspection_activity,
    training_coverage,
)
from ohs_domain._inspector_pay import InspectorPayPolicy, InspectorPayYear, inspector_pay_for_year
from ohs_domain._periods import Year
from ohs_domain._records import Records
from ohs_domain._reporting import EliminationDeadlines
from ohs_domain._rewards import RewardAwards, RewardPolicy, reward_awards
from ohs_domain._training import TrainingFormat

__all__ = ["KeyPoints", "key_points"]


@attrs.frozen(kw_only=True)
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
    """

    year: Year
    as_of: date
    training: TrainingCoverage
    engagement: Engagement
    elimination: Elimination
    inspection: InspectionActivity
    inspector_pay: InspectorPayYear
    rewards: RewardAwards
    injuries: InjuryRates

    def __str__(self) -> str:
        return "\n".join(_render(self))


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
    return KeyPoints(
        year=year,
        as_of=as_of,
        training=training_coverage(records, period=year, as_of=as_of),
        engagement=engagement(records, period=year, as_of=as_of),
        elimination=elimination(records, period=year, as_of=as_of, deadlines=deadlines),
        inspection=inspection_activity(records, period=year),
        inspector_pay=inspector_pay_for_year(records, year=year, policy=inspector_pay_policy),
        rewards=reward_awards(records, period=year, paid_on=paid_on, policy=reward_policy),
        injuries=injury_rates(records, period=year, as_of=as_of),
    )


def _render(points: KeyPoints) -> list[str]:
    training, engaged = points.training, points.engagement
    centre = training.of(TrainingFormat.TRAINING_CENTRE)
    visits = training.of(TrainingFormat.FIELD_VISIT)
    workplace = training.of(TrainingFormat.WORKPLACE)
    inspection, pay, rewards = points.inspection, points.inspector_pay, points.rewards
    multipliers = Counter(a.multiplier for a in rewards.awards)
    amounts = sorted({a.amount.amount for a in rewards.awards})
    lines = [
        f"Key points of {points.year} (as of {points.as_of})",
        "",
        "Safety-culture training (golden rule 6: qualification and competence)",
        f"  at the training centre: {centre.people.part:,} employees in {centre.groups:,} groups",
        f"  in field visits: {visits.people.part:,} employees; production departments visited: "
        f"{training.departments_visited}",
        f"  at workplaces: {workplace.people.part:,} employees",
        f"  trained in all: {training.trained} of production personnel",
        "",
        "Reporting system (golden rule 7: participation; rule 2: hazards)",
        f"  events and defects registered: {engaged.reports:,} "
        f"({engaged.events:,} events, {engaged.defects:,} defects; {engaged.rejected:,} rejected)",
        f"  registered users: {engaged.registered} of production personnel",
        f"  active users: {engaged.active} of production personnel",
        f"  {points.elimination.reports}",
        "",
        "Technical inspectors (golden rules 4 and 5: safe systems, workplaces, equipment)",
        f"  inspectors appointed: {inspection.inspectors:,}, "
        f"of whom issuing submissions: {inspection.issuing:,}",
        f"  {inspection.total}",
        f"  {points.elimination.violations}",
        f"  submissions answered on time: {points.elimination.submissions_answered}",
        f"  pay: {pay.total} for the year at {pay.quarters[0].rate.value} a quarter",
    ]
    lines.extend(
        f"    {q.quarter}: {len(q.paid):,} paid, {q.total}"
        + (f"; not paid: {', '.join(p.inspector for p in q.unpaid)}" if q.unpaid else "")
        for q in pay.quarters
    )
    lines += [
        "",
        "Rewards for reporting (golden rule 7)",
        f"  awards: {len(rewards.awards):,}, total {rewards.total} at {rewards.wage.value} "
        f"(minimum wage on {rewards.reference_date})",
        "  by multiplier: "
        + (", ".join(f"×{m}: {n:,}" for m, n in sorted(multipliers.items())) or "none"),
    ]
    if amounts:
        currency = rewards.wage.value.currency
        lines.append(f"  each between {amounts[0]:,} and {amounts[-1]:,} {currency}")
    lines += ["", "Injuries (lagging indicators)"]
    lines.extend(f"  {rate}" for rate in points.injuries.rates)
    days = points.injuries.days_without_injury
    lines.append(
        f"  days without a recordable injury on {points.as_of}: "
        + ("no recordable injury on record" if days is None else f"{days:,}")
    )
    return lines
