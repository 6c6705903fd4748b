"""Live preview for editors: rebuild on every save, serve on localhost.

Each rebuild runs the build command (`bin/warta build --pratinjau`, in this same Python) in a
fresh process, so changes to settings, plugins and templates are picked up as well as content,
and a broken file only prints its findings: the build is atomic, so the last good preview stays
on screen until the file is fixed.
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
from warta.build import quiet_settings
from warta.server import make_server

HOST = "127.0.0.1"


def watched_paths(settings_file, content):
    """Everything a preview depends on: content, theme, plugins, settings and Warta itself."""
    settings = quiet_settings(settings_file)
    paths = [Path(content).resolve() if content else Path(settings["PATH"]),
             Path(settings["THEME"]), ROOT / "warta"]
    paths += [ROOT / p if not Path(p).is_absolute() else Path(p) for p in settings["PLUGIN_PATHS"]]
    settings_path = Path(settings_file)
    paths.append(settings_path if settings_path.is_absolute() else ROOT / settings_path)
    return [p for p in paths if p.exists()]


def rebuild(output, settings_file, content):
    command = [sys.executable, "-m", "warta", "build", "--pratinjau", "--output", str(output),
               "--settings", str(settings_file)]
    if content:
        command += ["--content", str(content)]
    return subprocess.run(command, cwd=ROOT, check=False).returncode


def _stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt


def run_preview(output, port, settings_file, content=None, stop_event=None):
    """Build, serve and rebuild on change until Ctrl+C (or ``stop_event``). Returns an exit code."""
    output = Path(output).resolve()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        server = make_server(output, host=HOST, port=port)
    except OSError as exc:
        click.echo(f"Port {port} tidak dapat dipakai ({exc.strerror}). Mungkin pratinjau lain masih "
                   "berjalan; hentikan dengan Ctrl+C, atau pakai port lain: make devserver PORT=8001",
                   err=True)
        return 1
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    try:
        paths = watched_paths(settings_file, content)
        rebuild(output, settings_file, content)
        thread.start()
        click.echo(f"Pratinjau tersaji di http://{HOST}:{server.server_address[1]}/ "
                   "(draf dan berita terjadwal ikut tampil; Ctrl+C untuk berhenti)")
        for changes in watchfiles.watch(*paths, stop_event=stop_event, debounce=400):
            names = sorted({Path(path).name for _, path in changes})
            click.echo(f"Berubah: {', '.join(names[:5])}. Membangun ulang pratinjau ...")
            rebuild(output, settings_file, content)
    except KeyboardInterrupt:
        click.echo("Pratinjau berhenti.")
    finally:
        if thread.is_alive():
            server.shutdown()
            thread.join(timeout=5)
        server.server_close()
    return 0
