"""Engagement: production personnel registered in, and active users of, the reporting system."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import ClassVar

import attrs

from ohs_domain import _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._errors import InvalidValueError
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._indicator_inputs import check_as_of, nothing_found, production_staff
from ohs_domain._measures import Share
from ohs_domain._periods import DateRange, Period, as_range, local_date
from ohs_domain._records import Records
from ohs_domain._reporting import ReportGroup, SafetyReport
from ohs_domain._workforce import EmployeeId

__all__ = ["Engagement", "engagement"]


def _share_rows(shares: dict[str, Share]) -> tuple[_rows.Row, ...]:
    return tuple(
        {"measure": name, "part": share.part, "whole": share.whole}
        for name, share in shares.items()
    )


def _counts_as_active(report: SafetyReport, as_of: date, records: Records) -> bool:
    rejected = report.rejected_at
    return rejected is None or local_date(rejected, records.time_zone) > as_of


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


@checked
def engagement(
    records: Records, *, period: Period, as_of: date, min_reports: int = 1
) -> Engagement:
    """Active users among production personnel: at least ``min_reports`` non-rejected reports.

    Raises:
        InvalidValueError: If ``min_reports`` is below 1.
    """
    if isinstance(min_reports, bool) or not isinstance(min_reports, int) or min_reports < 1:
        raise InvalidValueError("min_reports", min_reports, "an int of at least 1")
    days = as_range(period)
    check_as_of(days, as_of)
    staff = production_staff(records, as_of)
    # Only reports registered by ``as_of`` are known on it: counting later ones would
    # make someone active who is not yet registered (only registered employees report).
    known = days if as_of >= days.end else DateRange(days.start, as_of + timedelta(days=1))
    reports = records.reports_during(known)
    counts: Counter[EmployeeId] = Counter(
        r.reporter for r in reports if _counts_as_active(r, as_of, records)
    )
    registered = {
        e.id
        for e in staff
        if (account := records.account_of(e.id)) is not None and account.registered_on <= as_of
    }
    active = {e.id for e in staff if counts[e.id] >= min_reports}
    groups = Counter(r.kind.group for r in reports)
    rejected = len(reports) - sum(1 for r in reports if _counts_as_active(r, as_of, records))
    registered_share = Share(len(registered), len(staff))
    active_share = Share(len(active), len(staff))
    explanation = Explanation(
        (
            Step(description=f"production personnel on staff on {as_of}", result=len(staff)),
            *nothing_found(reports, f"no reports registered in {known}"),
            Step(
                description=f"events and defects registered in {known}",
                result=len(reports),
                facts=(
                    Fact(name="events", value=groups[ReportGroup.EVENT]),
                    Fact(name="defects", value=groups[ReportGroup.DEFECT]),
                    Fact(name=f"rejected by {as_of}", value=rejected),
                ),
            ),
            Step(
                description=f"registered in the reporting system by {as_of}",
                result=registered_share,
            ),
            Step(
                description=f"active: at least {min_reports} non-rejected report(s) in the period",
                result=active_share,
            ),
        )
    )
    return Engagement(
        period=days,
        as_of=as_of,
        min_reports=min_reports,
        registered=registered_share,
        active=active_share,
        reports=len(reports),
        events=groups[ReportGroup.EVENT],
        defects=groups[ReportGroup.DEFECT],
        rejected=rejected,
        not_registered=tuple(sorted(e.id for e in staff if e.id not in registered)),
        inactive=tuple(sorted(registered - active)),
        explanation=explanation,
    )
