"""Helpers several test modules share."""

import pytest

from warta.build import BuildError

# How long a test waits for a child process that should already have reached an event (a marker
# file, a log line, its exit) before calling it hung. The tests wait for the events themselves;
# this only keeps a hung child from hanging the run, so it is far above what any step needs on
# a loaded 2-core CI machine, where one small build can take half a minute.
HANG_GUARD = 600


def refused(build, content, output=None, **overrides):
    """The error text of a build that must fail. Given an output folder, the build must also
    leave what was there before untouched."""
    if output is not None:
        output.mkdir(exist_ok=True)
        (output / "lama.html").write_text("situs lama", encoding="utf-8")
    given = (content,) if output is None else (content, output)
    with pytest.raises(BuildError) as error:
        build(*given, **overrides)
    if output is not None:
        assert [p.name for p in output.iterdir()] == ["lama.html"]
    assert "Traceback" not in str(error.value)
    return str(error.value)

