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
from datetime import date
from typing import Final

from ohs_domain._periods import DateRange
from ohs_domain._records import Records
from ohs_domain._reporting import ReportKind, ReportStatus, SafetyReport
from ohs_domain._workforce import Employee, EmployeeId

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
        index = records._index
        self.reports: tuple[SafetyReport, ...] = index.reports.items
        self.days = [day.toordinal() for day in index.reports.days]
        slot, accepted, rejected = _decided(records, position)
        order = index.report_order  # the bundle's positions in time order
        self.slot: list[int] = [slot[n] for n in order]
        self.accepted: list[int] = [accepted[n] for n in order]
        self.rejected: list[int] = [rejected[n] for n in order]

    def span(self, days: DateRange) -> slice:
        """The positions of the reports registered on ``days``."""
        start = bisect_left(self.days, days.start.toordinal())
        return slice(start, bisect_left(self.days, days.end.toordinal(), lo=start))


def _decided(
    records: Records, position: dict[EmployeeId, int]
) -> tuple[list[int], list[int], list[int]]:
    """Each report's slot, accepted day and rejected day (ordinals), in the bundle's order.

    Read in the bundle's (id) order, each once, from the bundle's own days
    of each change of status: the ones
    [`Records.reports_as_of`][ohs_domain.Records.reports_as_of] decides by. A report
    counts as accepted (rejected) on a day when it was accepted (rejected) on or before
    it, here an integer comparison of the same days.
    """
    width = len(KINDS)
    slot: list[int] = []
    accepted: list[int] = []
    rejected: list[int] = []
    for report, days in zip(records.safety_reports, records._index.change_days, strict=True):
        slot.append(position[report.reporter] * width + _CODE[report.kind._value_])
        accepted_on = rejected_on = NEVER
        for change, day in zip(report.history, days, strict=True):
            if change.status is ReportStatus.ACCEPTED:
                accepted_on = day.toordinal()
            elif change.status is ReportStatus.REJECTED:
                rejected_on = day.toordinal()
        accepted.append(accepted_on)
        rejected.append(rejected_on)
    return slot, accepted, rejected


def report_index(records: Records) -> ReportIndex:
    """The compact index of ``records``' reports, built on first use and kept with them."""
    index: ReportIndex | None = records._report_index
    if index is None:
        index = ReportIndex(records)
        object.__setattr__(records, "_report_index", index)
    return index
