from .indonesian_dates import *  # noqa: F401,F403
from .indonesian_dates import register  # noqa: F401
