from .audit_record import *  # noqa: F401,F403
from .audit_record import register  # noqa: F401
