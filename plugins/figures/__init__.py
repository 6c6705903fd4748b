from .figures import *  # noqa: F401,F403
from .figures import register  # noqa: F401
