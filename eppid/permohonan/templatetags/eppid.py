from django import template
from django.utils.safestring import mark_safe

from warta.content.dates import long_date
from warta.content.rewrite import wrappable_address

register = template.Library()


@register.filter
def wrappable(value):
    """An address that wraps at 320 px, as the portal's footer writes it (WCAG 1.4.10)."""
    return mark_safe(str(wrappable_address(value)))  # noqa: S308 - pieces are escaped


@register.filter
def tanggal(value):
    """Senin, 29 April 2024 (warta.content.dates, the portal's own)."""
    return long_date(value) if value else ""


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key)
