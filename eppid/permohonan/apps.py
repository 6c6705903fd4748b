from django.apps import AppConfig

# Registers the system checks; checks.py imports no model, so it is safe before the registry.
from eppid.permohonan import checks  # noqa: F401


class PermohonanConfig(AppConfig):
    name = "eppid.permohonan"
    label = "permohonan"
    verbose_name = "Register permohonan informasi"
