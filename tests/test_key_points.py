"""Key points of a year: every indicator and payout of a small hand-built company, as text."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from ohs_domain import (
    EliminationDeadlines,
    InjurySeverity,
    InspectorPayPolicy,
    KeyPoints,
    PartialQuarter,
    Records,
    ReportKind,
    TrainingFormat,
    Year,
    key_points,
    serialization,
)
from tests.builders import (
    appointment,
    at,
    employee,
    injury,
    monthly_hours,
    pay_policy,
    records,
    report,
    reports_of,
    reward_policy,
    session,
    submission,
    violation,
    year_of_three_reporters,
)

YEAR = Year(2023)
END_OF_2023 = date(2023, 12, 31)
DEADLINES = EliminationDeadlines(
    low=timedelta(days=30), medium=timedelta(days=7), high=timedelta(days=1)
)


@pytest.fixture(scope="module")
def company() -> Records:
    """Four production employees (P-1 also a technical inspector from 15 February) and an office.

    Training: P-1 and P-2 at the centre (one group), P-3 on a field visit to D-2,
    P-4 at the workplace. Reports: P-1 12 accepted, P-2 3 accepted, P-3 1 rejected.
    One submission on one violation, answered on time. 1,000 hours a month; one
    lost-time injury on 5 May (18 days lost).
    """
    staff = [employee(f"P-{n}", department="D-1" if n <= 2 else "D-2") for n in range(1, 5)]
    staff.append(employee("H-1", department="HQ"))
    centre, visit = TrainingFormat.TRAINING_CENTRE, TrainingFormat.FIELD_VISIT
    return records(
        employees=staff,
        trainers=["T-1"],
        training_sessions=[
            session("TC-1", centre, date(2023, 3, 1), ["P-1", "P-2"], group="G-1"),
            session("FV-1", visit, date(2023, 11, 10), ["P-3"], department="D-2"),
            session("WP-1", TrainingFormat.WORKPLACE, date(2023, 12, 5), ["P-4"]),
        ],
        reports=[
            *reports_of("P-1", 12),
            *reports_of("P-2", 3),
            report("R-1", "P-3", at(2023, 6, 1), rejected=at(2023, 6, 2)),
        ],
        inspector_appointments=[
            appointment("P-1", date(2023, 2, 15), date(2025, 1, 1), trained_on=date(2023, 1, 20))
        ],
        violations=[violation("V-1", date(2023, 3, 1), eliminated_on=date(2023, 3, 6))],
        submissions=[
            submission(
                "S-1",
                "P-1",
                date(2023, 3, 1),
                ["V-1"],
                respond_by=date(2023, 3, 15),
                answered_on=date(2023, 3, 10),
            )
        ],
        hours_worked=monthly_hours(2023, 1_000),
        injuries=[
            injury("I-1", date(2023, 5, 5), InjurySeverity.LOST_TIME, worker="P-4", days_lost=18)
        ],
    )


@pytest.fixture(scope="module")
def points(company: Records) -> KeyPoints:
    return points_of_2023(company, pay=pay_policy(partial_quarter=PartialQuarter.PRO_RATA))


def test_key_points_gather_every_indicator_of_the_year(points: KeyPoints) -> None:
    assert (points.year, points.as_of) == (YEAR, END_OF_2023)
    assert points.training.period == YEAR.range
    assert points.engagement.min_reports == 1
    assert points.elimination.as_of == END_OF_2023
    assert points.inspection.total.submissions == 1
    assert [q.quarter for q in points.inspector_pay.quarters] == list(YEAR.quarters())
    assert points.rewards.reference_date == END_OF_2023
    assert points.injuries.hours == Decimal(12_000)


def test_rendering_shows_the_figures(points: KeyPoints) -> None:
    text = str(points)

    # Each line worked out from the fixture's docstring; see the comments.
    expected = [
        "Key points of 2023 (as of 2023-12-31)",
        "Safety-culture training (golden rule 6: qualification and competence)",
        "  at the training centre: 2 employees in 1 groups",
        # D-2 visited of D-1, D-2 and D-3.
        "  in field visits: 1 employees; production departments visited: 1 of 3 (33.3 %)",
        "  at workplaces: 1 employees",
        "  trained in all: 4 of 4 (100.0 %) of production personnel",
        # 12 + 3 + 1 reports, all near misses.
        "  events and defects registered: 16 (16 events, 0 defects; 1 rejected)",
        "  registered users: 4 of 4 (100.0 %) of production personnel",
        # P-3's only report was rejected; P-4 never reported.
        "  active users: 2 of 4 (50.0 %) of production personnel",
        "  inspectors appointed: 1, of whom issuing submissions: 1",
        "  all: 1 submissions on 1 violations (1.00 per submission)",
        "  submissions answered on time: 1 of 1 (100.0 %)",
        # Appointed 15 February: 45 of Q1's 90 days, 15,000 × 45 ÷ 90; no submission later.
        "  pay: 7,500.00 KZT for the year at 15,000 KZT a quarter",
        "    2023-Q1: 1 paid, 7,500.00 KZT",
        "    2023-Q2: 0 paid, 0 KZT; not paid: P-1",
        "    2023-Q4: 0 paid, 0 KZT; not paid: P-1",
        # P-1 scores 12 (×10), P-2 3 (×3) at the 2023 wage of 70,000.
        "  awards: 2, total 910,000 KZT at 70,000 KZT (minimum wage on 2023-12-31)",
        "  by multiplier: ×3: 1, ×10: 1",
        "  each between 210,000 and 700,000 KZT",
        # 1 × 1,000,000 ÷ 12,000 hours.
        "  LTIFR: 83.33 per 1,000,000 hours worked (1 case × 1,000,000 ÷ 12,000 hours worked)",
        "  Кт: 18.00 (18 days lost ÷ 1 accidents)",
        # 26 days of May after the 5th, then June to December (214 days).
        "  days without a recordable injury on 2023-12-31: 240",
    ]
    lines = text.split("\n")
    for line in expected:
        assert line in lines


def points_of_2023(data: Records, *, pay: InspectorPayPolicy | None = None) -> KeyPoints:
    """The key points of 2023 under ``pay`` (the builders' policy by default), paid 20 Jan."""
    return key_points(
        data,
        year=YEAR,
        as_of=END_OF_2023,
        deadlines=DEADLINES,
        inspector_pay_policy=pay or pay_policy(),
        reward_policy=reward_policy(),
        paid_on=date(2024, 1, 20),
    )


def test_rendering_without_awards_injuries_or_unpaid_quarters() -> None:
    # One inspector active in every quarter; no one reports; no injury.
    issues = [date(2023, 2, 1), date(2023, 5, 1), date(2023, 8, 1), date(2023, 11, 1)]
    data = records(
        employees=[employee("P-1")],
        inspector_appointments=[appointment("P-1", date(2022, 1, 1), date(2025, 1, 1))],
        violations=[violation(f"V-{n}", day) for n, day in enumerate(issues)],
        submissions=[submission(f"S-{n}", "P-1", day, [f"V-{n}"]) for n, day in enumerate(issues)],
    )

    text = str(points_of_2023(data))

    lines = text.split("\n")
    assert "  by multiplier: none" in lines
    assert not any(line.startswith("  each between") for line in lines)
    assert "    2023-Q3: 1 paid, 15,000 KZT" in lines
    assert "not paid" not in text
    assert "  pay: 60,000 KZT for the year at 15,000 KZT a quarter" in lines
    assert "  days without a recordable injury on 2023-12-31: no recordable injury on record" in (
        lines
    )
    assert "  LTIFR: undefined per 1,000,000 hours worked" in text


def test_key_points_round_trip(points: KeyPoints) -> None:
    assert serialization.load(serialization.dump(points), KeyPoints) == points


# --- The report, line by line, for a year where every figure differs -----------------------------
#
# Three reporters in three reward tiers (so the lowest, middle and highest awards differ),
# two inspectors left unpaid in the same quarter, and an inspector rate that rises in the
# second quarter: the report must show the first quarter's rate and list both names.

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


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        pytest.param("ru", "  каждое от 210\u00a0000 до 700\u00a0000 KZT", id="russian-keeps-KZT"),
        pytest.param("kk", "  әрқайсысы 210\u00a0000 – 700\u00a0000 ₸", id="kazakh-writes-tenge"),
    ],
)
def test_the_award_amounts_read_in_the_languages_own_numbers_and_currency(
    lang: str, line: str
) -> None:
    assert line in year_of_three_reporters().render(lang).split("\n")  # type: ignore[arg-type]


def test_one_event_and_one_defect_are_counted_in_the_singular() -> None:
    data = records(
        employees=[employee("P-1")],
        reports=[
            report("R-1", "P-1", at(2023, 3, 1)),
            report("R-2", "P-1", at(2023, 3, 2), kind=ReportKind.EQUIPMENT_DEFECT),
        ],
    )
    assert "  events and defects registered: 2 (1 event, 1 defect; 0 rejected)" in str(
        points_of_2023(data)
    ).split("\n")


def test_the_explanation_names_each_headline_figure_of_the_report() -> None:
    # The same figures as EXPECTED's lines, one step each.
    assert str(year_of_three_reporters().explanation).split("\n") == [
        "1. production personnel trained: 0 of 4 (0.0 %)",
        "2. active users of the reporting system: 3 of 4 (75.0 %)",
        "3. accepted reports eliminated on time: 0 of 20 (0.0 %)",
        "4. submissions issued: 1",
        "5. technical inspectors' pay for 2023: 15,000 KZT",
        "6. reward awards: 1,260,000 KZT",
        "7. lost-time injury frequency: LTIFR: undefined per 1,000,000 hours worked "
        "(0 cases × 1,000,000 ÷ 0 hours worked)",
    ]


def test_the_rows_are_the_reports_headline_figures_in_long_form() -> None:
    # (section, measure, part, whole, amount, currency, value): EXPECTED's figures as data.
    assert [tuple(row.values()) for row in year_of_three_reporters().rows()] == [
        ("training", "trained", 0, 4, None, None, None),
        ("engagement", "registered", 4, 4, None, None, None),
        ("engagement", "active", 3, 4, None, None, None),
        ("engagement", "reports", 20, None, None, None, None),
        ("elimination", "reports_on_time", 0, 20, None, None, None),
        ("elimination", "violations_on_time", 0, 1, None, None, None),
        ("elimination", "submissions_answered", 0, 1, None, None, None),
        ("inspection", "submissions", 1, None, None, None, None),
        ("inspection", "violations", 1, None, None, None, None),
        ("inspector_pay", "total", None, None, "15000", "KZT", None),
        ("rewards", "awards", 3, None, None, None, None),
        ("rewards", "total", None, None, "1260000", "KZT", None),
        ("injuries", "LTIFR", None, None, None, None, None),
        ("injuries", "TRIFR", None, None, None, None, None),
        ("injuries", "TRIR", None, None, None, None, None),
        ("injuries", "DART", None, None, None, None, None),
        ("injuries", "ILO incidence rate", None, None, None, None, "0.00"),
        ("injuries", "Кч", None, None, None, None, "0.00"),
        ("injuries", "Кт", None, None, None, None, None),
    ]
    assert list(year_of_three_reporters().rows()[0]) == list(KeyPoints.COLUMNS)
