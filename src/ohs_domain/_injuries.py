"""Work injuries and hours worked: the lagging side of Vision Zero.

Injuries are counted by severity; hours worked per department per month are
the denominators of frequency rates.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import NewType

import attrs

from ohs_domain import _checks
from ohs_domain._errors import InvalidValueError
from ohs_domain._periods import Month
from ohs_domain._workforce import DepartmentId, EmployeeId

__all__ = ["HoursWorked", "InjuryId", "InjurySeverity", "WorkInjury"]

InjuryId = NewType("InjuryId", str)
"""Identifier of a [`WorkInjury`][ohs_domain.WorkInjury]."""


class InjurySeverity(enum.StrEnum):
    """Severity class of a work injury, most severe first."""

    FATAL = "fatal"
    SEVERE = "severe"
    LOST_TIME = "lost_time"
    RESTRICTED_WORK = "restricted_work"
    MEDICAL_TREATMENT = "medical_treatment"
    FIRST_AID = "first_aid"

    @property
    def is_lost_time(self) -> bool:
        """Counted by LTIFR: fatal, severe and lost-time injuries."""
        return self in (InjurySeverity.FATAL, InjurySeverity.SEVERE, InjurySeverity.LOST_TIME)

    @property
    def is_recordable(self) -> bool:
        """Counted by TRIFR and TRIR: every class but first aid (OSHA 29 CFR 1904)."""
        return self is not InjurySeverity.FIRST_AID

    @property
    def is_dart(self) -> bool:
        """Counted by DART: days away (lost time, severe), restricted work or transfer."""
        return self in (
            InjurySeverity.SEVERE,
            InjurySeverity.LOST_TIME,
            InjurySeverity.RESTRICTED_WORK,
        )


@attrs.frozen(kw_only=True)
class WorkInjury:
    """An accident at work that injured an employee.

    Attributes:
        id: Unique identifier.
        occurred_on: The day of the accident.
        employee: The injured employee.
        department: The department where it happened.
        severity: Its severity class.
        days_lost: Calendar days of incapacity for work.
    """

    id: InjuryId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    occurred_on: date = attrs.field(validator=_checks.day)
    employee: EmployeeId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    department: DepartmentId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    severity: InjurySeverity = attrs.field(validator=_checks.member(InjurySeverity))
    days_lost: int = attrs.field(default=0, validator=_checks.count)


def _hours(_instance: object, attribute: attrs.Attribute[Decimal], value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise InvalidValueError(attribute.name, value, "a finite, non-negative Decimal")


@attrs.frozen(kw_only=True)
class HoursWorked:
    """Hours worked in a department in a month.

    Attributes:
        department: The department.
        month: The month.
        hours: Hours worked by its employees (exact, non-negative).
    """

    department: DepartmentId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    month: Month = attrs.field(validator=_checks.instance(Month))
    hours: Decimal = attrs.field(validator=_hours)
