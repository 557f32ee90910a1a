"""Languages: message catalogs, plural forms and CLDR number, money and date formats.

Every text the library renders comes from one English message id (gettext
style: the id is the English text, with ``{named}`` placeholders). English
renders the ids themselves, so ``str()`` never changes; Russian and Kazakh
look them up in the catalogs shipped in ``ohs_domain/locales`` (``.po``
sources compiled to ``.mo``, see ``scripts/compile_catalogs.py``). The
language is an argument of each call, never a process-wide setting.

Numbers, money and dates in Russian and Kazakh follow CLDR through Babel
(ru: ``1 332``, ``70 000 KZT``, ``61,6 %``, ``31.12.2023``); English keeps the
library's own formats (``1,332``, ``70,000 KZT``, ``2023-12-31``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal, TypeAlias, cast, get_args

import attrs
from babel import numbers
from babel.dates import format_date
from babel.support import NullTranslations, Translations

from ohs_domain._arguments import checked, typed_fields

__all__ = ["LANGUAGES", "Language", "Message"]

Language: TypeAlias = Literal["en", "ru", "kk"]
"""A language the library renders: English, Russian or Kazakh."""

LANGUAGES: tuple[Language, ...] = get_args(Language)
"""Every language the library renders, English first."""

LOCALES = Path(__file__).parent / "locales"
"""Where the catalogs are: ``locales/<lang>/LC_MESSAGES/ohs_domain.po`` and ``.mo``."""

DOMAIN = "ohs_domain"


@functools.cache
def _catalog(lang: Language) -> NullTranslations:
    if lang == "en":
        return NullTranslations()  # the ids are the English texts
    with (LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as file:
        return Translations(file, domain=DOMAIN)


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "mark, translate later"
    """Mark ``message`` as a message id without translating it."""
    return message


def gettext(lang: Language, message: str) -> str:
    """``message`` in ``lang`` if the catalog lists it, else ``message`` itself."""
    return _catalog(lang).gettext(message)


def text(lang: Language, message: str, /, **values: object) -> str:
    """``message`` in ``lang``, with its ``{placeholders}`` filled from ``values``."""
    return _catalog(lang).gettext(message).format(**values)


def plural(lang: Language, count: int, singular: str, many: str, /, **values: object) -> str:
    """The form of ``singular``/``many`` that ``count`` takes in ``lang``; ``{n}`` is the count.

    ``{n}`` is the count grouped per ``lang`` unless ``values`` gives it.

    Russian has three forms (1 отчёт, 2 отчёта, 5 отчётов); Kazakh, as CLDR
    records, two categories whose nouns are the same (a noun after a numeral
    stays singular); English two.
    """
    form = _catalog(lang).ngettext(singular, many, count)
    return form.format(**{"n": number(count, lang), **values})


def number(value: int | Decimal, lang: Language) -> str:
    """``value`` grouped per ``lang``, keeping a decimal's places (``61.6`` → ``61,6``)."""
    if lang == "en":
        return f"{value:,}"
    places = max(-int(value.as_tuple().exponent), 0) if isinstance(value, Decimal) else 0
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return numbers.format_decimal(value, format=pattern, locale=lang)


def money(amount: Decimal, currency: str, lang: Language) -> str:
    """An amount with its currency per ``lang``: ``70 000 KZT`` in Russian (CLDR)."""
    if lang == "en":
        shown = amount if amount else amount.copy_abs()
        return f"{shown:,f} {currency}"
    places = max(-int(amount.as_tuple().exponent), 0)
    pattern = "#,##0" + ("." + "0" * places if places else "") + "\u00a0¤"
    return numbers.format_currency(
        amount, currency, format=pattern, locale=lang, currency_digits=False
    )


def currency_symbol(currency: str, lang: Language) -> str:
    """The currency as ``lang`` writes it (CLDR): ``KZT``; ``₸`` in Kazakh."""
    return currency if lang == "en" else numbers.get_currency_symbol(currency, locale=lang)


def day(value: date, lang: Language) -> str:
    """A date per ``lang``: ``2023-12-31`` in English, ``31.12.2023`` in Russian and Kazakh."""
    if lang == "en":
        return str(value)
    return format_date(value, format="dd.MM.yyyy", locale=lang)


@attrs.frozen(field_transformer=typed_fields)
class Message:
    """A text kept as data: an English message id and the values that fill it.

    Errors and explanations keep their words as a ``Message`` rather than a
    finished string, so each can be rendered in any language when shown:
    ``str()`` is the English text, ``render("ru")`` the Russian one. The id
    is the English text with ``{named}`` placeholders (the catalogs' key);
    with ``plural`` set, the count is the value named ``n`` and picks the
    form per language (1 отчёт, 2 отчёта, 5 отчётов).

    >>> from ohs_domain import Message, Quarter
    >>> words = Message("submissions issued in {period}", (("period", Quarter(2023, 1)),))
    >>> str(words), words.render("ru")
    ('submissions issued in 2023-Q1', 'представления, выданные за 1 кв. 2023')

    Values are shown per language: a number grouped (``1,332``; ``1 332`` in
    Russian), a day as ``2023-12-31`` (``31.12.2023``), a value with
    ``render(lang)`` (money, shares, periods, reasons, messages) by it, and any
    other value (an id, a field's name) as it is.

    Attributes:
        id: The English text with ``{named}`` placeholders.
        values: The placeholders' values, by name.
        plural: The English plural form of ``id`` when the text counts ``n``.
    """

    id: str
    values: tuple[tuple[str, object], ...] = ()
    plural: str | None = None

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The text in ``lang``: the catalog's translation with the values shown in it."""
        if not self.id:  # gettext's empty id is the catalog's header
            return ""
        shown = {name: _value(value, lang) for name, value in self.values}
        catalog = _catalog(lang)
        if self.plural is None:
            words = catalog.gettext(self.id)
        else:
            count = cast(int, dict(self.values)["n"])  # a counted message counts n
            words = catalog.ngettext(self.id, self.plural, count)
        return words.format(**shown) if self.values else words


def message(words: str, /, plural: str | None = None, **values: object) -> Message:
    """The message ``words`` with its placeholders' ``values`` (``plural``: counted by ``n``)."""
    return Message(words, tuple(values.items()), plural)


def listed(items: Sequence[Message]) -> Message:
    """``items`` separated by commas as one message (``"a 1, b 2"``), each in its language."""
    if len(items) == 1:
        return items[0]
    return message("{first}, {rest}", first=items[0], rest=listed(items[1:]))


def either(items: Sequence[str | Message]) -> Message:
    """``items`` as alternatives, as one message: ``"a, b or c"`` (``"a, b или c"`` in Russian)."""
    # A string is a value (a tag, a name), shown as it is: never looked up in the catalogs.
    words = [i if isinstance(i, Message) else message("{value}", value=i) for i in items]
    if len(words) == 1:
        return words[0]
    return message("{some} or {last}", some=listed(words[:-1]), last=words[-1])


def _value(value: object, lang: Language) -> str:
    if isinstance(value, bool | str) or value is None:
        return str(value)
    if isinstance(value, int | Decimal):
        return number(value, lang)
    if isinstance(value, date):
        return day(value, lang)
    if isinstance(value, tuple):
        return "; ".join(_value(item, lang) for item in value)
    render = getattr(value, "render", None)
    return str(value) if render is None else str(render(lang))
