"""The register of information requests and objections, its public forms and its officers."""

import logging


def service_log():
    """The service's logger, reporting every event.

    Reading the portal's settings loads Pelican, whose logger class drops any warning it has
    printed once in the process: a mail server down all day would then be logged only for the
    first citizen. The service keeps the plain logging behaviour.
    """
    log = logging.getLogger("eppid")
    for found in list(log.filters):
        if type(found).__name__ == "LimitFilter":
            log.removeFilter(found)
    return log
