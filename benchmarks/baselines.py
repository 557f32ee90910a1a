"""The baselines the library is measured against, on the same data.

- ``floor``: a hand-written single pass of pure Python over plain tuples,
  computing the same reward awards and inspector pay (the practical floor);
- ``PydanticRecords``: pydantic v2 models validating the same JSON-ready records;
- ``pandas_rules``: pandas computing the same aggregates from the same records.

Each baseline's result is compared with the library's in the benchmark, so a
fast wrong answer cannot win.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal
from zoneinfo import ZoneInfo

import pandas as pd
from pydantic import AwareDatetime, BaseModel, ConfigDict

from ohs_domain import RewardPolicy, ScoreThresholds, Year

# -- plain tuples and the hand-written floor ----------------------------------


def to_tuples(data: dict[str, Any], zone: ZoneInfo) -> dict[str, Any]:
    """Flatten the JSON-ready records into plain tuples (not timed: it is the floor's input)."""

    def day(text: str | None) -> int:
        if text is None:
            return -1
        return datetime.fromisoformat(text).astimezone(zone).date().toordinal()

    production = {d["id"] for d in data["departments"] if d["is_production"]}
    employees = {
        e["id"]: (
            e["department"] in production,
            date.fromisoformat(e["hired_on"]).toordinal(),
            date.fromisoformat(e["left_on"]).toordinal() if e["left_on"] else None,
        )
        for e in data["employees"]
    }
    reports = []
    for r in data["safety_reports"]:
        accepted = rejected = None
        for change in r["history"]:
            if change["status"] == "accepted":
                accepted = change["at"]
            elif change["status"] == "rejected":
                rejected = change["at"]
        reports.append(
            (r["reporter"], r["kind"], day(r["reported_at"]), day(accepted), day(rejected))
        )
    submissions = [
        (s["inspector"], date.fromisoformat(s["issued_on"])) for s in data["submissions"]
    ]
    appointments = [
        (
            a["employee"],
            date.fromisoformat(a["term"]["start"]),
            date.fromisoformat(a["term"]["end"]),
        )
        for a in data["inspector_appointments"]
    ]
    return {
        "employees": employees,
        "reports": tuple(reports),
        "submissions": tuple(submissions),
        "appointments": tuple(appointments),
    }


def floor(
    plain: dict[str, Any], *, year: Year, policy: RewardPolicy, quarterly: Decimal
) -> tuple[Decimal, int, Decimal]:
    """Reward total, award count and the year's inspector pay, in one pass each."""
    start, end = year.first_day.toordinal(), year.last_day.toordinal()
    reference = end
    wage = policy.wage.at(year.last_day).amount
    weights = {kind.value: policy.weights.of(kind) for kind in _kinds()}
    scores: dict[str, int] = {}
    for reporter, kind, day, accepted, rejected in plain["reports"]:
        if start <= day <= end and 0 <= accepted <= reference and not 0 <= rejected <= reference:
            scores[reporter] = scores.get(reporter, 0) + weights[kind]
    assert isinstance(policy.tiers, ScoreThresholds)
    tiers = [(t.min_score, t.max_score, t.multiplier) for t in policy.tiers.tiers]
    employees = plain["employees"]
    total, awards = Decimal(0), 0
    for reporter, score in scores.items():
        production, hired, left = employees[reporter]
        if not production or hired > reference or (left is not None and left <= reference):
            continue
        for low, high, multiplier in tiers:
            if low <= score and (high is None or score <= high):
                total += wage * multiplier
                awards += 1
                break
    active: set[tuple[str, int]] = set()
    for inspector, issued in plain["submissions"]:
        if issued.year == year.value:
            active.add((inspector, (issued.month - 1) // 3))
    pay = Decimal(0)
    quarters = year.quarters()
    for inspector, term_start, term_end in plain["appointments"]:
        for index, quarter in enumerate(quarters):
            overlaps = term_start <= quarter.last_day and term_end > quarter.first_day
            if overlaps and (inspector, index) in active:
                pay += quarterly
    return total, awards, pay


def _kinds() -> list[Any]:
    from ohs_domain import ReportKind  # noqa: PLC0415

    return list(ReportKind)


# -- pydantic v2 --------------------------------------------------------------

_Forbid = ConfigDict(extra="forbid")


class _Department(BaseModel):
    model_config = _Forbid
    id: str
    name: str
    is_production: bool


class _Employee(BaseModel):
    model_config = _Forbid
    id: str
    department: str
    category: Literal["manager", "specialist", "worker"]
    hired_on: date
    left_on: date | None


class _Certification(BaseModel):
    model_config = _Forbid
    employee: str
    certified_on: date
    valid_until: date | None


class _Range(BaseModel):
    model_config = _Forbid
    start: date
    end: date


class _Appointment(BaseModel):
    model_config = _Forbid
    employee: str
    approved_on: date
    term: _Range
    trained_on: date | None
    decision: str | None


class _Account(BaseModel):
    model_config = _Forbid
    employee: str
    registered_on: date


class _Session(BaseModel):
    model_config = _Forbid
    id: str
    programme: str
    format: Literal["training_centre", "field_visit", "workplace"]
    days: _Range
    trainers: list[str]
    attendees: list[str]
    group: str
    department: str


class _Change(BaseModel):
    model_config = _Forbid
    status: Literal["accepted", "in_progress", "eliminated", "rejected"]
    at: AwareDatetime
    reason: str | None


class _Report(BaseModel):
    model_config = _Forbid
    id: str
    kind: Literal[
        "hazardous_condition", "unsafe_act", "near_miss", "equipment_defect", "facility_defect"
    ]
    risk: Literal["low", "medium", "high"]
    reporter: str
    department: str
    reported_at: AwareDatetime
    history: list[_Change]


class _Violation(BaseModel):
    model_config = _Forbid
    id: str
    found_on: date
    department: str
    category: str
    norm: str | None
    eliminated_on: date | None


class _Submission(BaseModel):
    model_config = _Forbid
    id: str
    inspector: str
    department: str
    issued_on: date
    violations: list[str]
    respond_by: date
    answered_on: date | None


class _Injury(BaseModel):
    model_config = _Forbid
    id: str
    occurred_on: date
    employee: str
    department: str
    severity: Literal[
        "fatal", "severe", "lost_time", "restricted_work", "medical_treatment", "first_aid"
    ]
    days_lost: int
    relation: Literal["employee", "contractor"]
    high_consequence: bool
    injury_type: str | None


class _Hours(BaseModel):
    model_config = _Forbid
    department: str
    month: str
    hours: Decimal
    relation: Literal["employee", "contractor"]


class _Action(BaseModel):
    model_config = _Forbid
    id: str
    report: str | None
    violation: str | None
    description: str
    owner: str
    risk: Literal["low", "medium", "high"]
    raised_on: date
    due_on: date
    started_on: date | None
    closed_on: date | None
    cancel_reason: str | None


class PydanticRecords(BaseModel):
    """The same records as pydantic v2 models (types and enums; no cross-record rules)."""

    model_config = _Forbid
    time_zone: str
    departments: list[_Department]
    employees: list[_Employee]
    trainer_certifications: list[_Certification]
    inspector_appointments: list[_Appointment]
    reporting_accounts: list[_Account]
    training_sessions: list[_Session]
    safety_reports: list[_Report]
    violations: list[_Violation]
    submissions: list[_Submission]
    injuries: list[_Injury]
    hours_worked: list[_Hours]
    corrective_actions: list[_Action]


# -- pandas -------------------------------------------------------------------


def pandas_rules(
    data: dict[str, Any], *, year: Year, policy: RewardPolicy, quarterly: Decimal
) -> tuple[Decimal, int, Decimal]:
    """The same reward total, award count and inspector pay, with pandas, from the data."""
    zone = data["time_zone"]
    reports = pd.DataFrame(data["safety_reports"])
    reports["day"] = (
        pd.to_datetime(reports["reported_at"], utc=True, format="ISO8601")
        .dt.tz_convert(zone)
        .dt.date
    )
    history = reports[["id", "history"]].explode("history").dropna()
    changes = pd.DataFrame(history["history"].tolist())
    changes["id"] = history["id"].to_numpy()
    changes["day"] = (
        pd.to_datetime(changes["at"], utc=True, format="ISO8601").dt.tz_convert(zone).dt.date
    )
    reference = year.last_day
    accepted = changes[(changes["status"] == "accepted") & (changes["day"] <= reference)]["id"]
    rejected = changes[(changes["status"] == "rejected") & (changes["day"] <= reference)]["id"]
    in_year = reports[
        (reports["day"] >= year.first_day)
        & (reports["day"] <= reference)
        & reports["id"].isin(accepted)
        & ~reports["id"].isin(rejected)
    ]
    weights = {kind.value: policy.weights.of(kind) for kind in _kinds()}
    scores = in_year["kind"].map(weights).groupby(in_year["reporter"]).sum()
    employees = pd.DataFrame(data["employees"]).set_index("id")
    departments = pd.DataFrame(data["departments"]).set_index("id")
    employees["production"] = employees["department"].map(departments["is_production"])
    hired = pd.to_datetime(employees["hired_on"]).dt.date
    left = pd.to_datetime(employees["left_on"]).dt.date
    on_staff = (hired <= reference) & (left.isna() | (left > reference))
    eligible = employees[employees["production"] & on_staff].index
    scores = scores[scores.index.isin(eligible)]
    assert isinstance(policy.tiers, ScoreThresholds)
    multipliers = pd.Series(0, index=scores.index)
    for tier in policy.tiers.tiers:
        high = tier.max_score if tier.max_score is not None else scores.max()
        multipliers[(scores >= tier.min_score) & (scores <= high)] = tier.multiplier
    wage = policy.wage.at(reference).amount
    awarded = multipliers[multipliers > 0]
    total = wage * int(awarded.sum())
    submissions = pd.DataFrame(data["submissions"])
    issued = pd.to_datetime(submissions["issued_on"])
    submissions = submissions[issued.dt.year == year.value]
    quarters = (pd.to_datetime(submissions["issued_on"]).dt.month - 1) // 3
    active = set(zip(submissions["inspector"], quarters, strict=True))
    terms = pd.DataFrame(
        [
            (a["employee"], a["term"]["start"], a["term"]["end"])
            for a in data["inspector_appointments"]
        ],
        columns=["employee", "start", "end"],
    )
    pay = Decimal(0)
    for index, quarter in enumerate(year.quarters()):
        first, last = quarter.first_day.isoformat(), quarter.last_day.isoformat()
        serving = terms[(terms["start"] <= last) & (terms["end"] > first)]["employee"]
        pay += quarterly * sum(1 for e in serving if (e, index) in active)
    return total, len(awarded), pay
