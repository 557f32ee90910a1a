"""The 2023 showcase: the seed company's key points, computed from its records.

Builds the deterministic synthetic data set of a company consistent with the
seed (``ohs_domain.demo``), then prints the key points of 2023, the same
figures against 2022 (2,972 events and defects then, 8,436 in 2023), the technical
inspectors' pay per quarter and for the year at 15,000 KZT a quarter, and the
reward awards under a 3..10 minimum-wage tier policy at the 2023 minimum wage,
with what the same awards would cost at the 2024 minimum wage.

Run it with ``python3 examples/showcase_2023.py``; its output is checked in
beside it (``showcase_2023.txt``) and compared by the test suite.
``--lang ru`` or ``--lang kk`` prints all of it, the comparison with 2022
included, in Russian or Kazakh (``showcase_2023.ru.txt``,
``showcase_2023.kk.txt``): each line is a ``Message`` (an English message id
and its values) rendered in the language asked.
"""

import argparse
from collections import Counter
from datetime import date

from ohs_domain import KeyPoints, Message, Year, key_points, kz, year_over_year
from ohs_domain.demo import (
    ELIMINATION_DEADLINES,
    INSPECTOR_PAY_POLICY,
    REWARD_POLICY,
    build_records,
)

parser = argparse.ArgumentParser(description="The seed company's key points of 2023.")
parser.add_argument("--lang", choices=["en", "ru", "kk"], default="en")
lang = parser.parse_args().lang


def say(words: str, plural: str | None = None, **values: object) -> str:
    """The message ``words`` with its ``values``, in the language asked."""
    return Message(words, tuple(values.items()), plural).render(lang)


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
print(points.render(lang))
print()
print(against_2022.render(lang))

print()
print(say("Technical inspectors' pay"))
pay = points.inspector_pay
for quarter in pay.quarters:
    paid = say(
        "{quarter}: {paid} of {appointed} paid, {total}",
        quarter=quarter.quarter,
        paid=len(quarter.paid),
        appointed=len(quarter.appointed),
        total=quarter.total,
    )
    print(f"  {paid}")
    for line in quarter.unpaid:
        print(
            "  "
            + say(
                "  not paid: {inspector}: {reasons}", inspector=line.inspector, reasons=line.reasons
            )
        )
appointed = sum(len(quarter.appointed) for quarter in pay.quarters)
ceiling = INSPECTOR_PAY_POLICY.amount.at(year.last_day) * appointed
print(
    "  "
    + say("{period}: {total} (ceiling {ceiling})", period=year, total=pay.total, ceiling=ceiling)
)

print()
rewards = points.rewards
at_2024 = rewards.repriced(on=date(2024, 1, 25), wage=kz.MINIMUM_WAGE)
print(
    say(
        "Reward awards at the {year} minimum wage ({wage})",
        year=str(rewards.reference_date.year),
        wage=rewards.wage.value,
    )
)
by_multiplier = Counter(a.multiplier for a in rewards.awards)
for multiplier, count in sorted(by_multiplier.items(), reverse=True):
    each = rewards.wage.value * multiplier
    tier = say(
        "×{multiplier} {amount} each: {pad}{n} employees, {total}",
        "×{multiplier} {amount} each: {pad}{n} employees, {total}",
        multiplier=f"{multiplier:<2}",
        amount=each,
        pad=" " * (3 - len(str(count))),
        n=count,
        total=each * count,
    )
    print(f"  {tier}")
awarded = say(
    "total: {n} awards, {total}",
    "total: {n} awards, {total}",
    n=len(rewards.awards),
    total=rewards.total,
)
print(f"  {awarded}")
print(
    "  "
    + say(
        "the same awards at the {year} minimum wage ({wage}): {total}",
        year="2024",
        wage=at_2024.wage.value,
        total=at_2024.total,
    )
)
print("  " + say("difference: {amount}", amount=at_2024.total - rewards.total))
print()
print(say("Top reporters"))
for award in rewards.awards[:5]:
    print(
        say(
            "  {rank}. {employee}: score {score}, ×{multiplier}, {amount}",
            rank=f"{award.rank:>2}",
            employee=award.employee,
            score=str(award.score),
            multiplier=str(award.multiplier),
            amount=award.amount,
        )
    )
print()
first = rewards.awards[0]
print(say("Why {employee} receives {amount}:", employee=first.employee, amount=first.amount))
print(rewards.explain(first.employee).render(lang))
