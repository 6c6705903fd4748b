"""audit_record: gives templates the date and result of the last full audit gate.

The gate (warta.commands.gate, run by `make test` and `make audit`) writes the record (WARTA_AUDIT_RECORD,
by default .cache/audit/last-audit.json) whenever it has judged the whole portal: axe on every
built page, the axe variants for every template, the browser checks and the HTML check. The
accessibility statement shows it. A missing or unreadable record is shown as "no audit
recorded", never as a pass: the page must not invent a result.
"""

import datetime
import json
import logging
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican import signals

from warta import ROOT

log = logging.getLogger(__name__)

SCHEMA = 1
# Every field the statement shows, with its type; a record missing any of them is unreadable.
FIELDS = {
    "schema": int,
    "finished": str,
    "passed": bool,
    "pages": int,
    "pages_failed": int,
    "variant_audits": int,
    "variant_audits_failed": int,
    "checks": int,
    "checks_failed": int,
    "templates": int,
    "variants": list,
    "axe_version": str,
    "tags": list,
}


# The HTML check's counts, in records written since the gate runs it; older records lack them.
VALIDITY_FIELDS = {"pages": int, "errors": int, "ran": bool}


class RecordError(ValueError):
    """The record exists but cannot be trusted."""


def read_record(path, timezone="Asia/Jakarta"):
    """The record at ``path`` as a dict (``finished`` as an aware datetime), or None if absent.

    Raises RecordError when the file exists but is not a valid record.
    """
    path = Path(path)
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RecordError(f"bukan JSON yang sah: {exc}") from exc
    if not isinstance(data, dict):
        raise RecordError("isinya bukan objek JSON")
    _check_types(data, FIELDS, "kolom")
    validity = data.get("validity")
    if validity is not None:
        if not isinstance(validity, dict):
            raise RecordError("kolom 'validity' bukan objek")
        _check_types(validity, VALIDITY_FIELDS, "kolom validity")
        if data["passed"] and (not validity["ran"] or validity["errors"]):
            raise RecordError("tercatat lolos padahal validitas HTML gagal atau tidak berjalan")
    markers = data.get("review_markers", 0)
    if not isinstance(markers, int) or isinstance(markers, bool):
        raise RecordError("kolom 'review_markers' bukan int")
    if data["passed"] and markers:
        raise RecordError("tercatat lolos padahal tanda ((tinjau: ...)) masih tampil bagi warga")
    if data["schema"] != SCHEMA:
        raise RecordError(f"skema {data['schema']} tidak dikenal (yang dikenal: {SCHEMA})")
    try:
        finished = datetime.datetime.fromisoformat(data["finished"])
    except ValueError as exc:
        raise RecordError(f"waktu {data['finished']!r} tidak dapat dibaca") from exc
    if finished.tzinfo is None:
        raise RecordError(f"waktu {data['finished']!r} tidak punya zona waktu")
    record = dict(data)
    record["finished"] = finished.astimezone(ZoneInfo(timezone))
    return record


def _check_types(data, fields, what):
    for name, kind in fields.items():
        # bool is a subclass of int: a count given as true/false is still wrong.
        value = data.get(name)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise RecordError(f"{what} {name!r} tidak ada atau bukan {kind.__name__}")


def add_record(pelican):
    settings = pelican.settings
    setting = settings["WARTA_AUDIT_RECORD"]
    record = None
    if setting:
        path = Path(setting)
        if not path.is_absolute():
            # Relative to the project (where pelicanconf.py and .cache/ live), not the cwd.
            path = ROOT / path
        try:
            record = read_record(path, settings.get("TIMEZONE") or "Asia/Jakarta")
        except RecordError as exc:
            log.warning("audit_record: %s tidak dapat dipakai (%s); pernyataan aksesibilitas "
                        "akan menyebut bahwa belum ada hasil audit", path, exc)
    settings["WARTA_LAST_AUDIT"] = record


def register():
    # initialized runs once, before the generators copy the settings into the template context.
    signals.initialized.connect(add_record)
