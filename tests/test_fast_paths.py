"""The fast paths give what the plain ones give: shared zones of loaded moments."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from ohs_domain import DateRange, Records, serialization, testing


@given(testing.records())
def test_loaded_moments_share_one_zone_per_offset_and_keep_their_value(records: Records) -> None:
    loaded = serialization.load(serialization.dump(records), Records)
    assert serialization.dump(loaded) == serialization.dump(records)  # a fold is never ==
    moments = [r.reported_at for r in loaded.safety_reports]
    moments += [c.at for r in loaded.safety_reports for c in r.history]
    zones: dict[timedelta | None, int] = {}
    for moment in moments:
        zones.setdefault(moment.utcoffset(), id(moment.tzinfo))
        assert id(moment.tzinfo) == zones[moment.utcoffset()]
    assert serialization.dump(loaded) == serialization.dump(records)


@given(st.sampled_from(["+06:00", "+05:00", "Z", "+00:00", "-03:30", "+05:07:48"]))
def test_a_loaded_moment_is_the_same_instant_with_the_same_offset(offset: str) -> None:
    text = f"2024-02-29T23:30:00{offset}"
    moment = serialization.load(text, datetime)
    assert moment == datetime.fromisoformat(text)
    assert moment.utcoffset() == datetime.fromisoformat(text).utcoffset()
    assert moment.isoformat() == datetime.fromisoformat(text).isoformat()


def test_a_native_moment_keeps_its_own_zone() -> None:
    named = timezone(timedelta(hours=6), "ALMT")
    moment = datetime(2023, 5, 4, 9, 30, tzinfo=named)
    assert serialization.load(moment, datetime).tzinfo is named


def test_reports_of_mixed_offsets_are_in_time_order_after_loading() -> None:
    # Almaty moved from UTC+6 to UTC+5 on 2024-03-01: the same wall time comes twice.
    before = datetime(2024, 2, 29, 23, 30, tzinfo=timezone(timedelta(hours=6)))
    after = datetime(2024, 2, 29, 23, 15, tzinfo=timezone(timedelta(hours=5)))
    assert before < after
    data = {
        "time_zone": "Asia/Almaty",
        "departments": [{"id": "D-1", "name": "Plant", "is_production": True}],
        "employees": [
            {
                "id": "E-1",
                "department": "D-1",
                "category": "worker",
                "hired_on": "2020-01-01",
                "left_on": None,
            }
        ],
        "reporting_accounts": [{"employee": "E-1", "registered_on": "2020-01-01"}],
        "safety_reports": [
            _report("R-2", after),
            _report("R-1", before),
        ],
    }
    loaded = serialization.load(data, Records)
    ordered = loaded.reports_during(DateRange(date(2024, 2, 1), date(2024, 4, 1)))
    assert [r.id for r in ordered] == ["R-1", "R-2"]
    assert ordered[0].reported_at.astimezone(UTC) < ordered[1].reported_at.astimezone(UTC)


def _report(report_id: str, at: datetime) -> dict[str, object]:
    return {
        "id": report_id,
        "kind": "near_miss",
        "risk": "low",
        "reporter": "E-1",
        "department": "D-1",
        "reported_at": at.isoformat(),
        "history": [],
    }
