from .services import *  # noqa: F401,F403
from .services import register  # noqa: F401
