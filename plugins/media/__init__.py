from .media import *  # noqa: F401,F403
from .media import register  # noqa: F401
