"""Atomic deploys: upload into a new release folder, then switch the `current` symlink.

Layout on the server (or in a local folder, for tests and for hosts mounted locally):

    TARGET/releases/20240429T093000-12345/   one folder per upload, complete before it is used
    TARGET/current -> releases/20240429T093000-12345

The web server's root is TARGET/current. The switch is one rename(2) of a symlink, so a
reader sees either the old site or the new one, never a mix; a failed upload leaves `current`
as it was.
"""

import datetime
import os
import shlex
import subprocess
from pathlib import Path

KEEP_RELEASES = 5


class DeployError(Exception):
    """The upload or the switch failed; the live site is unchanged."""


def split_target(target):
    """("user@host", "/srv/warta") for an rsync-over-ssh target, (None, path) for a local one."""
    host, sep, path = target.partition(":")
    if sep and "/" not in host and host:
        return host, path
    return None, target


def _run(command, **kwargs):
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)
    except OSError as exc:
        raise DeployError(f"{command[0]} tidak dapat dijalankan: {exc}") from exc


def _shell(host, script):
    """Run a POSIX shell script on the target host (or here, for a local target)."""
    command = ["ssh", host, "sh", "-c", shlex.quote(script)] if host else ["sh", "-c", script]
    run = _run(command)
    if run.returncode != 0:
        raise DeployError(f"perintah di tujuan gagal ({run.returncode}): {run.stderr.strip()}")
    return run.stdout


def release_name(now=None):
    now = now or datetime.datetime.now(datetime.timezone.utc)
    return f"{now:%Y%m%dT%H%M%S}-{os.getpid()}"


def deploy(output, target, keep=KEEP_RELEASES, release=None):
    """Upload ``output`` to ``target`` as a new release and switch to it; return its name."""
    output = Path(output)
    if not (output / "index.html").is_file() or not (output / "404.html").is_file():
        raise DeployError(
            f"{output}/ bukan situs yang lengkap (index.html atau 404.html tidak ada); "
            "jalankan `make publish` lebih dulu. Situs yang tayang tidak diubah."
        )
    host, root = split_target(target)
    root = root.rstrip("/") or "/"
    release = release or release_name()
    releases = f"{root}/releases"
    folder = f"{releases}/{release}"
    q = shlex.quote
    _shell(host, f"mkdir -p {q(releases)}")
    destination = f"{host}:{folder}/" if host else f"{folder}/"
    # --link-dest: files unchanged since the live release are hard links, not new copies,
    # and keep their time (and so their ETag: browsers revalidate them for free).
    # --checksum compares contents, and times are not copied, since every build gives every
    # file a new time and rsync links only files whose copied attributes all match.
    rsync = _run([
        "rsync", "--recursive", "--links", "--perms", "--checksum", "--delete",
        # Readable by the web server whatever the build folder's own mode was.
        "--chmod=Du=rwx,go=rx,Fu=rw,go=r",
        f"--link-dest={root}/current/", f"{output}/", destination,
    ])
    if rsync.returncode not in (0,):
        _shell(host, f"rm -rf {q(folder)}")
        raise DeployError(
            f"rsync gagal ({rsync.returncode}): {rsync.stderr.strip()}. Situs yang tayang tidak diubah."
        )
    # The switch: a new symlink beside the old one, renamed over it (atomic on POSIX).
    _shell(host, (
        f"test -f {q(folder)}/index.html && "
        f"ln -sfn releases/{q(release)} {q(root)}/.current-baru && "
        f"mv -Tf {q(root)}/.current-baru {q(root)}/current"
    ))
    # Old releases go, newest first kept; the live one is never removed.
    _shell(host, (
        f"cd {q(releases)} && ls -1 | sort -r | tail -n +{int(keep) + 1} | "
        f"while read -r old; do [ \"$old\" = {q(release)} ] || rm -rf -- \"$old\"; done"
    ))
    return release
