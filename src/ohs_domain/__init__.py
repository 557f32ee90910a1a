"""Occupational health and safety rules of a Vision Zero programme: typed, exact, explained.

The public API is re-exported here; modules whose names start with ``_`` are private.
"""

from ohs_domain._effective import Entry, Schedule, Source
from ohs_domain._errors import (
    CurrencyMismatchError,
    IllegalTransitionError,
    InvalidDataError,
    InvalidValueError,
    NoValueInForceError,
    OhsDomainError,
    Problem,
    UnknownRecordError,
)
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._injuries import HoursWorked, InjuryId, InjurySeverity, WorkInjury
from ohs_domain._inspection import (
    Submission,
    SubmissionId,
    SubmissionStatus,
    Violation,
    ViolationId,
)
from ohs_domain._money import ROUNDING, Money
from ohs_domain._periods import DateRange, Month, Quarter, Year, local_date
from ohs_domain._records import Records
from ohs_domain._reporting import (
    EliminationDeadlines,
    ReportGroup,
    ReportId,
    ReportKind,
    ReportStatus,
    RiskLevel,
    SafetyReport,
    StatusChange,
)
from ohs_domain._training import SessionId, TrainingFormat, TrainingSession
from ohs_domain._workforce import (
    Department,
    DepartmentId,
    Employee,
    EmployeeCategory,
    EmployeeId,
    InspectorAppointment,
    ReportingAccount,
    TrainerCertification,
)

__all__ = [
    "ROUNDING",
    "CurrencyMismatchError",
    "DateRange",
    "Department",
    "DepartmentId",
    "EliminationDeadlines",
    "Employee",
    "EmployeeCategory",
    "EmployeeId",
    "Entry",
    "Explanation",
    "Fact",
    "HoursWorked",
    "IllegalTransitionError",
    "InjuryId",
    "InjurySeverity",
    "InspectorAppointment",
    "InvalidDataError",
    "InvalidValueError",
    "Money",
    "Month",
    "NoValueInForceError",
    "OhsDomainError",
    "Problem",
    "Quarter",
    "Records",
    "ReportGroup",
    "ReportId",
    "ReportKind",
    "ReportStatus",
    "ReportingAccount",
    "RiskLevel",
    "SafetyReport",
    "Schedule",
    "SessionId",
    "Source",
    "StatusChange",
    "Step",
    "Submission",
    "SubmissionId",
    "SubmissionStatus",
    "TrainerCertification",
    "TrainingFormat",
    "TrainingSession",
    "UnknownRecordError",
    "Violation",
    "ViolationId",
    "WorkInjury",
    "Year",
    "local_date",
]
