"""The record of the last full audit gate, which the accessibility statement shows."""

import datetime
import json
import os
import tempfile
from pathlib import Path

from warta.commands.audit.results import AXE_TAGS

# The format plugins/audit_record reads back; it changes together with SCHEMA there.
RECORD_SCHEMA = 1


def write_audit_record(path, *, pages, pages_failed, variant_audits, variant_audits_failed,
                       checks, checks_failed, templates, variants, axe_version, commit=None,
                       finished=None, validity=None, unused_templates=(),
                       review_markers=0, reused=None):
    """Write the record of a full audit gate that the accessibility statement shows.

    Written atomically (a temporary file renamed into place), so a build never reads half a
    record. The format is read back by plugins/audit_record; ``schema`` changes with it.
    ``validity`` is the HTML check's {"pages": checked, "errors": errors, "ran": bool}: a check
    that did not run, or found errors, keeps the record from passing. ``unused_templates`` are
    those a city's portal has no page for yet, which its gate names instead of failing.
    ``reused`` counts, per kind, the results taken from the gate's caches rather than judged in
    this run, so the record says how much of its verdict is fresh. ``review_markers`` counts the ((tinjau: ...)) still in front of citizens: one keeps the
    record from passing, since the portal is not finished.
    """
    validity_failed = validity is not None and (not validity["ran"] or validity["errors"])
    finished = finished or datetime.datetime.now(datetime.timezone.utc)
    record = {
        "schema": RECORD_SCHEMA,
        "finished": finished.isoformat(timespec="seconds"),
        "passed": not (pages_failed or variant_audits_failed or checks_failed or validity_failed
                       or review_markers),
        "pages": pages,
        "pages_failed": pages_failed,
        "variant_audits": variant_audits,
        "variant_audits_failed": variant_audits_failed,
        "checks": checks,
        "checks_failed": checks_failed,
        "templates": templates,
        "unused_templates": list(unused_templates),
        "variants": list(variants),
        "axe_version": axe_version,
        "tags": list(AXE_TAGS),
        "commit": commit,
        "validity": dict(validity) if validity is not None else None,
        "review_markers": review_markers,
        "reused": dict(reused or {}),
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".last-audit-", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        json.dump(record, stream, ensure_ascii=False, indent=2)
    os.replace(temporary, path)
    return record

