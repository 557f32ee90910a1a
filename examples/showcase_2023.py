"""The 2023 showcase: the seed company's key points, computed from its records.

Builds the deterministic synthetic data set of a company consistent with the
seed (``ohs_domain.demo``), then prints the key points of 2023, the same
figures against 2022 (2,972 events and defects then, 8,436 in 2023), the technical
inspectors' pay per quarter and for the year at 15,000 KZT a quarter, and the
reward awards under a 3..10 minimum-wage tier policy at the 2023 minimum wage,
with what the same awards would cost at the 2024 minimum wage.

Run it with ``python3 examples/showcase_2023.py``; its output is checked in
beside it (``showcase_2023.txt``) and compared by the test suite.
``--lang ru`` or ``--lang kk`` prints the key points and the comparison with
2022 in Russian or Kazakh (``showcase_2023.ru.txt``, ``showcase_2023.kk.txt``);
the sections after them are English only for now.
"""

import argparse
import sys
from collections import Counter
from datetime import date

from ohs_domain import KeyPoints, Year, key_points, kz, year_over_year
from ohs_domain.demo import (
    ELIMINATION_DEADLINES,
    INSPECTOR_PAY_POLICY,
    REWARD_POLICY,
    build_records,
)

parser = argparse.ArgumentParser(description="The seed company's key points of 2023.")
parser.add_argument("--lang", choices=["en", "ru", "kk"], default="en")
lang = parser.parse_args().lang

records = build_records()
year = Year(2023)


def points_of(year: Year) -> KeyPoints:
    """The key points of ``year``, the rewards paid on 25 January after it."""
    return key_points(
        records,
        year=year,
        as_of=year.last_day,
        deadlines=ELIMINATION_DEADLINES,
        inspector_pay_policy=INSPECTOR_PAY_POLICY,
        reward_policy=REWARD_POLICY,
        paid_on=date(year.value + 1, 1, 25),
    )


points = points_of(year)
against_2022 = year_over_year(points_of(year.previous()), later=points)
if lang != "en":
    print(points.render(lang))
    print()
    print(against_2022.render(lang))
    sys.exit()
print(points)
print()
print(against_2022)

print()
print("Technical inspectors' pay")
pay = points.inspector_pay
for quarter in pay.quarters:
    paid = f"{len(quarter.paid):>2} of {len(quarter.appointed)} paid"
    print(f"  {quarter.quarter}: {paid}, {quarter.total}")
    for line in quarter.unpaid:
        print(f"    not paid: {line.inspector}: {'; '.join(map(str, line.reasons))}")
appointed = sum(len(quarter.appointed) for quarter in pay.quarters)
ceiling = INSPECTOR_PAY_POLICY.amount.at(year.last_day) * appointed
print(f"  {year}: {pay.total} (ceiling {ceiling})")

print()
rewards = points.rewards
at_2024 = rewards.repriced(on=date(2024, 1, 25), wage=kz.MINIMUM_WAGE)
print(f"Reward awards at the {rewards.reference_date.year} minimum wage ({rewards.wage.value})")
by_multiplier = Counter(a.multiplier for a in rewards.awards)
for multiplier, count in sorted(by_multiplier.items(), reverse=True):
    print(
        f"  ×{multiplier:<2} {rewards.wage.value * multiplier} each: {count:>3} employees, "
        f"{rewards.wage.value * multiplier * count}"
    )
print(f"  total: {len(rewards.awards)} awards, {rewards.total}")
print(f"  the same awards at the 2024 minimum wage ({at_2024.wage.value}): {at_2024.total}")
print(f"  difference: {at_2024.total - rewards.total}")
print()
print("Top reporters")
for award in rewards.awards[:5]:
    print(
        f"  {award.rank:>2}. {award.employee}: score {award.score}, "
        f"×{award.multiplier}, {award.amount}"
    )
print()
print(f"Why {rewards.awards[0].employee} receives {rewards.awards[0].amount}:")
print(rewards.explain(rewards.awards[0].employee))
