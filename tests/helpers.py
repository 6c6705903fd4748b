"""Helpers several test modules share."""

import pytest

from warta.build import BuildError


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
