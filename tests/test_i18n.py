"""Russian and Kazakh: catalogs complete in every plural form, CLDR formats, golden reports."""

from __future__ import annotations

import copy
import enum
import io
import re
import string
import subprocess
import sys
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

import ohs_domain
from ohs_domain import (
    LANGUAGES,
    Active,
    CutByRecipientCap,
    DateRange,
    Explanation,
    Fact,
    InvalidArgumentError,
    InvalidDataError,
    KeyPoints,
    Language,
    Money,
    Month,
    NotOnStaff,
    Quarter,
    Rate,
    Records,
    RewardPolicy,
    Share,
    Source,
    Step,
    TooFewSubmissions,
    Value,
    Year,
    kz,
    serialization,
    show,
)
from ohs_domain import _i18n as i18n
from ohs_domain._records import COLLECTIONS
from ohs_domain._scenarios import run_file
from ohs_domain.demo import (
    ACTION_DEADLINES,
    ELIMINATION_DEADLINES,
    INSPECTOR_PAY_POLICY,
    REWARD_POLICY,
)
from tests.builders import Q3, REASONS_IN_ENGLISH, demo_key_points, year_of_three_reporters

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
SOURCES = ROOT / "src" / "ohs_domain"
GLOSSARY = ROOT / "docs" / "reference" / "glossary.md"
TRANSLATED = ("ru", "kk")


@cache
def catalog(lang: str) -> Catalog:
    with (i18n.LOCALES / lang / "LC_MESSAGES" / "ohs_domain.po").open("rb") as file:
        return read_po(file)


def forms(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """A message's id or string as a tuple of its forms (one unless plural)."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def ids(lang: Language) -> set[tuple[str, ...]]:
    return {forms(message.id) for message in catalog(lang) if message.id}


@cache
def demo_points() -> KeyPoints:
    return demo_key_points()


# -- catalogs -----------------------------------------------------------------


def test_english_lists_every_message_id_and_translates_none() -> None:
    assert i18n.LANGUAGES == LANGUAGES == ("en", "ru", "kk")
    assert ids("en")
    for message in catalog("en"):
        assert message.id == "" or not any(forms(message.string)), message.id


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_in_every_plural_form(lang: Language) -> None:
    translated = catalog(lang)
    assert ids(lang) == ids("en")
    for message in translated:
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        if message.pluralizable:
            assert len(forms(message.string)) == translated.num_plurals, message.id
            assert all(forms(message.string)), message.id
        else:
            assert message.string, message.id


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_translation_fills_the_placeholders_of_its_id(lang: Language) -> None:
    for message in catalog(lang):
        for text in forms(message.string):
            assert _fields(text) == _fields(forms(message.id)[-1]), (message.id, text)


@pytest.mark.parametrize(("lang", "plurals"), [("ru", 3), ("kk", 2), ("en", 2)])
def test_plural_rules_come_from_cldr(lang: Language, plurals: int) -> None:
    assert catalog(lang).num_plurals == plurals


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_compiled_catalog_is_the_compilation_of_its_source(lang: Language) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, catalog(lang))
    mo = i18n.LOCALES / lang / "LC_MESSAGES" / "ohs_domain.mo"
    assert mo.read_bytes() == compiled.getvalue(), "run python3 scripts/compile_catalogs.py"


def test_every_message_id_in_the_code_is_in_the_catalog() -> None:
    keywords = {
        "text": (2,),
        "t": (1,),
        "plural": (3, 4),
        "_count": (3,),
        "N_": (1,),
        "message": (1,),
        "_say": (2,),
    }
    used = {
        forms(message)[0]
        for _, _, message, _, _ in extract_from_dir(
            SOURCES, method_map=[("**.py", "python")], keywords=keywords
        )
    }
    listed = {message[0] for message in ids("en")}
    assert used
    assert used <= listed, sorted(used - listed)


# -- plural forms, numbers, money, dates ----------------------------------------


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("ru", 1, "1 событие"),
        ("ru", 2, "2 события"),
        ("ru", 5, "5 событий"),
        ("ru", 11, "11 событий"),
        ("ru", 21, "21 событие"),
        ("ru", 1332, "1\u00a0332 события"),
        ("kk", 1, "1 оқиға"),
        ("kk", 5, "5 оқиға"),
        ("en", 1, "1 event"),
        ("en", 1332, "1,332 events"),
    ],
    ids=str,
)
def test_a_count_takes_the_plural_form_of_its_language(
    lang: Language, count: int, expected: str
) -> None:
    assert i18n.plural(lang, count, "{n} event", "{n} events") == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (Money(70_000), "en", "70,000 KZT"),
        (Money(70_000), "ru", "70\u00a0000\u00a0KZT"),
        (Money(70_000), "kk", "70\u00a0000\u00a0₸"),
        (Money(Decimal("1349.50")), "ru", "1\u00a0349,50\u00a0KZT"),
        (Money(Decimal("-0")), "en", "0 KZT"),
        (Share(1_890, 2_699), "ru", "1\u00a0890 из 2\u00a0699 (70,0 %)"),
        (Share(1_890, 2_699), "kk", "2\u00a0699 ішінен 1\u00a0890 (70,0 %)"),
        (Share(0, 0), "ru", "0 из 0 (не определено)"),
        (Quarter(2023, 3), "ru", "3 кв. 2023"),
        (Quarter(2023, 3), "kk", "2023 ж. 3-тоқсан"),
        (
            Rate(
                name="Кт",
                cases=5,
                exposure=Fraction(2),
                exposure_unit="accidents",
                base=1,
                case_unit="days lost",
            ),
            "ru",
            "Кт: 2,50 (5 дней нетрудоспособности ÷ 2 несч. случ.)",
        ),
    ],
    ids=str,
)
def test_values_render_per_language(
    value: Money | Share | Quarter | Rate, lang: Language, expected: str
) -> None:
    assert value.render(lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "2023-12-31"), ("ru", "31.12.2023"), ("kk", "31.12.2023")]
)
def test_a_day_renders_per_language(lang: Language, expected: str) -> None:
    assert i18n.day(date(2023, 12, 31), lang) == expected


@pytest.mark.parametrize("lang", ["de", "RU", "", None])
def test_an_unknown_language_is_refused_by_name(lang: object) -> None:
    with pytest.raises(InvalidArgumentError, match="lang"):
        Money(1).render(lang)  # type: ignore[arg-type]


# -- the report ------------------------------------------------------------------


def test_english_render_is_str() -> None:
    points = year_of_three_reporters()
    assert points.render() == points.render("en") == str(points)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_key_points_of_2023_match_their_golden_file(lang: Language) -> None:
    suffix = "" if lang == "en" else f".{lang}"
    golden = (EXAMPLES / f"showcase_2023{suffix}.txt").read_text(encoding="utf-8")
    assert golden.startswith(demo_points().render(lang) + "\n")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_showcase_prints_its_golden_file_in_lang(lang: Language) -> None:
    script = EXAMPLES / "showcase_2023.py"
    completed = subprocess.run(  # noqa: S603 - our own example with our interpreter
        [sys.executable, str(script), "--lang", lang],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    assert completed.stdout == script.with_suffix(f".{lang}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "phrases"),
    [
        (
            "ru",
            [
                "1\u00a0332 работника в 134 группах",
                "8\u00a0436 (5\u00a0107 событий, 3\u00a0329 дефектов",
                "1\u00a0890 из 2\u00a0699 (70,0 %)",
                "209 представлений по 482 нарушениям",
                "при МЗП 70\u00a0000\u00a0KZT",
                "Технические инспекторы по охране труда",
                "«Безопасное производство»",
            ],
        ),
        (
            "kk",
            [
                "134 топта 1\u00a0332 қызметкер",
                "5\u00a0107 оқиға, 3\u00a0329 ақау",
                "2\u00a0699 ішінен 1\u00a0890 (70,0 %)",
                "482 бұзушылық бойынша 209 ұсыным",
                "ЕТЖ 70\u00a0000\u00a0₸",
                "Еңбекті қорғау жөніндегі техникалық инспекторлар",
                "«Қауіпсіз өндіріс»",
            ],
        ),
    ],
)
def test_the_demo_report_shows_the_seeds_figures_in_words_of_lang(
    lang: Language, phrases: list[str]
) -> None:
    report = demo_points().render(lang)
    for phrase in phrases:
        assert phrase in report


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_report_with_undefined_figures_renders_without_english(lang: Language) -> None:
    report = year_of_three_reporters().render(lang)
    assert "undefined" not in report
    assert not re.search(r"\b(of|paid|none|on record)\b", report)


# -- messages kept as data ---------------------------------------------------------

MESSAGES = [
    pytest.param(
        i18n.message(
            "{quarter}: {paid} of {appointed} paid, {total}",
            quarter=Quarter(2023, 3),
            paid=20,
            appointed=21,
            total=Money(300_000),
        ),
        "2023-Q3: 20 of 21 paid, 300,000 KZT",
        "3 кв. 2023: оплачено 20 из 21, 300\u00a0000\u00a0KZT",
        "2023 ж. 3-тоқсан: 21 ішінен 20 төленді, 300\u00a0000\u00a0₸",
        id="values-shown-per-language",
    ),
    pytest.param(
        i18n.message("valid: {counts}", counts="2 employees"),
        "valid: 2 employees",
        "данные корректны: 2 employees",
        "деректер дұрыс: 2 employees",
        id="a-string-value-is-never-translated",
    ),
    pytest.param(
        i18n.message(
            "no {kind} with id {key} in the records", kind=i18n.Message("employee"), key="'E-1'"
        ),
        "no employee with id 'E-1' in the records",
        "работник: в записях нет идентификатора 'E-1'",
        "қызметкер: жазбаларда 'E-1' идентификаторы жоқ",
        id="a-message-inside-a-message",
    ),
    pytest.param(
        i18n.message(
            "{field}: {problem}",
            field=(True, None, Decimal("61.6"), date(2023, 12, 31)),
            problem=Fraction(1, 2),
        ),
        "True; None; 61.6; 2023-12-31: 1/2",
        "True; None; 61,6; 31.12.2023: 1/2",
        "True; None; 61,6; 31.12.2023: 1/2",
        id="every-kind-of-value",
    ),
    pytest.param(
        i18n.Message(""),
        "",
        "",
        "",
        id="the-empty-id-is-not-the-catalog-header",
    ),
    pytest.param(
        i18n.Message("{not a placeholder: no values}"),
        "{not a placeholder: no values}",
        "{not a placeholder: no values}",
        "{not a placeholder: no values}",
        id="braces-without-values-are-text",
    ),
]


@pytest.mark.parametrize(("message", "en", "ru", "kk"), MESSAGES)
def test_a_message_renders_per_language_and_str_is_english(
    message: i18n.Message, en: str, ru: str, kk: str
) -> None:
    assert (str(message), message.render("ru"), message.render("kk")) == (en, ru, kk)


@pytest.mark.parametrize(
    ("count", "ru"),
    [(1, "1 вознаграждение"), (3, "3 вознаграждения"), (25, "25 вознаграждений")],
)
def test_a_counted_message_takes_the_plural_form_of_n(count: int, ru: str) -> None:
    counted = i18n.message(
        "{n} awards, {total} at {wage}",
        "{n} awards, {total} at {wage}",
        n=count,
        total=Money(0),
        wage=Money(70_000),
    )
    assert counted.render("ru").startswith(f"{ru}, ")
    assert str(counted).startswith(f"{count} awards, ")


@given(
    st.sampled_from([m.id for m in catalog("en") if m.id and not m.pluralizable]),
    st.sampled_from(LANGUAGES),
)
def test_every_message_of_the_catalogs_renders_with_its_placeholders_filled(
    words: str, lang: Language
) -> None:
    names = _fields(words)
    text = i18n.message(words, **dict.fromkeys(names, "\x00")).render(lang)
    assert text.count("\x00") >= len(names)  # every value shown, none lost
    assert not names or not _fields(text)  # and no placeholder left unfilled


# -- the glossary ------------------------------------------------------------------


def _glossary() -> dict[str, tuple[str, str]]:
    rows = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 4 and not cells[0].startswith(("---", "English")):
            rows[cells[0].split(",")[0]] = (cells[1], cells[2])
    return rows


# The English term, and the stem of its Russian and Kazakh terms (inflection varies).
TERMS = [
    ("minimum wage", "МЗП", "ЕТЖ"),
    ("technical inspector", "технически", "техникалық инспектор"),
    ("event", "событи", "оқиға"),
    ("defect", "дефект", "ақау"),
    ("submission", "представлени", "ұсыным"),
    ("violation", "нарушени", "бұзушылық"),
    ("production personnel", "производственн", "өндірістік персонал"),
    ("golden rule", "золот", "алтын ереже"),
    ("reporting system", "«Безопасное производство»", "«Қауіпсіз өндіріс»"),
]


@pytest.mark.parametrize(("english", "ru", "kk"), TERMS, ids=[term[0] for term in TERMS])
def test_the_catalogs_use_the_glossarys_term(english: str, ru: str, kk: str) -> None:
    glossary_ru, glossary_kk = _glossary()[english]
    assert ru.lower() in glossary_ru.lower()
    assert kk.lower() in glossary_kk.lower()
    for lang, stem in (("ru", ru), ("kk", kk)):
        uses = [
            message
            for message in catalog(lang)
            if english in str(message.id).lower() and message.id
        ]
        assert uses, english
        assert any(stem.lower() in str(message.string).lower() for message in uses), (
            english,
            lang,
        )


# -- reasons -------------------------------------------------------------------------


@pytest.mark.parametrize(("reason", "english"), REASONS_IN_ENGLISH)
@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_reason_renders_in_every_language(reason: Any, english: str, lang: Language) -> None:
    assert reason.render() == reason.render("en") == english
    translated = reason.render(lang)
    assert translated != english
    assert "{" not in translated
    assert not re.search(r"\b(the|of|by|cut|paid|score|rank)\b", translated), translated


@pytest.mark.parametrize(
    ("reason", "lang", "expected"),
    [
        (
            TooFewSubmissions(count=0, required=1, quarter=Q3),
            "ru",
            "в 3 кв. 2023 выдано 0 представлений; положение требует не менее 1",
        ),
        (
            TooFewSubmissions(count=2, required=3, quarter=Q3),
            "ru",
            "в 3 кв. 2023 выдано 2 представления; положение требует не менее 3",
        ),
        (
            TooFewSubmissions(count=1, required=2, quarter=Q3),
            "kk",
            "2023 ж. 3-тоқсан ішінде 1 ұсыным берілді; ереже кемінде 2 талап етеді",
        ),
        (
            Active(submissions=1, violations=1_000, quarter=Q3),
            "en",
            "active: 1 submission(s) listing 1000 violation(s) in 2023-Q3",
        ),
        (
            Active(submissions=1, violations=1_000, quarter=Q3),
            "ru",
            "активен в 3 кв. 2023: 1 представление, указано 1\u00a0000 нарушений",
        ),
        (
            NotOnStaff(reference_date=date(2023, 12, 31), left_on=None),
            "ru",
            "не в штате на расчётную дату 31.12.2023 (уволен: —)",
        ),
        (
            CutByRecipientCap(cap=2, admitted=2, tied=True),
            "ru",
            "отсечено лимитом получателей (2): сначала допущены работники с более высоким "
            "местом: 2 (работники с равным местом допускаются или отсекаются вместе)",
        ),
    ],
    ids=str,
)
def test_a_reason_reads_in_its_language(reason: Any, lang: Language, expected: str) -> None:
    assert reason.render(lang) == expected


# -- explanations ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (True, "да"),
        (False, "нет"),
        (2_699, "2\u00a0699"),
        (Decimal("61.6"), "61,6"),
        (Fraction(2699, 2), "1\u00a0349,50"),
        (date(2023, 12, 31), "31.12.2023"),
        (DateRange(date(2023, 1, 1), date(2024, 1, 1)), "[01.01.2023, 01.01.2024)"),
        ("E-0042", "E-0042"),
        (Year(2023), "2023"),
        (Month(2023, 3), "2023-03"),
        (Money(70_000), "70\u00a0000\u00a0KZT"),
        (Q3, "3 кв. 2023"),
        ((Money(0), "E-1"), "0\u00a0KZT; E-1"),
    ],
    ids=repr,
)
def test_show_formats_a_value_in_russian(value: Value, expected: str) -> None:
    assert show(value, "ru") == expected


def test_an_explanation_renders_its_steps_and_facts_in_lang() -> None:
    explanation = Explanation(
        (
            Step(
                description="rank among eligible employees",
                result=1,
                facts=(
                    Fact(name="reference date", value=date(2023, 12, 31)),
                    Fact(name="minimum wage", value=Money(70_000), since=date(2023, 1, 1)),
                    Fact(name="tie rule", value=Source(title="Policy No. 1")),
                ),
            ),
            Step(description="no award", result=None),
        )
    )
    assert explanation.render() == str(explanation)
    assert explanation.render("ru").splitlines() == [
        "1. место среди работников, имеющих право: 1",
        "     расчётная дата = 31.12.2023",
        "     МЗП = 70\u00a0000\u00a0KZT (с 01.01.2023)",
        "     правило равных мест = Policy No. 1",
        "2. без вознаграждения",
    ]
    assert "     ЕТЖ = 70\u00a0000\u00a0₸ (01.01.2023 бастап)" in explanation.render("kk")


def test_the_key_points_explanation_translates_its_fixed_steps() -> None:
    lines = demo_points().explanation.render("ru").splitlines()
    assert lines[0] == "1. обучено производственного персонала: 2\u00a0699 из 2\u00a0699 (100,0 %)"
    assert lines[3] == "4. выдано представлений: 209"


def test_the_russian_glossary_has_the_terms_and_marks_of_the_english_one() -> None:
    def terms(page: Path) -> list[tuple[str, str, str]]:
        rows = [line.strip("|").split("|") for line in page.read_text("utf-8").splitlines()]
        cells = [[cell.strip() for cell in row] for row in rows if len(row) == 4]
        return [(row[0], row[1], row[2]) for row in cells[2:]]  # after the header and rule

    english, russian = terms(GLOSSARY), terms(GLOSSARY.with_suffix(".ru.md"))
    assert russian == english  # the same terms in the same languages, † where unconfirmed
    assert sum("†" in kk for _, _, kk in english) >= 1


# -- every kind of problem at the edge, in Russian and Kazakh (issue 16) ----------------

_BUNDLE: dict[str, Any] = {
    "time_zone": "Asia/Almaty",
    "departments": [{"id": "D-1", "name": "Plant", "is_production": True}],
    "employees": [
        {"id": "E-1", "department": "D-1", "category": "worker", "hired_on": "2020-01-01"},
        {"id": "E-2", "department": "D-1", "category": "specialist", "hired_on": "2020-01-01"},
    ],
    "trainer_certifications": [{"employee": "E-2", "certified_on": "2022-01-01"}],
    "inspector_appointments": [
        {
            "employee": "E-1",
            "approved_on": "2022-12-20",
            "term": {"start": "2023-01-01", "end": "2024-01-01"},
            "trained_on": "2022-12-25",
            "decision": "Council minutes 1",
        }
    ],
    "reporting_accounts": [{"employee": "E-1", "registered_on": "2022-01-01"}],
    "training_sessions": [
        {
            "id": "TS-1",
            "programme": "Safety culture",
            "format": "training_centre",
            "days": {"start": "2023-02-01", "end": "2023-02-02"},
            "trainers": ["E-2"],
            "attendees": ["E-1"],
            "group": "G-1",
            "department": "D-1",
        }
    ],
    "safety_reports": [
        {
            "id": "R-1",
            "kind": "near_miss",
            "risk": "low",
            "reporter": "E-1",
            "department": "D-1",
            "reported_at": "2023-05-04T10:00:00+06:00",
            "history": [{"status": "accepted", "at": "2023-05-05T10:00:00+06:00"}],
        }
    ],
    "violations": [{"id": "V-1", "found_on": "2023-03-01", "department": "D-1", "category": "c"}],
    "submissions": [
        {
            "id": "S-1",
            "inspector": "E-1",
            "department": "D-1",
            "issued_on": "2023-03-02",
            "violations": ["V-1"],
            "respond_by": "2023-03-20",
        }
    ],
    "corrective_actions": [
        {
            "id": "CA-1",
            "report": "R-1",
            "description": "Fix it",
            "owner": "E-1",
            "risk": "low",
            "raised_on": "2023-05-06",
            "due_on": "2023-06-06",
        }
    ],
}


def _changed(path: str, value: object) -> dict[str, Any]:
    """The bundle with the value at ``path`` (``"employees.0.hired_on"``) replaced or removed."""
    bundle = copy.deepcopy(_BUNDLE)
    *parents, last = path.split(".")
    node: Any = bundle
    for step in parents:
        node = node[int(step)] if step.isdigit() else node[step]
    key: Any = int(last) if last.isdigit() else last
    if value is _DROP:
        del node[key]
    else:
        node[key] = value
    return bundle


_DROP = object()


def _injury(**changes: object) -> dict[str, Any]:
    row = {
        "id": "I-1",
        "occurred_on": "2023-04-11",
        "employee": "E-1",
        "department": "D-1",
        "severity": "lost_time",
        "days_lost": 3,
    }
    return {**row, **changes}


def _hours(hours: object = "100", month: object = "2023-01") -> dict[str, Any]:
    return {**_BUNDLE, "hours_worked": [{"department": "D-1", "month": month, "hours": hours}]}


def _with(name: str, *rows: dict[str, Any]) -> dict[str, Any]:
    return {**_BUNDLE, name: [*_BUNDLE.get(name, []), *rows]}


_TERM_2 = {
    **_BUNDLE["inspector_appointments"][0],
    "term": {"start": "2023-06-01", "end": "2024-06-01"},
}
_SUBMISSION_2 = {**_BUNDLE["submissions"][0], "id": "S-2"}

# Each: an id a reader can check, and the data of ``kind`` that the edge refuses.
BUNDLES: list[Any] = [
    pytest.param(_changed("time_zone", "Asia/Nowhere"), id="unknown-zone"),
    pytest.param(_changed("time_zone", "localtime"), id="zone-of-no-place"),
    pytest.param(_changed("time_zone", _DROP), id="missing-field"),
    pytest.param(_changed("employees.0.zzz", 1), id="unknown-field"),
    pytest.param(_changed("employees", {}), id="not-a-list"),
    pytest.param(_changed("departments.0", 1), id="not-an-object"),
    pytest.param(_changed("departments.0.name", 5), id="not-a-string"),
    pytest.param(_changed("departments.0.name", " "), id="blank-text"),
    pytest.param(_changed("training_sessions.0.programme", "a" * 100_001), id="text-too-long"),
    pytest.param(_changed("training_sessions.0.programme", "\ud800"), id="lone-surrogate"),
    pytest.param(_changed("employees.0.id", " E-1"), id="id-with-a-blank"),
    pytest.param(_changed("departments.0.is_production", "yes"), id="not-true-or-false"),
    pytest.param(_changed("employees.0.category", "boss"), id="not-a-category"),
    pytest.param(_changed("employees.0.hired_on", "01.01.2020"), id="not-an-iso-date"),
    pytest.param(_changed("employees.0.hired_on", "2020-02-30"), id="no-such-day"),
    pytest.param(_changed("employees.0.hired_on", "2020-13-01"), id="no-such-month"),
    pytest.param(_changed("employees.0.left_on", "2019-01-01"), id="left-before-hired"),
    pytest.param(
        _changed("safety_reports.0.reported_at", "2023-05-04T10:00:00"), id="naive-moment"
    ),
    pytest.param(_changed("safety_reports.0.reported_at", "yesterday"), id="not-a-moment"),
    pytest.param(
        _changed("safety_reports.0.reported_at", "2023-05-04T25:00:00+06:00"), id="no-such-hour"
    ),
    pytest.param(_changed("safety_reports.0.history.0", 1), id="history-not-an-object"),
    pytest.param(
        _changed("safety_reports.0.history.0.status", "eliminated"), id="illegal-transition"
    ),
    pytest.param(
        _changed("safety_reports.0.history.0.at", "2023-05-01T10:00:00+06:00"),
        id="change-before-registration",
    ),
    pytest.param(
        _changed("safety_reports.0.history.0.status", "rejected"), id="rejected-without-reason"
    ),
    pytest.param(
        _changed("safety_reports.0.history.0.reason", "dup"), id="reason-without-rejection"
    ),
    pytest.param(
        _changed("safety_reports.0.history.0.status", "registered"), id="registered-again"
    ),
    pytest.param(_with("injuries", _injury(days_lost="3")), id="not-an-integer"),
    pytest.param(_with("injuries", _injury(days_lost=2**60)), id="integer-beyond-javascript"),
    pytest.param(_with("injuries", _injury(days_lost=-1)), id="negative-count"),
    pytest.param(
        _with("injuries", _injury(severity="fatal", high_consequence=True)),
        id="fatal-high-consequence",
    ),
    pytest.param(
        _with("injuries", _injury(severity="first_aid", high_consequence=True)),
        id="first-aid-high-consequence",
    ),
    pytest.param(_hours(1.5), id="float-hours"),
    pytest.param(_hours("12,5"), id="decimal-comma"),
    pytest.param(_hours("-1"), id="negative-hours"),
    pytest.param(_hours("1" * 40), id="hours-beyond-bounds"),
    pytest.param(_hours("1.0000000000000000000000000000000000000001"), id="too-many-digits"),
    pytest.param(_hours(month="2023-1"), id="not-a-month"),
    pytest.param(_changed("training_sessions.0.trainers", []), id="no-trainers"),
    pytest.param(_changed("training_sessions.0.attendees", ["E-1", "E-1"]), id="repeated-attendee"),
    pytest.param(_changed("training_sessions.0.attendees", [" x"]), id="attendee-not-an-id"),
    pytest.param(
        _changed("training_sessions.0.days", {"start": "2023-02-01", "end": "2023-01-01"}),
        id="ends-before-start",
    ),
    pytest.param(_changed("reporting_accounts.0.employee", "E-9"), id="unknown-employee"),
    pytest.param(_changed("employees.0.department", "D-9"), id="unknown-department"),
    pytest.param(_changed("employees.1.id", "E-1"), id="duplicate-id"),
    pytest.param(_changed("employees.0.left_on", "2021-01-01"), id="not-on-staff"),
    pytest.param(_changed("reporting_accounts", []), id="reporter-not-registered"),
    pytest.param(
        _changed("reporting_accounts.0.registered_on", "2023-06-01"), id="reporter-registered-later"
    ),
    pytest.param(_changed("trainer_certifications", []), id="trainer-not-certified"),
    pytest.param(
        _changed("trainer_certifications.0.valid_until", "2022-06-01"),
        id="trainer-certification-expired",
    ),
    pytest.param(_with("inspector_appointments", _TERM_2), id="overlapping-terms"),
    pytest.param(_changed("submissions.0.issued_on", "2024-02-01"), id="inspector-not-appointed"),
    pytest.param(_changed("inspector_appointments", []), id="inspector-never-appointed"),
    pytest.param(
        {
            **_changed("violations.0.department", "D-2"),
            "departments": [
                *_BUNDLE["departments"],
                {"id": "D-2", "name": "Grid", "is_production": True},
            ],
        },
        id="violation-of-another-department",
    ),
    pytest.param(_with("submissions", _SUBMISSION_2), id="violation-listed-twice"),
    pytest.param(_changed("violations.0.found_on", "2023-03-10"), id="violation-after-submission"),
    pytest.param(_changed("submissions.0.violations", ["V-9"]), id="unknown-violation"),
    pytest.param(_changed("corrective_actions.0.report", "R-9"), id="action-for-an-unknown-report"),
    pytest.param(
        {
            **_changed("corrective_actions.0.report", None),
            "corrective_actions": [
                {**_BUNDLE["corrective_actions"][0], "report": None, "violation": "V-9"}
            ],
        },
        id="action-for-an-unknown-violation",
    ),
    pytest.param(_changed("corrective_actions.0.violation", "V-1"), id="action-for-two-things"),
    pytest.param(_changed("corrective_actions.0.report", None), id="action-for-nothing"),
    pytest.param(
        _changed("corrective_actions.0.raised_on", "2023-05-01"), id="action-before-its-report"
    ),
    pytest.param(
        _changed("corrective_actions.0.closed_on", "2023-05-10"), id="closed-but-not-started"
    ),
    pytest.param(
        {
            **_BUNDLE,
            "corrective_actions": [
                {
                    **_BUNDLE["corrective_actions"][0],
                    "started_on": "2023-05-10",
                    "closed_on": "2023-05-08",
                }
            ],
        },
        id="closed-before-started",
    ),
    pytest.param(
        _changed("corrective_actions.0.cancel_reason", "moot"), id="cancelled-without-a-day"
    ),
    pytest.param(
        {
            **_changed(
                "safety_reports.0.history",
                [
                    {"status": "accepted", "at": "2023-05-05T10:00:00+06:00"},
                    {"status": "in_progress", "at": "2023-05-06T10:00:00+06:00"},
                    {"status": "eliminated", "at": "2023-05-07T10:00:00+06:00"},
                ],
            )
        },
        id="action-open-after-elimination",
    ),
]


def _policy(policy: object, path: str, value: object) -> tuple[Any, Any]:
    """The wire form of ``policy`` with the value at ``path`` replaced, and its type."""
    data = serialization.dump(policy)
    *parents, last = path.split(".")
    node: Any = data
    for step in parents:
        node = node[int(step)] if step.isdigit() else node[step]
    node[int(last) if last.isdigit() else last] = value
    return data, type(policy)


_ENTRY = {"since": "2023-01-01", "value": {"amount": "1", "currency": "KZT"}}
POLICIES: list[Any] = [
    pytest.param(*_policy(REWARD_POLICY, "tiers.tiers.1.min_score", 25), id="tier-gap"),
    pytest.param(*_policy(REWARD_POLICY, "tiers.tiers.1.min_score", 15), id="tier-overlap"),
    pytest.param(
        *_policy(REWARD_POLICY, "tiers.tiers.0.max_score", None), id="tier-open-ended-too-soon"
    ),
    pytest.param(*_policy(REWARD_POLICY, "tiers.tiers.3.max_score", 99), id="top-tier-closed"),
    pytest.param(*_policy(REWARD_POLICY, "tiers.tiers.3.multiplier", 11), id="tier-bounds"),
    pytest.param(*_policy(REWARD_POLICY, "tiers.tiers.3.multiplier", 4), id="multiplier-falls"),
    pytest.param(*_policy(REWARD_POLICY, "tiers.tiers", []), id="no-tiers"),
    pytest.param(*_policy(REWARD_POLICY, "tiers.basis", "luck"), id="unknown-tier-basis"),
    pytest.param(*_policy(REWARD_POLICY, "tiers", 1), id="tiers-not-an-object"),
    pytest.param(
        *_policy(REWARD_POLICY, "tiers", {"bands": [], "basis": "rank_bands"}), id="no-bands"
    ),
    pytest.param(
        *_policy(
            REWARD_POLICY,
            "tiers",
            {"bands": [{"first_rank": 2, "last_rank": 5, "multiplier": 3}], "basis": "rank_bands"},
        ),
        id="bands-not-from-rank-1",
    ),
    pytest.param(*_policy(REWARD_POLICY, "multiplier_bounds.maximum", 2), id="bounds-upside-down"),
    pytest.param(*_policy(REWARD_POLICY, "min_score", 0), id="minimum-score-zero"),
    pytest.param(
        *_policy(REWARD_POLICY, "budget", {"amount": "1", "currency": "EUR"}), id="budget-currency"
    ),
    pytest.param(
        *_policy(REWARD_POLICY, "budget", {"amount": "1", "currency": "kzt"}), id="currency-code"
    ),
    pytest.param(*_policy(REWARD_POLICY, "wage", "kz.NOTHING"), id="unknown-schedule"),
    pytest.param(*_policy(REWARD_POLICY, "wage", 1), id="schedule-not-a-table"),
    pytest.param(
        *_policy(REWARD_POLICY, "wage", {"name": "w", "entries": []}), id="schedule-empty"
    ),
    pytest.param(
        *_policy(REWARD_POLICY, "wage", {"name": "w", "entries": [_ENTRY, _ENTRY]}),
        id="schedule-dates-repeat",
    ),
    pytest.param(
        *_policy(
            REWARD_POLICY,
            "wage",
            {"name": "w", "entries": [{**_ENTRY, "value": {"amount": "-1", "currency": "KZT"}}]},
        ),
        id="wage-below-zero",
    ),
    pytest.param(
        *_policy(INSPECTOR_PAY_POLICY, "amount.entries.0.value.amount", "-1"), id="pay-below-zero"
    ),
    pytest.param(*_policy(ELIMINATION_DEADLINES, "low", "three days"), id="not-a-duration"),
    pytest.param(*_policy(ELIMINATION_DEADLINES, "low", "P99999999999D"), id="duration-too-long"),
    pytest.param(*_policy(ELIMINATION_DEADLINES, "high", "P90D"), id="deadlines-out-of-order"),
    pytest.param(*_policy(ELIMINATION_DEADLINES, "high", "PT0S"), id="deadline-zero"),
    pytest.param(*_policy(ACTION_DEADLINES, "low", "1 month"), id="not-a-term"),
    pytest.param(*_policy(ACTION_DEADLINES, "low", "P0D"), id="term-zero"),
    pytest.param(*_policy(ACTION_DEADLINES, "low", "P9999M"), id="term-too-long"),
    pytest.param("x", Fraction, id="not-a-fraction"),
    pytest.param("1/0", Fraction, id="fraction-over-zero"),
    pytest.param([1], tuple[int, str], id="list-of-two"),
    pytest.param("2023", Year, id="not-a-year"),
    pytest.param("2023-Q5", Quarter, id="not-a-quarter"),
    pytest.param({"name": "n", "value": {"type": "x", "value": 1}}, Fact, id="unknown-value-tag"),
    pytest.param({"name": "n", "value": {"a": 1}}, Fact, id="value-not-tagged"),
]

TEXTS: list[Any] = [
    pytest.param(serialization.load_json, "{", id="json-property-name"),
    pytest.param(serialization.load_json, "", id="json-value"),
    pytest.param(serialization.load_json, '{"a" 1}', id="json-colon"),
    pytest.param(serialization.load_json, "[1 2]", id="json-comma"),
    pytest.param(serialization.load_json, '"abc', id="json-unterminated"),
    pytest.param(serialization.load_json, "{} x", id="json-extra-data"),
    pytest.param(serialization.load_json, '"\x01"', id="json-control-character"),
    pytest.param(serialization.load_json, '"\\x"', id="json-escape"),
    pytest.param(serialization.load_json, '"\\u12"', id="json-unicode-escape"),
    pytest.param(serialization.load_json, "NaN", id="json-nan"),
    pytest.param(serialization.load_json, "[" * 100_000, id="json-too-deep"),
    pytest.param(serialization.load_json, b"\xff", id="json-not-utf8"),
    pytest.param(serialization.load_json, b"\xe2\x82", id="json-cut-utf8"),
    pytest.param(serialization.load_toml, "a = ", id="toml-value"),
    pytest.param(serialization.load_toml, "[x", id="toml-table"),
    pytest.param(serialization.load_toml, "a = 1\na = 2", id="toml-overwrite"),
    pytest.param(serialization.load_toml, "a = 1 b", id="toml-statement"),
    pytest.param(serialization.load_toml, b"\xff", id="toml-not-utf8"),
]


@cache
def _named_by_the_data() -> frozenset[str]:
    """Words a translated problem keeps as they are: the names of types, fields and values."""
    names = {"str", "int", "float", "bool", "list", "dict", "NoneType", "tuple", "frozenset"}
    names |= {"Decimal", "Fraction", "ZoneInfo", "datetime", "date", "timedelta", "zoneinfo"}
    for name in ohs_domain.__all__:
        kind = getattr(ohs_domain, name)
        names.add(name)
        if attrs.has(kind):
            names |= {field.name for field in attrs.fields(kind)}
        if isinstance(kind, enum.EnumMeta):
            members: list[enum.Enum] = list(kind)
            names |= {str(member.value) for member in members} | {m.name for m in members}
    schedules = {part for name in kz.SCHEDULES for part in name.split(".")}
    return (
        frozenset(names)
        | frozenset(COLLECTIONS)
        | schedules
        | {"ALMATY", "Asia", "Almaty", "tzinfo", "parse", "report_history"}
    )


# Standards, formats and units: written the same in Russian and Kazakh texts.
_AS_WRITTEN = frozenset(
    [
        "ISO",
        "JSON",
        "TOML",
        "UTF",
        "UTC",
        "IANA",
        "tzdata",
        "KZT",
        "EUR",
        "GRI",
        "YYYY",
        "MM",
        "DD",
        "QN",
        "N",
        "P",
        "PT",
        "D",
        "H",
        "M",
        "S",
        "T",
        "Z",
        "uXXXX",
        "NaN",
        "Infinity",
        "True",
        "False",
        "None",
        "null",
        "true",
        "false",
        "csv",
        "jsonl",
        "txt",
    ]
)


def english_words(text: str) -> list[str]:
    """The Latin-script words of ``text`` outside quotes that no data or standard names."""
    # A quoted value, also one cut short ("'aaa... (str)"), and a byte are the data's own.
    unquoted = re.sub(r"'[^']*('|\.\.\.)|\"[^\"]*\"|\b0x[0-9a-f]+", "", text)
    words = re.findall(r"[A-Za-z][A-Za-z_]*", unquoted)
    return [w for w in words if w not in _AS_WRITTEN and w not in _named_by_the_data()]


def _refusal_of(load: Any) -> InvalidDataError:
    with pytest.raises(InvalidDataError) as caught:
        load()
    return caught.value


def _words_only(text: i18n.Message) -> i18n.Message:
    """``text`` with each string value (an id, a name, a list of names: data) shown as "·"."""

    def blank(value: object) -> object:
        if isinstance(value, str):
            return "·"
        if isinstance(value, i18n.Message):
            return _words_only(value)
        return tuple(map(blank, value)) if isinstance(value, tuple) else value

    return attrs.evolve(text, values=tuple((name, blank(v)) for name, v in text.values))


def _reads_in(error: InvalidDataError, lang: Language) -> list[str]:
    messages = [error.text, *(problem.text for problem in error.problems)]
    texts = [_words_only(text).render(lang) for text in messages]
    return [f"{word} in {text!r}" for text in texts for word in english_words(text)]


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("bundle", BUNDLES)
def test_every_problem_of_a_bundle_reads_in_lang(bundle: dict[str, Any], lang: Language) -> None:
    error = _refusal_of(lambda: serialization.load(bundle, Records))
    assert error.problems
    assert _reads_in(error, lang) == []


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize(("data", "kind"), POLICIES)
def test_every_problem_of_a_policy_or_value_reads_in_lang(
    data: object, kind: Any, lang: Language
) -> None:
    error = _refusal_of(lambda: serialization.load(data, kind))
    assert _reads_in(error, lang) == []


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize(("load", "text"), TEXTS)
def test_every_parser_problem_reads_in_lang(load: Any, text: str | bytes, lang: Language) -> None:
    error = _refusal_of(lambda: load(text, RewardPolicy))
    assert _reads_in(error, lang) == []


def _tables(folder: Path, form: str) -> Path:
    """The small bundle written as tables of ``form`` (``"csv"`` or ``"jsonl"``) in ``folder``."""
    bundle = serialization.load(_BUNDLE, Records)
    write = serialization.write_csv_tables if form == "csv" else serialization.write_json_lines
    write(bundle, folder)
    return folder


def _spoil_csv(folder: Path) -> None:
    (folder / "strays.csv").write_text("a\n1\n", encoding="utf-8")
    employees = folder / "employees.csv"
    lines = employees.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    kept = [",".join(line.split(",")[1:]) for line in lines[1:]]  # the id column dropped
    rows = [",".join([*header[1:], "zzz"]), *kept]
    employees.write_text("\n".join([*rows, "a,b"]) + "\n", encoding="utf-8")
    with (folder / "report_history.csv").open("a", encoding="utf-8") as history:
        history.write("R-9,accepted,2023-05-05T10:00:00+06:00,\n")
    (folder / "time_zone.txt").unlink()


def _spoil_jsonl(folder: Path) -> None:
    (folder / "strays.jsonl").write_text("{}\n", encoding="utf-8")
    with (folder / "employees.jsonl").open("a", encoding="utf-8") as rows:
        rows.write("{\n")
    (folder / "time_zone.json").unlink()


_SCENARIO = '[[scenarios]]\nname = "x"\nrecords = { demo = 1 }\n'
_SCENARIOS = {
    "unknown-evaluation": _SCENARIO + 'evaluation = "luck"\n',
    "missing-key": _SCENARIO + 'evaluation = "indicators"\n',
    "unknown-figure": _SCENARIO
    + 'evaluation = "indicators"\nperiod = 2023\nas_of = 2023-12-31\n[scenarios.expected]\nx = 1\n',
    "not-toml": "[[scenarios]\n",
}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_problem_of_files_and_scenarios_reads_in_lang(tmp_path: Path, lang: Language) -> None:
    csv_folder, jsonl_folder = tmp_path / "csv", tmp_path / "jsonl"
    _spoil_csv(_tables(csv_folder, "csv"))
    _spoil_jsonl(_tables(jsonl_folder, "jsonl"))
    errors = [
        _refusal_of(lambda: serialization.read_csv_tables(csv_folder)),
        _refusal_of(lambda: serialization.read_json_lines(jsonl_folder)),
        _refusal_of(lambda: serialization.read_json_lines(tmp_path / "nowhere")),
    ]
    for name, text in _SCENARIOS.items():
        scenario = tmp_path / f"{name}.toml"
        scenario.write_text(text, encoding="utf-8")
        errors.append(_refusal_of(lambda scenario=scenario: run_file(scenario)))
    assert sum(len(error.problems) for error in errors) >= 10
    assert [line for error in errors for line in _reads_in(error, lang)] == []


# -- words kept as messages: lists, alternatives, settings, columns ------------------


@pytest.mark.parametrize(
    ("items", "en", "ru"),
    [
        ([i18n.Message("low risk")], "low risk", "низкий риск"),
        (["'a'"], "'a'", "'a'"),  # a string is a value, never looked up
        (["'a'", i18n.Message("low risk")], "'a' or low risk", "'a' или низкий риск"),
        (["'a'", "'b'", "'c'"], "'a', 'b' or 'c'", "'a', 'b' или 'c'"),
    ],
)
def test_alternatives_read_in_the_language_and_strings_stay_values(
    items: list[str | i18n.Message], en: str, ru: str
) -> None:
    said = i18n.either(items)
    assert (str(said), said.render("ru")) == (en, ru)


def test_a_list_of_one_is_that_message() -> None:
    only = i18n.Message("low risk")
    assert i18n.listed([only]) is only


def _settings() -> list[str]:
    from ohs_domain import ScoredReports, TieRule, WageDate  # noqa: PLC0415 - only here

    return [str(v) for kind in (ScoredReports, TieRule, WageDate) for v in kind]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_policy_setting_and_indicator_column_has_words_in_the_catalog(
    lang: Language,
) -> None:
    from ohs_domain import (  # noqa: PLC0415 - only here
        Elimination,
        Engagement,
        InjuryRates,
        InspectionActivity,
        TrainingCoverage,
    )

    results = (TrainingCoverage, Engagement, Elimination, InspectionActivity, InjuryRates)
    shown = [*_settings(), *(kind.__name__ for kind in results)]
    shown += [column for kind in results for column in kind.COLUMNS]
    listed = {message[0] for message in ids(lang)}
    assert set(shown) <= listed, sorted(set(shown) - listed)
    assert all(i18n.gettext(lang, words) != words for words in shown if words != "format")
