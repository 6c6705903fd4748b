"""What the editors' preview shows in the browser while the latest build failed.

An editor looks at the preview, not at the terminal: when a save breaks the build, every page of
the preview answers with one Indonesian page (status 503, "not available yet") that lists each
finding as the terminal does, `file:line`, rule, message and fix. It moves nowhere by itself (a
page that reloads or redirects on its own fails WCAG 2.2.1 and our own gate): a small same-origin
script asks the preview for its state and, once a build passes, says so in a polite live region
and shows a button to reload. Without JavaScript the page says to reload by hand.
"""

import json
import os
import tempfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from warta.commands.server import QuietHandler
from warta.content.errors import display_path

# The preview's own addresses, beside the site's: no page of a portal lives under /_pratinjau/.
PREFIX = "/_pratinjau/"
ASSETS = {"gaya.css": ("preview-error.css", "text/css; charset=utf-8"),
          "status.js": ("preview-status.js", "text/javascript; charset=utf-8")}
ASSET_FOLDER = Path(__file__).resolve().parent / "templates"


def write_report(path, ok, errors, findings):
    """The build's result for the preview, as JSON written atomically: each error line with its
    finding's parts when it has one, so the page can show file, line, rule and fix apart."""
    by_line = {str(finding): finding for finding in findings}
    items = []
    for line in errors:
        finding = by_line.get(line)
        if finding is None:
            items.append({"text": line})
        else:
            items.append({"path": display_path(finding.path), "line": finding.line,
                          "rule": finding.rule or "", "message": finding.message,
                          "fix": finding.fix or ""})
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=".laporan-", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        json.dump({"ok": ok, "errors": items}, stream, ensure_ascii=False)
    os.replace(temporary, path)


@dataclass
class BuildState:
    """The latest build as the preview knows it; ``generation`` counts the builds finished."""

    generation: int = 0
    ok: bool = True
    errors: list = field(default_factory=list)

    def update(self, report_path, returncode):
        try:
            data = json.loads(Path(report_path).read_text(encoding="utf-8"))
            ok, errors = bool(data["ok"]), list(data["errors"])
        except (OSError, ValueError, KeyError, TypeError):
            # No report: the build process died before it could write one.
            ok = returncode == 0
            errors = [] if ok else [{"text": f"Build berhenti tanpa laporan (kode keluar "
                                             f"{returncode}); pesannya ada di terminal."}]
        self.ok, self.errors = ok and returncode == 0, errors
        self.generation += 1

    def as_json(self):
        return json.dumps({"generation": self.generation, "ok": self.ok}).encode("utf-8")


def _item(error):
    if "text" in error:
        return f"<li class=\"temuan\"><p>{escape(error['text'])}</p></li>"
    where = escape(f"{error['path']}:{error['line']}" if error.get("line") else error["path"])
    rule = escape(error["rule"])
    fix = (f"<p><span class=\"label\">Cara memperbaiki:</span> {escape(error['fix'])}</p>"
           if error["fix"] else "")
    guide = (f"<p class=\"panduan\">Penjelasan: <code>docs/panduan-editor.md#{rule}</code></p>"
             if rule else "")
    named = f' <span class="aturan">{rule}</span>' if rule else ""
    return (f'<li class="temuan"><p><code class="lokasi">{where}</code>{named}</p>'
            f"<p>{escape(error['message'])}</p>{fix}{guide}</li>")


def error_page(state):
    """The page every address of the preview answers while the latest build failed."""
    count = len(state.errors)
    items = "\n".join(_item(error) for error in state.errors)
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build gagal: {count} masalah · Pratinjau Warta</title>
<link rel="stylesheet" href="{PREFIX}gaya.css">
<script src="{PREFIX}status.js" defer></script>
</head>
<body>
<main>
<h1>Pratinjau belum dapat dibangun</h1>
<p>Build terakhir gagal, jadi halaman ini menggantikan pratinjau. Portal yang sudah terbit tidak
berubah. Perbaiki {"masalah" if count == 1 else f"{count} masalah"} di bawah, simpan berkasnya,
lalu muat ulang halaman ini.</p>
<div class="keadaan" id="keadaan" data-generation="{state.generation}">
<p role="status" id="keadaan-pesan"></p>
<button type="button" id="muat-ulang" hidden>Muat ulang halaman</button>
</div>
<h2>Yang harus diperbaiki</h2>
<ol class="temuan-daftar">
{items}
</ol>
</main>
</body>
</html>
""".encode("utf-8")


class PreviewHandler(QuietHandler):
    """Serves the preview; while the latest build failed, every page is the error page."""

    state = BuildState()

    def do_GET(self):  # noqa: N802 - the name http.server calls
        if not self._special():
            super().do_GET()

    def do_HEAD(self):  # noqa: N802 - the name http.server calls
        if not self._special():
            super().do_HEAD()

    def _special(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == PREFIX + "keadaan.json":
            self._send(200, "application/json", self.state.as_json(), cache=False)
        elif path.startswith(PREFIX) and path[len(PREFIX):] in ASSETS:
            name, kind = ASSETS[path[len(PREFIX):]]
            self._send(200, kind, (ASSET_FOLDER / name).read_bytes())
        elif not self.state.ok and (path.endswith(("/", ".html")) or "." not in path.rsplit("/", 1)[-1]):
            self._send(503, "text/html; charset=utf-8", error_page(self.state), cache=False)
        else:
            return False
        return True

    def _send(self, status, kind, body, cache=True):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if not cache:
            self.send_header("Cache-Control", "no-store")
        if status == 503:
            # Ask again once the next build is done; a build takes seconds.
            self.send_header("Retry-After", "5")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def handler_for(state):
    """A PreviewHandler class bound to ``state`` (one per preview server)."""
    return type("BoundPreviewHandler", (PreviewHandler,), {"state": state})

