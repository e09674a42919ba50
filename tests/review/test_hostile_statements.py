"""A previous-period total that no constant pace can give is no reading (NaN), not a traceback."""

from __future__ import annotations

import math

from sim.review.statements import _total_pace


def test_a_total_beyond_every_pace_in_the_bracket_gives_no_reading():
    # scipy's brentq raised "f(a) and f(b) must have different signs" for a total of 1e300
    # (the five-year sum ending at 127 cannot exceed about 1e10 at −99 % a year).
    assert all(math.isnan(x) for x in _total_pace("compound", 127.0, 1e300, 5))


def test_the_reported_total_still_reads():
    pace, start = _total_pace("compound", 127.0, 665.5, 5)
    assert round(pace, 1) == -2.3 and round(start, 1) == 142.6   # the plan file's own note
