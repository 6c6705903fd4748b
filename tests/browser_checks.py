"""The browser measurements live in warta/gate/measure.py; the search and publishing tests
import them from here."""

from warta.gate.measure import CSP_RECORDER, LAYOUT_SHIFT, CspWatch, layout_shift, wait_for  # noqa: F401
