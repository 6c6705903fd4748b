"""Helpers several test modules share."""

import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from warta.commands.build import BuildError

# How long a test waits for a child process that should already have reached an event (a marker
# file, a log line, its exit) before calling it hung. The tests wait for the events themselves;
# this only keeps a hung child from hanging the run, so it is far above what any step needs on
# a loaded 2-core CI machine, where one small build can take half a minute.
HANG_GUARD = 600


def soup_of(site, page):
    """A built page, parsed: ``page`` is its path under the output folder ``site``."""
    return BeautifulSoup((Path(site) / page).read_text(encoding="utf-8"), "html.parser")


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


def run_warta(*args):
    """`bin/warta ARGS` run in this process, as click's CliRunner runs a command: through the
    real entry point (warta.commands.cli.main, with its Indonesian errors), for the exit status and what
    it printed, without the second or two a new Python process spends importing Pelican. An
    exception escaping the command fails the test, as its traceback would show in a terminal;
    tests about the whole process (signals, a traceback on bad input) still start one."""
    from warta.commands.cli import PROG_NAME, main  # noqa: PLC0415 - only the command tests need it

    with CliRunner().isolation() as (stdout, stderr, _), \
            mock.patch.object(sys, "argv", [PROG_NAME, *map(str, args)]):
        try:
            main()
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
        printed = stdout.getvalue().decode(), stderr.getvalue().decode()
    return subprocess.CompletedProcess(args, code, *printed)


def header_of(path):
    """{key: [values]} of a content file's metadata block, as editors wrote it."""
    fields = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        fields.setdefault(key.strip().lower(), []).append(value.strip())
    return fields


def write_content(content_dir, folder, name, fields, body, **changes):
    """A content file in ``folder`` with ``fields`` changed by ``changes`` (None leaves a field
    out), then a blank line and ``body``."""
    values = {**fields, **changes}
    lines = [f"{key}: {value}" for key, value in values.items() if value is not None]
    path = content_dir / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")
    return path
