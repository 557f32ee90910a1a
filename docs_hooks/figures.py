"""MkDocs hook: pictures and tables drawn at build time from the library itself.

A page writes a marker and gets the figure or table in its place:

- ``<!-- figure: NAME -->``: an SVG drawn with matplotlib from the library and
  the demo company (see ``FIGURES``), with its caption;
- ``<!-- table: lifecycle-transitions -->``: the allowed transitions of a
  safety report, from the code's own transition table;
- ``<!-- table: loading-bounds -->``: the limits on loaded values, from the
  constants the checks use.

The SVGs are added to the site as generated files, so links to them are
checked like any other and nothing drawn by hand can go stale.
"""

from __future__ import annotations

import collections
import functools
import inspect
import io
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

import matplotlib as mpl

mpl.use("Agg")  # no display on a build machine

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from ohs_domain import (
    Month,
    Records,
    ReportGroup,
    ReportStatus,
    RiskLevel,
    SafetyReport,
    Schedule,
    ScoreThresholds,
    Year,
    demo,
    kz,
)
from ohs_domain import _checks as checks_module
from ohs_domain import _money as money_module
from ohs_domain import _reporting as reporting_module
from ohs_domain import _zones as zones_module
from ohs_domain import serialization as serialization_module

FOLDER = "figures"
YEAR = 2023  # the seed's year: the demo company's figures are those of 2023
TEAL = "#00796b"
ORANGE = "#e65100"
GREY = "#607d8b"
COLOURS = {RiskLevel.LOW: "#4db6ac", RiskLevel.MEDIUM: "#ffb300", RiskLevel.HIGH: "#e53935"}

_FIGURE = re.compile(r"<!-- figure: ([\w-]+) -->")
_TABLE = re.compile(r"<!-- table: ([\w-]+) -->")
_CODE = re.compile(r"`([^`]+)`")


class Picture(NamedTuple):
    """One generated figure: how to draw it, and what it says in words."""

    draw: Callable[[], Figure]
    alt: str
    caption: str


@functools.cache
def _records() -> Records:
    return demo.build_records()  # a few tenths of a second; once per build process


def _style() -> None:
    mpl.rcParams.update(
        {
            "font.family": "DejaVu Sans",
            "font.size": 10,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.color": "#e0e0e0",
            "grid.linewidth": 0.6,
            "axes.axisbelow": True,
            "axes.titleweight": "bold",
            "axes.titlesize": 11,
            "axes.titlelocation": "left",
            "svg.hashsalt": "ohs_domain",  # stable ids: the same data gives the same file
            "svg.fonttype": "path",  # no font needed where the page is viewed
        }
    )


def _tenge(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ")


def reward_tiers() -> Figure:
    """Score → multiplier → amount, for the demo policy at the wage of the seed's year."""
    policy = demo.REWARD_POLICY
    tiers = policy.tiers
    if not isinstance(tiers, ScoreThresholds):  # pragma: no cover - the demo uses thresholds
        msg = "the reward-tiers figure draws score thresholds"
        raise TypeError(msg)
    wage = policy.wage.at(date(YEAR, 12, 31)).amount
    last = tiers.tiers[-1].min_score + 15
    scores = list(range(last + 1))
    multipliers = [tier.multiplier if (tier := tiers.tier_for(score)) else 0 for score in scores]
    figure, axes = plt.subplots(figsize=(8, 4.2), layout="constrained")
    axes.fill_between(scores, multipliers, step="post", color=TEAL, alpha=0.15)
    axes.step(scores, multipliers, where="post", color=TEAL, linewidth=2)
    for tier in tiers.tiers:
        top = tier.max_score if tier.max_score is not None else last
        amount = wage * tier.multiplier
        span = f"{tier.min_score}–{tier.max_score}" if tier.max_score else f"{tier.min_score}+"
        axes.annotate(
            f"{tier.multiplier} × MW\n{_tenge(float(amount))} KZT\nscore {span}",
            xy=((tier.min_score + top) / 2, tier.multiplier),
            xytext=(0, 6),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=8.5,
        )
    first = tiers.tiers[0].min_score
    axes.annotate(
        "no reward\nbelow the\nfirst tier",
        xy=(first / 2, 0.3),
        ha="center",
        va="bottom",
        fontsize=8.5,
        color=GREY,
    )
    axes.set_xlim(0, last)
    axes.set_ylim(0, policy.multiplier_bounds.maximum + 3.5)
    axes.set_xlabel("score: accepted events and defects in the year (each weighs 1)")
    axes.set_ylabel("multiplier of the minimum wage")
    axes.set_title(f"Reward tiers of the demo policy, paid at the minimum wage of {YEAR}")
    thousands = float(wage) / 1000

    def to_amount(multiplier: Any) -> Any:
        return multiplier * thousands

    def to_multiplier(amount: Any) -> Any:
        return amount / thousands

    amounts = axes.secondary_yaxis("right", functions=(to_amount, to_multiplier))
    amounts.set_ylabel(f"amount, thousand KZT (MW {_tenge(float(wage))} KZT)")
    return figure


def monthly_reports() -> Figure:
    """Events and defects the demo company registered in each month of the seed's year."""
    records = _records()
    months = Year(YEAR).months()
    events: list[int] = []
    defects: list[int] = []
    for month in months:
        counts = collections.Counter(r.kind.group for r in records.reports_during(month.range))
        events.append(counts[ReportGroup.EVENT])
        defects.append(counts[ReportGroup.DEFECT])
    labels = [_month_label(month) for month in months]
    figure, axes = plt.subplots(figsize=(8, 3.8), layout="constrained")
    axes.bar(labels, events, color=TEAL, label="events")
    axes.bar(labels, defects, bottom=events, color=ORANGE, label="defects")
    for index, (event, defect) in enumerate(zip(events, defects, strict=True)):
        axes.annotate(
            f"{event + defect:,}",
            (index, event + defect),
            ha="center",
            va="bottom",
            fontsize=8,
            xytext=(0, 2),
            textcoords="offset points",
        )
    axes.set_ylabel("reports registered")
    total = sum(events) + sum(defects)
    axes.set_title(f"The demo company's safety reports in {YEAR}: {total:,} events and defects")
    axes.set_ylim(0, max(e + d for e, d in zip(events, defects, strict=True)) * 1.2)
    axes.legend(frameon=False, loc="upper right", ncols=2)
    axes.grid(axis="x", visible=False)
    return figure


def _month_label(month: Month) -> str:
    return month.range.start.strftime("%b")


def elimination_times() -> Figure:
    """How long eliminating a report took in the demo company, by risk level."""
    records = _records()
    days: dict[RiskLevel, list[float]] = {risk: [] for risk in RiskLevel}
    for report in records.reports_during(Year(YEAR).range):
        if report.status is ReportStatus.ELIMINATED:
            duration = report.history[-1].at - report.reported_at
            days[report.risk].append(duration.total_seconds() / 86_400)
    deadlines = demo.ELIMINATION_DEADLINES
    figure, panels = plt.subplots(1, len(days), figsize=(9, 3.6), layout="constrained")
    for axes, (risk, taken) in zip(panels, days.items(), strict=True):
        deadline = deadlines.allowed(risk).total_seconds() / 86_400
        top = max([*taken, deadline]) * 1.05
        axes.hist(taken, bins=24, range=(0, top), color=COLOURS[risk])
        axes.axvline(deadline, color="#263238", linestyle="--", linewidth=1.2)
        late = sum(1 for value in taken if value > deadline)
        axes.set_title(f"{risk.value} risk: {len(taken):,} eliminated")
        axes.annotate(
            f"deadline {deadline:g} d\n{late:,} late",
            xy=(deadline, 1),
            xycoords=("data", "axes fraction"),
            xytext=(4, -4),
            textcoords="offset points",
            va="top",
            fontsize=8.5,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"},
        )
        axes.set_xlabel("days from registration to elimination")
    panels[0].set_ylabel("reports")
    return figure


def _year_fraction(day: date) -> float:
    """A day as a number on a time axis: 2022.5 is about 1 July 2022."""
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


def _steps(
    axes: Axes, schedule: Schedule[Any], label: str, colour: str, *, labelled: bool = True
) -> None:
    starts = [entry.since for entry in schedule.entries]
    values = [float(entry.value.amount) for entry in schedule.entries]
    end = date(starts[-1].year + 1, 1, 1)
    days = [_year_fraction(day) for day in (*starts, end)]
    style = "-" if labelled else "--"
    axes.step(
        days,
        [*values, values[-1]],
        style,
        where="post",
        color=colour,
        linewidth=2 if labelled else 1.4,
        label=label,
    )
    axes.set_xticks(range(starts[0].year, end.year + 1))
    if not labelled:
        return
    previous: float | None = None
    labelled_at = -1.0
    for start, value in zip(days, values, strict=False):  # days has one more: the end
        if value == previous:
            continue  # the same value re-enacted by the next budget law
        previous = value
        close = start - labelled_at < 0.6  # a change within months: label it below the line
        labelled_at = start
        axes.annotate(
            _tenge(value),
            (start, value),
            xytext=(4, -10) if close else (0, 5),
            textcoords="offset points",
            fontsize=7.5,
            ha="left",
        )


def kz_parameters() -> Figure:
    """The minimum wage and the МРП in force over the years, from ``ohs_domain.kz``."""
    figure, (wage, index) = plt.subplots(1, 2, figsize=(9, 3.6), layout="constrained")
    _steps(wage, kz.MINIMUM_WAGE, "minimum wage", TEAL)
    wage.set_title("Minimum monthly wage (МЗП), KZT")
    wage.set_ylim(0, None)
    _steps(index, kz.MONTHLY_CALCULATION_INDEX, "МРП, fines, taxes and fees", ORANGE)
    _steps(index, kz.MONTHLY_CALCULATION_INDEX_FOR_BENEFITS, "МРП, benefits", GREY, labelled=False)
    index.set_title("Monthly calculation index (МРП), KZT")
    index.set_ylim(0, None)
    index.legend(frameon=False, loc="lower right", fontsize=8)
    for axes in (wage, index):
        axes.yaxis.set_major_formatter(lambda value, _: _tenge(value))
    return figure


def _successors() -> dict[ReportStatus, tuple[ReportStatus, ...]]:
    return dict(reporting_module._NEXT)


def lifecycle() -> Figure:
    """The safety report's lifecycle as a state diagram, laid out from the transition table."""
    successors = _successors()
    start = ReportStatus.REGISTERED
    place: dict[ReportStatus, tuple[int, int]] = {start: (0, 0)}
    layer = [start]
    while layer:
        following: list[ReportStatus] = []
        for status in layer:
            for target in successors[status]:
                if target not in place:
                    place[target] = (place[status][0] + 1, len(following))
                    following.append(target)
        layer = following
    columns = max(column for column, _ in place.values()) + 1
    rows = max(row for _, row in place.values()) + 1
    figure, axes = plt.subplots(figsize=(1.75 * columns + 0.5, 0.95 * rows + 0.5))
    axes.set_xlim(-0.9, columns - 0.4)
    axes.set_ylim(-rows + 0.35, 0.75)
    axes.set_axis_off()
    width, height = 0.78, 0.42

    def centre(status: ReportStatus) -> tuple[float, float]:
        column, row = place[status]
        return column * 1.0, -row * 1.0

    for status in place:
        x, y = centre(status)
        final = not successors[status]
        axes.add_patch(
            FancyBboxPatch(
                (x - width / 2, y - height / 2),
                width,
                height,
                boxstyle="round,pad=0.02,rounding_size=0.08",
                facecolor="#e0f2f1" if not final else "#ffffff",
                edgecolor=TEAL,
                linewidth=2.6 if final else 1.4,
            )
        )
        axes.text(x, y, status.name, ha="center", va="center", fontsize=9.5, family="monospace")
    for status, targets in successors.items():
        for target in targets:
            (x0, y0), (x1, y1) = centre(status), centre(target)
            axes.add_patch(
                FancyArrowPatch(
                    (x0 + width / 2, y0) if y0 == y1 else (x0, y0 - height / 2),
                    (x1 - width / 2, y1),
                    arrowstyle="-|>",
                    mutation_scale=14,
                    color="#37474f",
                    linewidth=1.3,
                    connectionstyle="arc3" if y0 == y1 else "angle,angleA=-90,angleB=180,rad=0",
                )
            )
    x, y = centre(start)
    axes.plot([x - width / 2 - 0.3], [y], "o", color="#37474f", markersize=9)
    axes.add_patch(
        FancyArrowPatch(
            (x - width / 2 - 0.27, y),
            (x - width / 2, y),
            arrowstyle="-|>",
            mutation_scale=14,
            color="#37474f",
        )
    )
    axes.text(
        columns - 0.45,
        -rows + 0.4,
        "bold border: final status",
        ha="right",
        va="bottom",
        fontsize=8,
        color=GREY,
    )
    return figure


FIGURES: dict[str, Picture] = {
    "reward-tiers": Picture(
        reward_tiers,
        "A step chart: no reward below a score of 12, then 3, 5, 7 and 10 times the minimum wage.",
        "The demo company's reward tiers (`demo.REWARD_POLICY`): an employee's score "
        f"decides the multiplier, paid at the minimum wage in force on 31 December {YEAR} "
        "(`kz.MINIMUM_WAGE`).",
    ),
    "monthly-reports": Picture(
        monthly_reports,
        "Stacked bars of events and defects registered in each month of the year.",
        f"Events and defects registered each month of {YEAR} in the demo company "
        "(`demo.build_records()`), counted in the company's time zone.",
    ),
    "elimination-times": Picture(
        elimination_times,
        "Three histograms of days from registration to elimination, one per risk level.",
        f"Days from registration to elimination of the reports eliminated in {YEAR}, by risk "
        "level, against the deadlines of `demo.ELIMINATION_DEADLINES` (dashed).",
    ),
    "kz-parameters": Picture(
        kz_parameters,
        "Two step charts: the minimum wage and the monthly calculation index by year.",
        "The values in force on each day, from `kz.MINIMUM_WAGE`, "
        "`kz.MONTHLY_CALCULATION_INDEX` and `kz.MONTHLY_CALCULATION_INDEX_FOR_BENEFITS`.",
    ),
    "lifecycle": Picture(
        lifecycle,
        "A state diagram: registered, then accepted, in progress and eliminated; "
        "or registered, then rejected.",
        "The lifecycle of a `SafetyReport`, drawn from the library's transition table.",
    ),
}


def render(name: str) -> bytes:
    """The SVG of one figure."""
    _style()
    figure = FIGURES[name].draw()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def _methods() -> dict[ReportStatus, str]:
    """Which public method of ``SafetyReport`` enters each status, read from its source."""
    found: dict[ReportStatus, str] = {}
    for name, function in vars(SafetyReport).items():
        if name.startswith("_") or not inspect.isfunction(function):
            continue
        entered = re.search(r"_moved\(\s*ReportStatus\.(\w+)", inspect.getsource(function))
        if entered:
            found[ReportStatus[entered[1]]] = name
    return found


def transitions_table() -> str:
    """The allowed transitions, one row each, from the code's transition table."""
    rows = ["| from | to | by calling | the new status is |", "| --- | --- | --- | --- |"]
    successors = _successors()
    methods = _methods()
    for status, targets in successors.items():
        for target in targets:
            method = methods.get(target)
            call = f"[`{method}`][ohs_domain.SafetyReport.{method}]" if method else "—"
            then = "final" if not successors[target] else "not final"
            rows.append(f"| `{status.name}` | `{target.name}` | {call} | {then} |")
    return "\n".join(rows)


def bounds_table() -> str:
    """The limits a loaded value must respect, from the constants the checks use."""
    largest = money_module._LARGEST
    smallest = money_module._SMALLEST
    digits = money_module._MAX_DIGITS
    text = serialization_module._MAX_TEXT
    exact = money_module._EXACT.prec
    rows = [
        "| value | accepted |",
        "| --- | --- |",
        f"| money amount | 0, or a size from {_power(smallest)} up to (not including) "
        f"{_power(largest)}; at most {digits} significant digits |",
        f"| result of adding or multiplying amounts | exact in {exact} digits, else an error |",
        "| decimal string on input | at most 100 characters; a float is never accepted |",
        "| hours and other decimals | the same bounds as a money amount |",
        f"| integer | from −{serialization_module.MAX_INTEGER:,} to "
        f"{serialization_module.MAX_INTEGER:,} (2<sup>53</sup> − 1, exact in JavaScript); "
        f"a literal of more than {serialization_module._TOO_MANY_DIGITS} digits is refused "
        "at its path |",
        f"| any other string | at most {text:,} characters; no lone surrogates |",
        "| text (names, titles) | no control characters (but tab and line breaks) and no "
        "bidirectional overrides or isolates |",
        "| id and reference | visible characters only, no blank at either end |",
        f"| moment | from {checks_module.EARLIEST_MOMENT:%Y-%m-%d} to "
        f"{checks_module.LATEST_MOMENT:%Y-%m-%d} UTC, so that its day in any zone is a "
        "day the periods hold |",
        f"| time zone | one of the {len(zones_module.ZONE_KEYS)} IANA zones of the `tzdata` "
        "package; not `localtime`, `Factory`, `posix/…` or `right/…` |",
    ]
    return "\n".join(rows)


def _power(value: Decimal) -> str:
    return f"10<sup>{value.adjusted()}</sup>"


def _figure_markdown(name: str, page_uri: str) -> str:
    picture = FIGURES[name]
    up = "../" * page_uri.count("/")
    caption = _CODE.sub(r"<code>\1</code>", picture.caption)  # raw HTML: no Markdown inside
    return (
        f'<figure class="ohs-figure" markdown="span">\n'
        f"  ![{picture.alt}]({up}{FOLDER}/{name}.svg)\n"
        f"  <figcaption>{caption}</figcaption>\n"
        f"</figure>"
    )


_TABLES: dict[str, Callable[[], str]] = {
    "lifecycle-transitions": transitions_table,
    "loading-bounds": bounds_table,
}


# After the i18n plugin, which drops generated files (ultrabug/mkdocs-static-i18n#263).
@event_priority(-100)
def on_files(files: Files, config: Any, **_: Any) -> Files:
    """Add every figure to the site as a generated SVG."""
    for name in FIGURES:
        files.append(File.generated(config, f"{FOLDER}/{name}.svg", content=render(name)))
    return files


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Replace figure and table markers with the generated figure or table."""
    uri = page.file.src_uri

    def figure(match: re.Match[str]) -> str:
        if match[1] not in FIGURES:
            msg = f"{uri}: no figure named {match[1]!r}; known: {', '.join(FIGURES)}"
            raise KeyError(msg)
        return _figure_markdown(match[1], uri)

    def table(match: re.Match[str]) -> str:
        if match[1] not in _TABLES:
            msg = f"{uri}: no table named {match[1]!r}; known: {', '.join(_TABLES)}"
            raise KeyError(msg)
        return _TABLES[match[1]]()

    return _TABLE.sub(table, _FIGURE.sub(figure, markdown))
