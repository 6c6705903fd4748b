"""bin/warta, the one entry point the guides document: it runs from a fresh shell whose python
has no Pelican, from any folder, and every guide and help text names it rather than
`python -m warta`, which only works inside the project's .venv."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import click
import pytest

from warta.commands.cli import PROG_NAME, cli

ROOT = Path(__file__).resolve().parent.parent
WRAPPER = ROOT / "bin" / "warta"
# `python -m warta` itself, not a module of it (`python -m warta.commands.gate.validity` is a developer's tool
# with its own argparse, run inside .venv by the tests and the docs that describe it).
MODULE_RUN = re.compile(r"python3? -m warta(?![.\w])")


def system_shell_env(tmp_path):
    """An environment like a fresh login shell: `python`/`python3` are the system's, no virtual
    environment is active, and nothing points Python at the project."""
    system_python = shutil.which("python3", path="/usr/bin:/bin") or shutil.which("python3")
    if system_python is None:
        pytest.skip("no system python3 to run the wrapper beside")
    shims = tmp_path / "sistem-bin"
    shims.mkdir()
    for name in ("python", "python3"):
        (shims / name).symlink_to(system_python)
    env = {k: v for k, v in os.environ.items()
           if k not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "CONDA_PREFIX"}}
    env["PATH"] = f"{shims}:/usr/local/bin:/usr/bin:/bin"
    return env


def run_wrapper(args, cwd, env):
    return subprocess.run([str(WRAPPER), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.mark.build
def test_the_wrapper_runs_the_command_line_without_an_activated_venv(tmp_path):
    env = system_shell_env(tmp_path)
    elsewhere = tmp_path / "folder-lain"
    elsewhere.mkdir()
    for cwd in (ROOT, elsewhere):  # from the project root, and from any other folder
        top = run_wrapper(["--help"], cwd, env)
        assert top.returncode == 0, top.stderr
        assert "Pemakaian: bin/warta [PILIHAN] PERINTAH" in top.stdout
        assert "periksa" in top.stdout and "kota-baru" in top.stdout
        periksa = run_wrapper(["periksa", "--help"], cwd, env)
        assert periksa.returncode == 0, periksa.stderr
        assert "Pemakaian: bin/warta periksa [PILIHAN] [BERKAS]..." in periksa.stdout
        # Nothing to set up: .venv is current, so the wrapper says nothing of its own.
        assert "warta:" not in top.stderr + periksa.stderr


@pytest.mark.build
def test_a_relative_path_means_the_editors_current_folder(tmp_path):
    """The wrapper never changes folder: `periksa coba.md` checks ./coba.md where the editor is."""
    env = system_shell_env(tmp_path)
    folder = tmp_path / "tulisan"
    folder.mkdir()
    (folder / "coba.md").write_text("Title: Coba\nDate: kemarin\n\nIsi.\n", encoding="utf-8")
    done = run_wrapper(["periksa", "coba.md"], folder, env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "coba.md:2: metadata-tanggal:" in done.stderr


def test_the_wrapper_is_executable_and_committed_as_such():
    assert os.access(WRAPPER, os.X_OK)
    mode = subprocess.run(["git", "ls-files", "-s", "bin/warta"], cwd=ROOT, capture_output=True,
                          text=True, check=False).stdout
    if mode:  # a tarball has no index: the file mode above is all there is to check
        assert mode.startswith("100755"), mode


def all_help(command, path):
    """The help text of ``command`` and of every command under it, as `--help` prints them."""
    ctx = click.Context(command, info_name=path)
    yield path, command.get_help(ctx)
    for name, sub in getattr(command, "commands", {}).items():
        yield from all_help(sub, f"{path} {name}")


def test_every_help_text_names_the_wrapper():
    helps = dict(all_help(cli, PROG_NAME))
    assert PROG_NAME == "bin/warta"
    assert {"bin/warta periksa", "bin/warta kota-baru", "bin/warta impor wordpress",
            "bin/warta baru berita"} <= set(helps)
    for path, text in helps.items():
        assert not MODULE_RUN.search(text), f"{path} --help: {text}"
        assert f"{path}" in text, path


def test_no_guide_or_printed_text_tells_anyone_to_run_python_m_warta():
    documents = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")),
                 *sorted((ROOT / "warta" / "commands" / "newcity" / "templates").iterdir())]
    # Messages the commands print live in the package's modules.
    documents += sorted((ROOT / "warta").rglob("*.py"))
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in documents if path.is_file()
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if MODULE_RUN.search(line)]
    assert not found, "\n".join(found)
