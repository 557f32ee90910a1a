"""Engagement: production personnel registered in, and active users of, the reporting system."""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import compress
from typing import Any, ClassVar, Self

import attrs

from ohs_domain import _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._errors import InvalidValueError
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._i18n import message
from ohs_domain._indicator_inputs import check_as_of, nothing_found, on_staff, production_staff
from ohs_domain._measures import Share
from ohs_domain._partial import Tallies, parameter, summed, united
from ohs_domain._periods import DateRange, Period, as_range, days_through
from ohs_domain._records import Records
from ohs_domain._report_index import KINDS, WIDTH, report_index
from ohs_domain._reporting import ReportGroup
from ohs_domain._workforce import EmployeeId

__all__ = ["Engagement", "EngagementPartial", "engagement", "engagement_partial"]


def _share_rows(shares: dict[str, Share]) -> tuple[_rows.Row, ...]:
    return tuple(
        {"measure": name, "part": share.part, "whole": share.whole}
        for name, share in shares.items()
    )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Engagement:
    """Engagement of production personnel in the reporting system.

    Attributes:
        period: The days whose reports count (in the company's zone), up to ``as_of``.
        as_of: The day the headcount, registrations and reports are taken.
        min_reports: Non-rejected reports that make a user active.
        registered: Production employees registered in the system ÷ headcount.
        active: Production employees with at least ``min_reports`` non-rejected reports ÷ headcount.
        reports: Reports registered in the period by ``as_of``, by anyone.
        events: Of those, events.
        defects: Of those, defects.
        rejected: Of those, rejected by ``as_of``.
        not_registered: Production employees on staff not registered, by personnel number.
        inactive: Registered production employees below ``min_reports``, by personnel number.
        explanation: How the result was reached.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = ("measure", "part", "whole")

    period: DateRange
    as_of: date
    min_reports: int
    registered: Share
    active: Share
    reports: int
    events: int
    defects: int
    rejected: int
    not_registered: tuple[EmployeeId, ...]
    inactive: tuple[EmployeeId, ...]
    explanation: Explanation

    def rows(self) -> tuple[_rows.Row, ...]:
        """One row per measure, each a part of a whole.

        ``registered`` and ``active`` are of production headcount; ``events``,
        ``defects`` and ``rejected`` of the reports registered.

        Columns: ``measure``; ``part``; ``whole``.
        """
        return _share_rows(
            {
                "registered": self.registered,
                "active": self.active,
                "events": Share(self.events, self.reports),
                "defects": Share(self.defects, self.reports),
                "rejected": Share(self.rejected, self.reports),
            }
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class EngagementPartial(Tallies):
    """Engagement in one part of the records, to combine with the other parts'.

    Attributes:
        period: The days whose reports count.
        as_of: The day the headcount, registrations and reports are taken.
        min_reports: Non-rejected reports that make a user active.
        staff: Production employees on staff on ``as_of``.
        registered: Of those, registered in the reporting system by ``as_of``.
        counts: Non-rejected reports of the period per member of ``staff`` who made any.
        reports: Reports registered in the period by ``as_of``, by anyone.
        events: Of those, events.
        defects: Of those, defects.
        rejected: Of those, rejected by ``as_of``.
    """

    period: DateRange = parameter()
    as_of: date = parameter()
    min_reports: int = parameter()
    staff: frozenset[EmployeeId] = united()
    registered: frozenset[EmployeeId] = united()
    counts: Counter[EmployeeId] = summed(Counter)
    reports: int = summed()
    events: int = summed()
    defects: int = summed()
    rejected: int = summed()

    @classmethod
    @checked
    def empty(cls, *, period: Period, as_of: date, min_reports: int = 1) -> Self:
        """The engagement of no records: the identity of `combine`."""
        return cls(**_parameters(period, as_of, min_reports))

    def finalize(self) -> Engagement:
        """The engagement of every part combined, as `engagement` of them all gives it."""
        active = {e for e in self.staff if self.counts[e] >= self.min_reports}
        registered = Share(len(self.registered), len(self.staff))
        active_share = Share(len(active), len(self.staff))
        return Engagement(
            period=self.period,
            as_of=self.as_of,
            min_reports=self.min_reports,
            registered=registered,
            active=active_share,
            reports=self.reports,
            events=self.events,
            defects=self.defects,
            rejected=self.rejected,
            not_registered=tuple(sorted(self.staff - self.registered)),
            inactive=tuple(sorted(self.registered - active)),
            explanation=_explanation(self, registered, active_share),
        )


def _parameters(period: Period, as_of: date, min_reports: int) -> dict[str, Any]:
    if isinstance(min_reports, bool) or not isinstance(min_reports, int) or min_reports < 1:
        raise InvalidValueError("min_reports", min_reports, "an int of at least 1")
    days = as_range(period)
    check_as_of(days, as_of)
    return {"period": days, "as_of": as_of, "min_reports": min_reports}


@checked
def engagement_partial(
    records: Records, *, period: Period, as_of: date, min_reports: int = 1
) -> EngagementPartial:
    """The tallies of `engagement` over ``records``, one part of the whole.

    Raises:
        InvalidValueError: If ``min_reports`` is below 1.
    """
    parameters = _parameters(period, as_of, min_reports)
    staff = frozenset(e.id for e in production_staff(records, as_of))
    accounts = records._index.accounts
    # Only reports registered by ``as_of`` are known on it (``reports_as_of`` leaves later
    # ones out): counting them would make someone active who is not yet registered.
    index = report_index(records)
    span = index.span(days_through(parameters["period"], as_of))
    slots = index.slot[span]
    day = as_of.toordinal()
    # Each report is one number, its slot: divmod(slot, WIDTH) is (reporter, kind).
    kinds = Counter(map(WIDTH.__rmod__, slots))
    groups: Counter[ReportGroup] = Counter()
    for kind, n in kinds.items():
        groups[KINDS[kind].group] += n
    kept = list(compress(slots, map(day.__lt__, index.rejected[span])))  # not rejected by as_of
    reporters = Counter(map(WIDTH.__rfloordiv__, kept))
    employees = index.employees
    counts: Counter[EmployeeId] = Counter()
    for reporter in sorted(reporters):  # in personnel-number order
        if (employee := employees[reporter].id) in staff:
            counts[employee] = reporters[reporter]
    return EngagementPartial(
        **parameters,
        staff=staff,
        registered=frozenset(
            e
            for e in staff
            if (account := accounts.get(e)) is not None and account.registered_on <= as_of
        ),
        counts=counts,
        reports=len(slots),
        events=groups[ReportGroup.EVENT],
        defects=groups[ReportGroup.DEFECT],
        rejected=len(slots) - len(kept),
    )


@checked
def engagement(
    records: Records, *, period: Period, as_of: date, min_reports: int = 1
) -> Engagement:
    """Active users among production personnel: at least ``min_reports`` non-rejected reports.

    Raises:
        InvalidValueError: If ``min_reports`` is below 1.
    """
    return engagement_partial(
        records, period=period, as_of=as_of, min_reports=min_reports
    ).finalize()


def _explanation(tallies: EngagementPartial, registered: Share, active: Share) -> Explanation:
    known, as_of = days_through(tallies.period, tallies.as_of), tallies.as_of
    return Explanation(
        (
            Step.of(description=on_staff(as_of), result=len(tallies.staff)),
            *nothing_found(
                tallies.reports, message("no reports registered in {period}", period=known)
            ),
            Step.of(
                description=message("events and defects registered in {period}", period=known),
                result=tallies.reports,
                facts=(
                    Fact(name="events", value=tallies.events),
                    Fact(name="defects", value=tallies.defects),
                    Fact.of(name=message("rejected by {day}", day=as_of), value=tallies.rejected),
                ),
            ),
            Step.of(
                description=message("registered in the reporting system by {day}", day=as_of),
                result=registered,
            ),
            Step.of(
                description=message(
                    "active: at least {n} non-rejected report(s) in the period",
                    "active: at least {n} non-rejected report(s) in the period",
                    n=tallies.min_reports,
                ),
                result=active,
            ),
        )
    )
