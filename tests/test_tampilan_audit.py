"""Audits under every preference (issue 4): axe on one page per template in each colour theme,
at 200 % text and at a 320 CSS px viewport. The summary prints the templates × variants grid."""

import pytest

from conftest import record_variant
from variants import TEMPLATES, VARIANTS, apply_variant, page_for, reset_browser, templates_on_disk


@pytest.fixture
def clean_browser(browser):
    """The shared browser, reset (preferences, emulation) after the test whatever happens."""
    yield browser
    reset_browser(browser)


def test_every_template_has_a_representative_page(site):
    assert templates_on_disk() == TEMPLATES, (
        "Tambahkan templat baru ke TEMPLATE_PAGES di tests/variants.py agar ikut diaudit"
    )
    for template in TEMPLATES:
        page_for(site, template)


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("template", TEMPLATES)
def test_template_passes_axe_under_variant(template, variant, site, auditor, clean_browser):
    page = page_for(site, template)
    result = auditor.audit(page, setup=lambda driver: apply_variant(driver, variant))
    record_variant(template, variant, page, result)
    assert result.axe_version.startswith("4.14."), result.axe_version
    assert result.passed, f"\n[{template} · {variant}] " + result.format()
