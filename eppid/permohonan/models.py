"""The Buku Register Permohonan and the objection register (Perki 1/2021), and their history.

Only what the forms need is kept (UU 27/2022, data minimisation): identity and contact to send
the answer, the request itself. ``pseudonymise`` blanks them after EPPID_RETENTION_YEARS; numbers,
dates, states and agencies stay, so the annual report's counts survive.
"""

import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import models, transaction
from django.utils import timezone

from eppid.permohonan import service_log, uploads, workdays
from eppid.permohonan.choices import (  # noqa: F401 - re-exported: models.PERSON, …
    ANSWERED,
    ANSWERED_OBJECTION,
    CLOSED,
    DELIVERY_METHODS,
    EXTENDED,
    GRANTED,
    IN_PROGRESS,
    LEGAL_ENTITY,
    NIK_TYPES,
    NOT_HELD,
    OBJECTION_REASONS,
    OBJECTION_STATES,
    OBTAIN_METHODS,
    OPEN_REQUEST,
    ORGANISATION,
    PARTLY,
    PERSON,
    PSEUDONYM,
    RECEIVED,
    REFUSED,
    REPRESENTATIVE,
    REQUEST_STATES,
    REQUESTER_TYPES,
    REQUIRED_DOCUMENTS,
)

log = service_log()



def calendar():
    return workdays.from_settings(settings)


def due_date(received, days):
    """The due date of an entry received today. A citizen's filing is never refused because the
    calendar lacks this year's cuti bersama: the count then leaves them out, so the date is
    never later than the law's (Pasal 22 ayat 7, Pasal 36 ayat 2) and the PPID is held to it
    (a deadline never moves once notified); the officers see the warning (eppid.W001)."""
    try:
        return calendar().add(received, days)
    except workdays.UnknownYear as unknown:
        log.error("e-PPID: %s", unknown)
        return calendar().lenient().add(received, days)


def new_status_code():
    """A code the citizen keeps to check the status: 12 characters without look-alikes."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    code = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


class RegisterCounter(models.Model):
    """The last number given in a register, per year (Perki 1/2021: numbers follow each other)."""

    kind = models.CharField(max_length=40)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "year"], name="one_counter_a_year")]


class Requester(models.Model):
    """The identity a request and an objection share (Pasal 1: citizens and legal entities)."""

    requester_type = models.CharField("jenis pemohon", max_length=20, choices=REQUESTER_TYPES)
    name = models.CharField("nama", max_length=200)
    id_number = models.CharField("NIK atau nomor badan hukum", max_length=40)
    # The Perki 1/2021 request form asks a person's occupation; a body has none.
    occupation = models.CharField("pekerjaan", max_length=100, blank=True)
    # A kuasa files for someone else: whom (the power of attorney names them).
    principal_name = models.CharField("nama pemberi kuasa", max_length=200, blank=True)
    address = models.TextField("alamat")
    phone = models.CharField("telepon", max_length=30)
    email = models.EmailField("surel", blank=True)
    id_document = models.FileField(upload_to="identitas/%Y/", blank=True, storage=uploads.private_storage)
    power_of_attorney = models.FileField("surat kuasa atau surat tugas", upload_to="kuasa/%Y/",
                                         blank=True, storage=uploads.private_storage)

    class Meta:
        abstract = True


class Numbered(models.Model):
    number = models.CharField("nomor register", max_length=40, unique=True)
    year = models.PositiveIntegerField()
    seq = models.PositiveIntegerField()
    agency = models.CharField("PPID", max_length=60)
    received_on = models.DateField("tanggal diterima")
    created_at = models.DateTimeField(default=timezone.now)
    due_on = models.DateField("batas waktu")
    status_code_hash = models.CharField(max_length=200)
    # One request per form shown: a second press of the button finds the first (a double submit).
    submission_token = models.CharField(max_length=64, unique=True)
    pseudonymised_at = models.DateTimeField(null=True, blank=True)

    NUMBER_SETTING = ""

    class Meta:
        abstract = True
        constraints = []

    def set_status_code(self):
        code = new_status_code()
        self.status_code_hash = make_password(code)
        return code

    def check_status_code(self, code):
        return check_password(code.strip().upper(), self.status_code_hash)

    @classmethod
    def next_number(cls, year):
        """The year's next number. The counter row is locked until the request's transaction
        ends, so a second citizen waits and then reads the new value: never the same number
        (on PostgreSQL a locked row is re-read after the wait; SQLite locks the whole file)."""
        highest = cls.objects.filter(year=year).aggregate(models.Max("seq"))["seq__max"] or 0
        counter, _ = RegisterCounter.objects.get_or_create(kind=cls.__name__, year=year,
                                                           defaults={"last": highest})
        counter = RegisterCounter.objects.select_for_update().get(pk=counter.pk)
        counter.last += 1
        counter.save(update_fields=["last"])
        return counter.last, getattr(settings, cls.NUMBER_SETTING).format(year=year,
                                                                          seq=counter.last)

    @classmethod
    @transaction.atomic
    def register(cls, **fields):
        """Store a new entry with its number, due date and status code; returns (entry, code)."""
        now = timezone.localtime()
        received = now.date()
        seq, number = cls.next_number(received.year)
        entry = cls(year=received.year, seq=seq, number=number, received_on=received,
                    created_at=now, **fields)
        entry.due_on = due_date(received, entry.answer_days())
        code = entry.set_status_code()
        entry.save()
        entry.log(None, entry.status, "Diterima dan dicatat dalam register.", public=True)
        return entry, code

    # After the retention period (UU 27/2022 Pasal 16 ayat 2: personal data is erased when its
    # retention ends) these go; what stays is the register's record of the PPID's duty under
    # UU 14/2008 Pasal 7 and the annual report of Perki 1/2021: number, dates, agency, requester
    # type, states, the legal basis of a refusal and the body referred to (docs/eppid.md).
    # Identity and contact:
    PERSONAL_FIELDS = ("name", "id_number", "occupation", "principal_name", "address", "phone")
    # Free text, where citizens write their NIK and name again, and the letters that address
    # them by name:
    FREE_TEXT = ()
    # Attached personal documents (identity scans, powers of attorney, the citizen's evidence):
    PERSONAL_FILES = ("id_document", "power_of_attorney")

    def pseudonymise(self):
        for name in self.PERSONAL_FIELDS + self.FREE_TEXT:
            if getattr(self, name):
                setattr(self, name, PSEUDONYM)
        self.email = ""
        for name in self.PERSONAL_FILES:
            if getattr(self, name):
                getattr(self, name).delete(save=False)
        self.pseudonymised_at = timezone.now()


class InformationRequest(Requester, Numbered):
    NUMBER_SETTING = "EPPID_REQUEST_NUMBER_FORMAT"

    information = models.TextField("informasi yang dibutuhkan")
    purpose = models.TextField("tujuan penggunaan informasi")
    obtain_method = models.CharField("cara memperoleh informasi", max_length=30,
                                     choices=OBTAIN_METHODS)
    delivery_method = models.CharField("cara mendapatkan salinan", max_length=30,
                                       choices=DELIVERY_METHODS)
    status = models.CharField(max_length=30, choices=REQUEST_STATES, default=RECEIVED)
    # Pasal 22 ayat (8): one extension, with its written reason.
    extended_due_on = models.DateField("batas waktu perpanjangan", null=True, blank=True)
    extension_reason = models.TextField("alasan perpanjangan", blank=True)
    answered_on = models.DateField("tanggal jawaban", null=True, blank=True)
    # Pasal 22 ayat (7): what the written answer says.
    referred_body = models.CharField("badan publik yang menguasai", max_length=200, blank=True)
    legal_basis = models.TextField("dasar hukum penolakan", blank=True)
    consequence_test = models.TextField("uji konsekuensi", blank=True)
    information_form = models.CharField("bentuk informasi", max_length=200, blank=True)
    cost = models.CharField("biaya", max_length=100, blank=True)
    answer = models.TextField("jawaban", blank=True)
    answer_file = models.FileField(upload_to=uploads.answer_path, blank=True,
                                   storage=uploads.private_storage)
    notes = models.TextField("catatan petugas", blank=True)
    closed_on = models.DateField(null=True, blank=True)

    FREE_TEXT = ("information", "purpose", "answer", "notes")
    # The answer's document went to the citizen; the agency keeps its information in its own
    # archive, and the copy here may be the citizen's own data (a request for one's own file).
    PERSONAL_FILES = ("id_document", "power_of_attorney", "answer_file")

    class Meta:
        ordering = ["due_on", "number"]

    def answer_days(self):
        return settings.EPPID_ANSWER_DAYS

    @property
    def current_due_on(self):
        return self.extended_due_on or self.due_on

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.status in OPEN_REQUEST and today > self.current_due_on

    def working_days_to_answer(self):
        if not self.answered_on:
            return None
        # Statistics only: an unknown year is counted without its cuti bersama.
        return calendar().lenient().between(self.received_on, self.answered_on)

    def documents(self):
        """The answer's documents (Pasal 22 ayat 7: the written answer and what it grants)."""
        return [self.answer_file] if self.answer_file else []

    def log(self, user, status, note, public=False):
        return Event.objects.create(request=self, actor=user, status=status, note=note,
                                    public=public)


class Objection(Requester, Numbered):
    NUMBER_SETTING = "EPPID_OBJECTION_NUMBER_FORMAT"

    reason = models.CharField("alasan keberatan", max_length=1, choices=OBJECTION_REASONS)
    # The number the citizen gave, as typed: an unknown one is kept and flagged, never refused.
    request_number = models.CharField("nomor register permohonan", max_length=40, blank=True)
    request = models.ForeignKey(InformationRequest, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="objections")
    unknown_request = models.BooleanField(default=False)
    reason_arose_on = models.DateField("tanggal alasan keberatan diketahui", null=True, blank=True)
    # Pasal 36 ayat (1): filed more than 30 working days after the reason arose.
    late = models.BooleanField(default=False)
    description = models.TextField("kasus posisi")
    # The citizen's evidence (the PPID's letter, the receipt), checked like every upload.
    supporting_document = models.FileField("dokumen pendukung", upload_to="pendukung/%Y/",
                                           blank=True, storage=uploads.private_storage)
    status = models.CharField(max_length=30, choices=OBJECTION_STATES, default=RECEIVED)
    response = models.TextField("tanggapan atasan PPID", blank=True)
    # The atasan may overturn the PPID and give the information (Pasal 36 ayat 2): its document.
    response_file = models.FileField(upload_to=uploads.answer_path, blank=True,
                                     storage=uploads.private_storage)
    answered_on = models.DateField(null=True, blank=True)
    notes = models.TextField("catatan petugas", blank=True)
    closed_on = models.DateField(null=True, blank=True)

    FREE_TEXT = ("description", "response", "notes")
    PERSONAL_FILES = ("id_document", "power_of_attorney", "supporting_document", "response_file")

    class Meta:
        ordering = ["due_on", "number"]

    def answer_days(self):
        return settings.EPPID_OBJECTION_ANSWER_DAYS

    @property
    def current_due_on(self):
        return self.due_on

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.status in {RECEIVED, IN_PROGRESS} and today > self.due_on

    def documents(self):
        return [self.response_file] if self.response_file else []

    def commission_step(self, today=None):
        """(last day, answered) for taking the dispute to the Komisi Informasi, or None.

        Answered: 14 working days after the atasan's written answer was received (UU 14/2008
        Pasal 37 ayat 2); a mailed or shown answer is received the day it is given. Not answered
        within the atasan's 30 working days (Pasal 36 ayat 2): the same 14 working days, counted
        from the end of those 30 (Perki 1/2013 on dispute procedure, Pasal 13 ayat 1 huruf b)."""
        today = today or timezone.localdate()
        days = settings.EPPID_COMMISSION_DAYS
        if self.answered_on:
            return calendar().add(self.answered_on, days), True
        if self.is_overdue(today):
            return calendar().add(self.due_on, days), False
        return None

    def log(self, user, status, note, public=False):
        return Event.objects.create(objection=self, actor=user, status=status, note=note,
                                    public=public)


class Event(models.Model):
    """One line of an entry's history: who (None: the citizen or the system), when, what."""

    request = models.ForeignKey(InformationRequest, null=True, blank=True,
                                on_delete=models.CASCADE, related_name="events")
    objection = models.ForeignKey(Objection, null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.PROTECT)
    at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=30)
    note = models.TextField(blank=True)
    # Shown to the citizen on "Cek status"; officers' internal notes are not.
    public = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "pk"]


class Outbox(models.Model):
    """A notice the mail server did not take, waiting to be sent again (mail.py,
    ``manage.py eppid_surel_ulang``). The extension (UU 14/2008 Pasal 22 ayat 8) and the written
    answer (Pasal 22 ayat 7; Pasal 36 ayat 2) must reach the requester, so a failure is retried,
    and after EPPID_MAIL_RETRY_GIVE_UP_SECONDS the officer is told to call or write.

    Only what names the notice is kept: the mail is rendered again from the entry at each try, so
    it carries the current answer and documents, and no address or body sits here. The receipt is
    never queued: it carries the access code, which the register keeps only as a hash."""

    UPDATE, OBJECTION_ANSWER = "pemberitahuan", "tanggapan_keberatan"
    NOTICES = [(UPDATE, "Pemberitahuan permohonan"), (OBJECTION_ANSWER, "Tanggapan atasan PPID")]

    request = models.ForeignKey(InformationRequest, null=True, blank=True,
                                on_delete=models.CASCADE, related_name="outbox")
    objection = models.ForeignKey(Objection, null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="outbox")
    notice = models.CharField(max_length=30, choices=NOTICES)
    # For an update: the step taken (diperpanjang, dikabulkan_seluruhnya, ...) and its history note.
    action = models.CharField(max_length=30, blank=True)
    note = models.TextField(blank=True)
    # The failed first send counts as attempt 1.
    attempts = models.PositiveIntegerField(default=1)
    next_attempt_at = models.DateTimeField()
    # The exception's class name only (SMTPRecipientsRefused, ConnectionRefusedError): a
    # server's message may quote the address.
    last_error = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    abandoned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["next_attempt_at", "pk"]
        indexes = [models.Index(fields=["sent_at", "abandoned_at", "next_attempt_at"],
                                name="outbox_due")]

    @property
    def entry(self):
        return self.request or self.objection

    @property
    def pending(self):
        return self.sent_at is None and self.abandoned_at is None


def undelivered(queryset, field):
    """The queryset with ``undelivered``: a notice to this entry was given up on, so the officer
    must reach the requester by phone or letter (Pasal 22 ayat 7-8 want it in writing)."""
    given_up = Outbox.objects.filter(**{field: models.OuterRef("pk")}, abandoned_at__isnull=False)
    return queryset.annotate(undelivered=models.Exists(given_up))


ATASAN = "atasan_ppid"
OFFICER_ROLES = [("ppid", "Petugas PPID"), (ATASAN, "Atasan PPID")]


class Officer(models.Model):
    """An officer's agency and role. No agency: the PPID Utama, who sees every agency."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="officer")
    agency = models.CharField(max_length=60, blank=True)
    role = models.CharField(max_length=20, choices=OFFICER_ROLES, default="ppid")


class PublicState:
    """Labels of every state, requests' and objections', for the status history."""

    LABELS = dict(REQUEST_STATES + OBJECTION_STATES)
