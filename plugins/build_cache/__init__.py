from .build_cache import *  # noqa: F401,F403
from .build_cache import register  # noqa: F401
