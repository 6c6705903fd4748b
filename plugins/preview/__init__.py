from .preview import *  # noqa: F401,F403
from .preview import register  # noqa: F401
