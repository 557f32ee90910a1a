"""A compact index of a bundle's safety reports, built once, for rules that tally thousands.

The reward rule reads every report of a period: who reported it, its kind, the
day it was registered, accepted and rejected. As objects, those facts cost an
attribute look-up, a date comparison and a tuple each; here they are columns
of small integers in time order (days as ordinals), so a period is one slice
and scoring is integer arithmetic. `report_index` builds the index on first
use and keeps it on the bundle.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import date
from typing import Final

from ohs_domain._periods import DateRange
from ohs_domain._records import Records
from ohs_domain._reporting import ReportKind, ReportStatus, SafetyReport
from ohs_domain._workforce import Employee

KINDS: Final = tuple(sorted(ReportKind))
"""Report kinds by code: a kind's code is its position, in the order breakdowns list them."""
NEVER: Final = date.max.toordinal() + 1
"""The day number of a decision never taken: later than every day."""
_CODE: Final = {kind.value: code for code, kind in enumerate(KINDS)}


class ReportIndex:
    """The bundle's reports in time order as integer columns, and its people by position.

    Attributes:
        employees: The bundle's employees, by personnel number (a person's position
            is their number in the columns).
        production: Whether each employee belongs to production personnel.
        reports: The reports in time order.
        days: Each report's local day, as an ordinal.
        slot: Each report's reporter and kind as one number: the reporter's
            position × the number of kinds + the kind's code (``KINDS``).
        accepted: The day each report was accepted, as an ordinal; ``NEVER`` if not.
        rejected: The day each report was rejected, as an ordinal; ``NEVER`` if not.
    """

    __slots__ = (
        "accepted",
        "days",
        "employees",
        "production",
        "rejected",
        "reports",
        "slot",
    )

    def __init__(self, records: Records) -> None:
        self.employees: tuple[Employee, ...] = records.employees
        position = {e.id: number for number, e in enumerate(self.employees)}
        self.production = tuple(records._is_production(e) for e in self.employees)
        local_days, decided = _time_ordered(records)
        self.days = [day.toordinal() for day in local_days]
        reports: list[SafetyReport] = []
        self.slot: list[int] = []
        self.accepted: list[int] = []
        self.rejected: list[int] = []
        width = len(KINDS)
        # One pass, each report read once: the reports lie scattered over a large heap.
        for report, accepted, rejected in decided:
            reports.append(report)
            self.slot.append(position[report.reporter] * width + _CODE[report.kind._value_])
            self.accepted.append(NEVER if accepted is None else accepted.toordinal())
            self.rejected.append(NEVER if rejected is None else rejected.toordinal())
        self.reports = tuple(reports)

    def span(self, days: DateRange) -> slice:
        """The positions of the reports registered on ``days``."""
        start = bisect_left(self.days, days.start.toordinal())
        return slice(start, bisect_left(self.days, days.end.toordinal(), lo=start))


def _time_ordered(
    records: Records,
) -> tuple[Sequence[date], Sequence[tuple[SafetyReport, date | None, date | None]]]:
    """Every report in time order with its local day, accepted day and rejected day.

    Read from the bundle's own index, whose days of each change of status are the
    ones [`Records.reports_as_of`][ohs_domain.Records.reports_as_of] decides by: a
    report counts as accepted (rejected) on a day when it was accepted (rejected) on
    or before it, here an integer comparison of the same days.
    """
    index = records._index
    decided = []
    for report, days in zip(index.reports.items, index.report_change_days, strict=True):
        accepted = rejected = None
        for change, day in zip(report.history, days, strict=True):
            if change.status is ReportStatus.ACCEPTED:
                accepted = day
            elif change.status is ReportStatus.REJECTED:
                rejected = day
        decided.append((report, accepted, rejected))
    return index.reports.days, decided


def report_index(records: Records) -> ReportIndex:
    """The compact index of ``records``' reports, built on first use and kept with them."""
    index: ReportIndex | None = records._report_index
    if index is None:
        index = ReportIndex(records)
        object.__setattr__(records, "_report_index", index)
    return index
