"""Every e-PPID page in each of its states, audited with axe-core in Debian's Chromium through
warta.commands.audit's Auditor against a live server on loopback, and a form and its error summary used
with the keyboard alone."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.files.base import ContentFile
from django.test.testcases import LiveServerThread
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from eppid.permohonan import models
from eppid.tests.helpers import PASSWORD, objection_data, officer, request_data
from warta.commands.audit import Auditor, start_browser

pytestmark = [pytest.mark.browser]  # axe in Chromium against the running e-PPID

# The e-PPID serves the theme's scripts from its own static folder (settings.STATIC_URL).
EPPID_SCRIPTS = "/e-ppid/static/warta/js/"


@pytest.fixture(scope="module")
def live_url(django_test_database):
    """The e-PPID served by Django's live server thread (static files included)."""
    thread = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    thread.join()


@pytest.fixture(scope="module")
def driver():
    browser = start_browser()
    yield browser
    browser.quit()


# Register numbers and codes of the answered request and objection, for the delivery page states.
DELIVERED = {}


@pytest.fixture(scope="module")
def register(live_url):
    """A request, an objection with an unknown number, and the two officers; then a request
    answered with a document and an objection the atasan PPID answered with one."""
    entry, code = models.InformationRequest.register(**_fields(request_data(), "audit-1"))
    first_objection, _ = models.Objection.register(**_objection_fields())
    # The outbox's notices on the officers' pages: an extension notice given up on (the register
    # and the request's page flag it) and an atasan's answer given up on and one still waiting.
    now = timezone.now()
    models.Outbox.objects.create(request=entry, notice=models.Outbox.UPDATE,
                                 action=models.EXTENDED, next_attempt_at=now, abandoned_at=now,
                                 attempts=9, last_error="ConnectionRefusedError")
    for abandoned in (now, None):
        models.Outbox.objects.create(objection=first_objection, next_attempt_at=now,
                                     notice=models.Outbox.OBJECTION_ANSWER,
                                     abandoned_at=abandoned, last_error="SMTPServerDisconnected")
    officer("petugas-audit")
    officer("atasan-audit", role=models.ATASAN)
    today = timezone.localdate()
    answered, answered_code = models.InformationRequest.register(
        **_fields(request_data(), "audit-2"))
    answered.answer_file.save("rka-dinas-pendidikan-2025.pdf", ContentFile(PDF), save=False)
    answered.status, answered.answered_on = models.GRANTED, today
    answered.answer, answered.information_form = "Salinan RKA terlampir.", "softcopy"
    answered.save()
    objection, objection_code = models.Objection.register(
        **{**_objection_fields(), "submission_token": "audit-k2"})
    objection.response_file.save("salinan.pdf", ContentFile(PDF), save=False)
    objection.status, objection.answered_on = models.ANSWERED_OBJECTION, today
    objection.response = "Keberatan diterima; salinan yang diminta terlampir."
    objection.save()
    DELIVERED.update(request=(answered.number, answered_code),
                     objection=(objection.number, objection_code))
    yield entry, code
    answered.answer_file.delete(save=False)
    objection.response_file.delete(save=False)
    models.Event.objects.all().delete()
    models.Objection.objects.all().delete()
    models.InformationRequest.objects.all().delete()
    get_user_model().objects.all().delete()
    models.RegisterCounter.objects.all().delete()


PDF = b"%PDF-1.4\n%%EOF\n"


def _fields(data, token):
    keep = ("requester_type", "name", "id_number", "address", "phone", "email", "information",
            "purpose", "obtain_method", "delivery_method")
    return {**{k: data[k] for k in keep}, "agency": "ppid-utama", "submission_token": token}


def _objection_fields():
    data = objection_data()
    keep = ("requester_type", "name", "id_number", "address", "phone", "email", "reason",
            "description")
    return {**{k: data[k] for k in keep}, "agency": "ppid-utama", "submission_token": "audit-k",
            "request_number": "2026/PPID/09999", "unknown_request": True, "late": True}


def fill(driver, values):
    for name, value in values.items():
        element = driver.find_element(By.NAME, name)
        if element.get_attribute("type") == "radio":
            driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]'
                                ).send_keys(Keys.SPACE)
        else:
            element.clear()
            element.send_keys(value)


def submit(driver):
    """Press the form's button with the keyboard and wait for the answer page, so the audit
    (whose guard refuses a page that navigates) starts on the page the server sent back."""
    driver.execute_script("window.__eppidOld = true;")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").send_keys(Keys.ENTER)
    WebDriverWait(driver, 20).until(lambda d: d.execute_script(
        "return !window.__eppidOld && document.readyState === 'complete';"))


def submit_empty(driver):
    submit(driver)


def log_in(driver, base, username):
    driver.delete_all_cookies()
    driver.get(f"{base}/e-ppid/petugas/masuk/")
    fill(driver, {"username": username, "password": PASSWORD})
    submit(driver)


VISIBLE = {k: v for k, v in request_data().items() if k not in ("submission_token", "website")}
OBJECTION_VISIBLE = {k: v for k, v in objection_data().items()
                     if k not in ("submission_token", "website", "reason_arose_on")}


def status_delivered(kind):
    return lambda driver: (fill(driver, dict(zip(("number", "code"), DELIVERED[kind],
                                                 strict=True))), submit(driver))


def kuasa_with_errors(driver):
    """A kuasa who left the principal's name and occupation empty: the new fields' messages."""
    fill(driver, {"requester_type": "kuasa"})
    submit(driver)


def objection_without_number(driver):
    """Reason (a) without the request's number: the message at the number."""
    fill(driver, {"reason": "a"})
    submit(driver)


def status_found(code):
    return lambda driver: (fill(driver, {"number": models.InformationRequest.objects.first()
                                         .number, "code": code}), submit(driver))


# (test id, who is logged in, page, setup before axe). A setup that posts stays on the page.
PAGES = [
    ("beranda", None, "e-ppid/", None),
    ("permohonan-kosong", None, "e-ppid/permohonan/", None),
    ("permohonan-galat", None, "e-ppid/permohonan/", submit_empty),
    ("keberatan-kosong", None, "e-ppid/keberatan/", None),
    ("keberatan-galat", None, "e-ppid/keberatan/", submit_empty),
    ("permohonan-kuasa-galat", None, "e-ppid/permohonan/", kuasa_with_errors),
    ("keberatan-tanpa-nomor", None, "e-ppid/keberatan/", objection_without_number),
    ("cek-status-kosong", None, "e-ppid/cek-status/", None),
    ("cek-status-galat", None, "e-ppid/cek-status/", submit_empty),
    ("cek-status-tidak-ditemukan", None, "e-ppid/cek-status/",
     lambda d: (fill(d, {"number": "1999/PPID/00001", "code": "AAAA-AAAA-AAAA"}), submit(d))),
    ("cek-status-ditemukan", None, "e-ppid/cek-status/", "found"),
    ("cek-status-dokumen", None, "e-ppid/cek-status/", "delivered-request"),
    ("cek-status-keberatan-ditanggapi", None, "e-ppid/cek-status/", "delivered-objection"),
    ("privasi", None, "e-ppid/privasi/", None),
    ("masuk", None, "e-ppid/petugas/masuk/", None),
    ("masuk-galat", None, "e-ppid/petugas/masuk/", submit_empty),
    ("petugas-daftar", "petugas-audit", "e-ppid/petugas/", None),
    ("petugas-permohonan", "petugas-audit", "request", None),
    ("petugas-permohonan-galat", "petugas-audit", "request", submit_empty),
    ("atasan-daftar", "atasan-audit", "e-ppid/petugas/", None),
    ("atasan-keberatan", "atasan-audit", "objection", None),
]


def assert_clean(result):
    assert result.error == ""
    assert result.violations == [], result.format()


@pytest.mark.parametrize(("who", "page", "setup"), [p[1:] for p in PAGES],
                         ids=[p[0] for p in PAGES])
def test_page_passes_axe(driver, live_url, register, who, page, setup):
    entry, code = register
    driver.delete_all_cookies()
    if who:
        log_in(driver, live_url, who)
    if page == "request":
        page = f"e-ppid/petugas/permohonan/{entry.pk}/"
    if page == "objection":
        page = f"e-ppid/petugas/keberatan/{models.Objection.objects.first().pk}/"
    if setup == "found":
        setup = status_found(code)
    if setup in ("delivered-request", "delivered-objection"):
        setup = status_delivered(setup.removeprefix("delivered-"))
    assert_clean(Auditor(driver, live_url, scripts=EPPID_SCRIPTS).audit(page, setup=setup))


@pytest.mark.parametrize(("form", "values", "receipt"), [
    ("permohonan", VISIBLE, "permohonan/tanda-terima"),
    ("keberatan", OBJECTION_VISIBLE, "keberatan/tanda-terima"),
], ids=["permohonan", "keberatan"])
def test_receipt_passes_axe(driver, live_url, register, form, values, receipt):
    driver.delete_all_cookies()
    driver.get(f"{live_url}/e-ppid/{form}/")
    # An objection names the objector's own request (the register fixture's, same NIK).
    fill(driver, {**values, "reason": "a", "request_number": register[0].number}
         if form == "keberatan" else values)
    submit(driver)
    assert driver.current_url.endswith(f"/e-ppid/{receipt}/")
    assert_clean(Auditor(driver, live_url, scripts=EPPID_SCRIPTS).audit(f"e-ppid/{receipt}/"))


def test_the_error_summary_works_with_the_keyboard_alone(driver, live_url, register):
    driver.delete_all_cookies()
    driver.get(f"{live_url}/e-ppid/permohonan/")
    name = driver.find_element(By.ID, "id_name")
    name.send_keys("Budi")
    driver.execute_script("window.__eppidOld = true;")
    name.send_keys(Keys.ENTER)  # Enter in a text field submits the form, as for any citizen
    WebDriverWait(driver, 20).until(lambda d: d.execute_script(
        "return !window.__eppidOld && document.readyState === 'complete';"))
    active = driver.switch_to.active_element
    assert active.get_attribute("class") == "e-error-summary"  # focused on load (autofocus)
    active.send_keys(Keys.TAB)
    link = driver.switch_to.active_element
    assert link.tag_name == "a" and link.get_attribute("href").endswith("#id_requester_type_0")
    link.send_keys(Keys.ENTER)
    assert driver.switch_to.active_element.get_attribute("id") == "id_requester_type_0"
    # The typed name survived, the message sits beside its field and is tied to it.
    assert driver.find_element(By.ID, "id_name").get_attribute("value") == "Budi"
    nik = driver.find_element(By.ID, "id_id_number")
    assert nik.get_attribute("aria-invalid") == "true"
    assert "id_id_number-galat" in nik.get_attribute("aria-describedby")
