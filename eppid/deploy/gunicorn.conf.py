"""gunicorn for the e-PPID: loopback only, behind nginx (deploy/nginx.conf, `/e-ppid/`)."""

import os

bind = os.environ.get("EPPID_BIND", "127.0.0.1:8010")
workers = int(os.environ.get("EPPID_WORKERS", "2"))
# The access log names the method and path only, and every form is a POST: no personal data.
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
# nginx sets X-Forwarded-Proto; gunicorn trusts it from loopback only.
forwarded_allow_ips = "127.0.0.1"
timeout = 30
