"""Security headers as strict as the portal's, rate limits, and the plain "coba lagi" page
when the database cannot be reached (nothing half-saved: each request is one transaction)."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError
from django.shortcuts import render

from eppid.permohonan import service_log

log = service_log()

# The portal's policy less what these pages never use: no frames, no WebAssembly, no media.
CSP_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'; frame-src 'none'"
)
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP_POLICY)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if not request.path.startswith(settings.STATIC_URL):
            # Pages carry personal data (a receipt, a register): never kept by a cache.
            response["Cache-Control"] = "no-store"
        return response


class DatabaseUnavailableMiddleware:
    """A locked or unreachable database: a plain page asking to try again or call us, status
    503. ATOMIC_REQUESTS already rolled the request back, so nothing is half-saved."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError, DatabaseError)):
            # The kind of failure only, never what the citizen sent.
            log.error("e-PPID: basis data tidak dapat dipakai (%s)", type(exception).__name__)
            return render(request, "eppid/coba_lagi.html", status=503)
        return None


def client_address(request):
    header = settings.EPPID_CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _slots(key, limit):
    return [f"{key}:{slot}" for slot in range(limit)]


def count_attempt(key, limit, window):
    """Count one attempt under ``key``; False when ``limit`` attempts already count.

    Each attempt takes one free slot with ``cache.add``, which is atomic in every backend (the
    database cache inserts under a primary key), and each slot expires ``window`` seconds after
    its own attempt. ``incr`` is neither atomic nor keeps the expiry in the database cache that
    production's workers share."""
    return any(cache.add(slot, 1, window) for slot in _slots(key, limit))


def attempts(key, limit):
    """How many attempts count under ``key`` now (at most ``limit``)."""
    return len(cache.get_many(_slots(key, limit)))


def forget(key, limit):
    cache.delete_many(_slots(key, limit))


def hashed(value):
    # Cache keys must be short and plain; a username may be neither.
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def rate_limited(request, scope, key_extra=""):
    """Count one attempt for this client (and ``key_extra``); True when over the limit."""
    limit, window = settings.EPPID_RATE_LIMITS[scope]
    key = f"eppid-rl:{scope}:{hashed(client_address(request))}:{hashed(key_extra)}"
    return not count_attempt(key, limit, window)
