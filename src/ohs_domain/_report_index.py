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

from array import array
from bisect import bisect_left
from datetime import date, timedelta, timezone
from operator import attrgetter
from typing import Final

from ohs_domain._periods import DateRange
from ohs_domain._records import _REPORTER, Records
from ohs_domain._reporting import ReportKind, ReportStatus, RiskLevel, SafetyReport
from ohs_domain._workforce import Employee, EmployeeId

KINDS: Final = tuple(sorted(ReportKind))
"""Report kinds by code: a kind's code is its position, in the order breakdowns list them."""
WIDTH: Final = len(KINDS)
"""Slots per employee in ``ReportIndex.slot``: ``divmod(slot, WIDTH)`` is (employee, kind code)."""
NEVER: Final = date.max.toordinal() + 1
"""The day number of a decision never taken: later than every day."""
_CODE: Final = {kind.value: code for code, kind in enumerate(KINDS)}
RISKS: Final = tuple(RiskLevel)
"""Risk levels by code: a level's code is its position."""
_RISK_CODE: Final = {risk: code for code, risk in enumerate(RISKS)}
_MICROSECOND: Final = timedelta(microseconds=1)
_ACCEPTED: Final = ReportStatus.ACCEPTED
_REJECTED: Final = ReportStatus.REJECTED
_ELIMINATED: Final = ReportStatus.ELIMINATED
_KIND_VALUE: Final = attrgetter("kind._value_")
_RISK: Final = attrgetter("risk")


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
        taken: The time from each report's registration to its elimination, in
            microseconds (exact); 0 if not eliminated.
        risk: Each report's risk level's code: its position in ``RISKS``.
        zoned: The positions of the eliminated reports whose deadline is not simply
            ``taken`` against the time allowed: registered in a zone whose offset
            changes (not `datetime.timezone`), and eliminated in another zone object.
            A moment plus the time allowed is then a wall-clock sum in the first zone
            (Python's arithmetic of aware moments), so only the moments decide.

    Each day is the one [`Records.reports_as_of`][ohs_domain.Records.reports_as_of]
    decides by: a change counts from its day, never earlier than the last. A report's
    lifecycle enters each status at most once, so it stood accepted (rejected,
    eliminated) at the end of a day exactly when it was accepted (rejected, eliminated)
    on or before it: one integer comparison.
    """

    __slots__ = (
        "accepted",
        "days",
        "eliminated",
        "employees",
        "production",
        "rejected",
        "reports",
        "risk",
        "slot",
        "taken",
        "zoned",
    )

    def __init__(self, records: Records) -> None:
        self.employees: tuple[Employee, ...] = records.employees
        position = {e.id: number for number, e in enumerate(self.employees)}
        self.production = tuple(records._is_production(e) for e in self.employees)
        index = records._index
        self.reports: tuple[SafetyReport, ...] = index.reports.items
        self.days = array("q", map(date.toordinal, index.reports.days))
        decided = _Decided(records, position)
        order = index.report_order  # the bundle's positions in time order
        self.slot = array("q", map(decided.slot.__getitem__, order))
        self.accepted = array("q", map(decided.accepted.__getitem__, order))
        self.rejected = array("q", map(decided.rejected.__getitem__, order))
        self.eliminated = array("q", map(decided.eliminated.__getitem__, order))
        self.taken = array("q", map(decided.taken.__getitem__, order))
        self.risk = array("b", map(decided.risk.__getitem__, order))
        zoned = frozenset(decided.zoned)  # (usually none: then no pass over the order)
        self.zoned = frozenset(t for t, n in enumerate(order) if n in zoned) if zoned else zoned

    def span(self, days: DateRange) -> slice:
        """The positions of the reports registered on ``days``."""
        start = bisect_left(self.days, days.start.toordinal())
        return slice(start, bisect_left(self.days, days.end.toordinal(), lo=start))


class _Decided:
    """Each report's columns, in the bundle's (id) order: each report read once, where it lies.

    The days are the bundle's own days of each change of status, the ones
    [`Records.reports_as_of`][ohs_domain.Records.reports_as_of] decides by.
    """

    __slots__ = ("accepted", "eliminated", "rejected", "risk", "slot", "taken", "zoned")

    def __init__(self, records: Records, position: dict[EmployeeId, int]) -> None:
        reports = records.safety_reports
        # Who and what kind, and the risk: a look-up per report, each pass in C.
        reporters = map(position.__getitem__, map(_REPORTER, reports))
        kinds = map(_CODE.__getitem__, map(_KIND_VALUE, reports))
        self.slot = [
            reporter * WIDTH + kind for reporter, kind in zip(reporters, kinds, strict=True)
        ]
        self.risk = list(map(_RISK_CODE.__getitem__, map(_RISK, reports)))
        # The days of the decisions: a pass over each report's few changes.
        self.accepted: list[int] = []
        self.rejected: list[int] = []
        self.eliminated: list[int] = []
        self.taken: list[int] = []
        self.zoned: list[int] = []
        accepted, rejected = self.accepted.append, self.rejected.append
        eliminated, taken = self.eliminated.append, self.taken.append
        changes = zip(reports, records._index.change_days, strict=True)
        for n, (report, days) in enumerate(changes):
            accepted_on = rejected_on = eliminated_on = NEVER
            took = 0
            for change, day in zip(report.history, days, strict=True):
                status = change.status
                if status is _ACCEPTED:
                    accepted_on = day.toordinal()
                elif status is _ELIMINATED:
                    eliminated_on = day.toordinal()
                    registered_at, at = report.reported_at, change.at
                    took = (at - registered_at) // _MICROSECOND
                    zone = registered_at.tzinfo
                    if type(zone) is not timezone and at.tzinfo is not zone:
                        self.zoned.append(n)
                elif status is _REJECTED:
                    rejected_on = day.toordinal()
            accepted(accepted_on)
            rejected(rejected_on)
            eliminated(eliminated_on)
            taken(took)


def report_index(records: Records) -> ReportIndex:
    """The compact index of ``records``' reports, built on first use and kept with them."""
    index: ReportIndex | None = records._report_index
    if index is None:
        index = ReportIndex(records)
        object.__setattr__(records, "_report_index", index)
    return index
