"""A first look at ohs_domain: the values every rule stands on.

Run it with ``python3 examples/showcase_2023.py``; its output is checked in
beside it (``showcase_2023.txt``) and compared by the test suite.
"""

from datetime import date, datetime
from decimal import Decimal

from ohs_domain import Money, Quarter, Year, kz

quarterly_pay = Money(Decimal(15_000))
inspectors = 21
print(f"Inspector pay ceiling for 2023: {quarterly_pay * inspectors * 4}")

wage_2023 = kz.MINIMUM_WAGE.entry_at(date(2023, 12, 31))
wage_2024 = kz.MINIMUM_WAGE.at(date(2024, 1, 1))
print(f"Minimum wage on 2023-12-31: {wage_2023.value} ({wage_2023.source})")
print(
    f"Reward range 3..10 minimum wages at 2023 wage: {wage_2023.value * 3} .. {wage_2023.value * 10}"
)
print(f"Reward range 3..10 minimum wages at 2024 wage: {wage_2024 * 3} .. {wage_2024 * 10}")

late_report = datetime(2023, 12, 31, 23, 30, tzinfo=kz.ALMATY)
print(
    f"A report at {late_report.isoformat()} falls in {Quarter.containing_moment(late_report, kz.ALMATY)}"
)
print("Quarters of 2023:", ", ".join(str(q) for q in Year(2023).quarters()))
