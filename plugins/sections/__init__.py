from .sections import *  # noqa: F401,F403
from .sections import register  # noqa: F401
