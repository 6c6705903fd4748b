"""The citizens' pages: the request and objection forms, the receipt, "Cek status", privacy.

Every form is a plain POST that works without JavaScript; no time limit, no captcha (a honeypot
and rate limits instead). A receipt is shown once per form (Post/Redirect/Get) from the session,
so reloading it never files a second request; its status code is shown only the first time.
"""

import secrets

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from eppid.permohonan import delivery, forms, mail, models, service_log, workdays
from eppid.permohonan.security import rate_limited

log = service_log()

# Checked when a number is unknown, so a wrong number takes as long as a wrong code.
DUMMY_HASH = make_password("tidak-ada")


def home(request):
    return render(request, "eppid/beranda.html")


def privacy(request):
    return render(request, "eppid/privasi.html")


def _too_many(request, what):
    return render(request, "eppid/terlalu_banyak.html", {"what": what}, status=429)


def _honeypot(request):
    return render(request, "eppid/ditolak.html", status=400)


def _file(request, form_class, model, kind, receipt_name, template, prepare):
    if request.method != "POST":
        return render(request, template, {"form": form_class()})
    form = form_class(request.POST, request.FILES)
    if form.data.get("website"):
        return _honeypot(request)
    token = form.data.get("submission_token", "")
    receipts = request.session.get("eppid_receipts", {})
    # A second press of the button (or a resent POST) finds the first: one request, not two.
    if token and token in receipts and model.objects.filter(submission_token=token).exists():
        request.session["eppid_last"] = token
        return redirect(receipt_name)
    if rate_limited(request, kind):
        return _too_many(request, kind)
    if not form.is_valid():
        return render(request, template, {"form": form}, status=400)
    fields = prepare(form.cleaned_data)
    fields["agency"] = form.cleaned_data.get("agency") or settings.EPPID_AGENCIES[0][0]
    fields["submission_token"] = token
    entry, code = _register(model, fields)
    response = redirect(receipt_name)
    if code:
        receipts[token] = {"pk": entry.pk, "sealed": _seal(code, response, receipt_name)}
        request.session["eppid_receipts"] = receipts
        mail.send_receipt(entry, code, kind)
    request.session["eppid_last"] = token
    return response


# The status code reaches the receipt page through the redirect without being stored in plain
# text anywhere on the server (the register keeps only its hash): the session holds it XOR a
# random pad, the pad travels in a short-lived cookie sent only to the receipt page, and the
# receipt removes both once it has shown the code. Neither half alone reveals anything.
CODE_COOKIE = "eppid_kode"


def _seal(code, response, receipt_name):
    pad = secrets.token_bytes(len(code))
    response.set_cookie(CODE_COOKIE, pad.hex(), max_age=600, path=reverse(receipt_name),
                        secure=settings.SESSION_COOKIE_SECURE, httponly=True, samesite="Lax")
    return bytes(a ^ b for a, b in zip(code.encode(), pad, strict=True)).hex()


def _unseal(sealed, pad):
    try:
        sealed, pad = bytes.fromhex(sealed or ""), bytes.fromhex(pad or "")
    except ValueError:
        return None
    if not sealed or len(sealed) != len(pad):
        return None
    return bytes(a ^ b for a, b in zip(sealed, pad, strict=True)).decode("ascii", "replace")


def _register(model, fields, attempts=3):
    """Register, retrying when two citizens drew the same number at once (the unique number
    refuses the second); the same token from a second tab finds the first entry instead."""
    for attempt in range(attempts):
        try:
            return model.register(**fields)
        except IntegrityError:
            existing = model.objects.filter(submission_token=fields["submission_token"]).first()
            if existing is not None:
                return existing, None
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


IDENTITY = ("requester_type", "name", "id_number", "occupation", "principal_name", "address",
            "phone", "email")
DOCUMENTS = ("id_document", "power_of_attorney", "supporting_document")


def _identity(data):
    fields = {name: data[name] for name in IDENTITY}
    for name in DOCUMENTS:
        if data.get(name):
            fields[name] = data[name]
    return fields


def _request_fields(data):
    return {**_identity(data), "information": data["information"], "purpose": data["purpose"],
            "obtain_method": data["obtain_method"], "delivery_method": data["delivery_method"]}


def _objection_fields(data):
    fields = {**_identity(data), "reason": data["reason"], "description": data["description"],
              "request_number": data["request_number"],
              "reason_arose_on": data["reason_arose_on"]}
    # The form found the request and checked it is the objector's (forms.ObjectionForm.clean):
    # an unknown number is refused there, so none is flagged any more.
    related = data["request"]
    fields["request"] = related
    fields["unknown_request"] = False
    arose = data["reason_arose_on"] or _reason_date(related, data["reason"])
    if arose:
        fields["late"] = _late(arose)
    return fields


def _late(arose):
    """Filed more than 30 working days after the reason arose (Pasal 36 ayat 1)? A date still to
    come, or a window the calendar cannot count (an unknown year, 31 December 9999), is not
    flagged: the flag counts against the citizen, so it needs a count that holds."""
    today = timezone.localdate()
    if arose >= today:
        return False
    try:
        return today > models.calendar().add(arose, settings.EPPID_OBJECTION_WINDOW_DAYS)
    except workdays.CalendarError as error:
        log.error("e-PPID: keberatan tanpa tanda terlambat: %s", error)
        return False


def _reason_date(related, reason):
    """When the reason arose, from the request: its answer, or (not answered, Pasal 35 ayat 1
    huruf c) the day its deadline passed."""
    if related is None:
        return None
    if related.answered_on:
        return related.answered_on
    if reason in ("c", "g"):
        return related.current_due_on
    return None


def request_form(request):
    return _file(request, forms.RequestForm, models.InformationRequest, "permohonan",
                 "eppid:request-receipt", "eppid/permohonan.html", _request_fields)


def objection_form(request):
    return _file(request, forms.ObjectionForm, models.Objection, "keberatan",
                 "eppid:objection-receipt", "eppid/keberatan.html", _objection_fields)


def receipt(request, kind):
    model = models.InformationRequest if kind == "permohonan" else models.Objection
    token = request.session.get("eppid_last")
    saved = request.session.get("eppid_receipts", {}).get(token or "")
    entry = model.objects.filter(pk=saved["pk"], submission_token=token).first() if saved else None
    if entry is None:
        return redirect(reverse("eppid:request" if kind == "permohonan" else "eppid:objection"))
    # Shown once: the sealed half leaves the session now, the pad's cookie below.
    code = _unseal(saved.pop("sealed", None), request.COOKIES.get(CODE_COOKIE))
    request.session.modified = True
    mailed = entry.events.filter(note__startswith="Tanda terima").last()
    calendar, missing_year = models.calendar(), None
    try:
        skipped = calendar.skipped(entry.received_on, entry.due_on)
    except workdays.UnknownYear as unknown:
        # The due date was counted without that year's cuti bersama (models.due_date): say so.
        skipped, missing_year = calendar.lenient().skipped(entry.received_on, entry.due_on), \
            unknown.year
    response = render(request, "eppid/tanda_terima.html", {
        "entry": entry, "code": code, "kind": kind, "mailed": mailed,
        "skipped": skipped, "missing_year": missing_year,
        "window": settings.EPPID_OBJECTION_WINDOW_DAYS})
    response.delete_cookie(CODE_COOKIE, path=request.path, samesite="Lax")
    return response


def status(request):
    if request.method != "POST":
        return render(request, "eppid/status.html", {"form": forms.StatusForm()})
    if rate_limited(request, "status"):
        return _too_many(request, "status")
    form = forms.StatusForm(request.POST)
    if not form.is_valid():
        return render(request, "eppid/status.html", {"form": form}, status=400)
    number = form.cleaned_data["number"].strip().upper()
    entry = (models.InformationRequest.objects.filter(number__iexact=number).first()
             or models.Objection.objects.filter(number__iexact=number).first())
    if entry is None:
        models.InformationRequest(status_code_hash=DUMMY_HASH).check_status_code("x")
        found = False
    else:
        found = entry.check_status_code(form.cleaned_data["code"])
    # A wrong code and an unknown number get the same answer: nothing is revealed.
    if not found:
        return render(request, "eppid/status.html", {"form": form, "not_found": True}, status=404)
    return _status_page(request, entry)


def _status_page(request, entry):
    """The entry as its requester sees it: history, answer, documents, the next step."""
    documents = [{**described, "token": delivery.download_token(entry, index)}
                 for index, described in enumerate(delivery.describe(entry))]
    is_request = isinstance(entry, models.InformationRequest)
    return render(request, "eppid/status.html", {
        "form": forms.StatusForm(), "entry": entry, "events": entry.events.filter(public=True),
        "labels": models.PublicState.LABELS, "is_request": is_request, "documents": documents,
        "token_minutes": settings.EPPID_DOWNLOAD_TOKEN_SECONDS // 60,
        "commission": None if is_request else entry.commission_step()})


def download(request):
    """One document of an answer, for the holder of a token the status page gave (see
    delivery.py: a POST, so neither code nor token is in a URL). A forged token or one for a
    changed code gets the same page as a wrong code; an expired one is asked to look again."""
    if request.method != "POST":
        return redirect("eppid:status")
    if rate_limited(request, "unduh"):
        return _too_many(request, "status")
    try:
        entry, document = delivery.document_for(request.POST.get("token", "")[:300])
    except delivery.Expired:
        return render(request, "eppid/status.html", {"form": forms.StatusForm(),
                                                     "expired": True}, status=404)
    except delivery.Refused:
        return render(request, "eppid/status.html", {"form": forms.StatusForm(),
                                                     "not_found": True}, status=404)
    entry.log(None, entry.status, f"Dokumen {delivery.safe_filename(entry, document)} diunduh "
                                  "lewat Cek Status.", public=False)
    response = FileResponse(document.open("rb"), as_attachment=True,
                            filename=delivery.safe_filename(entry, document),
                            content_type=delivery.mime_type(document))
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    # The answer is the requester's, not a public page: never in a search engine.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def bad_request(request, exception=None):
    return render(request, "eppid/galat.html", {"title": "Permintaan tidak dapat diproses"},
                  status=400)


def forbidden(request, exception=None):
    return render(request, "eppid/galat.html", {"title": "Akses ditolak"}, status=403)


def not_found(request, exception=None):
    return render(request, "eppid/galat.html", {"title": "Halaman tidak ditemukan"}, status=404)


def server_error(request):
    return render(request, "eppid/coba_lagi.html", status=500)


def csrf_failure(request, reason=""):
    return render(request, "eppid/galat.html", {
        "title": "Formulir kedaluwarsa atau tidak sah",
        "message": "Muat ulang halaman formulir, lalu kirim lagi. Isian Anda belum tersimpan."},
        status=403)
