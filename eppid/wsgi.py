"""The WSGI application gunicorn serves: ``gunicorn eppid.wsgi`` (eppid/deploy/)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eppid.settings_production")
application = get_wsgi_application()
