from .brand import *  # noqa: F401,F403
from .brand import register  # noqa: F401
