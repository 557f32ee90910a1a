"""Occupational health and safety rules of a Vision Zero programme: typed, exact, explained.

The public API is re-exported here; modules whose names start with ``_`` are private.
"""

from ohs_domain._effective import Entry, Schedule, Source
from ohs_domain._errors import (
    CurrencyMismatchError,
    IllegalTransitionError,
    InvalidDataError,
    InvalidValueError,
    NoValueInForceError,
    OhsDomainError,
    Problem,
)
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._money import ROUNDING, Money
from ohs_domain._periods import DateRange, Month, Quarter, Year, local_date

__all__ = [
    "ROUNDING",
    "CurrencyMismatchError",
    "DateRange",
    "Entry",
    "Explanation",
    "Fact",
    "IllegalTransitionError",
    "InvalidDataError",
    "InvalidValueError",
    "Money",
    "Month",
    "NoValueInForceError",
    "OhsDomainError",
    "Problem",
    "Quarter",
    "Schedule",
    "Source",
    "Step",
    "Year",
    "local_date",
]
