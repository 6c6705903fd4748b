"""The citizens' pages: the request and objection forms, the receipt, "Cek status", privacy.

Every form is a plain POST that works without JavaScript; no time limit, no captcha (a honeypot
and rate limits instead). A receipt is shown once per form (Post/Redirect/Get) from the session,
so reloading it never files a second request.
"""

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from eppid.permohonan import forms, mail, models
from eppid.permohonan.security import rate_limited

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
    if code:
        receipts[token] = {"pk": entry.pk, "code": code}
        request.session["eppid_receipts"] = receipts
        mail.send_receipt(entry, code, kind)
    request.session["eppid_last"] = token
    return redirect(receipt_name)


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
        last_day = models.calendar().add(arose, settings.EPPID_OBJECTION_WINDOW_DAYS)
        fields["late"] = timezone.localdate() > last_day
    return fields


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
    mailed = entry.events.filter(note__startswith="Tanda terima").last()
    skipped = models.calendar().skipped(entry.received_on, entry.due_on)
    return render(request, "eppid/tanda_terima.html", {
        "entry": entry, "code": saved["code"], "kind": kind, "mailed": mailed,
        "skipped": skipped, "window": settings.EPPID_OBJECTION_WINDOW_DAYS})


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
    events = entry.events.filter(public=True)
    return render(request, "eppid/status.html", {
        "form": forms.StatusForm(), "entry": entry, "events": events,
        "labels": models.PublicState.LABELS,
        "is_request": isinstance(entry, models.InformationRequest)})


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
