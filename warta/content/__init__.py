"""The content library: reading, checking and shaping what editors write. No click, no
selenium; Pelican only where a section's generator base needs it (sections/base.py)."""
