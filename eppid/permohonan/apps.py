from django.apps import AppConfig


class PermohonanConfig(AppConfig):
    name = "eppid.permohonan"
    label = "permohonan"
    verbose_name = "Register permohonan informasi"
