"""The words of Python's parsers (JSON, TOML, UTF-8) as messages, so they translate.

``json``, ``tomllib`` and the UTF-8 codec explain bad text in English strings
("Expecting value: line 1 column 1 (char 0)"). The edge keeps their English
as it is and rebuilds it as a [`Message`][ohs_domain.Message] from the error's
parts, so that a Russian or Kazakh problem reads in that language: the reason
(``"Expecting value"``) is a message id of the catalogs, the places are values.
"""

from __future__ import annotations

import json
import re
import tomllib

from ohs_domain._i18n import Message, message


class NotANumberError(ValueError):
    """``NaN``, ``Infinity`` or ``-Infinity`` in JSON text: Python reads them, JSON has none."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def undecodable(error: UnicodeDecodeError) -> Message:
    """Python's words for bytes that are not UTF-8, as a message (its reason translates)."""
    reason = Message(error.reason)  # "invalid start byte", "unexpected end of data", ...
    if error.end - error.start == 1:
        return message(
            "'utf-8' codec can't decode byte {byte} in position {position}: {reason}",
            byte=f"0x{error.object[error.start]:02x}",
            position=str(error.start),
            reason=reason,
        )
    return message(
        "'utf-8' codec can't decode bytes in position {start}-{end}: {reason}",
        start=str(error.start),
        end=str(error.end - 1),
        reason=reason,
    )


def not_utf8(language: str, error: UnicodeDecodeError) -> Message:
    """Why text in ``language`` (JSON, TOML, CSV) is not read: its bytes are not UTF-8."""
    return message(
        "not valid {language}: not UTF-8 ({error})", language=language, error=undecodable(error)
    )


def not_json(error: ValueError | RecursionError) -> Message:
    """Why text is not JSON, in the words of Python's parser, as a message."""
    if isinstance(error, json.JSONDecodeError):
        return message(
            "not valid JSON: {reason}: line {line} column {column} (char {char})",
            reason=Message(error.msg),
            line=str(error.lineno),
            column=str(error.colno),
            char=str(error.pos),
        )
    if isinstance(error, NotANumberError):
        return message("not valid JSON: {name} is not a number JSON can carry", name=error.name)
    return message("not valid JSON: {error}", error=Message(str(error)))  # nested too deeply


# tomllib says where: "Invalid value (at line 1, column 5)" or "(at end of document)".
_TOML_WHERE = re.compile(r"(?s)(.*) \(at (?:line (\d+), column (\d+)|end of document)\)")


def not_toml(error: tomllib.TOMLDecodeError) -> Message:
    """Why text is not TOML, in the words of Python's parser, as a message."""
    found = _TOML_WHERE.fullmatch(str(error))
    if found is None:  # pragma: no cover - every tomllib error says where
        return message("not valid TOML: {error}", error=Message(str(error)))
    reason, line, column = found.groups()
    if line is None:
        return message("not valid TOML: {reason} (at end of document)", reason=Message(reason))
    return message(
        "not valid TOML: {reason} (at line {line}, column {column})",
        reason=Message(reason),
        line=line,
        column=column,
    )
