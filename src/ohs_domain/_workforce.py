"""The workforce: departments, employees and the roles some of them hold.

Role facts carry their own dates: an internal trainer is certified on a day
(and may expire), a technical inspector is approved by the production council
for a term. Whether a role was held on a given day is asked of the fact, so
the rules never guess from today's state.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import NewType

import attrs

from ohs_domain import _checks
from ohs_domain._arguments import checked
from ohs_domain._errors import InvalidValueError
from ohs_domain._periods import DateRange

__all__ = [
    "Department",
    "DepartmentId",
    "Employee",
    "EmployeeCategory",
    "EmployeeId",
    "InspectorAppointment",
    "ReportingAccount",
    "TrainerCertification",
    "WorkerRelation",
]

DepartmentId = NewType("DepartmentId", str)
"""Identifier of a [`Department`][ohs_domain.Department]."""

EmployeeId = NewType("EmployeeId", str)
"""Personnel number of an [`Employee`][ohs_domain.Employee]."""


@attrs.frozen(kw_only=True)
class Department:
    """A unit of the company.

    Attributes:
        id: Unique identifier.
        name: Its name.
        is_production: Whether it is a production department (a power plant, a
            network) rather than administration; production personnel are the
            population of coverage and engagement.
    """

    id: DepartmentId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    name: str = attrs.field(validator=_checks.text)
    is_production: bool = attrs.field(validator=_checks.flag)


class EmployeeCategory(enum.StrEnum):
    """Personnel category, as in staffing tables."""

    MANAGER = "manager"
    SPECIALIST = "specialist"
    WORKER = "worker"


@attrs.frozen(kw_only=True)
class Employee:
    """A person on staff, employed from ``hired_on`` until ``left_on`` (excluded).

    Attributes:
        id: Personnel number.
        department: The department the employee works in.
        category: Personnel category.
        hired_on: First day of employment.
        left_on: First day no longer employed; ``None`` while employed.
    """

    id: EmployeeId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    department: DepartmentId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    category: EmployeeCategory = attrs.field(validator=_checks.member(EmployeeCategory))
    hired_on: date = attrs.field(validator=_checks.day)
    left_on: date | None = attrs.field(
        default=None,
        validator=[_checks.optional(_checks.day), _checks.not_before("hired_on")],
    )

    @checked
    def is_employed_on(self, day: date) -> bool:
        """Whether the employee is on staff on ``day``."""
        return self._on_staff(day)

    def _on_staff(self, day: date) -> bool:
        # Unchecked, for rules asking about days they already hold as valid (hot paths).
        return self.hired_on <= day and (self.left_on is None or day < self.left_on)

    @checked
    def employment_within(self, days: DateRange) -> DateRange:
        """The days of ``days`` on which the employee is on staff (possibly none)."""
        return DateRange(*self._within(days))

    def _days_within(self, days: DateRange) -> int:
        # Unchecked ``employment_within(days).days``, for rules over a bundle's employees.
        start, end = self._within(days)
        return (end - start).days

    def _within(self, days: DateRange) -> tuple[date, date]:
        end = days.end if self.left_on is None else min(days.end, self.left_on)
        start = max(days.start, self.hired_on)
        return start, max(start, end)


class WorkerRelation(enum.StrEnum):
    """How a worker relates to the company, as GRI 403-9 separates them.

    ``EMPLOYEE``: on the company's staff. ``CONTRACTOR``: a worker who is not an
    employee but whose work or workplace the company controls (a contractor's
    crew at a plant).
    """

    EMPLOYEE = "employee"
    CONTRACTOR = "contractor"


@attrs.frozen(kw_only=True)
class TrainerCertification:
    """An employee's certification to deliver safety-culture training.

    Attributes:
        employee: The certified employee.
        certified_on: The day the certification was granted.
        valid_until: The last day it is valid; ``None`` if it does not expire.
    """

    employee: EmployeeId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    certified_on: date = attrs.field(validator=_checks.day)
    valid_until: date | None = attrs.field(
        default=None,
        validator=[_checks.optional(_checks.day), _checks.not_before("certified_on")],
    )

    @checked
    def is_valid_on(self, day: date) -> bool:
        """Whether the certification is valid on ``day``."""
        return self.certified_on <= day and (self.valid_until is None or day <= self.valid_until)


@attrs.frozen(kw_only=True)
class InspectorAppointment:
    """A technical inspector's appointment by the production council for OHS.

    The Labour Code (art. 203) has the production council approve technical
    inspectors; the term and the training requirement are the company's rules.

    Attributes:
        employee: The technical inspector.
        approved_on: The day the council elected or approved the inspector.
        term: The days of the term (half-open: ``term.end`` is the first day after it).
        trained_on: The day the inspector completed OHS training, if known.
        decision: The council decision's reference, if recorded.
    """

    employee: EmployeeId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    approved_on: date = attrs.field(validator=_checks.day)
    term: DateRange = attrs.field(validator=_checks.instance(DateRange))
    trained_on: date | None = attrs.field(default=None, validator=_checks.optional(_checks.day))
    decision: str | None = attrs.field(default=None, validator=_checks.optional(_checks.text))

    def __attrs_post_init__(self) -> None:
        if self.term.start < self.approved_on:
            raise InvalidValueError(
                "term",
                str(self.term),
                f"a term starting on or after approved_on ({self.approved_on})",
            )

    @checked
    def is_appointed_on(self, day: date) -> bool:
        """Whether the inspector is in office on ``day``."""
        return day in self.term


@attrs.frozen(kw_only=True)
class ReportingAccount:
    """An employee's registration in the reporting system; only registered employees report.

    Attributes:
        employee: The registered employee.
        registered_on: The day of registration.
    """

    employee: EmployeeId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    registered_on: date = attrs.field(validator=_checks.day)
