"""The gate's templates and display variants live in warta/commands/gate/variants.py; the browser tests
that are not part of the gate import them from here."""

from warta.commands.gate.variants import (  # noqa: F401
    CATCH_ERRORS,
    STORAGE_KEY,
    TEMPLATE_PAGES,
    TEMPLATES,
    THEMES,
    VARIANTS,
    apply_variant,
    init_script,
    page_for,
    reset_browser,
    script_errors,
    set_preferences,
    set_viewport,
    templates_on_disk,
)
