"""Work injuries and hours worked: the lagging side of Vision Zero.

Injuries are counted by severity; hours worked per department per month are
the denominators of frequency rates. Both say whose they are (employees, or
contractors' workers whose work the company controls): the injury rates count
employees, the GRI 403-9 disclosure counts each group on its own.
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
from ohs_domain._workforce import DepartmentId, EmployeeId, WorkerRelation

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
    """An accident at work that injured a worker.

    Attributes:
        id: Unique identifier.
        occurred_on: The day of the accident.
        employee: The injured worker: an employee's personnel number, or for a
            contractor's worker the identifier in the contractor's records
            (not checked against the company's staff).
        department: The department where it happened.
        severity: Its severity class.
        days_lost: Calendar days of incapacity for work.
        relation: Whether the injured worker is an employee or a contractor's worker.
        high_consequence: Whether the worker does not, or is not expected to,
            recover fully within 6 months (GRI 403-9); never true of a
            fatality, which is counted on its own.
        injury_type: The nature of the injury (``"fracture"``, ``"burn"``), if
            recorded: GRI 403-9 lists the main types.
    """

    id: InjuryId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    occurred_on: date = attrs.field(validator=_checks.day)
    employee: EmployeeId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    department: DepartmentId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    severity: InjurySeverity = attrs.field(validator=_checks.member(InjurySeverity))
    days_lost: int = attrs.field(default=0, validator=_checks.count)
    relation: WorkerRelation = attrs.field(
        default=WorkerRelation.EMPLOYEE, validator=_checks.member(WorkerRelation)
    )
    high_consequence: bool = attrs.field(default=False, validator=_checks.flag)
    injury_type: str | None = attrs.field(default=None, validator=_checks.optional(_checks.text))

    def __attrs_post_init__(self) -> None:
        if self.high_consequence and self.severity is InjurySeverity.FATAL:
            raise InvalidValueError(
                "high_consequence",
                self.high_consequence,
                "False for a fatal injury (GRI 403-9 counts fatalities apart from "
                "high-consequence injuries)",
            )
        if self.high_consequence and not self.severity.is_recordable:
            raise InvalidValueError(
                "high_consequence",
                self.high_consequence,
                "False for a first-aid case (a high-consequence injury is recordable)",
            )


def _hours(_instance: object, attribute: attrs.Attribute[Decimal], value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise InvalidValueError(attribute.name, value, "a finite, non-negative Decimal")


@attrs.frozen(kw_only=True)
class HoursWorked:
    """Hours worked in a department in a month, by employees or by contractors' workers.

    Attributes:
        department: The department.
        month: The month.
        hours: Hours worked (exact, non-negative).
        relation: Whose hours: employees' (the default) or contractors' workers'.
    """

    department: DepartmentId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    month: Month = attrs.field(validator=_checks.instance(Month))
    hours: Decimal = attrs.field(validator=_hours)
    relation: WorkerRelation = attrs.field(
        default=WorkerRelation.EMPLOYEE, validator=_checks.member(WorkerRelation)
    )
