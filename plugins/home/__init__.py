from .home import *  # noqa: F401,F403
from .home import register  # noqa: F401
