"""kota-baru: a new portal for a city, regency or province, written from templates.

city: what the command is told, checked · portal: the files rendered from templates/ and
written all or nothing · command: the click command (`bin/warta kota-baru`).
"""

from warta.commands.newcity.city import City, NewCityError, make_city
from warta.commands.newcity.portal import markers, plan, render, write

__all__ = ["City", "NewCityError", "make_city", "markers", "plan", "render", "write"]
