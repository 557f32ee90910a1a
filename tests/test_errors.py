"""One exception tree: every error is an OhsDomainError and the builtin a caller would catch."""

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ohs_domain
from ohs_domain import (
    CurrencyMismatchError,
    IllegalTransitionError,
    InvalidDataError,
    InvalidValueError,
    Money,
    NoValueInForceError,
    OhsDomainError,
    Problem,
    UnknownRecordError,
)

ERRORS = [
    pytest.param(
        InvalidValueError("amount", 1.5, "a Decimal or an int"),
        ValueError,
        ["amount", "1.5 (float)", "a Decimal or an int"],
        id="invalid-value",
    ),
    pytest.param(
        CurrencyMismatchError("+", "KZT", "USD"),
        ValueError,
        ["'+'", "KZT", "USD", "same currency"],
        id="currency-mismatch",
    ),
    pytest.param(
        NoValueInForceError("kz.MINIMUM_WAGE", date(2017, 6, 1), date(2018, 1, 1)),
        LookupError,
        ["kz.MINIMUM_WAGE", "2017-06-01", "earliest value starts on 2018-01-01"],
        id="no-value-in-force",
    ),
    pytest.param(
        UnknownRecordError("employee", "E-9999"),
        LookupError,
        ["employee", "'E-9999'"],
        id="unknown-record",
    ),
    pytest.param(
        IllegalTransitionError("safety report R-1", "already closed"),
        ValueError,
        ["safety report R-1", "already closed"],
        id="illegal-transition",
    ),
    pytest.param(
        InvalidDataError("Money", [Problem("$.amount", "got 1.5 (float)")]),
        ValueError,
        ["Money", "1 problem", "$.amount: got 1.5 (float)"],
        id="invalid-data",
    ),
]


@pytest.mark.parametrize(("error", "builtin", "fragments"), ERRORS)
def test_each_error_is_a_domain_error_and_a_builtin(
    error: OhsDomainError, builtin: type[Exception], fragments: list[str]
) -> None:
    assert isinstance(error, OhsDomainError)
    assert isinstance(error, builtin)
    for fragment in fragments:
        assert fragment in str(error)
    with pytest.raises(builtin):  # ``except ValueError`` / ``except LookupError`` keep working
        raise error


def test_errors_are_public_in_ohs_domain() -> None:
    for name in (
        "OhsDomainError",
        "InvalidValueError",
        "CurrencyMismatchError",
        "NoValueInForceError",
        "UnknownRecordError",
        "IllegalTransitionError",
        "InvalidDataError",
    ):
        error = getattr(ohs_domain, name)
        assert error.__module__ == "ohs_domain"  # tracebacks name the public place
        assert issubclass(error, OhsDomainError)


def test_invalid_value_keeps_field_value_and_expectation() -> None:
    error = InvalidValueError("entries[2].since", date(2023, 1, 1), "a date after 2024-01-01")
    assert (error.field, error.value, error.expected) == (
        "entries[2].since",
        date(2023, 1, 1),
        "a date after 2024-01-01",
    )
    assert str(error) == (
        "entries[2].since: got '2023-01-01' (date); expected a date after 2024-01-01"
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        pytest.param(date(2017, 6, 1), "'2017-06-01' (date)", id="day-in-iso-form"),
        pytest.param(
            datetime(2023, 12, 31, 23, 30, tzinfo=timezone(timedelta(hours=6))),
            "'2023-12-31T23:30:00+06:00' (datetime)",
            id="moment-in-iso-form",
        ),
        pytest.param("2023-Q5", "'2023-Q5' (str)", id="text-quoted"),
        pytest.param(None, "None (NoneType)", id="nothing"),
        pytest.param(True, "True (bool)", id="bool-named-as-bool"),
    ],
)
def test_the_bad_value_is_shown_with_its_type(value: object, shown: str) -> None:
    assert f"got {shown};" in str(InvalidValueError("field", value, "something else"))


def test_a_long_value_is_cut_short() -> None:
    message = str(InvalidValueError("note", "x" * 500, "a short note"))
    shown = message.removeprefix("note: got ").split(" (str)")[0]
    assert len(shown) == 80
    assert shown.endswith("...")
    assert message.endswith("; expected a short note")


def test_currency_mismatch_keeps_the_operands() -> None:
    error = CurrencyMismatchError("<", "KZT", "EUR")
    assert (error.operation, error.left, error.right) == ("<", "KZT", "EUR")


def test_no_value_in_force_keeps_parameter_and_dates() -> None:
    error = NoValueInForceError("kz.MINIMUM_WAGE", date(2017, 6, 1), date(2018, 1, 1))
    assert (error.parameter, error.on, error.earliest) == (
        "kz.MINIMUM_WAGE",
        date(2017, 6, 1),
        date(2018, 1, 1),
    )
    assert str(error) == (
        "kz.MINIMUM_WAGE has no value on 2017-06-01; the earliest value starts on 2018-01-01"
    )


def test_unknown_record_and_illegal_transition_keep_their_data() -> None:
    unknown = UnknownRecordError("employee", "E-9999")
    assert (unknown.kind, unknown.key) == ("employee", "E-9999")
    illegal = IllegalTransitionError("safety report R-1", "already closed")
    assert (illegal.subject, illegal.reason) == ("safety report R-1", "already closed")


def test_a_problem_reads_as_path_then_message() -> None:
    problem = Problem("$.entries[3].value.amount", "got 1.5 (float)")
    assert str(problem) == "$.entries[3].value.amount: got 1.5 (float)"


def test_invalid_data_lists_every_problem() -> None:
    problems = [
        Problem("$.amount", "got 1.5 (float); expected a decimal string"),
        Problem("$.note", "unknown field; valid fields are: amount, currency"),
    ]
    error = InvalidDataError("Money", iter(problems))
    assert error.subject == "Money"
    assert error.problems == tuple(problems)
    assert str(error) == (
        "Money: 2 problems\n"
        "  $.amount: got 1.5 (float); expected a decimal string\n"
        "  $.note: unknown field; valid fields are: amount, currency"
    )


# --- Messages, word for word: what was wrong, the bad value, what is valid -----------------------


def test_a_currency_mismatch_says_how_to_fix_it() -> None:
    with pytest.raises(CurrencyMismatchError) as info:
        Money(1) + Money(1, "EUR")
    assert str(info.value) == (
        "cannot apply '+' to KZT and EUR: "
        "amounts must be in the same currency; convert one of them first"
    )


def test_an_illegal_transition_names_the_subject_then_the_reason() -> None:
    error = IllegalTransitionError("safety report R-1", "already accepted")
    assert str(error) == "safety report R-1: already accepted"
    assert (error.subject, error.reason) == ("safety report R-1", "already accepted")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        # repr of 78 letters is 80 characters: shown whole.
        ("a" * 78, "'" + "a" * 78 + "'"),
        # 79 letters, 81 characters: cut to 77 and an ellipsis.
        ("a" * 79, "'" + "a" * 76 + "..."),
    ],
    ids=["80-characters-whole", "81-characters-cut"],
)
def test_a_long_value_is_cut_after_80_characters(value: str, shown: str) -> None:
    error = InvalidValueError("name", value, "something shorter")
    assert str(error) == f"name: got {shown} (str); expected something shorter"


@pytest.mark.parametrize(
    ("count", "heading"),
    [(1, "Records: 1 problem"), (2, "Records: 2 problems")],
    ids=["one-problem", "two-problems"],
)
def test_invalid_data_counts_its_problems_in_words(count: int, heading: str) -> None:
    problems = [Problem(f"$.items[{n}]", "bad") for n in range(count)]
    error = InvalidDataError("Records", problems)
    lines = str(error).split("\n")
    assert lines[0] == heading
    assert lines[1:] == [f"  $.items[{n}]: bad" for n in range(count)]


# -- every error in Russian and Kazakh, chosen per call --------------------------------

IN_LANGUAGES = [
    pytest.param(
        InvalidValueError("employees", 3, "a list"),
        "employees: получено 3 (int); ожидается список",
        "employees: берілгені 3 (int); күтілетіні тізім",
        id="invalid-value",
    ),
    pytest.param(
        CurrencyMismatchError("+", "KZT", "USD"),
        "нельзя применить '+' к KZT и USD: суммы должны быть в одной валюте; "
        "сначала переведите одну из них",
        "'+' амалын KZT және USD үшін қолдануға болмайды: сомалар бір валютада болуы керек; "
        "алдымен біреуін айырбастаңыз",
        id="currency-mismatch",
    ),
    pytest.param(
        NoValueInForceError("kz.MINIMUM_WAGE", date(2017, 6, 1), date(2018, 1, 1)),
        "kz.MINIMUM_WAGE: нет значения на 01.06.2017; самое раннее значение действует с 01.01.2018",
        "kz.MINIMUM_WAGE: 01.06.2017 күнгі мәні жоқ; ең ерте мәні 01.01.2018 бастап қолданылады",
        id="no-value-in-force",
    ),
    pytest.param(
        UnknownRecordError("employee", "E-9999"),
        "работник: в записях нет идентификатора 'E-9999'",
        "қызметкер: жазбаларда 'E-9999' идентификаторы жоқ",
        id="unknown-record",
    ),
    pytest.param(
        InvalidDataError("Records", [Problem("$.time_zone", "required field is missing")]),
        "Records: 1 ошибка\n  $.time_zone: обязательное поле отсутствует",
        "Records: 1 қате\n  $.time_zone: міндетті өріс жоқ",
        id="invalid-data",
    ),
]


@pytest.mark.parametrize(("error", "ru", "kk"), IN_LANGUAGES)
def test_an_error_renders_in_the_language_asked_and_str_stays_english(
    error: OhsDomainError, ru: str, kk: str
) -> None:
    assert (error.render("ru"), error.render("kk")) == (ru, kk)
    assert error.render() == error.render("en") == str(error)


@pytest.mark.parametrize(
    ("count", "ru", "kk"),
    [
        pytest.param(1, "1 ошибка", "1 қате", id="one"),
        pytest.param(3, "3 ошибки", "3 қате", id="few"),
        pytest.param(5, "5 ошибок", "5 қате", id="many"),
        pytest.param(21, "21 ошибка", "21 қате", id="twenty-one-is-one"),
    ],
)
def test_the_count_of_problems_takes_the_plural_form_of_its_language(
    count: int, ru: str, kk: str
) -> None:
    error = InvalidDataError("Records", [Problem("$", "data nested too deeply")] * count)
    assert error.render("ru").splitlines()[0] == f"Records: {ru}"
    assert error.render("kk").splitlines()[0] == f"Records: {kk}"
    assert str(error).splitlines()[0] == f"Records: {count} problem{'s' * (count != 1)}"


def test_a_problem_keeps_its_message_as_data_and_its_path_and_record_as_given() -> None:
    problem = Problem("$.employees[3].id", "required field is missing", "E-0004")
    assert problem.render("ru") == "$.employees[3].id (E-0004): обязательное поле отсутствует"
    assert (
        problem.render("en")
        == str(problem)
        == ("$.employees[3].id (E-0004): required field is missing")
    )


def test_a_message_the_catalogs_do_not_list_stays_english_in_every_language() -> None:
    problem = Problem("$.x", "a message of an application, not of the library")
    assert problem.render("ru") == problem.render("kk") == str(problem)


@pytest.mark.parametrize("lang", ["de", "RU", None])
def test_an_error_refuses_a_language_it_does_not_render(lang: object) -> None:
    with pytest.raises(ohs_domain.InvalidArgumentError, match="'en' or 'ru' or 'kk'"):
        UnknownRecordError("employee", "E-9999").render(lang)  # type: ignore[arg-type]


@given(
    field=st.text(min_size=1, max_size=20),
    value=st.one_of(st.integers(), st.text(), st.dates(), st.none()),
    expected=st.sampled_from(["a list", "an int", "something the catalogs do not list {x}"]),
    lang=st.sampled_from(ohs_domain.LANGUAGES),
)
def test_an_invalid_value_reads_the_same_in_every_language_but_its_words(
    field: str, value: object, expected: str, lang: ohs_domain.Language
) -> None:
    error = InvalidValueError(field, value, expected)
    assert str(error) == f"{field}: got {_shown(value)}; expected {expected}"
    text = error.render(lang)
    assert text.startswith(f"{field}: ")  # the field and the value are data, never translated
    assert _shown(value) in text


def _shown(value: object) -> str:
    return (
        str(InvalidValueError("f", value, "x")).removeprefix("f: got ").removesuffix("; expected x")
    )


def test_an_error_raised_with_a_plain_message_renders_it_as_given() -> None:
    error = OhsDomainError("a message of an application")
    assert error.render("ru") == error.render("kk") == str(error)


def test_a_reason_given_as_data_renders_in_the_language_asked() -> None:
    reason = ohs_domain.Message("required field is missing")
    error = IllegalTransitionError("safety report R-1", reason)
    assert error.reason == "required field is missing"
    assert error.render("ru") == "safety report R-1: обязательное поле отсутствует"
