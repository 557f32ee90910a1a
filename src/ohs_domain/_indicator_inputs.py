"""What the indicators share: the reference date's check, the production staff, "nothing found".

Shares and rates keep exact fractions and are *undefined*, never 0, when their
denominator is empty; an explanation says so in words rather than leave only zeros.
"""

from __future__ import annotations

from datetime import date

from ohs_domain._errors import InvalidValueError
from ohs_domain._explain import Step
from ohs_domain._i18n import Message, message
from ohs_domain._periods import DateRange
from ohs_domain._records import Records
from ohs_domain._workforce import Employee


def nothing_found(found: int, description: Message) -> tuple[Step, ...]:
    """A step saying nothing was found, when ``found`` is 0: never only zeros to read."""
    return () if found else (Step.of(description=description, result=None),)


def stats(line: object) -> Message:
    """A line of figures as a step's result: shown by its own ``render(lang)``."""
    # str() is its English line.
    return message("{value}", value=line)


def on_staff(as_of: date) -> Message:
    """The description of the step counting the production staff on ``as_of``."""
    return message("production personnel on staff on {day}", day=as_of)


def production_staff(records: Records, as_of: date) -> list[Employee]:
    """Production personnel on staff on ``as_of``: the population of coverage and engagement."""
    return [e for e in records.production_employees() if e._on_staff(as_of)]


def check_as_of(days: DateRange, as_of: date) -> None:
    """Refuse an ``as_of`` before the period, or too late for the calendar to follow."""
    if as_of < days.start:
        raise InvalidValueError(
            "as_of", as_of, f"a day on or after the period's start ({days.start})"
        )
    if as_of >= _LAST_AS_OF:
        raise InvalidValueError("as_of", as_of, f"a day before {_LAST_AS_OF}")


_LAST_AS_OF = date(9998, 12, 31)  # the day after as_of must still be a date
