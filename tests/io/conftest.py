"""Every input error the catalogue of bad input raises is coded and reads as Chinese.

For the modules in :data:`WATCHED` an autouse fixture records each :class:`~sim.io.errors.InputError`
made during a test (at whichever door: file, upload, API or command line) and, after the test,
checks it with :func:`tests.io.test_error_codes.assert_worded_in_chinese`: it has a code, the app
words it from that code (not the generic sentence), and its Chinese has no English words
besides field names, file names, values and the technical words a planner types.
"""

from __future__ import annotations

import pytest

from sim.io.errors import InputError

#: Test modules whose every error is checked.
WATCHED = ("tests.io.test_catalogue", "tests.io.test_doors", "tests.io.test_hostile")


@pytest.fixture(autouse=True)
def every_error_is_coded(request, monkeypatch):
    if request.module.__name__ not in WATCHED:
        yield
        return
    from tests.io.test_error_codes import assert_worded_in_chinese

    made: list[InputError] = []
    original = InputError.__init__

    def record(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(InputError, "__init__", record)
    yield
    monkeypatch.setattr(InputError, "__init__", original)
    for exc in made:
        assert_worded_in_chinese(exc)
