from .ppid import *  # noqa: F401,F403
from .ppid import register  # noqa: F401
