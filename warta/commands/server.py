"""Serve a built site over HTTP on loopback, for the audit and for `make serve`."""

import contextlib
import functools
import http.server
import threading
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request, and with our own 404 page when present."""

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory, "404.html")
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class _CachingHandler(QuietHandler):
    """Lets the browser keep everything but pages for an hour: for an audit run, where the
    site cannot change under it, never for `make serve`, where an editor rebuilds."""

    def end_headers(self):
        if not self.path.split("?", 1)[0].endswith(("/", ".html")):
            self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()


def make_server(directory, host="127.0.0.1", port=0, cache_assets=False, handler=None):
    """An HTTP server for ``directory``; port 0 picks a free port. ``handler`` replaces the
    request handler class (a QuietHandler subclass: the preview's)."""
    handler = functools.partial(
        handler or (_CachingHandler if cache_assets else QuietHandler), directory=str(directory)
    )
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    return http.server.ThreadingHTTPServer((host, port), handler)


@contextlib.contextmanager
def serve(directory, host="127.0.0.1", port=0, cache_assets=False):
    """Serve ``directory`` in a background thread; yield its base URL (no trailing slash)."""
    server = make_server(directory, host, port, cache_assets)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
