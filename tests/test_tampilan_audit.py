"""Audits under every preference (issue 4): axe on one page per template in each colour theme,
at 200 % text and at a 320 CSS px viewport. The summary prints the templates × variants grid."""

import pytest

from conftest import record_variant
from warta.audit import Auditor
from variants import TEMPLATES, VARIANTS, apply_variant, page_for, templates_on_disk


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


# The high-contrast theme promises 7:1 (WCAG 1.4.6, AAA), more than the AA gate asks: axe's
# color-contrast-enhanced rule measures it on the rendered page.
ENHANCED_CONTRAST = {"runOnly": {"type": "rule", "values": ["color-contrast-enhanced"]},
                     "resultTypes": ["violations"]}


@pytest.mark.parametrize("template", TEMPLATES)
def test_high_contrast_theme_reaches_7_to_1_on_every_template(template, site, browser, site_url,
                                                              clean_browser):
    auditor = Auditor(browser, site_url, options=ENHANCED_CONTRAST)
    result = auditor.audit(page_for(site, template), setup=lambda d: apply_variant(d, "kontras"))
    assert result.passed, f"\n[{template} · kontras 7:1] " + result.format()
