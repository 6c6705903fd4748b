"""Live preview for editors: rebuild on every save, serve on localhost.

Each rebuild runs the build command (`bin/warta build --pratinjau`, in this same Python) in a
fresh process, so changes to settings, plugins and templates are picked up as well as content,
and the build is atomic. While the latest build failed, every page of the preview is an
Indonesian page listing its findings (warta/commands/preview_page.py), never Python's English 404.
The preview goes to its own folder (.cache/pratinjau), never to output/, because it shows drafts.
"""

import signal
import subprocess
import sys
import threading
from pathlib import Path

import click
import watchfiles

from warta import ROOT
from warta.commands.build import BuildError, quiet_settings
from warta.commands.preview_page import BuildState, handler_for
from warta.commands.server import make_server

HOST = "127.0.0.1"


def watched_paths(settings_file, content):
    """Everything a preview depends on: content, theme, plugins, settings and Warta itself."""
    settings_path = Path(settings_file)
    try:
        settings = quiet_settings(settings_file)
    except BuildError:
        # Settings that do not load yet: watch where they and the content usually are, so the
        # preview starts, shows the mistake in the browser, and rebuilds once it is fixed.
        folder = (settings_path if settings_path.is_absolute() else ROOT / settings_path).parent
        settings = {"PATH": str(folder / "content"), "THEME": str(ROOT / "theme"),
                    "PLUGIN_PATHS": [str(ROOT / "plugins")]}
    paths = [Path(content).resolve() if content else Path(settings["PATH"]),
             Path(settings["THEME"]), ROOT / "warta"]
    paths += [ROOT / p if not Path(p).is_absolute() else Path(p) for p in settings["PLUGIN_PATHS"]]
    paths.append(settings_path if settings_path.is_absolute() else ROOT / settings_path)
    return [p for p in paths if p.exists()]


def rebuild(output, settings_file, content, state=None):
    """Build the preview in a fresh process; record its result in ``state`` for the browser."""
    report = Path(output).parent / f".{Path(output).name}-laporan.json"
    report.unlink(missing_ok=True)
    command = [sys.executable, "-m", "warta", "build", "--pratinjau", "--output", str(output),
               "--settings", str(settings_file), "--laporan-json", str(report)]
    if content:
        command += ["--content", str(content)]
    code = subprocess.run(command, cwd=ROOT, check=False).returncode
    if state is not None:
        state.update(report, code)
    return code


def _stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt


def run_preview(output, port, settings_file, content=None, stop_event=None):
    """Build, serve and rebuild on change until Ctrl+C (or ``stop_event``). Returns an exit code."""
    output = Path(output).resolve()
    state = BuildState()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        server = make_server(output, host=HOST, port=port, handler=handler_for(state))
    except OSError as exc:
        click.echo(f"Port {port} tidak dapat dipakai ({exc.strerror}). Mungkin pratinjau lain masih "
                   "berjalan; hentikan dengan Ctrl+C, atau pakai port lain: make devserver PORT=8001",
                   err=True)
        return 1
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    try:
        paths = watched_paths(settings_file, content)
        rebuild(output, settings_file, content, state)
        thread.start()
        click.echo(f"Pratinjau tersaji di http://{HOST}:{server.server_address[1]}/ "
                   "(draf dan berita terjadwal ikut tampil; Ctrl+C untuk berhenti)")
        for changes in watchfiles.watch(*paths, stop_event=stop_event, debounce=400):
            names = sorted({Path(path).name for _, path in changes})
            click.echo(f"Berubah: {', '.join(names[:5])}. Membangun ulang pratinjau ...")
            rebuild(output, settings_file, content, state)
    except KeyboardInterrupt:
        click.echo("Pratinjau berhenti.")
    finally:
        if thread.is_alive():
            server.shutdown()
            thread.join(timeout=5)
        server.server_close()
    return 0
