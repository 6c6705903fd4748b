from .content_check import *  # noqa: F401,F403
from .content_check import register  # noqa: F401
