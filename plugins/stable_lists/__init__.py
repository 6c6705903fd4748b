from .stable_lists import *  # noqa: F401,F403
from .stable_lists import register  # noqa: F401
