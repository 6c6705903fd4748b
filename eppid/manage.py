#!/usr/bin/env python
"""Django's command line for the e-PPID: ``python eppid/manage.py migrate``, ``runserver``, …"""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    # The project root, so `eppid` and the shared `warta` library import from anywhere.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eppid.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
