"""The key-points report, line by line, for a year where the figures differ from line to line.

Three reporters in three reward tiers (so the lowest, middle and highest awards differ),
two inspectors left unpaid in the same quarter, and an inspector rate that rises in the
second quarter: the report must show the first quarter's rate and list both names.
"""

from __future__ import annotations

from datetime import date, timedelta

from ohs_domain import EliminationDeadlines, KeyPoints, Year, key_points
from tests.rule_builders import (
    appointment,
    employee,
    money_schedule,
    pay_policy,
    records,
    reports_of,
    reward_policy,
    submission,
    violation,
)

EXPECTED = [
    "Key points of 2023 (as of 2023-12-31)",
    "",
    "Safety-culture training (golden rule 6: qualification and competence)",
    "  at the training centre: 0 employees in 0 groups",
    "  in field visits: 0 employees; production departments visited: 0 of 3 (0.0 %)",
    "  at workplaces: 0 employees",
    "  trained in all: 0 of 4 (0.0 %) of production personnel",
    "",
    "Reporting system (golden rule 7: participation; rule 2: hazards)",
    "  events and defects registered: 20 (20 events, 0 defects; 0 rejected)",
    "  registered users: 4 of 4 (100.0 %) of production personnel",
    "  active users: 3 of 4 (75.0 %) of production personnel",
    "  accepted safety reports: 0 of 20 eliminated; on time 0 of 20 (0.0 %); "
    "median undefined, 90th percentile undefined; 20 overdue",
    "",
    "Technical inspectors (golden rules 4 and 5: safe systems, workplaces, equipment)",
    "  inspectors appointed: 2, of whom issuing submissions: 1",
    "  all: 1 submissions on 1 violations (1.00 per submission)",
    "  violations found by technical inspectors: 0 of 1 eliminated; on time 0 of 1 (0.0 %); "
    "median undefined, 90th percentile undefined; 1 overdue",
    "  submissions answered on time: 0 of 1 (0.0 %)",
    "  pay: 15,000 KZT for the year at 15,000 KZT a quarter",
    "    2023-Q1: 1 paid, 15,000 KZT; not paid: P-2",
    "    2023-Q2: 0 paid, 0 KZT; not paid: P-1, P-2",
    "    2023-Q3: 0 paid, 0 KZT; not paid: P-1, P-2",
    "    2023-Q4: 0 paid, 0 KZT; not paid: P-1, P-2",
    "",
    "Rewards for reporting (golden rule 7)",
    "  awards: 3, total 1,260,000 KZT at 70,000 KZT (minimum wage on 2023-12-31)",
    "  by multiplier: ×3: 1, ×5: 1, ×10: 1",
    "  each between 210,000 and 700,000 KZT",
    "",
    "Injuries (lagging indicators)",
    "  LTIFR: undefined per 1,000,000 hours worked (0 cases × 1,000,000 ÷ 0 hours worked)",
    "  TRIFR: undefined per 1,000,000 hours worked (0 cases × 1,000,000 ÷ 0 hours worked)",
    "  TRIR: undefined per 200,000 hours worked (0 cases × 200,000 ÷ 0 hours worked)",
    "  DART: undefined per 200,000 hours worked (0 cases × 200,000 ÷ 0 hours worked)",
    "  ILO incidence rate: 0.00 per 1,000 average employees "
    "(0 cases × 1,000 ÷ 4 average employees)",
    "  Кч: 0.00 per 1,000 average employees (0 cases × 1,000 ÷ 4 average employees)",
    "  Кт: undefined (0 days lost ÷ 0 accidents)",
    "  days without a recordable injury on 2023-12-31: no recordable injury on record",
]


def year_of_three_reporters(p2_until: date = date(2025, 1, 1)) -> KeyPoints:
    """P-1 12 reports (x10), P-2 6 (x5), P-3 2 (x3); inspectors P-1 and P-2, one submission."""
    data = records(
        employees=[employee(f"P-{n}") for n in range(1, 5)],
        reports=[
            *reports_of("P-1", 12),
            *reports_of("P-2", 6, prefix="B"),
            *reports_of("P-3", 2, prefix="C"),
        ],
        inspector_appointments=[
            appointment("P-1", date(2022, 1, 1), date(2025, 1, 1)),
            appointment("P-2", date(2022, 1, 1), p2_until),
        ],
        violations=[violation("V-1", date(2023, 2, 1))],
        submissions=[submission("S-1", "P-1", date(2023, 2, 1), ["V-1"])],
    )
    return key_points(
        data,
        year=Year(2023),
        as_of=date(2023, 12, 31),
        deadlines=EliminationDeadlines(
            low=timedelta(days=30), medium=timedelta(days=7), high=timedelta(days=1)
        ),
        inspector_pay_policy=pay_policy(
            amount=money_schedule((date(2022, 1, 1), 15_000), (date(2023, 4, 1), 20_000))
        ),
        reward_policy=reward_policy(),
        paid_on=date(2024, 1, 20),
    )


def test_the_report_reads_exactly_as_expected() -> None:
    assert str(year_of_three_reporters()).split("\n") == EXPECTED


def test_the_pay_line_quotes_the_first_quarters_rate() -> None:
    # 15,000 in Q1; the rise to 20,000 from April must not be quoted for the year.
    assert "  pay: 15,000 KZT for the year at 15,000 KZT a quarter" in EXPECTED


def test_awards_span_the_lowest_to_the_highest_of_three_amounts() -> None:
    # 2 reports: 3 x 70,000; 6: 5 x 70,000 = 350,000 (the middle one); 12: 10 x 70,000.
    assert "  each between 210,000 and 700,000 KZT" in EXPECTED


def test_an_inspector_whose_term_ended_is_not_named_as_unpaid_after_it() -> None:
    # P-2's term ended on 1 July: the result keeps P-2's Q3 and Q4 lines (NotAppointed),
    # the report names only the inspectors who could have been paid.
    points = year_of_three_reporters(p2_until=date(2023, 7, 1))
    lines = str(points).split("\n")

    assert "    2023-Q2: 0 paid, 0 KZT; not paid: P-1, P-2" in lines
    assert "    2023-Q3: 0 paid, 0 KZT; not paid: P-1" in lines
    q3 = points.inspector_pay.quarters[2]
    assert [line.inspector for line in q3.unpaid] == ["P-1", "P-2"]
