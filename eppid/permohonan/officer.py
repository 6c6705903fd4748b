"""The officers' register: login, every request and objection with its due date (overdue first),
the states of UU 14/2008 Pasal 22 and 36, the history of every change, and the CSV exports."""

from django import forms as django_forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from eppid.permohonan import exports, forms, login_limits, models, service_log, uploads, workdays
from eppid.permohonan.mail import send_objection_answer, send_update
from eppid.permohonan.templatetags.eppid import tanggal

log = service_log()


class LoginForm(auth_views.AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Nama pengguna"
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].label = "Kata sandi"
        self.fields["username"].error_messages["required"] = "Masukkan nama pengguna"
        self.fields["password"].error_messages["required"] = "Masukkan kata sandi"
        self.error_messages["invalid_login"] = (
            "Nama pengguna atau kata sandi salah. Periksa keduanya, lalu coba lagi.")


class AccessibleLoginForm(forms.AccessibleForm, LoginForm):
    pass


class LoginView(auth_views.LoginView):
    template_name = "eppid/petugas/masuk.html"
    authentication_form = AccessibleLoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        self.username = request.POST.get("username", "")[:150].lower()
        # Only failures count, per address and per account from any address (login_limits).
        if login_limits.blocked(request, self.username):
            log.warning("e-PPID: percobaan masuk ditahan (batas kegagalan per alamat atau akun)")
            return render(request, "eppid/terlalu_banyak.html", {"what": "login"}, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if form.data.get("username") and form.data.get("password"):
            login_limits.failed(self.request, self.username)
        return super().form_invalid(form)

    def form_valid(self, form):
        response = super().form_valid(form)
        login_limits.succeeded(self.request, response, self.username)
        return response


class LogoutView(auth_views.LogoutView):
    next_page = "eppid:login"


def officer_of(request):
    officer = getattr(request.user, "officer", None)
    if officer is None:
        raise PermissionDenied
    return officer


def visible(queryset, officer):
    """Agencies are separated: an agency's officer sees only that agency's register."""
    if settings.EPPID_SEPARATE_AGENCIES and officer.agency:
        return queryset.filter(agency=officer.agency)
    return queryset


def overdue_first(entries, today):
    return sorted(entries, key=lambda e: (not e.is_overdue(today), e.current_due_on, e.number))


@login_required
def register_list(request):
    officer = officer_of(request)
    today = timezone.localdate()
    # A notice given up on (retry.py) is flagged in the list: the officer calls or writes.
    requests = overdue_first(visible(models.undelivered(
        models.InformationRequest.objects.all(), "request"), officer), today)
    objections = []
    if officer.role == models.ATASAN:
        objections = overdue_first(visible(models.undelivered(
            models.Objection.objects.all(), "objection"), officer), today)
    return render(request, "eppid/petugas/daftar.html", {
        "requests": requests, "objections": objections, "today": today, "officer": officer,
        "labels": models.PublicState.LABELS,
        "missing_years": models.calendar().missing_years(today)})


ACTIONS = [
    ("diproses", "Tandai sedang diproses"),
    ("diperpanjang", "Perpanjang batas waktu 7 hari kerja (sekali, dengan alasan tertulis)"),
    ("dikabulkan_seluruhnya", "Jawab: dikabulkan seluruhnya"),
    ("dikabulkan_sebagian", "Jawab: dikabulkan sebagian"),
    ("ditolak", "Jawab: ditolak (informasi dikecualikan)"),
    ("tidak_dikuasai", "Jawab: informasi tidak dikuasai"),
    ("selesai", "Tandai selesai"),
    ("catatan", "Hanya simpan catatan"),
]


class RequestActionForm(forms.AccessibleForm):
    action = django_forms.ChoiceField(label="Tindakan", choices=ACTIONS,
                                      widget=django_forms.RadioSelect,
                                      error_messages=forms.required("Pilih tindakan"))
    extension_reason = django_forms.CharField(
        label="Alasan perpanjangan (untuk pemberitahuan tertulis)", required=False,
        widget=django_forms.Textarea(attrs={"rows": 3}))
    answer = django_forms.CharField(label="Jawaban kepada pemohon", required=False,
                                    widget=django_forms.Textarea(attrs={"rows": 4}))
    # The lengths of the register's columns: longer text gave a 503 on PostgreSQL.
    information_form = django_forms.CharField(label="Bentuk informasi (softcopy, hardcopy, …)",
                                              required=False, max_length=200)
    cost = django_forms.CharField(label="Biaya (kosongkan jika gratis)", required=False,
                                  max_length=100)
    legal_basis = django_forms.CharField(
        label="Dasar hukum pengecualian (pasal)", required=False,
        widget=django_forms.Textarea(attrs={"rows": 2}))
    consequence_test = django_forms.CharField(label="Rujukan uji konsekuensi", required=False)
    referred_body = django_forms.CharField(label="Badan publik yang menguasai informasi",
                                           required=False, max_length=200)
    answer_file = django_forms.FileField(label="Lampiran jawaban (PDF, JPG atau PNG)",
                                         required=False)
    note = django_forms.CharField(label="Catatan petugas (tidak tampil bagi pemohon)",
                                  required=False, widget=django_forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, entry, **kwargs):
        self.entry = entry
        super().__init__(*args, **kwargs)

    def clean_answer_file(self):
        upload = self.cleaned_data.get("answer_file")
        if upload:
            uploads.check_upload(upload)
        return upload

    def clean_extension(self, entry):
        """Pasal 22 ayat (7)-(8): the written notice of an extension must reach the requester
        within the first 10 working days, that is by the due date the receipt gave (due_on,
        itself day 10). Afterwards the request is simply late: no extension clears that."""
        today = timezone.localdate()
        if today > entry.due_on:
            self.add_error("action", f"Batas waktu tidak dapat diperpanjang lagi: pemberitahuan "
                                     f"perpanjangan hanya dapat diberikan dalam 10 hari kerja "
                                     f"sejak permohonan diterima, yaitu paling lambat "
                                     f"{tanggal(entry.due_on)} (UU 14/2008 Pasal 22 ayat 7 dan "
                                     f"8). Jawab permohonan ini secepatnya.")
            return
        try:
            self.extended_due_on = models.calendar().add(entry.due_on,
                                                         settings.EPPID_EXTENSION_DAYS)
        except workdays.UnknownYear as unknown:
            log.error("e-PPID: perpanjangan %s tidak dapat dihitung: %s", entry.number, unknown)
            self.add_error("action", str(unknown))

    def clean(self):
        data = super().clean()
        action, entry = data.get("action"), self.entry
        need = {
            "diperpanjang": [("extension_reason", "Tuliskan alasan perpanjangan")],
            "dikabulkan_sebagian": [("legal_basis", "Tuliskan dasar hukum bagian yang ditolak")],
            "ditolak": [("legal_basis", "Tuliskan dasar hukum penolakan"),
                        ("consequence_test", "Tuliskan rujukan uji konsekuensi")],
            "tidak_dikuasai": [("referred_body", "Tuliskan badan publik yang menguasai "
                                                 "informasi, atau tulis bahwa tidak diketahui")],
        }
        for name, message in need.get(action, []):
            if not data.get(name):
                self.add_error(name, message)
        if action == "diperpanjang" and (entry.extended_due_on or entry.status not in
                                         models.OPEN_REQUEST):
            self.add_error("action", "Batas waktu hanya dapat diperpanjang sekali, sebelum "
                                     "permohonan dijawab (Pasal 22 ayat 8)")
        elif action == "diperpanjang":
            self.clean_extension(entry)
        if action in models.ANSWERED | {"diproses"} and entry.status not in models.OPEN_REQUEST:
            self.add_error("action", "Permohonan ini sudah dijawab")
        if action == "selesai" and entry.status not in models.ANSWERED:
            self.add_error("action", "Jawab permohonan dulu sebelum menandainya selesai")
        if action == "catatan" and not data.get("note"):
            self.add_error("note", "Tuliskan catatan")
        return data


def apply_action(entry, data, user, extended_due_on=None):
    action, today = data["action"], timezone.localdate()
    labels = models.PublicState.LABELS
    if data.get("note"):
        entry.notes = "\n".join(filter(None, [entry.notes, data["note"]]))
        entry.log(user, entry.status, data["note"], public=False)
    if action == "catatan":
        return entry.save()
    if action == "diperpanjang":
        # Counted in clean(); later than due_on, so the notified deadline only moves forward.
        entry.extended_due_on = max(extended_due_on, entry.due_on)
        entry.extension_reason = data["extension_reason"]
        note = f"Batas waktu diperpanjang sampai {entry.extended_due_on:%Y-%m-%d}: " \
               f"{data['extension_reason']}"
    elif action in models.ANSWERED:
        for name in ("answer", "information_form", "cost", "legal_basis", "consequence_test",
                     "referred_body"):
            setattr(entry, name, data.get(name, ""))
        if data.get("answer_file"):
            entry.answer_file = data["answer_file"]
        entry.answered_on = today
        note = data.get("answer") or labels[action]
    elif action == "selesai":
        entry.closed_on = today
        note = "Permohonan selesai."
    else:
        note = "Permohonan sedang diproses."
    entry.status = action
    entry.save()
    entry.log(user, action, note, public=True)
    if action == "diperpanjang" or action in models.ANSWERED:
        send_update(entry, action, note)


@login_required
def request_detail(request, pk):
    officer = officer_of(request)
    entry = get_object_or_404(visible(models.InformationRequest.objects.all(), officer), pk=pk)
    form = RequestActionForm(entry=entry)
    if request.method == "POST":
        form = RequestActionForm(request.POST, request.FILES, entry=entry)
        if form.is_valid():
            apply_action(entry, form.cleaned_data, request.user,
                         getattr(form, "extended_due_on", None))
            return redirect("eppid:officer-request", pk=entry.pk)
    return render(request, "eppid/petugas/permohonan.html", {
        "entry": entry, "form": form, "labels": models.PublicState.LABELS,
        "today": timezone.localdate()}, status=400 if form.errors else 200)


@login_required
def answer_file(request, pk):
    officer = officer_of(request)
    entry = get_object_or_404(visible(models.InformationRequest.objects.all(), officer), pk=pk)
    if not entry.answer_file:
        raise Http404
    return FileResponse(entry.answer_file.open("rb"), as_attachment=True)


@login_required
def response_file(request, pk):
    officer = officer_of(request)
    if officer.role != models.ATASAN:
        raise PermissionDenied
    entry = get_object_or_404(visible(models.Objection.objects.all(), officer), pk=pk)
    if not entry.response_file:
        raise Http404
    return FileResponse(entry.response_file.open("rb"), as_attachment=True)


# The citizen's own documents an officer may open: for objections the atasan PPID only.
CITIZEN_DOCUMENTS = {
    "permohonan": (models.InformationRequest, ("id_document", "power_of_attorney")),
    "keberatan": (models.Objection, ("id_document", "power_of_attorney", "supporting_document")),
}


@login_required
def citizen_document(request, kind, pk, field):
    officer = officer_of(request)
    model, fields = CITIZEN_DOCUMENTS[kind]
    if field not in fields:
        raise Http404
    if kind == "keberatan" and officer.role != models.ATASAN:
        raise PermissionDenied
    entry = get_object_or_404(visible(model.objects.all(), officer), pk=pk)
    document = getattr(entry, field)
    if not document:
        raise Http404
    # An attachment, never shown inline: a file is only as safe as the checks it passed.
    return FileResponse(document.open("rb"), as_attachment=True)


OBJECTION_ACTIONS = [
    ("diproses", "Tandai sedang diproses"),
    ("ditanggapi", "Kirim tanggapan atasan PPID"),
    ("selesai", "Tandai selesai"),
]


class ObjectionActionForm(forms.AccessibleForm):
    action = django_forms.ChoiceField(label="Tindakan", choices=OBJECTION_ACTIONS,
                                      widget=django_forms.RadioSelect,
                                      error_messages=forms.required("Pilih tindakan"))
    response = django_forms.CharField(
        label="Tanggapan atasan PPID (dengan alasan tertulis bila menguatkan putusan PPID)",
        required=False, widget=django_forms.Textarea(attrs={"rows": 4}))
    response_file = django_forms.FileField(
        label="Lampiran tanggapan (PDF, JPG atau PNG), misalnya informasi yang akhirnya diberikan",
        required=False)
    note = django_forms.CharField(label="Catatan (tidak tampil bagi pemohon)", required=False,
                                  widget=django_forms.Textarea(attrs={"rows": 3}))

    def clean_response_file(self):
        upload = self.cleaned_data.get("response_file")
        if upload:
            uploads.check_upload(upload)
        return upload

    def clean(self):
        data = super().clean()
        if data.get("action") == "ditanggapi" and not data.get("response"):
            self.add_error("response", "Tuliskan tanggapan atasan PPID")
        return data


@login_required
def objection_detail(request, pk):
    officer = officer_of(request)
    # Objections go to the atasan PPID (Pasal 35 ayat 1), not to the PPID who answered.
    if officer.role != models.ATASAN:
        raise PermissionDenied
    entry = get_object_or_404(visible(models.Objection.objects.all(), officer), pk=pk)
    form = ObjectionActionForm()
    if request.method == "POST":
        form = ObjectionActionForm(request.POST, request.FILES)
        if form.is_valid():
            data, today = form.cleaned_data, timezone.localdate()
            if data["note"]:
                entry.notes = "\n".join(filter(None, [entry.notes, data["note"]]))
                entry.log(request.user, entry.status, data["note"])
            entry.status = data["action"]
            if data["action"] == "ditanggapi":
                entry.response, entry.answered_on = data["response"], today
                if data.get("response_file"):
                    entry.response_file = data["response_file"]
            if data["action"] == "selesai":
                entry.closed_on = today
            entry.save()
            note = data["response"] or models.PublicState.LABELS[data["action"]]
            entry.log(request.user, data["action"], note, public=True)
            if data["action"] == "ditanggapi":
                # Pasal 36 ayat (2): the answer is given in writing, so it is sent, not only kept.
                send_objection_answer(entry)
            return redirect("eppid:officer-objection", pk=entry.pk)
    return render(request, "eppid/petugas/keberatan.html", {
        "entry": entry, "form": form, "labels": models.PublicState.LABELS,
        "today": timezone.localdate()}, status=400 if form.errors else 200)


@login_required
def export_requests(request):
    officer = officer_of(request)
    return exports.csv_response(exports.request_rows(
        visible(models.InformationRequest.objects.all(), officer)), "register-permohonan.csv")


@login_required
def export_objections(request):
    officer = officer_of(request)
    if officer.role != models.ATASAN:
        raise PermissionDenied
    return exports.csv_response(exports.objection_rows(
        visible(models.Objection.objects.all(), officer)), "register-keberatan.csv")
