"""make bench's arithmetic: rounds combined by median, ratios taken round by round."""

from bench.run import ratio_line
from bench.wrk import Result, combine


def result(p50, rps=100.0, errors=0):
    return Result("label", "http://127.0.0.1/", rps, p50, p50 * 3, 500, errors)


def test_rounds_combine_to_medians_and_total_errors():
    combined = combine([result(10, 300), result(30, 100, errors=2), result(20, 200)])
    assert (combined.p50_ms, combined.requests_per_second) == (20, 200)
    assert combined.requests == 1500
    assert combined.errors == 2 and not combined.ok


def test_the_ratio_is_the_median_of_each_rounds_ratio_to_its_own_floor():
    rounds = [
        {"3r-campaign": result(40), "4-floor": result(10)},  # 4.0
        {"3r-campaign": result(90), "4-floor": result(10)},  # 9.0: a slow spell in one round
        {"3r-campaign": result(60), "4-floor": result(20)},  # 3.0
    ]
    line = ratio_line("3r/4 campaign", rounds, "3r-campaign")
    assert line.startswith("ratio 3r/4 campaign: 4.00 x the floor's p50 latency")
    assert "(target < 5: ok)" in line
    assert line.endswith("rounds 4.00, 9.00, 3.00")
    rounds[0]["3r-campaign"] = result(100)
    assert "9.00 x" in ratio_line("3r/4 campaign", rounds, "3r-campaign")
    assert "ABOVE TARGET" in ratio_line("3r/4 campaign", rounds, "3r-campaign")
