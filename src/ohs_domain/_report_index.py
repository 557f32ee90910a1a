"""A compact index of a bundle's safety reports, built once, for rules that tally thousands.

The reward, engagement and elimination rules read every report of a period: who
reported it, its kind and risk, the day it was registered, accepted, rejected
and eliminated, and how long elimination took. As objects, those facts cost an
attribute look-up, a date comparison and a tuple each, and at scale a read of
memory far from the last one; here they are columns in time order (days as
ordinals), so a period is one slice and a tally is integer arithmetic over it.
`report_index` builds the index on first use and keeps it on the bundle.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, datetime
from typing import Final

from ohs_domain._periods import DateRange
from ohs_domain._records import Records
from ohs_domain._reporting import ReportKind, ReportStatus, RiskLevel, SafetyReport
from ohs_domain._workforce import Employee, EmployeeId

KINDS: Final = tuple(sorted(ReportKind))
"""Report kinds by code: a kind's code is its position, in the order breakdowns list them."""
WIDTH: Final = len(KINDS)
"""Slots per employee in ``ReportIndex.slot``: ``divmod(slot, WIDTH)`` is (employee, kind code)."""
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
        eliminated: The day each report's hazard or defect was eliminated, as an
            ordinal; ``NEVER`` if not.
        registered_at: When each report was registered.
        eliminated_at: When each report's hazard or defect was eliminated; ``None`` if not.
        risk: Each report's risk level.

    Each day is the one [`Records.reports_as_of`][ohs_domain.Records.reports_as_of]
    decides by. A report's lifecycle enters each status at most once and on days that
    never go back, so it stood accepted (rejected, eliminated) at the end of a day
    exactly when it was accepted (rejected, eliminated) on or before it: one integer
    comparison.
    """

    __slots__ = (
        "accepted",
        "days",
        "eliminated",
        "eliminated_at",
        "employees",
        "production",
        "registered_at",
        "rejected",
        "reports",
        "risk",
        "slot",
    )

    def __init__(self, records: Records) -> None:
        self.employees: tuple[Employee, ...] = records.employees
        position = {e.id: number for number, e in enumerate(self.employees)}
        self.production = tuple(records._is_production(e) for e in self.employees)
        index = records._index
        self.reports: tuple[SafetyReport, ...] = index.reports.items
        self.days = [day.toordinal() for day in index.reports.days]
        decided = _Decided(records, position)
        order = index.report_order  # the bundle's positions in time order
        self.slot: list[int] = [decided.slot[n] for n in order]
        self.accepted: list[int] = [decided.accepted[n] for n in order]
        self.rejected: list[int] = [decided.rejected[n] for n in order]
        self.eliminated: list[int] = [decided.eliminated[n] for n in order]
        self.eliminated_at: list[datetime | None] = [decided.eliminated_at[n] for n in order]
        self.registered_at: list[datetime] = [decided.registered_at[n] for n in order]
        self.risk: list[RiskLevel] = [decided.risk[n] for n in order]

    def span(self, days: DateRange) -> slice:
        """The positions of the reports registered on ``days``."""
        start = bisect_left(self.days, days.start.toordinal())
        return slice(start, bisect_left(self.days, days.end.toordinal(), lo=start))


class _Decided:
    """Each report's columns, in the bundle's (id) order: each report read once, where it lies.

    The days are the bundle's own days of each change of status, the ones
    [`Records.reports_as_of`][ohs_domain.Records.reports_as_of] decides by.
    """

    __slots__ = (
        "accepted",
        "eliminated",
        "eliminated_at",
        "registered_at",
        "rejected",
        "risk",
        "slot",
    )

    def __init__(self, records: Records, position: dict[EmployeeId, int]) -> None:
        self.slot: list[int] = []
        self.accepted: list[int] = []
        self.rejected: list[int] = []
        self.eliminated: list[int] = []
        self.eliminated_at: list[datetime | None] = []
        self.registered_at = [report.reported_at for report in records.safety_reports]
        self.risk = [report.risk for report in records.safety_reports]
        changes = zip(records.safety_reports, records._index.change_days, strict=True)
        for report, days in changes:
            self.slot.append(position[report.reporter] * WIDTH + _CODE[report.kind._value_])
            accepted_on = rejected_on = eliminated_on = NEVER
            eliminated_at = None
            for change, day in zip(report.history, days, strict=True):
                if change.status is ReportStatus.ACCEPTED:
                    accepted_on = day.toordinal()
                elif change.status is ReportStatus.REJECTED:
                    rejected_on = day.toordinal()
                elif change.status is ReportStatus.ELIMINATED:
                    eliminated_on = day.toordinal()
                    eliminated_at = change.at
            self.accepted.append(accepted_on)
            self.rejected.append(rejected_on)
            self.eliminated.append(eliminated_on)
            self.eliminated_at.append(eliminated_at)


def report_index(records: Records) -> ReportIndex:
    """The compact index of ``records``' reports, built on first use and kept with them."""
    index: ReportIndex | None = records._report_index
    if index is None:
        index = ReportIndex(records)
        object.__setattr__(records, "_report_index", index)
    return index
