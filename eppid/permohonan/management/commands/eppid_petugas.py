"""Create or update an officer: ``manage.py eppid_petugas NAMA --peran atasan_ppid --ppid slug``.
The password is read from the terminal (or EPPID_OFFICER_PASSWORD) and checked against the
password validators."""

import getpass
import os

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from eppid.permohonan import models


class Command(BaseCommand):
    help = "Buat atau ubah akun petugas PPID atau atasan PPID."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--peran", choices=[r for r, _ in models.OFFICER_ROLES],
                            default="ppid")
        parser.add_argument("--ppid", default="", help="slug PPID (kosong: PPID Utama, semua)")

    def handle(self, *args, username, peran, ppid, **options):
        password = os.environ.get("EPPID_OFFICER_PASSWORD") or getpass.getpass("Kata sandi: ")
        users = get_user_model().objects
        # Checked before anything is written: a refused password leaves no account behind.
        user = users.filter(username=username).first() or users.model(username=username)
        try:
            user.clean_fields(exclude=["password", "last_login", "date_joined"])
            password_validation.validate_password(password, user)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        with transaction.atomic():
            user.set_password(password)
            user.save()
            models.Officer.objects.update_or_create(user=user, defaults={"role": peran,
                                                                         "agency": ppid})
        self.stdout.write(f"Petugas {username} disimpan ({peran}).")
