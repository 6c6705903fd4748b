from .menu import *  # noqa: F401,F403
from .menu import register  # noqa: F401
