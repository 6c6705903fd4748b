from .video import *  # noqa: F401,F403
from .video import register  # noqa: F401
