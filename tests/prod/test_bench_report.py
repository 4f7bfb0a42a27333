"""make bench's arithmetic: rounds combined by median; staleness from acknowledged writes."""

from bench.campaign_day import staleness
from bench.wrk import Result, combine


def result(p50, rps=100.0, errors=0):
    return Result("label", "http://127.0.0.1/", rps, p50, p50 * 3, 500, errors)


def test_rounds_combine_to_medians_and_total_errors():
    combined = combine([result(10, 300), result(30, 100, errors=2), result(20, 200)])
    assert (combined.p50_ms, combined.requests_per_second) == (20, 200)
    assert combined.requests == 1500
    assert combined.errors == 2 and not combined.ok


def test_staleness_is_the_time_from_each_write_to_the_first_read_showing_it():
    acks = [10.0, 11.0, 12.0]  # the 1st, 2nd and 3rd gift acknowledged
    seen = [(9.5, 5), (10.2, 5), (10.4, 6), (11.1, 7), (11.9, 7), (12.5, 7)]
    delays = staleness(acks, seen, initial=5)
    assert [round(d, 2) if d is not None else None for d in delays] == [0.4, 0.1, None]
