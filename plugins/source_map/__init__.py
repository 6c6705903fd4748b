from .source_map import *  # noqa: F401,F403
from .source_map import register  # noqa: F401
