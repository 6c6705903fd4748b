from .announcements import *  # noqa: F401,F403
from .announcements import register  # noqa: F401
