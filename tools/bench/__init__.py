"""`make bench`: Warta's build and gate on a synthetic portal, kept outside the package: a city
never runs it."""
