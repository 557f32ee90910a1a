"""The parsers' words as messages: Python's English kept, each reason translated."""

from __future__ import annotations

import json
import tomllib

import pytest

from ohs_domain._parsers import NotANumberError, not_json, not_toml, undecodable


def _json_error(text: str) -> json.JSONDecodeError:
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(text)
    return caught.value


def _toml_error(text: str) -> tomllib.TOMLDecodeError:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(text)
    return caught.value


def _utf8_error(data: bytes) -> UnicodeDecodeError:
    with pytest.raises(UnicodeDecodeError) as caught:
        data.decode("utf-8")
    return caught.value


@pytest.mark.parametrize(
    ("text", "ru"),
    [
        ("", "недопустимый JSON: ожидалось значение: строка 1, столбец 1 (символ 0)"),
        ("[1 2]", "недопустимый JSON: ожидался разделитель ',': строка 1, столбец 4 (символ 3)"),
        ("{} x", "недопустимый JSON: лишние данные: строка 1, столбец 4 (символ 3)"),
    ],
)
def test_a_json_syntax_error_keeps_pythons_english_and_reads_in_russian(text: str, ru: str) -> None:
    error = _json_error(text)
    said = not_json(error)
    assert str(said) == f"not valid JSON: {error}"
    assert said.render("ru") == ru


def test_a_number_json_cannot_carry_is_named() -> None:
    said = not_json(NotANumberError("NaN"))
    assert str(said) == "not valid JSON: NaN is not a number JSON can carry"
    assert said.render("kk") == "жарамсыз JSON: NaN — JSON тасымалдай алатын сан емес"


def test_json_nested_too_deeply_says_so_in_russian() -> None:
    with pytest.raises(RecursionError) as caught:
        json.loads("[" * 100_000)
    said = not_json(caught.value)
    assert str(said) == f"not valid JSON: {caught.value}"
    assert said.render("ru") == "недопустимый JSON: слишком глубокая вложенность массивов JSON"


@pytest.mark.parametrize(
    ("text", "ru"),
    [
        ("a = ", "недопустимый TOML: недопустимое значение (в конце документа)"),
        ("a = 1 b", "недопустимый TOML: после инструкции ожидался перевод строки или конец "
         "документа (строка 1, столбец 7)"),
    ],
)  # fmt: skip
def test_a_toml_error_keeps_pythons_english_and_says_where_in_russian(text: str, ru: str) -> None:
    error = _toml_error(text)
    said = not_toml(error)
    assert str(said) == f"not valid TOML: {error}"
    assert said.render("ru") == ru


@pytest.mark.parametrize(
    ("data", "ru"),
    [
        (b"\xff", "байт 0xff в позиции 0 не декодируется как UTF-8: недопустимый начальный байт"),
        (b"a\xe2\x82", "байты в позициях 1–2 не декодируются как UTF-8: неожиданный конец данных"),
    ],
)
def test_bytes_that_are_not_utf8_keep_pythons_english_and_read_in_russian(
    data: bytes, ru: str
) -> None:
    error = _utf8_error(data)
    said = undecodable(error)
    assert str(said) == str(error)
    assert said.render("ru") == ru
