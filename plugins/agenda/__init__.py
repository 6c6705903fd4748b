from .agenda import *  # noqa: F401,F403
from .agenda import register  # noqa: F401
