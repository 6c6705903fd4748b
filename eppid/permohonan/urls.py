from django.urls import path

from eppid.permohonan import officer, views

app_name = "eppid"
urlpatterns = [
    path("", views.home, name="home"),
    path("permohonan/", views.request_form, name="request"),
    path("permohonan/tanda-terima/", views.receipt, {"kind": "permohonan"}, name="request-receipt"),
    path("keberatan/", views.objection_form, name="objection"),
    path("keberatan/tanda-terima/", views.receipt, {"kind": "keberatan"},
         name="objection-receipt"),
    path("cek-status/", views.status, name="status"),
    path("cek-status/unduh/", views.download, name="download"),
    path("privasi/", views.privacy, name="privacy"),
    path("petugas/", officer.register_list, name="officer-list"),
    path("petugas/masuk/", officer.LoginView.as_view(), name="login"),
    path("petugas/keluar/", officer.LogoutView.as_view(), name="logout"),
    path("petugas/permohonan/<int:pk>/", officer.request_detail, name="officer-request"),
    path("petugas/permohonan/<int:pk>/jawaban/", officer.answer_file, name="officer-answer-file"),
    path("petugas/keberatan/<int:pk>/", officer.objection_detail, name="officer-objection"),
    path("petugas/keberatan/<int:pk>/tanggapan/", officer.response_file,
         name="officer-response-file"),
    path("petugas/permohonan/<int:pk>/berkas/<str:field>/", officer.citizen_document,
         {"kind": "permohonan"}, name="officer-request-document"),
    path("petugas/keberatan/<int:pk>/berkas/<str:field>/", officer.citizen_document,
         {"kind": "keberatan"}, name="officer-objection-document"),
    path("petugas/ekspor/register-permohonan.csv", officer.export_requests,
         name="export-requests"),
    path("petugas/ekspor/register-keberatan.csv", officer.export_objections,
         name="export-objections"),
]
