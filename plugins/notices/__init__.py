from .notices import *  # noqa: F401,F403
from .notices import register  # noqa: F401
