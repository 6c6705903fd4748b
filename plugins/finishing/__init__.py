from .finishing import *  # noqa: F401,F403
