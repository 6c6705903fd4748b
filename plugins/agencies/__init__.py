from .agencies import *  # noqa: F401,F403
from .agencies import register  # noqa: F401
