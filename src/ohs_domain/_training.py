"""Safety-culture training: who trained whom, when, in which format."""

from __future__ import annotations

import enum
from typing import NewType

import attrs

from ohs_domain import _checks
from ohs_domain._errors import InvalidValueError
from ohs_domain._periods import DateRange
from ohs_domain._workforce import DepartmentId, EmployeeId

__all__ = ["SessionId", "TrainingFormat", "TrainingSession"]

SessionId = NewType("SessionId", str)
"""Identifier of a [`TrainingSession`][ohs_domain.TrainingSession]."""


class TrainingFormat(enum.StrEnum):
    """How a session was delivered."""

    TRAINING_CENTRE = "training_centre"
    """A group at the HR Personnel Training Division."""
    FIELD_VISIT = "field_visit"
    """OHS Department trainers visiting a production department."""
    WORKPLACE = "workplace"
    """A department's own trainers, at the workplace."""


@attrs.frozen(kw_only=True)
class TrainingSession:
    """One delivery of a training programme to a group.

    Attributes:
        id: Unique identifier.
        programme: The programme delivered.
        format: How it was delivered.
        days: The day or days of the session (half-open range, not empty).
        trainers: The internal trainers who delivered it.
        attendees: The employees trained.
        group: The group code.
        department: The department it was held for (the department visited,
            for a field visit).
    """

    id: SessionId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    programme: str = attrs.field(validator=_checks.text)
    format: TrainingFormat = attrs.field(validator=_checks.member(TrainingFormat))
    days: DateRange = attrs.field(validator=_checks.instance(DateRange))
    trainers: frozenset[EmployeeId] = attrs.field(converter=_checks.to_ids, validator=_checks.ids)
    attendees: frozenset[EmployeeId] = attrs.field(converter=_checks.to_ids, validator=_checks.ids)
    group: str = attrs.field(validator=_checks.text)
    department: DepartmentId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)

    def __attrs_post_init__(self) -> None:
        if self.days.is_empty:
            raise InvalidValueError("days", str(self.days), "at least one day")
