"""Partitions: a bundle split into parts that each load and evaluate on their own.

Every record goes with the person or the department it belongs to: an
employee's certifications, appointments, account, reports, injuries and
submissions (with the violations they list) go with the employee; violations
not yet listed and hours worked go with their department. The small shared
table of departments is copied to every part. A training session is split by
its attendees' parts, and its trainers (with their certifications) are copied
to each part that holds a piece of it, so that every part is a valid bundle;
the partial results count a person or a session by id, so the copies count once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any, Literal

import attrs

from ohs_domain._arguments import checked
from ohs_domain._records import COLLECTIONS, Records
from ohs_domain._reporting import SafetyReport
from ohs_domain._workforce import EmployeeId

__all__ = ["partition"]


def _same(unit: str) -> str:
    return unit


class _Parts:
    """The records of each part, by collection, each kept once by its identity."""

    def __init__(self, records: Records) -> None:
        self.records = records
        self.parts: defaultdict[str, dict[str, dict[object, Any]]] = defaultdict(
            lambda: {name: {} for name in COLLECTIONS}
        )
        # The departments are the shared table: every part has them all.
        self.departments: dict[object, Any] = {id(d): d for d in records.departments}

    def put(self, label: str, collection: str, record: Any, key: object = None) -> None:
        self.parts[label]["departments"] = self.departments
        self.parts[label][collection].setdefault(id(record) if key is None else key, record)

    def built(self) -> dict[str, Records]:
        return {
            label: Records(
                time_zone=self.records.time_zone,
                **{name: tuple(rows.values()) for name, rows in collections.items()},
            )
            for label, collections in sorted(self.parts.items())
        }


@checked
def partition(
    records: Records,
    *,
    by: Literal["department", "employee"] = "department",
    group: Callable[[str], str] | None = None,
) -> dict[str, Records]:
    """Split ``records`` into parts, by label, each a valid bundle of its own.

    ``by`` chooses the unit: each department with its staff, or each employee. ``group``
    maps a unit's id to the label of its part (by default the id itself): a department
    id, or under ``by="employee"`` an employee id, and for the records that belong to a
    department rather than a person (violations not yet listed, hours worked) the
    department id. Group departments into companies, or employees into a few parts:

    >>> from ohs_domain import demo
    >>> company = demo.build_records()
    >>> parts = partition(company, by="department")
    >>> len(parts), sum(len(part.employees) for part in parts.values()) >= len(company.employees)
    (11, True)
    >>> len(partition(company, by="employee", group=lambda id: id[-1]))  # last digit, or D-…'s
    18

    Every evaluator's partial results of the parts combine into the result of the
    whole (see [`combine`][ohs_domain.combine]).
    """
    label = group or _same
    unit = {e.id: label(e.department if by == "department" else e.id) for e in records.employees}
    parts = _Parts(records)
    for hours in records.hours_worked:
        parts.put(label(hours.department), "hours_worked", hours)
    _by_person(records, unit, parts)
    for injury in records.injuries:  # a contractor's worker belongs to no part: the place does
        worker = unit.get(injury.employee)
        parts.put(label(injury.department) if worker is None else worker, "injuries", injury)
    violation_part: dict[str, str] = {}
    for violation in records.violations:
        listing = records.submission_listing(violation.id)
        owner = label(violation.department) if listing is None else unit[listing.inspector]
        parts.put(owner, "violations", violation)
        violation_part[violation.id] = owner
    for action in records.corrective_actions:  # with what it answers; its owner copied along
        subject = records.subject_of(action)
        part = unit[subject.reporter] if isinstance(subject, SafetyReport) else None
        part = violation_part[subject.id] if part is None else part
        parts.put(part, "corrective_actions", action)
        parts.put(part, "employees", records.employee(action.owner), action.owner)
    _sessions(records, unit, parts)
    return parts.built()


def _by_person(records: Records, unit: dict[EmployeeId, str], parts: _Parts) -> None:
    for employee in records.employees:
        parts.put(unit[employee.id], "employees", employee, employee.id)
    person: tuple[tuple[str, Callable[[Any], EmployeeId]], ...] = (
        ("trainer_certifications", lambda c: c.employee),
        ("inspector_appointments", lambda a: a.employee),
        ("reporting_accounts", lambda a: a.employee),
        ("safety_reports", lambda r: r.reporter),
        ("submissions", lambda s: s.inspector),
    )
    for name, owner in person:
        for record in getattr(records, name):
            parts.put(unit[owner(record)], name, record)


def _sessions(records: Records, unit: dict[EmployeeId, str], parts: _Parts) -> None:
    """Each session split by its attendees' parts, its trainers copied to each piece's part."""
    for session in records.training_sessions:
        pieces: defaultdict[str, set[EmployeeId]] = defaultdict(set)
        for attendee in session.attendees:
            pieces[unit[attendee]].add(attendee)
        for label, attendees in pieces.items():
            parts.put(
                label, "training_sessions", attrs.evolve(session, attendees=frozenset(attendees))
            )
            for trainer in session.trainers:
                parts.put(label, "employees", records.employee(trainer), trainer)
                for certification in records.certifications_of(trainer):
                    parts.put(label, "trainer_certifications", certification)
