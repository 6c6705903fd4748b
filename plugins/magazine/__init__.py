from .magazine import *  # noqa: F401,F403
from .magazine import register  # noqa: F401
