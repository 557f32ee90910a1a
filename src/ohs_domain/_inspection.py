"""Technical inspectors' work: violations found and submissions issued.

A trade-union technical inspector (Labour Code art. 203) finds
[`Violation`][ohs_domain.Violation]s and issues a
[`Submission`][ohs_domain.Submission] to a department demanding their
elimination by a response deadline. The Code sets no submission procedure:
deadlines and statuses here follow the company's own rules.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import NewType

import attrs

from ohs_domain import _checks
from ohs_domain._arguments import checked
from ohs_domain._workforce import DepartmentId, EmployeeId

__all__ = ["Submission", "SubmissionId", "SubmissionStatus", "Violation", "ViolationId"]

ViolationId = NewType("ViolationId", str)
"""Identifier of a [`Violation`][ohs_domain.Violation]."""

SubmissionId = NewType("SubmissionId", str)
"""Identifier of a [`Submission`][ohs_domain.Submission]."""


@attrs.frozen(kw_only=True)
class Violation:
    """A breach of an OHS requirement found by a technical inspector.

    Attributes:
        id: Unique identifier.
        found_on: The day it was found.
        department: The department where it was found.
        category: The company's category of the breach.
        norm: The requirement breached (a reference to the norm), if given.
        eliminated_on: The day it was eliminated; ``None`` while open.
    """

    id: ViolationId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    found_on: date = attrs.field(validator=_checks.day)
    department: DepartmentId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    category: str = attrs.field(validator=_checks.text)
    norm: str | None = attrs.field(default=None, validator=_checks.optional(_checks.text))
    eliminated_on: date | None = attrs.field(
        default=None,
        validator=[_checks.optional(_checks.day), _checks.not_before("found_on")],
    )

    @checked
    def is_open_on(self, day: date) -> bool:
        """Whether the violation was found and not yet eliminated on ``day``."""
        return self.found_on <= day and (self.eliminated_on is None or day < self.eliminated_on)


class SubmissionStatus(enum.StrEnum):
    """Whether the department has answered a submission."""

    AWAITING_RESPONSE = "awaiting_response"
    ANSWERED = "answered"


@attrs.frozen(kw_only=True)
class Submission:
    """A technical inspector's formal demand to a department to eliminate violations.

    Attributes:
        id: Unique identifier.
        inspector: The technical inspector who issued it.
        department: The department it was issued to.
        issued_on: The day it was issued.
        violations: The violations it lists (at least one).
        respond_by: The last day for the department's response.
        answered_on: The day the department answered; ``None`` while awaited.
    """

    id: SubmissionId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    inspector: EmployeeId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    department: DepartmentId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    issued_on: date = attrs.field(validator=_checks.day)
    violations: frozenset[ViolationId] = attrs.field(
        converter=_checks.to_ids, validator=_checks.ids
    )
    respond_by: date = attrs.field(validator=[_checks.day, _checks.not_before("issued_on")])
    answered_on: date | None = attrs.field(
        default=None,
        validator=[_checks.optional(_checks.day), _checks.not_before("issued_on")],
    )

    @property
    def status(self) -> SubmissionStatus:
        """Whether the submission is answered or awaited."""
        if self.answered_on is None:
            return SubmissionStatus.AWAITING_RESPONSE
        return SubmissionStatus.ANSWERED

    @checked
    def is_overdue_on(self, day: date) -> bool:
        """Whether the response is late on ``day``: past ``respond_by`` and not answered by then."""
        return day > self.respond_by and (self.answered_on is None or self.answered_on > day)
