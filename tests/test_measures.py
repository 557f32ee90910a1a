"""Shares and rates: exact, undefined (never 0) on an empty denominator, rounded once."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ohs_domain import InvalidValueError, Rate, Share
from ohs_domain._measures import median, percentile

# -- Share ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("share", "value", "shown"),
    [
        pytest.param(
            Share(1_890, 2_699), Fraction(1_890, 2_699), "1,890 of 2,699 (70.0 %)", id="seed-share"
        ),
        pytest.param(Share(2_699, 2_699), Fraction(1), "2,699 of 2,699 (100.0 %)", id="everyone"),
        pytest.param(Share(0, 5), Fraction(0), "0 of 5 (0.0 %)", id="no-one-of-some-is-zero"),
        pytest.param(Share(0, 0), None, "0 of 0 (undefined)", id="no-one-of-no-one-is-undefined"),
        pytest.param(Share(2, 3), Fraction(2, 3), "2 of 3 (66.7 %)", id="two-thirds"),
    ],
)
def test_share_value_and_text(share: Share, value: Fraction | None, shown: str) -> None:
    assert share.value == value
    assert str(share) == shown


@pytest.mark.parametrize(
    ("share", "places", "percent"),
    [
        pytest.param(Share(1, 8), 1, Decimal("12.5"), id="exact"),
        pytest.param(Share(1, 8), 0, Decimal("13"), id="half-rounds-up"),
        pytest.param(Share(1, 3), 2, Decimal("33.33"), id="below-half-rounds-down"),
        pytest.param(Share(1, 6), 1, Decimal("16.7"), id="above-half-rounds-up"),
        pytest.param(Share(1, 1), 3, Decimal("100.000"), id="places-kept"),
        pytest.param(Share(2, 3), -1, Decimal("7E+1"), id="to-tens"),
        # 12.3499…9 (28 nines): rounding to 28 digits first would give 12.35 and then 12.4.
        pytest.param(
            Share(1235 * 10**28 - 1, 10**32), 1, Decimal("12.3"), id="rounded-once-not-twice"
        ),
        pytest.param(Share(0, 0), 1, None, id="undefined"),
    ],
)
def test_share_percent_is_rounded_once_half_up(
    share: Share, places: int, percent: Decimal | None
) -> None:
    result = share.percent(places)

    assert result == percent
    if percent is not None:
        assert str(result) == str(percent)


@pytest.mark.parametrize(
    ("part", "whole", "field"),
    [
        pytest.param(3, 2, "part", id="part-above-the-whole"),
        pytest.param(-1, 2, "part", id="negative-part"),
        pytest.param(1, -2, "whole", id="negative-whole"),
        pytest.param(True, 2, "part", id="boolean-part"),
    ],
)
def test_a_bad_share_is_refused(part: int, whole: int, field: str) -> None:
    with pytest.raises(InvalidValueError) as raised:
        Share(part, whole)

    assert raised.value.field == field


@given(part=st.integers(0, 10**6), extra=st.integers(0, 10**6), places=st.integers(0, 4))
def test_share_invariants(part: int, extra: int, places: int) -> None:
    share = Share(part, part + extra)

    assert (share.value is None) == (share.whole == 0)
    percent = share.percent(places)
    assert (percent is None) == (share.value is None)
    if percent is not None:
        assert 0 <= percent <= 100
        assert abs(percent - Decimal(share.part * 100) / Decimal(share.whole)) <= Decimal(
            "0.5"
        ).scaleb(-places)


# -- Rate ----------------------------------------------------------------------------------------


def _rate(cases: int, exposure: Fraction | int, base: int = 1_000_000, **extra: str) -> Rate:
    return Rate(
        name=extra.pop("name", "LTIFR"),
        cases=cases,
        exposure=Fraction(exposure),
        exposure_unit=extra.pop("exposure_unit", "hours worked"),
        base=base,
        **extra,
    )


@pytest.mark.parametrize(
    ("rate", "value", "shown"),
    [
        pytest.param(
            _rate(1, 400_000),
            Fraction(5, 2),
            "LTIFR: 2.50 per 1,000,000 hours worked (1 case × 1,000,000 ÷ 400,000 hours worked)",
            id="one-case-reads-singular",
        ),
        pytest.param(
            _rate(3, Fraction(2_000_001, 2)),
            Fraction(6_000_000, 2_000_001),
            "LTIFR: 3.00 per 1,000,000 hours worked "
            "(3 cases × 1,000,000 ÷ 1,000,000.50 hours worked)",
            id="fractional-hours-shown-to-two-places",
        ),
        pytest.param(
            _rate(0, 400_000),
            Fraction(0),
            "LTIFR: 0.00 per 1,000,000 hours worked (0 cases × 1,000,000 ÷ 400,000 hours worked)",
            id="no-case-with-hours-is-zero",
        ),
        pytest.param(
            _rate(2, 0),
            None,
            "LTIFR: undefined per 1,000,000 hours worked (2 cases × 1,000,000 ÷ 0 hours worked)",
            id="no-hours-is-undefined-not-zero",
        ),
        pytest.param(
            _rate(90, 3, base=1, name="Кт", exposure_unit="accidents", case_unit="days lost"),
            Fraction(30),
            "Кт: 30.00 (90 days lost ÷ 3 accidents)",
            id="base-one-reads-as-a-plain-ratio",
        ),
        pytest.param(
            _rate(1, 1, base=1, name="Кт", exposure_unit="accidents", case_unit="days lost"),
            Fraction(1),
            "Кт: 1.00 (1 days lost ÷ 1 accidents)",
            id="singular-only-for-cases",
        ),
    ],
)
def test_rate_value_and_text(rate: Rate, value: Fraction | None, shown: str) -> None:
    assert rate.value == value
    assert str(rate) == shown


def test_rate_rounding() -> None:
    rate = _rate(1, 3)  # 333,333.333…

    assert rate.rounded() == Decimal("333333.33")
    assert rate.rounded(0) == Decimal("333333")
    assert _rate(1, 8, base=1).rounded(2) == Decimal("0.13")  # 0.125 rounds half up
    assert _rate(1, 0).rounded() is None


def test_a_huge_rate_rounds_exactly() -> None:
    rate = _rate(10**30, 1)

    assert rate.rounded() == Decimal(10**36)
    assert str(rate.rounded()) == "1" + "0" * 36 + ".00"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"exposure": Fraction(-1)}, "exposure", id="negative-exposure"),
        pytest.param({"exposure": 400_000}, "exposure", id="exposure-not-a-fraction"),
        pytest.param({"cases": -1}, "cases", id="negative-cases"),
        pytest.param({"name": " "}, "name", id="blank-name"),
    ],
)
def test_a_bad_rate_is_refused(changes: dict[str, object], field: str) -> None:
    fields: dict[str, object] = {
        "name": "LTIFR",
        "cases": 1,
        "exposure": Fraction(1),
        "exposure_unit": "hours worked",
        "base": 1_000_000,
    }
    fields.update(changes)

    with pytest.raises(InvalidValueError) as raised:
        Rate(**fields)  # type: ignore[arg-type]

    assert raised.value.field == field


@given(
    cases=st.integers(0, 10**6),
    exposure=st.fractions(min_value=0, max_value=10**9),
    base=st.sampled_from([1, 1_000, 200_000, 1_000_000]),
)
def test_rate_invariants(cases: int, exposure: Fraction, base: int) -> None:
    rate = _rate(cases, exposure, base)

    assert (rate.value is None) == (exposure == 0)
    assert (rate.rounded() is None) == (rate.value is None)
    assert ("undefined" in str(rate)) == (rate.value is None)
    if rate.value is not None:
        assert rate.value == Fraction(cases * base) / exposure
        assert rate.value >= 0


# -- median and nearest-rank percentile ----------------------------------------------------------

D = timedelta(days=1)


@pytest.mark.parametrize(
    ("values", "middle"),
    [
        pytest.param([], None, id="none-of-nothing"),
        pytest.param([3 * D], 3 * D, id="one"),
        pytest.param([9 * D, 1 * D, 4 * D], 4 * D, id="odd-count-middle-value"),
        pytest.param([10 * D, 1 * D, 7 * D, 2 * D], 4.5 * D, id="even-count-mean-of-the-middle"),
    ],
)
def test_median(values: list[timedelta], middle: timedelta | None) -> None:
    assert median(values) == middle


@pytest.mark.parametrize(
    ("values", "percent", "result"),
    [
        pytest.param([], 90, None, id="none-of-nothing"),
        # ceil(0.9 × 10) = 9th smallest.
        pytest.param([n * D for n in range(10, 0, -1)], 90, 9 * D, id="ninth-of-ten"),
        # ceil(0.9 × 3) = 3rd smallest.
        pytest.param([4 * D, 19 * D, 9 * D], 90, 19 * D, id="third-of-three"),
        # ceil(0.9 × 11) = 10th smallest.
        pytest.param([n * D for n in range(1, 12)], 90, 10 * D, id="tenth-of-eleven"),
        pytest.param([5 * D, 1 * D], 0, 1 * D, id="zeroth-is-the-smallest"),
        pytest.param([5 * D, 1 * D], 100, 5 * D, id="hundredth-is-the-largest"),
        pytest.param([2 * D, 1 * D], 50, 1 * D, id="median-by-nearest-rank-is-a-value"),
    ],
)
def test_nearest_rank_percentile(
    values: list[timedelta], percent: int, result: timedelta | None
) -> None:
    assert percentile(values, percent) == result


# --- Shares, rates and percentiles at their edges ------------------------------------------------


def test_a_share_rounding_up_to_a_whole_hundred_carries() -> None:
    # 99.95 % to one decimal: the carry adds a digit (99.9 -> 100.0).
    assert str(Share(1_999, 2_000)) == "1,999 of 2,000 (100.0 %)"


def test_a_part_above_the_whole_is_named_with_the_whole() -> None:
    with pytest.raises(InvalidValueError) as info:
        Share(3, 2)
    error = info.value
    assert (error.field, error.value, error.expected) == ("part", 3, "at most the whole (2)")


def test_a_negative_exposure_is_refused() -> None:
    with pytest.raises(InvalidValueError) as info:
        Rate(name="LTIFR", cases=1, exposure=Fraction(-1), exposure_unit="hours", base=1)
    error = info.value
    assert (error.field, error.value) == ("exposure", Fraction(-1))
    assert error.expected == "a non-negative amount"


def test_the_100th_percentile_of_101_values_is_the_largest() -> None:
    values = [timedelta(minutes=n) for n in range(1, 102)]
    assert percentile(values, 100) == timedelta(minutes=101)
    assert percentile(values, 50) == timedelta(minutes=51)
