"""The ``ohs-domain`` command: validate and evaluate records kept in files.

Thin on purpose: parse the arguments, call the library, render the result.
Records are a bundle JSON file, a folder of JSON Lines (one file per
collection, see [`read_json_lines`][ohs_domain.serialization.read_json_lines])
or a folder of CSV tables ([`read_csv_tables`][ohs_domain.serialization.read_csv_tables]);
policies are JSON or TOML files in the library's wire form.

Exit codes: 0 done; 1 the data or a file is invalid (every problem is printed
on stderr, one per line, with its path); 2 the command line is wrong.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, TypeVar

import ohs_domain
from ohs_domain import _i18n, _rows, _scenarios, demo, schema, serialization
from ohs_domain._arguments import checked
from ohs_domain._errors import InvalidDataError, InvalidValueError, OhsDomainError
from ohs_domain._i18n import LANGUAGES, Language, message
from ohs_domain._inspector_pay import (
    InspectorPay,
    InspectorPayPolicy,
    InspectorPayYear,
    InspectorQuarterPay,
    inspector_pay,
    inspector_pay_for_year,
)
from ohs_domain._key_points import key_points
from ohs_domain._money import Money
from ohs_domain._periods import Month, Period, Quarter, Year, as_range
from ohs_domain._records import COLLECTIONS, Records
from ohs_domain._reporting import EliminationDeadlines
from ohs_domain._rewards import RewardAwards, RewardPolicy, reward_awards

__all__ = ["main"]

T = TypeVar("T")

PAY_POLICY: Final = "inspector-pay-policy.json"
REWARD_POLICY: Final = "reward-policy.json"
DEADLINES: Final = "elimination-deadlines.json"


class _Failed(Exception):  # noqa: N818 - a scenario failed: its report goes to stdout, exit 1
    pass


class _Usage(Exception):  # noqa: N818 - a wrong command line, exit 2 like argparse's own
    pass


def _progress_bars() -> Any:
    """The tqdm module, if installed (optional: pip install "ohs-domain[progress]")."""
    try:
        import tqdm  # type: ignore[import-not-found, import-untyped, unused-ignore]  # noqa: PLC0415
    except ImportError:
        return None
    return tqdm


def _read_records(path: Path) -> Records:
    """Read the records, with a progress bar on a terminal when tqdm is installed."""
    bars = _progress_bars()
    if bars is None or not sys.stderr.isatty():
        return _scenarios.read_records(path)
    with bars.tqdm(
        desc=f"reading {path.name}", unit=" records", file=sys.stderr, leave=False
    ) as bar:

        def progress(done: int) -> None:
            bar.update(done - bar.n)

        return _scenarios.read_records(path, progress)


def _warn_if_nothing_in(records: Records, period: Period, lang: Language) -> None:
    """Say on stderr when nothing in the records is dated within ``period`` (a mistyped year).

    The figures of such a period are right for the records (no reports, no awards), and
    the command still exits 0; but a zero should never pass for an answer unremarked.
    """
    recorded = records.recorded_days()
    if recorded is None:
        words = message(
            "warning: the records hold nothing dated (a report, training session, violation, "
            "submission, corrective action, injury or month of hours worked)"
        )
    elif not recorded.overlaps(as_range(period)):
        words = message(
            "warning: nothing in the records is dated within {period}: "
            "their dated records run from {first} to {last}",
            period=period,
            first=recorded.start,
            last=recorded.end - timedelta(days=1),
        )
    else:
        return
    sys.stderr.write(f"ohs-domain: {words.render(lang)}\n")


def _parsed(parse: Callable[[str], T]) -> Callable[[str], T]:
    def convert(text: str) -> T:
        try:
            return parse(text)
        except InvalidDataError as error:  # the edge's reading: its problem's words
            raise argparse.ArgumentTypeError(error.problems[0].message) from None
        except OhsDomainError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return convert


def _period(text: str) -> Period:
    # By its shape, so that a near miss gets its own form's words ("2023-Q5", "2023-13").
    if text.isdigit():
        return Year.parse(text)
    if "Q" in text:
        return Quarter.parse(text)
    if _MONTH_SHAPE.fullmatch(text):
        return Month.parse(text)
    raise InvalidValueError(
        "period", text, "a year, a quarter or a month: '2023', '2023-Q4' or '2023-11'"
    )


_MONTH_SHAPE: Final = re.compile(r"\d+-\d+")


def _day(text: str) -> date:
    return serialization.load(text, date)


_YEAR = _parsed(Year.parse)
_DAY = _parsed(_day)


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str], form: str) -> str:
    if form == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows({column: _cell(value) for column, value in row.items()} for row in rows)
    return out.getvalue()


def _cell(value: object) -> object:
    """A row's value in a CSV cell: true and false as in JSON and in the CSV tables read."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _pay_text(result: InspectorPay | InspectorPayYear, lang: Language) -> str:
    quarters = result.quarters if isinstance(result, InspectorPayYear) else (result,)
    lines = []
    for quarter in quarters:
        paid = [p for p in quarter.payments if p.amount.amount]
        lines.append(
            _say(
                lang,
                "{quarter}: {paid} of {appointed} paid, {total}",
                quarter=quarter.quarter,
                paid=len(paid),
                appointed=len(quarter.payments),
                total=quarter.total,
            )
        )
        lines.extend(
            _say(
                lang, "  not paid: {inspector}: {reasons}", inspector=p.inspector, reasons=p.reasons
            )
            for p in quarter.payments
            if not p.amount.amount
        )
    if isinstance(result, InspectorPayYear):
        lines.append(_say(lang, "{period}: {total}", period=result.year, total=result.total))
    return "\n".join(lines) + "\n"


def _awards_text(result: RewardAwards, lang: Language) -> str:
    lines = [
        _say(
            lang,
            "{n} awards, {total} at {wage}",
            "{n} awards, {total} at {wage}",
            n=len(result.awards),
            total=result.total,
            wage=result.wage.value,
        )
    ]
    by_multiplier = Counter(a.multiplier for a in result.awards)
    lines.extend(f"  ×{multiplier}: {count}" for multiplier, count in sorted(by_multiplier.items()))
    lines.extend(
        _say(
            lang,
            "  {rank}. {employee}: score {score}, ×{multiplier}, {amount}",
            rank=str(a.rank),
            employee=a.employee,
            score=str(a.score),
            multiplier=str(a.multiplier),
            amount=a.amount,
        )
        for a in result.awards
    )
    return "\n".join(lines) + "\n"


def _say(lang: Language, words: str, plural: str | None = None, **values: Any) -> str:
    return message(words, plural, **values).render(lang)


def _render(result: Any, args: argparse.Namespace, text: Callable[[Any, Language], str]) -> str:
    form = args.format
    if form == "text":
        return text(result, args.lang)
    return _table(result.rows(), result.COLUMNS, form)


def _validate(args: argparse.Namespace) -> str:
    records = _read_records(args.records)
    counts = ", ".join(
        f"{_i18n.number(len(getattr(records, name)), args.lang)} {name}" for name in COLLECTIONS
    )
    return _say(args.lang, "valid: {counts}", counts=counts) + "\n"


_PERIOD_COLUMNS: Final = ("period", "appointed", "paid", "amount", "currency")


def _period_row(period: Period, payments: Sequence[InspectorQuarterPay], total: Money) -> _rows.Row:
    """One period's line: inspectors considered, inspectors paid, the total paid."""
    return {
        "period": str(period),
        "appointed": len({p.inspector for p in payments}),
        "paid": len({p.inspector for p in payments if p.amount.amount}),
        **_rows.money(total),
    }


def _period_rows(result: InspectorPay | InspectorPayYear) -> list[_rows.Row]:
    """A row per quarter, and for a year a last row for the year (distinct inspectors)."""
    if isinstance(result, InspectorPay):
        return [_period_row(result.quarter, result.payments, result.total)]
    rows = [_period_row(q.quarter, q.payments, q.total) for q in result.quarters]
    payments = [p for q in result.quarters for p in q.payments]
    return [*rows, _period_row(result.year, payments, result.total)]


def _inspector_pay(args: argparse.Namespace) -> str:
    records = _read_records(args.records)
    policy = _scenarios.read_file(args.policy, InspectorPayPolicy)
    result: InspectorPay | InspectorPayYear
    if args.quarter is not None:
        result = inspector_pay(records, quarter=args.quarter, policy=policy)
    else:
        result = inspector_pay_for_year(records, year=args.year, policy=policy)
    _warn_if_nothing_in(records, args.quarter or args.year, args.lang)
    if args.format != "text" and not args.by_inspector:
        return _table(_period_rows(result), _PERIOD_COLUMNS, args.format)
    return _render(result, args, _pay_text)


def _reward_awards(args: argparse.Namespace) -> str:
    records = _read_records(args.records)
    policy = _scenarios.read_file(args.policy, RewardPolicy)
    result = reward_awards(records, period=args.period, paid_on=args.paid_on, policy=policy)
    _warn_if_nothing_in(records, args.period, args.lang)
    return _render(result, args, _awards_text)


def _key_points(args: argparse.Namespace) -> str:
    records = _read_records(args.records)
    result = key_points(
        records,
        year=args.year,
        as_of=args.as_of or args.year.last_day,
        deadlines=_scenarios.read_file(args.deadlines, EliminationDeadlines),
        inspector_pay_policy=_scenarios.read_file(args.pay_policy, InspectorPayPolicy),
        reward_policy=_scenarios.read_file(args.reward_policy, RewardPolicy),
        paid_on=args.paid_on,
    )
    _warn_if_nothing_in(records, args.year, args.lang)
    return _render(result, args, lambda points, lang: f"{points.render(lang)}\n")


def _indicators(args: argparse.Namespace) -> str:
    records = _read_records(args.records)
    deadlines = None
    if args.deadlines is not None:
        deadlines = _scenarios.read_file(args.deadlines, EliminationDeadlines)
    results = _scenarios.indicators(
        records, period=args.period, as_of=args.as_of, deadlines=deadlines
    )
    _warn_if_nothing_in(records, args.period, args.lang)
    rows = [{"indicator": type(r).__name__, **row} for r in results for row in r.rows()]
    if args.format != "text":
        columns = ["indicator", *dict.fromkeys(c for r in results for c in r.COLUMNS)]
        return _table(rows, columns, args.format)
    return "".join(_indicator_line(row, args.lang) for row in rows)


_DECIMAL: Final = re.compile(r"-?\d+\.\d+")


def _indicator_line(row: _rows.Row, lang: Language) -> str:
    """One row as ``Indicator: column=value, ...``: in English as the rows say it, else in words.

    In Russian and Kazakh the indicator, the columns and the values the catalogs list
    (``training_centre``, ``hours worked``) are translated, numbers formatted per language.
    """

    def shown(value: object) -> str:
        if lang == "en" or isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return _i18n.number(value, lang)
        if isinstance(value, str) and _DECIMAL.fullmatch(value):
            return _i18n.number(Decimal(value), lang)
        return _i18n.gettext(lang, value) if isinstance(value, str) else str(value)

    cells = ", ".join(
        f"{_i18n.gettext(lang, column)}={shown(value)}"
        for column, value in row.items()
        if column != "indicator" and value is not None
    )
    return f"{_i18n.gettext(lang, str(row['indicator']))}: {cells}\n"


def _explain(args: argparse.Namespace) -> str:
    records = _read_records(args.records)
    result: InspectorPay | InspectorPayYear | RewardAwards
    if args.rule == "reward-awards":
        if args.period is None or args.paid_on is None:
            raise _Usage("--rule reward-awards needs --period and --paid-on")
        policy = _scenarios.read_file(args.policy, RewardPolicy)
        result = reward_awards(records, period=args.period, paid_on=args.paid_on, policy=policy)
    else:
        pay_policy = _scenarios.read_file(args.policy, InspectorPayPolicy)
        if args.quarter is not None:
            result = inspector_pay(records, quarter=args.quarter, policy=pay_policy)
        elif args.year is not None:
            result = inspector_pay_for_year(records, year=args.year, policy=pay_policy)
        else:
            raise _Usage("--rule inspector-pay needs --quarter or --year")
    text = f"{result.explain(args.person).render(args.lang)}\n"
    period = args.period if args.rule == "reward-awards" else args.quarter or args.year
    _warn_if_nothing_in(records, period, args.lang)
    return text


def _demo(args: argparse.Namespace) -> str:
    if args.scale < 1:
        raise _Usage(f"--scale: must be at least 1, not {args.scale}")
    folder: Path = args.out
    records = demo.build_records(args.scale)
    if args.tables == "csv":
        serialization.write_csv_tables(records, folder)
    else:
        serialization.write_json_lines(records, folder)
    for name, policy in (
        (PAY_POLICY, demo.INSPECTOR_PAY_POLICY),
        (REWARD_POLICY, demo.REWARD_POLICY),
        (DEADLINES, demo.ELIMINATION_DEADLINES),
    ):
        (folder / name).write_text(serialization.dump_json(policy) + "\n", encoding="utf-8")
    return f"wrote the demo company (scale {args.scale}) to {folder}\n"


def _test(args: argparse.Namespace) -> str:
    outcomes = [outcome for path in args.scenarios for outcome in _scenarios.run_file(path)]
    lang: Language = args.lang
    lines = []
    for outcome in outcomes:
        verdict = "FAIL: {name}" if outcome.differences else "pass: {name}"
        lines.append(_say(lang, verdict, name=outcome.name))
        lines.extend(
            _say(
                lang,
                "  {figure}: expected {expected}, got {got}",
                figure=figure,
                expected=repr(expected),
                got=repr(got),
            )
            for figure, expected, got in outcome.differences
        )
    failed = sum(1 for outcome in outcomes if outcome.differences)
    lines.append(
        _say(
            lang,
            "{n} scenarios, {failed} failed",
            "{n} scenarios, {failed} failed",
            n=len(outcomes),
            failed=str(failed),
        )
    )
    report = "\n".join(lines) + "\n"
    if failed:
        raise _Failed(report)
    return report


_SCHEMAS: Final = {kind.__name__: kind for kind in schema.TYPES}


def _schema(args: argparse.Namespace) -> str:
    kind = _SCHEMAS[args.type]
    return json.dumps(schema.json_schema(kind), ensure_ascii=False, indent=2) + "\n"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ohs-domain",
        description="Validate and evaluate occupational health and safety records.",
        epilog="Exit codes: 0 done; 1 invalid data or file; 2 wrong command line.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {ohs_domain.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace], str], help_: str) -> Any:
        sub = commands.add_parser(name, help=help_, description=help_)
        sub.set_defaults(run=run, parser=sub)
        if name not in {"demo", "schema", "test"}:
            sub.add_argument(
                "records",
                type=Path,
                help="a bundle JSON file, or a folder of JSON Lines or of CSV tables",
            )
        if name not in {"demo", "validate", "schema", "test", "explain"}:
            sub.add_argument("--format", choices=("text", "json", "csv"), default="text")
        if name not in {"demo", "schema"}:
            sub.add_argument(
                "--lang", choices=LANGUAGES, default="en", help="the text's language (en, ru, kk)"
            )
        return sub

    command("validate", _validate, "Load the records and report every problem.")

    pay = command("inspector-pay", _inspector_pay, "Technical inspectors' pay.")
    pay.add_argument("--policy", type=Path, required=True, help="the pay policy (JSON or TOML)")
    when = pay.add_mutually_exclusive_group(required=True)
    when.add_argument("--quarter", type=_parsed(Quarter.parse), help="e.g. 2023-Q3")
    when.add_argument("--year", type=_YEAR, help="e.g. 2023")
    pay.add_argument(
        "--by-inspector",
        action="store_true",
        help="json/csv: the result's rows, one per inspector and quarter, instead of one row "
        "per quarter (and the year) with the inspectors appointed, paid and the amount",
    )

    awards = command("reward-awards", _reward_awards, "Rewards for reporting.")
    awards.add_argument("--policy", type=Path, required=True, help="the reward policy")
    awards.add_argument("--period", type=_parsed(_period), required=True, help="2023, 2023-Q4")
    awards.add_argument("--paid-on", type=_DAY, required=True, help="e.g. 2024-01-25")

    points = command("key-points", _key_points, "The key points of a year.")
    points.add_argument("--year", type=_YEAR, required=True)
    points.add_argument("--as-of", type=_DAY, help="default: the year's last day")
    points.add_argument("--paid-on", type=_DAY, required=True, help="when rewards are paid")
    points.add_argument("--deadlines", type=Path, required=True, help="elimination deadlines")
    points.add_argument("--pay-policy", type=Path, required=True, help="inspector pay policy")
    points.add_argument("--reward-policy", type=Path, required=True, help="reward policy")

    signs = command("indicators", _indicators, "The leading and lagging indicators of a period.")
    signs.add_argument("--period", type=_parsed(_period), required=True, help="2023, 2023-Q4")
    signs.add_argument("--as-of", type=_DAY, required=True, help="the reference date")
    signs.add_argument("--deadlines", type=Path, help="elimination deadlines (adds elimination)")

    why = command("explain", _explain, "Why one person is paid or awarded what they are.")
    why.add_argument("person", help="the employee's id, e.g. E-0000017")
    why.add_argument("--rule", choices=("inspector-pay", "reward-awards"), required=True)
    why.add_argument("--policy", type=Path, required=True, help="the rule's policy")
    why.add_argument("--quarter", type=_parsed(Quarter.parse), help="inspector pay: e.g. 2023-Q3")
    why.add_argument("--year", type=_YEAR, help="inspector pay: e.g. 2023")
    why.add_argument("--period", type=_parsed(_period), help="rewards: 2023, 2023-Q4")
    why.add_argument("--paid-on", type=_DAY, help="rewards: e.g. 2024-01-25")

    make = command("demo", _demo, "Write the demo company and its policies to a folder.")
    make.add_argument("--scale", type=int, default=1, help="company size multiplier")
    make.add_argument("--out", type=Path, required=True, help="the folder to write")
    make.add_argument(
        "--tables", choices=("jsonl", "csv"), default="jsonl", help="JSON Lines or CSV tables"
    )
    scenarios = command("test", _test, "Run scenario files and show what differs.")
    scenarios.add_argument("scenarios", type=Path, nargs="+", metavar="SCENARIO")

    types = command("schema", _schema, "Print the JSON Schema (2020-12) of a wire form.")
    types.add_argument("type", nargs="?", default="Records", choices=sorted(_SCHEMAS))
    return parser


@checked
def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: the process's arguments).

    Returns:
        The exit code: 0 done, 1 invalid data or file, 2 wrong command line.
    """
    parser = _parser()
    try:
        args, unknown = parser.parse_known_args(argv)
        if unknown:  # with the command's usage, which lists what it takes (not the top level's)
            args.parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    except SystemExit as stop:  # argparse has printed the usage or the help
        return 0 if stop.code in {0, None} else 2
    try:
        sys.stdout.write(args.run(args))
    except _Failed as failure:
        sys.stdout.write(str(failure))
        return 1
    except _Usage as error:
        parser.print_usage(sys.stderr)
        sys.stderr.write(f"ohs-domain: error: {error}\n")
        return 2
    except OhsDomainError as error:
        sys.stderr.write(f"{error.render(getattr(args, 'lang', 'en'))}\n")
        return 1
    except OSError as error:
        sys.stderr.write(f"ohs-domain: {_given_as(args, error.filename)}{error.strerror}\n")
        return 1
    return 0


def _given_as(args: argparse.Namespace, file: object) -> str:
    """Which of the command's arguments named ``file``: "--policy p.json: ", "records r: "."""
    for name, value in vars(args).items():
        if isinstance(value, Path) and str(value) == str(file):
            option = name if name == "records" else f"--{name.replace('_', '-')}"
            return f"{option} {file}: "
    return f"{file}: "
