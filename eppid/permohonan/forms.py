"""The public forms and the officers' action forms, with field-level Indonesian messages.

Each field with an error gets aria-invalid and aria-describedby pointing at its message, and the
page's error summary links to it (GOV.UK error summary pattern).
"""

import re
import secrets

from django import forms
from django.conf import settings
from django.utils import timezone

from eppid.permohonan import models, uploads
from eppid.permohonan.form_base import (  # noqa: F401 - re-exported for views and tests
    BIDI_CONTROLS,
    ENTITY_NUMBER,
    LAW_IN_FORCE,
    NIK,
    TOKEN,
    UNSAFE_MESSAGE,
    AccessibleForm,
    conditional,
    has_unsafe_characters,
    required,
)


class IdentityFields(AccessibleForm):
    # Checked in __init__: a missing or malformed token is replaced, never stored or queried.
    submission_token = forms.CharField(widget=forms.HiddenInput, required=False)
    requester_type = forms.ChoiceField(
        label="Anda mengajukan sebagai", choices=models.REQUESTER_TYPES, widget=forms.RadioSelect,
        help_text="Kuasa: Anda mengajukan untuk orang atau badan hukum lain dengan surat kuasa. "
                  "Organisasi yang bukan badan hukum mengajukan lewat orang yang ditugaskannya.",
        error_messages=required("Pilih sebagai apa Anda mengajukan: perorangan, badan hukum, "
                                "organisasi atau kuasa"))
    name = forms.CharField(label="Nama lengkap, atau nama badan hukum atau organisasi",
                           widget=forms.TextInput(attrs={"autocomplete": "name"}),
                           error_messages=required("Masukkan nama lengkap Anda"))
    id_number = forms.CharField(
        label="NIK atau nomor badan hukum",
        help_text="Perorangan, organisasi dan kuasa: NIK 16 angka di KTP Anda sendiri. Badan "
                  "hukum: nomor pengesahan atau akta pendirian.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "text"}),
        error_messages=required("Masukkan NIK atau nomor badan hukum"))
    occupation = conditional(forms.CharField(
        label="Pekerjaan", required=False,
        help_text="Wajib untuk perorangan dan kuasa, misalnya mahasiswa, wiraswasta atau "
                  "pegawai swasta. Badan hukum dan organisasi mengosongkannya.",
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"})))
    principal_name = conditional(forms.CharField(
        label="Nama pemberi kuasa", required=False,
        help_text="Hanya untuk kuasa: nama orang atau badan hukum yang memberi Anda kuasa, "
                  "sesuai surat kuasa.",
        widget=forms.TextInput(attrs={"autocomplete": "off"})))
    address = forms.CharField(label="Alamat", widget=forms.Textarea(
        attrs={"rows": 3, "autocomplete": "street-address"}),
        error_messages=required("Masukkan alamat Anda"))
    phone = forms.CharField(label="Nomor telepon", widget=forms.TextInput(
        attrs={"type": "tel", "autocomplete": "tel"}),
        error_messages=required("Masukkan nomor telepon Anda"))
    email = forms.EmailField(
        label="Alamat surel (e-mail)", required=False, max_length=254,
        help_text="Tidak wajib, kecuali Anda ingin menerima informasi lewat surel. Tanda terima "
                  "juga kami kirim ke alamat ini.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": "Masukkan alamat surel yang benar, misalnya nama@contoh.id",
                        "max_length": "Alamat surel paling banyak 254 karakter"})
    # A honeypot instead of a captcha: hidden from everyone, assistive technology included;
    # only a robot fills it.
    website = forms.CharField(required=False, label="Jangan diisi", widget=forms.TextInput(
        attrs={"autocomplete": "off", "tabindex": "-1"}))

    TEXT_FIELDS = ("name", "address", "phone")
    LIMITS = {"name": 200, "address": 500, "phone": 30, "occupation": 100,
              "principal_name": 200}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if len(settings.EPPID_AGENCIES) > 1:
            self.fields["agency"] = forms.ChoiceField(
                label="Ditujukan kepada PPID", choices=settings.EPPID_AGENCIES,
                error_messages=required("Pilih PPID yang Anda tuju"))
            self.order_fields(["submission_token", "agency"])
        if settings.EPPID_ID_UPLOAD:
            self.fields["id_document"] = forms.FileField(
                label="Salinan KTP, akta badan hukum, atau KTP orang yang ditugaskan organisasi",
                required=False, help_text="PDF, JPG atau PNG, paling besar 2 MB.")
            self.fields["power_of_attorney"] = conditional(forms.FileField(
                label="Surat kuasa atau surat tugas", required=False,
                help_text="Wajib untuk kuasa (surat kuasa) dan organisasi (surat tugas). PDF, "
                          "JPG atau PNG, paling besar 2 MB."))
        if not self.is_bound:
            self.initial.setdefault("submission_token", secrets.token_urlsafe(24))
        self.token_replaced = False
        if self.is_bound and not TOKEN.fullmatch(self.data.get("submission_token", "")):
            # A token the form never made (too long, empty, control characters): the form is
            # shown again with a fresh one, so a second press still files one request.
            self.data = self.data.copy()
            self.data["submission_token"] = secrets.token_urlsafe(24)
            self.token_replaced = True

    def clean_length(self, name, limit):
        value = self.cleaned_data.get(name, "")
        if len(value) > limit:
            raise forms.ValidationError(
                f"{self.fields[name].label} paling banyak {limit:,} karakter (sekarang "
                f"{len(value):,})".replace(",", "."))
        return value

    def clean_name(self):
        return self.clean_length("name", self.LIMITS["name"])

    def clean_address(self):
        return self.clean_length("address", self.LIMITS["address"])

    def clean_id_number(self):
        return self.clean_length("id_number", 40)

    def clean_occupation(self):
        return self.clean_length("occupation", self.LIMITS["occupation"])

    def clean_principal_name(self):
        return self.clean_length("principal_name", self.LIMITS["principal_name"])

    def documents(self):
        """(type, documents) for the note on what each requester type shows the PPID."""
        labels = dict(models.REQUESTER_TYPES)
        return [(labels[kind], text) for kind, text in models.REQUIRED_DOCUMENTS.items()]

    def uploads_on(self):
        return settings.EPPID_ID_UPLOAD

    def clean_email(self):
        """An address the mail can be sent to: no hidden characters, a domain IDNA can encode
        (a U+202E in the domain made the receipt's sending fail), within the column's 254."""
        value = self.cleaned_data.get("email", "")
        if not value:
            return value
        if has_unsafe_characters(value):
            raise forms.ValidationError(UNSAFE_MESSAGE)
        local, _, domain = value.rpartition("@")
        if not local.isascii():
            raise forms.ValidationError("Bagian sebelum @ hanya boleh berisi huruf latin, angka "
                                        "dan tanda . _ - +")
        try:
            domain.encode("idna")
        except UnicodeError as exc:
            raise forms.ValidationError("Nama domain alamat surel ini tidak dapat dipakai untuk "
                                        "mengirim surel; periksa bagian sesudah @") from exc
        return f"{local}@{domain.lower()}"

    def clean_phone(self):
        value = self.clean_length("phone", self.LIMITS["phone"])
        if not re.fullmatch(r"\+?[0-9 ()-]{6,30}", value):
            raise forms.ValidationError("Masukkan nomor telepon dengan angka, misalnya 0812 3456 7890")
        return value

    def clean_id_document(self):
        upload = self.cleaned_data.get("id_document")
        if upload:
            uploads.check_upload(upload)
        return upload

    def clean_power_of_attorney(self):
        upload = self.cleaned_data.get("power_of_attorney")
        if upload:
            uploads.check_upload(upload)
        return upload

    def clean(self):
        data = super().clean()
        kind, number = data.get("requester_type"), data.get("id_number", "")
        number = re.sub(r"\s", "", number) if kind in models.NIK_TYPES else number
        if kind in models.NIK_TYPES and number and not NIK.fullmatch(number):
            self.add_error("id_number", "NIK harus 16 angka, tanpa huruf atau tanda baca")
        elif kind == models.LEGAL_ENTITY and number and not ENTITY_NUMBER.fullmatch(number):
            self.add_error("id_number", "Nomor badan hukum berisi 5 sampai 40 huruf, angka, "
                                        "titik, garis miring atau tanda hubung")
        data["id_number"] = number
        # Ask only what the type needs (UU 27/2022 Pasal 16 ayat 2: limited and specific): a
        # body has no occupation, only a kuasa has a principal.
        if kind in (models.PERSON, models.REPRESENTATIVE):
            if not data.get("occupation") and "occupation" not in self.errors:
                self.add_error("occupation", "Masukkan pekerjaan Anda, misalnya mahasiswa, "
                                             "wiraswasta atau pegawai swasta")
        else:
            data["occupation"] = ""
        if kind == models.REPRESENTATIVE:
            if not data.get("principal_name") and "principal_name" not in self.errors:
                self.add_error("principal_name", "Masukkan nama pemberi kuasa, sesuai surat "
                                                 "kuasa")
        else:
            data["principal_name"] = ""
        if settings.EPPID_ID_UPLOAD and kind in (models.REPRESENTATIVE, models.ORGANISATION) \
                and not data.get("power_of_attorney") and "power_of_attorney" not in self.errors:
            self.add_error("power_of_attorney", "Unggah surat kuasa (kuasa) atau surat tugas "
                                                "(organisasi)")
        if self.token_replaced:
            self.add_error(None, "Formulir ini tidak lengkap. Periksa isian Anda, lalu tekan "
                                 "tombol kirim lagi.")
        return data


class RequestForm(IdentityFields):
    information = forms.CharField(
        label="Informasi yang Anda butuhkan", widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Sebutkan sejelas mungkin, misalnya judul dokumen, tahun, dan perangkat daerah.",
        error_messages=required("Tuliskan informasi yang Anda butuhkan"))
    purpose = forms.CharField(label="Tujuan penggunaan informasi",
                              widget=forms.Textarea(attrs={"rows": 3}),
                              error_messages=required("Tuliskan tujuan penggunaan informasi"))
    obtain_method = forms.ChoiceField(
        label="Cara memperoleh informasi", choices=models.OBTAIN_METHODS,
        widget=forms.RadioSelect,
        error_messages=required("Pilih cara memperoleh informasi"))
    delivery_method = forms.ChoiceField(
        label="Cara mendapatkan informasi atau salinannya", choices=models.DELIVERY_METHODS,
        widget=forms.RadioSelect,
        error_messages=required("Pilih cara mendapatkan informasi"))

    def clean_information(self):
        return self.clean_length("information", settings.EPPID_MAX_TEXT)

    def clean_purpose(self):
        return self.clean_length("purpose", settings.EPPID_MAX_TEXT)

    def clean(self):
        data = super().clean()
        if data.get("delivery_method") == "email" and not data.get("email") \
                and "email" not in self.errors:
            self.add_error("email", "Masukkan alamat surel, karena Anda memilih menerima "
                                    "informasi lewat surel")
        return data


class ObjectionForm(IdentityFields):
    request_number = conditional(forms.CharField(
        label="Nomor register permohonan", required=False,
        help_text="Ada di tanda terima permohonan, misalnya 2026/PPID/00012. Wajib, kecuali "
                  "untuk alasan b (informasi berkala tidak disediakan).",
        widget=forms.TextInput(attrs={"autocomplete": "off"})))
    reason = forms.ChoiceField(
        label="Alasan keberatan (UU 14/2008 Pasal 35 ayat 1)", choices=models.OBJECTION_REASONS,
        widget=forms.RadioSelect, error_messages=required("Pilih alasan keberatan"))
    reason_arose_on = forms.DateField(
        label="Tanggal Anda mengetahui alasan keberatan (jika ingat)", required=False,
        help_text="Misalnya tanggal surat jawaban PPID. Tulis TTTT-BB-HH, misalnya 2026-11-30.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-11-30"})
    description = forms.CharField(
        label="Uraian keberatan (kasus posisi)", widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=required("Uraikan keberatan Anda"))

    # Pasal 35 ayat (1): every reason but b (periodic information not provided) is about a
    # request the objector made.
    NEEDS_REQUEST = {"a", "c", "d", "e", "f", "g"}
    # The same words for a number that does not exist and one filed by someone else: the form
    # tells a stranger nothing about the register.
    NOT_YOURS = ("Nomor ini tidak cocok dengan NIK atau nomor badan hukum yang Anda isi. Periksa "
                 "nomor di tanda terima permohonan Anda dan isian NIK Anda")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if settings.EPPID_ID_UPLOAD:
            self.fields["supporting_document"] = forms.FileField(
                label="Dokumen pendukung", required=False,
                help_text="Misalnya surat jawaban PPID atau tanda terima permohonan. PDF, JPG "
                          "atau PNG, paling besar 2 MB.")

    def clean_supporting_document(self):
        upload = self.cleaned_data.get("supporting_document")
        if upload:
            uploads.check_upload(upload)
        return upload

    def clean(self):
        data = super().clean()
        number, reason = data.get("request_number", "").strip(), data.get("reason")
        data["request"] = None
        if not number:
            if reason in self.NEEDS_REQUEST and "request_number" not in self.errors:
                self.add_error("request_number", "Masukkan nomor register permohonan yang Anda "
                                                 "keberatan (ada di tanda terima permohonan)")
            return data
        if "id_number" in self.errors or not data.get("id_number"):
            return data  # the NIK's own message comes first; the number is checked with it
        related = models.InformationRequest.objects.filter(
            number__iexact=number, id_number=data["id_number"]).first()
        if related is None:
            if "request_number" not in self.errors:
                self.add_error("request_number", self.NOT_YOURS)
            return data
        data["request"], data["request_number"] = related, related.number
        arose = data.get("reason_arose_on")
        if arose and arose < related.received_on and "reason_arose_on" not in self.errors:
            self.add_error("reason_arose_on", "Tanggal ini sebelum permohonan Anda diterima "
                                              f"({related.received_on:%d-%m-%Y}): periksa "
                                              "tanggalnya")
        return data

    def clean_description(self):
        return self.clean_length("description", settings.EPPID_MAX_TEXT)

    def clean_request_number(self):
        return self.clean_length("request_number", 40)

    def clean_reason_arose_on(self):
        """Pasal 36 ayat (1) counts 30 working days from this day: it cannot be after today, nor
        before UU 14/2008 took effect."""
        value = self.cleaned_data.get("reason_arose_on")
        if value is None:
            return value
        if value > timezone.localdate():
            raise forms.ValidationError("Tanggal ini belum terjadi: tulis tanggal hari ini atau "
                                        "sebelumnya")
        if value < LAW_IN_FORCE:
            raise forms.ValidationError("Tanggal ini sebelum UU 14/2008 berlaku (30 April 2010): "
                                        "periksa tahunnya")
        return value


class StatusForm(AccessibleForm):
    number = forms.CharField(label="Nomor register", max_length=40,
                             help_text="Misalnya 2026/PPID/00012 atau 2026/KEB/00003.",
                             widget=forms.TextInput(attrs={"autocomplete": "off"}),
                             error_messages={**required("Masukkan nomor register"),
                                             "max_length": "Nomor register paling banyak 40 "
                                                           "karakter"})
    code = forms.CharField(label="Kode status", max_length=20,
                           help_text="12 huruf dan angka di tanda terima, misalnya ABCD-EFGH-2345.",
                           widget=forms.TextInput(attrs={"autocomplete": "off"}),
                           error_messages={**required("Masukkan kode status"),
                                           "max_length": "Kode status paling banyak 20 karakter"})
