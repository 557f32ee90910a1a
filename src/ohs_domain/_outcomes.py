"""Typed outcomes: why a person is paid, not paid, awarded or left out.

Every reason a rule gives for a person is a small frozen value that carries
its data, so an application can show it in its own screens and language
without parsing English. ``str(reason)`` renders the library's English text;
``reason.code`` is a stable, lower-case name for tables and translations.

>>> from ohs_domain import BelowMinimumScore
>>> reason = BelowMinimumScore(score=0, minimum=1)
>>> reason.code, reason.score, str(reason)
('below_minimum_score', 0, "score 0 is below the policy's minimum of 1")

Inspector pay gives [`PayReason`][ohs_domain.PayReason]s, in the order they
were checked; reward awards give one
[`ExclusionReason`][ohs_domain.ExclusionReason] for each person left out.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, TypeAlias, get_args

import attrs

from ohs_domain import _checks, _i18n
from ohs_domain._arguments import checked
from ohs_domain._i18n import Language
from ohs_domain._money import Money
from ohs_domain._periods import DateRange, Quarter
from ohs_domain._workforce import DepartmentId, EmployeeId

__all__ = [
    "Active",
    "BelowLowestTier",
    "BelowMinimumScore",
    "BeyondLastBand",
    "CutByBudget",
    "CutByRecipientCap",
    "ExclusionReason",
    "NotAppointed",
    "NotOnStaff",
    "NotProductionPersonnel",
    "PaidInFullForPart",
    "PaidProRata",
    "PartialQuarterUnpaid",
    "PayReason",
    "RankedBelowBudget",
    "RankedBelowRecipientCap",
    "TooFewSubmissions",
    "TooFewViolations",
    "TrainingMissing",
]

_money = _checks.instance(Money)
_quarter = _checks.instance(Quarter)


def _n(lang: Language, value: int) -> str:
    # English reasons show counts ungrouped ("score 1000"), as they always have.
    return str(value) if lang == "en" else _i18n.number(value, lang)


def _count(lang: Language, count: int, message: str) -> str:
    return _i18n.plural(lang, count, message, message, n=_n(lang, count))


class _Reason:
    """What every reason does besides its own words: print itself in English."""

    __slots__ = ()

    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        raise NotImplementedError

    def __str__(self) -> str:
        return self.render("en")


# -- inspector pay ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class TooFewSubmissions(_Reason):
    """Fewer submissions issued in the quarter than the policy requires: not paid.

    >>> from ohs_domain import Quarter
    >>> str(TooFewSubmissions(count=0, required=1, quarter=Quarter(2023, 3)))
    '0 submission(s) issued in 2023-Q3; the policy requires at least 1'

    Attributes:
        count: Submissions issued in the quarter.
        required: Submissions the policy requires.
        quarter: The quarter.
    """

    code: ClassVar[str] = "too_few_submissions"
    count: int = attrs.field(validator=_checks.count)
    required: int = attrs.field(validator=_checks.count)
    quarter: Quarter = attrs.field(validator=_quarter)

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return _i18n.text(
            lang,
            "{count} issued in {quarter}; the policy requires at least {required}",
            count=_count(lang, self.count, "{n} submission(s)"),
            quarter=self.quarter.render(lang),
            required=_n(lang, self.required),
        )


@attrs.frozen(kw_only=True)
class TooFewViolations(_Reason):
    """Fewer violations listed in the quarter's submissions than the policy requires: not paid.

    Attributes:
        count: Violations listed in the quarter's submissions.
        required: Violations the policy requires.
        quarter: The quarter.
    """

    code: ClassVar[str] = "too_few_violations"
    count: int = attrs.field(validator=_checks.count)
    required: int = attrs.field(validator=_checks.count)
    quarter: Quarter = attrs.field(validator=_quarter)

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return _i18n.text(
            lang,
            "{count} listed in {quarter}; the policy requires at least {required}",
            count=_count(lang, self.count, "{n} violation(s)"),
            quarter=self.quarter.render(lang),
            required=_n(lang, self.required),
        )


@attrs.frozen
class TrainingMissing(_Reason):
    """No OHS training recorded by the quarter's last day, which the policy requires: not paid.

    Attributes:
        by: The day by which training had to be recorded.
    """

    code: ClassVar[str] = "training_missing"
    by: date = attrs.field(validator=_checks.day)

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return _i18n.text(
            lang,
            "no OHS training recorded by {by}; the policy requires it",
            by=_i18n.day(self.by, lang),
        )


@attrs.frozen(kw_only=True)
class NotAppointed(_Reason):
    """Not appointed as a technical inspector on any day of the quarter: not paid.

    A year's pay has a line for every inspector appointed during the year in
    each of its quarters; this is the reason of the quarters outside the
    appointment.

    Attributes:
        quarter: The quarter.
        terms: The inspector's appointment terms within the year, in order.
    """

    code: ClassVar[str] = "not_appointed"
    quarter: Quarter = attrs.field(validator=_quarter)
    terms: tuple[DateRange, ...] = attrs.field(validator=_checks.instance(tuple))

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return _i18n.text(
            lang,
            "not appointed as a technical inspector during {quarter} (appointed {terms})",
            quarter=self.quarter.render(lang),
            terms=", ".join(
                f"[{_i18n.day(term.start, lang)}, {_i18n.day(term.end, lang)})"
                for term in self.terms
            ),
        )


@attrs.frozen(kw_only=True)
class _PartOfQuarter(_Reason):
    """Appointed for part of the quarter: the days in office, what the policy does with them."""

    days: int = attrs.field(validator=_checks.count)
    of_days: int = attrs.field(validator=_checks.count)
    quarter: Quarter = attrs.field(validator=_quarter)

    def _part(self, lang: Language) -> str:
        return _i18n.text(
            lang,
            "appointed for {days} of {of_days} days of {quarter}",
            days=_n(lang, self.days),
            of_days=_n(lang, self.of_days),
            quarter=self.quarter.render(lang),
        )


@attrs.frozen(kw_only=True)
class PartialQuarterUnpaid(_PartOfQuarter):
    """Appointed for part of the quarter under a policy that pays no partial quarter.

    Attributes:
        days: Days of the quarter the inspector was in office.
        of_days: Days in the quarter.
        quarter: The quarter.
    """

    code: ClassVar[str] = "partial_quarter_unpaid"

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return self._part(lang) + _i18n.text(lang, "; the policy pays no partial quarter")


@attrs.frozen(kw_only=True)
class PaidProRata(_PartOfQuarter):
    """Appointed for part of the quarter: paid the amount × days ÷ days in the quarter.

    Attributes:
        days: Days of the quarter the inspector was in office.
        of_days: Days in the quarter.
        quarter: The quarter.
        amount: The full quarterly amount that was prorated.
    """

    code: ClassVar[str] = "paid_pro_rata"
    amount: Money = attrs.field(validator=_money)

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return self._part(lang) + _i18n.text(
            lang,
            "; paid pro rata: {amount} × {days} ÷ {of_days}",
            amount=self.amount.render(lang),
            days=_n(lang, self.days),
            of_days=_n(lang, self.of_days),
        )


@attrs.frozen(kw_only=True)
class PaidInFullForPart(_PartOfQuarter):
    """Appointed for part of the quarter under a policy that pays a partial quarter in full.

    Attributes:
        days: Days of the quarter the inspector was in office.
        of_days: Days in the quarter.
        quarter: The quarter.
    """

    code: ClassVar[str] = "paid_in_full_for_part"

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return self._part(lang) + _i18n.text(lang, "; the policy pays a partial quarter in full")


@attrs.frozen(kw_only=True)
class Active(_Reason):
    """Active enough in a whole quarter of appointment: paid the full amount.

    Attributes:
        submissions: Submissions issued in the quarter.
        violations: Violations they list.
        quarter: The quarter.
    """

    code: ClassVar[str] = "active"
    submissions: int = attrs.field(validator=_checks.count)
    violations: int = attrs.field(validator=_checks.count)
    quarter: Quarter = attrs.field(validator=_quarter)

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return _i18n.text(
            lang,
            "active: {submissions} listing {violations} in {quarter}",
            submissions=_count(lang, self.submissions, "{n} submission(s)"),
            violations=_count(lang, self.violations, "{n} violation(s)"),
            quarter=self.quarter.render(lang),
        )


PayReason: TypeAlias = (
    TooFewSubmissions
    | TooFewViolations
    | TrainingMissing
    | NotAppointed
    | PartialQuarterUnpaid
    | PaidProRata
    | PaidInFullForPart
    | Active
)
"""Why an inspector's quarterly amount is what it is."""


# -- reward awards ------------------------------------------------------------


@attrs.frozen
class NotProductionPersonnel(_Reason):
    """Not in a production department, under a policy that rewards production personnel only.

    Attributes:
        department: The employee's department.
    """

    code: ClassVar[str] = "not_production_personnel"
    department: DepartmentId = attrs.field(validator=_checks.text)

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return _i18n.text(
            lang,
            "not production personnel (department {department})",
            department=self.department,
        )


@attrs.frozen
class NotOnStaff(_Reason):
    """Not on staff on the reference date, under a policy that requires it.

    Attributes:
        reference_date: The day eligibility is judged.
        left_on: The day the employee left.
    """

    code: ClassVar[str] = "not_on_staff"
    reference_date: date = attrs.field(validator=_checks.day)
    left_on: date | None = attrs.field(validator=_checks.optional(_checks.day))

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return _i18n.text(
            lang,
            "not on staff on the reference date {reference_date} (left on {left_on})",
            reference_date=_i18n.day(self.reference_date, lang),
            left_on=_i18n.text(lang, "None")
            if self.left_on is None
            else _i18n.day(self.left_on, lang),
        )


@attrs.frozen
class BelowMinimumScore(_Reason):
    """A score below the policy's minimum.

    Attributes:
        score: Points scored in the period.
        minimum: The lowest score eligible.
    """

    code: ClassVar[str] = "below_minimum_score"
    score: int = attrs.field(validator=_checks.count)
    minimum: int = attrs.field(validator=_checks.count)

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return _i18n.text(
            lang,
            "score {score} is below the policy's minimum of {minimum}",
            score=_n(lang, self.score),
            minimum=_n(lang, self.minimum),
        )


@attrs.frozen
class BelowLowestTier(_Reason):
    """A score below the lowest score tier.

    Attributes:
        score: Points scored in the period.
        lowest: The lowest tier's minimum score.
    """

    code: ClassVar[str] = "below_lowest_tier"
    score: int = attrs.field(validator=_checks.count)
    lowest: int = attrs.field(validator=_checks.count)

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return _i18n.text(
            lang,
            "score {score} is below the lowest tier ({lowest})",
            score=_n(lang, self.score),
            lowest=_n(lang, self.lowest),
        )


@attrs.frozen
class BeyondLastBand(_Reason):
    """A rank beyond the last rank band.

    Attributes:
        rank: Rank among eligible employees.
        last_rank: The last band's worst rank.
    """

    code: ClassVar[str] = "beyond_last_band"
    rank: int = attrs.field(validator=_checks.count)
    last_rank: int = attrs.field(validator=_checks.count)

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return _i18n.text(
            lang,
            "rank {rank} is beyond the last band (rank {last_rank})",
            rank=_n(lang, self.rank),
            last_rank=_n(lang, self.last_rank),
        )


@attrs.frozen(kw_only=True)
class CutByRecipientCap(_Reason):
    """Cut by the cap on recipients: the better-ranked filled it first.

    Attributes:
        cap: The most recipients the policy allows.
        admitted: Better-ranked employees admitted before.
        tied: Whether the employee was cut together with tied employees.
    """

    code: ClassVar[str] = "cut_by_recipient_cap"
    cap: int = attrs.field(validator=_checks.count)
    admitted: int = attrs.field(validator=_checks.count)
    tied: bool = attrs.field(default=False, validator=_checks.flag)

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return _i18n.text(
            lang,
            "cut by the cap of {cap} recipients: "
            "{admitted} better-ranked employees were admitted first{tied}",
            cap=_n(lang, self.cap),
            admitted=_n(lang, self.admitted),
            tied=_i18n.text(lang, " (tied employees are admitted or cut together)")
            if self.tied
            else "",
        )


@attrs.frozen(kw_only=True)
class CutByBudget(_Reason):
    """Cut by the budget: the award would bring what is committed above it.

    Attributes:
        budget: The most the policy pays in all.
        committed: What better-ranked employees were awarded before.
        would_reach: What is committed with this award (or tied group) added.
    """

    code: ClassVar[str] = "cut_by_budget"
    budget: Money = attrs.field(validator=_money)
    committed: Money = attrs.field(validator=_money)
    would_reach: Money = attrs.field(validator=_money)

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return _i18n.text(
            lang,
            "cut by the budget of {budget}: {committed} was committed to "
            "better-ranked employees and this award would bring it to {would_reach}",
            budget=self.budget.render(lang),
            committed=self.committed.render(lang),
            would_reach=self.would_reach.render(lang),
        )


@attrs.frozen(kw_only=True)
class RankedBelowRecipientCap(_Reason):
    """Ranked below the first employee the cap on recipients cut, so cut too.

    Attributes:
        cap: The most recipients the policy allows.
        first_cut: The first employee the cap cut.
    """

    code: ClassVar[str] = "ranked_below_recipient_cap"
    cap: int = attrs.field(validator=_checks.count)
    first_cut: EmployeeId = attrs.field(validator=_checks.text)

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return _i18n.text(
            lang,
            "cut by the cap of {cap} recipients: ranked below {first_cut}, "
            "the first employee it cut",
            cap=_n(lang, self.cap),
            first_cut=self.first_cut,
        )


@attrs.frozen(kw_only=True)
class RankedBelowBudget(_Reason):
    """Ranked below the first employee the budget cut, so cut too.

    Attributes:
        budget: The most the policy pays in all.
        first_cut: The first employee the budget cut.
    """

    code: ClassVar[str] = "ranked_below_budget"
    budget: Money = attrs.field(validator=_money)
    first_cut: EmployeeId = attrs.field(validator=_checks.text)

    @checked
    def render(self, lang: Language = "en") -> str:
        """The reason in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``)."""
        return _i18n.text(
            lang,
            "cut by the budget of {budget}: ranked below {first_cut}, the first employee it cut",
            budget=self.budget.render(lang),
            first_cut=self.first_cut,
        )


ExclusionReason: TypeAlias = (
    NotProductionPersonnel
    | NotOnStaff
    | BelowMinimumScore
    | BelowLowestTier
    | BeyondLastBand
    | CutByRecipientCap
    | CutByBudget
    | RankedBelowRecipientCap
    | RankedBelowBudget
)
"""Why someone considered for an award gets none."""

REASONS: dict[str, type] = {
    kind.__dict__["code"]: kind for kind in get_args(PayReason | ExclusionReason)
}
"""Every reason type by its code."""
