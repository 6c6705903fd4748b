from .year_archives import *  # noqa: F401,F403
from .year_archives import register  # noqa: F401
