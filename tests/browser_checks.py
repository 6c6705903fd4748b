"""The browser measurements live in warta/commands/gate/measure.py; the search and publishing tests
import them from here."""

from warta.commands.gate.measure import CSP_RECORDER, LAYOUT_SHIFT, CspWatch, layout_shift, wait_for  # noqa: F401
