"""Russian and Kazakh: catalogs complete in every plural form, CLDR formats, golden reports."""

from __future__ import annotations

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

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from ohs_domain import (
    LANGUAGES,
    Active,
    CutByRecipientCap,
    DateRange,
    Explanation,
    Fact,
    InvalidArgumentError,
    KeyPoints,
    Language,
    Money,
    Month,
    NotOnStaff,
    Quarter,
    Rate,
    Share,
    Source,
    Step,
    TooFewSubmissions,
    Value,
    Year,
    show,
)
from ohs_domain import _i18n as i18n
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
