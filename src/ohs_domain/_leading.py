"""Leading indicators of a year, each with its explicit base and its Vision Zero golden rule.

Next to the lagging injury rates, [`leading_indicators`][ohs_domain.leading_indicators]
measures what prevents injuries:

| indicator | formula | golden rule |
| --- | --- | --- |
| reports per 200,000 hours | non-rejected reports × 200,000 ÷ employees' hours | 7 |
| near misses per recordable injury | near-miss reports ÷ employees' recordable injuries | 2 |
| corrective actions closed on time | done by the due date ÷ due (cancelled left out) | 2 |
| production personnel trained | production employees trained ÷ production headcount | 6 |

Rule 7 is participation, rule 2 hazards and risks, rule 6 competence.

Each is undefined, never 0, on an empty base: no hours worked, no recordable
injury, no action due, no production personnel.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import ClassVar

import attrs

from ohs_domain import _i18n, _rows
from ohs_domain._action_tracking import action_tracking
from ohs_domain._actions import ActionDeadlines
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._coverage import training_coverage
from ohs_domain._explain import Explanation, Step
from ohs_domain._i18n import N_, Language, message
from ohs_domain._measures import Rate, Share
from ohs_domain._periods import Year
from ohs_domain._records import Records
from ohs_domain._reporting import ReportKind

__all__ = ["LeadingIndicator", "LeadingIndicators", "leading_indicators"]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class LeadingIndicator:
    """One leading indicator: its figure and the golden rule it serves.

    Attributes:
        name: What it measures.
        golden_rule: The Vision Zero golden rule (1 to 7, ISSA 2017) it serves.
        value: The figure with its base: a rate per stated exposure, or a share.
    """

    name: str
    golden_rule: int
    value: Rate | Share

    @checked
    def render(self, lang: Language = "en") -> str:
        """The indicator in ``lang``, with its rule; a rate names itself."""
        value = self.value.render(lang)
        if isinstance(self.value, Share):
            value = f"{_i18n.gettext(lang, self.name)}: {value}"
        return _i18n.text(lang, "{value} (golden rule {rule})", value=value, rule=self.golden_rule)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class LeadingIndicators:
    """The leading indicators of a year; `str()` renders them.

    Attributes:
        year: The year.
        as_of: The day headcounts and states are taken.
        indicators: The four indicators, in the order of the module's table.
        explanation: How each was reached.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = ("indicator", "golden_rule", "part", "whole", "value")

    year: Year
    as_of: date
    indicators: tuple[LeadingIndicator, ...]
    explanation: Explanation

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The indicators in ``lang``, one a line."""
        title = _i18n.text(lang, "Leading indicators of {year}", year=self.year)
        return "\n".join([title, *(f"  {i.render(lang)}" for i in self.indicators)])

    def rows(self) -> tuple[_rows.Row, ...]:
        """One row per indicator.

        Columns: ``indicator``; ``golden_rule``; ``part`` and ``whole`` (a rate's
        cases and exposure as an exact fraction string; a share's part and
        whole); ``value`` (a rate rounded to 2 places or a share in per cent to
        1 place, a decimal string; ``None`` when undefined).
        """
        rows: list[_rows.Row] = []
        for indicator in self.indicators:
            value = indicator.value
            if isinstance(value, Rate):
                part: int | str = value.cases
                whole: int | str = str(value.exposure)
                shown = value.rounded()
            else:
                part, whole, shown = value.part, value.whole, value.percent()
            rows.append(
                {
                    "indicator": indicator.name,
                    "golden_rule": indicator.golden_rule,
                    "part": part,
                    "whole": whole,
                    "value": None if shown is None else str(shown),
                }
            )
        return tuple(rows)


@checked
def leading_indicators(
    records: Records, *, year: Year, as_of: date, deadlines: ActionDeadlines
) -> LeadingIndicators:
    """The leading indicators of ``year``; ``as_of`` is the day states are taken.

    Raises:
        InvalidValueError: If ``as_of`` is before the year.
    """
    days = year.range
    reports = [r for r in records.reports_during(days) if not r.is_rejected]
    hours = records.total_hours(year.months())
    near_misses = sum(1 for r in reports if r.kind is ReportKind.NEAR_MISS)
    recordable = sum(1 for i in records.injuries_during(days) if i.severity.is_recordable)
    actions = action_tracking(records, period=year, as_of=as_of, deadlines=deadlines)
    trained = training_coverage(records, period=year, as_of=as_of).trained
    indicators = (
        LeadingIndicator(
            name=N_("reports per 200,000 hours worked"),
            golden_rule=7,
            value=Rate(
                name=N_("reports per 200,000 hours worked"),
                cases=len(reports),
                exposure=Fraction(hours),
                exposure_unit="hours worked",
                base=200_000,
            ),
        ),
        LeadingIndicator(
            name=N_("near misses per recordable injury"),
            golden_rule=2,
            value=Rate(
                name=N_("near misses per recordable injury"),
                cases=near_misses,
                exposure=Fraction(recordable),
                exposure_unit=N_("recordable injuries"),
                base=1,
                case_unit=N_("near misses"),
            ),
        ),
        LeadingIndicator(
            name=N_("corrective actions closed on time"),
            golden_rule=2,
            value=actions.closed_on_time,
        ),
        LeadingIndicator(name=N_("production personnel trained"), golden_rule=6, value=trained),
    )
    explanation = Explanation(
        (
            Step.of(
                description=message("reports registered in {year}, not rejected", year=year),
                result=len(reports),
            ),
            Step.of(
                description=message("employees' hours worked in {year}", year=year), result=hours
            ),
            Step(description=N_("near-miss reports"), result=near_misses),
            Step(description=N_("employees' recordable injuries"), result=recordable),
            *(Step(description=i.name, result=i.value) for i in indicators),
        )
    )
    return LeadingIndicators(year=year, as_of=as_of, indicators=indicators, explanation=explanation)
