"""Limits on officers' logins: only failures count, per client address and per account from any
address, without letting anyone who knows an officer's user name lock the officer out.

- Per address: EPPID_RATE_LIMITS["login"] failures in its window, then every login from that
  address is refused until they expire (the address blocks).
- Per account, from any address: EPPID_RATE_LIMITS["login-akun"] failures, then logins to that
  account are refused from every browser that has not logged in to it before. A browser that has
  (it holds a signed "device cookie" for the account, OWASP's answer to lockout by guessing)
  keeps its own budget of failures instead, so the officer's usual browser still gets in while
  someone guesses from elsewhere.
- A successful login counts nothing and clears the account's failures.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.urls import reverse

from eppid.permohonan.security import attempts, client_address, count_attempt, forget, hashed

DEVICE_COOKIE = "eppid_perangkat"
DEVICE_SALT = "eppid.permohonan.login_limits.device"
DEVICE_DAYS = 90


def _address(request):
    return f"eppid-login:alamat:{hashed(client_address(request))}"


def _account(username):
    return f"eppid-login:akun:{hashed(username)}"


def _device(nonce):
    return f"eppid-login:perangkat:{hashed(nonce)}"


def known_device(request, username):
    """The nonce of this browser's device cookie when it logged in to ``username`` before."""
    value = request.COOKIES.get(DEVICE_COOKIE, "")
    try:
        data = signing.loads(value, salt=DEVICE_SALT, max_age=DEVICE_DAYS * 86400)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("u") != username:
        return None
    return data.get("n")


def blocked(request, username):
    """True when this login may not even be tried; counts nothing."""
    limit, _ = settings.EPPID_RATE_LIMITS["login"]
    if attempts(_address(request), limit) >= limit:
        return True
    device = known_device(request, username)
    if device:
        return attempts(_device(device), limit) >= limit
    account_limit, _ = settings.EPPID_RATE_LIMITS["login-akun"]
    return attempts(_account(username), account_limit) >= account_limit


def failed(request, username):
    """Count a failed login: for the address, and for the account or the known browser."""
    count_attempt(_address(request), *settings.EPPID_RATE_LIMITS["login"])
    device = known_device(request, username)
    if device:
        count_attempt(_device(device), *settings.EPPID_RATE_LIMITS["login"])
    else:
        count_attempt(_account(username), *settings.EPPID_RATE_LIMITS["login-akun"])


def succeeded(request, response, username):
    """Clear the account's failures and mark this browser as one the officer uses."""
    forget(_account(username), settings.EPPID_RATE_LIMITS["login-akun"][0])
    old = known_device(request, username)
    if old:
        forget(_device(old), settings.EPPID_RATE_LIMITS["login"][0])
    value = signing.dumps({"u": username, "n": secrets.token_urlsafe(16)}, salt=DEVICE_SALT)
    response.set_cookie(DEVICE_COOKIE, value, max_age=DEVICE_DAYS * 86400,
                        path=reverse("eppid:login"), secure=settings.SESSION_COOKIE_SECURE,
                        httponly=True, samesite="Lax")
