"""The portal theme's one stylesheet for the e-PPID, as static file warta/css/warta.css.

The theme keeps its CSS in one file per component outside theme/static/ (warta/content/stylesheet.py);
the portal's build joins them into /theme/css/warta.css. This finder gives the e-PPID the same
bytes from the same function, so a citizen moving from the portal to the request form gets
the same look from one file. It writes the joined file under DATA_DIR at each lookup: runserver
shows an edited part at the next request, and collectstatic copies the current stylesheet.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

from warta.content import stylesheet

PREFIX = "warta"  # the theme's prefix in STATICFILES_DIRS


class ThemeStylesheetFinder(BaseFinder):
    """Finds only warta/css/warta.css; FileSystemFinder serves the rest of theme/static/."""

    path = f"{PREFIX}/{stylesheet.SERVED}"

    def check(self, **kwargs):
        return []  # nothing to configure

    def folder(self):
        """DATA_DIR/theme, holding css/warta.css freshly joined (rewritten only if it changed)."""
        folder = Path(settings.DATA_DIR) / "theme"
        target = folder / stylesheet.SERVED
        text = stylesheet.joined()
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return folder

    def find(self, path, find_all=False, **kwargs):
        if kwargs:  # Django 5.2 still accepts the old name `all`
            find_all = self._check_deprecated_find_param(find_all=find_all, **kwargs)
        if path != self.path:
            return []  # as Django's own finders answer: nothing found, whatever find_all
        found = str(self.folder() / stylesheet.SERVED)
        return [found] if find_all else found

    def list(self, ignore_patterns):
        storage = FileSystemStorage(location=self.folder())
        storage.prefix = PREFIX
        yield stylesheet.SERVED, storage
