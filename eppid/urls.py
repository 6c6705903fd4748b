"""Every address of the e-PPID lives under EPPID_URL_PREFIX (``e-ppid/``), where nginx sends it."""

from django.conf import settings
from django.urls import include, path

urlpatterns = [path(settings.EPPID_URL_PREFIX, include("eppid.permohonan.urls"))]
handler400 = "eppid.permohonan.views.bad_request"
handler403 = "eppid.permohonan.views.forbidden"
handler404 = "eppid.permohonan.views.not_found"
handler500 = "eppid.permohonan.views.server_error"
