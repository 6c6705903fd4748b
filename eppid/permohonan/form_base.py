"""What every e-PPID form shares: the input checks every text passes (no hidden or
direction-reversing characters), the identity-number patterns, and the accessible error marking
(aria-invalid, aria-describedby, the GOV.UK error summary's links).
"""

import datetime
import re
import unicodedata

from django import forms

NIK = re.compile(r"\d{16}")
# A legal entity's number as the AHU register or a deed writes it: digits, letters, . - /
ENTITY_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9./ -]{3,38}[A-Za-z0-9]")


# UU 14/2008 Pasal 64: the law took effect two years after it was enacted (30 April 2008); no
# request under it, hence no reason for an objection, can be older than this day.
LAW_IN_FORCE = datetime.date(2010, 4, 30)
# A submission token as the form makes it (secrets.token_urlsafe); the column holds 64.
TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")
# Characters that are not text: C0/C1 controls, and the bidirectional overrides and isolates
# that make a name or an address read differently in the register and the CSV than it was typed
# ("Trojan Source"). Emoji and their joiners are text and stay allowed.
BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                    "\u2066\u2067\u2068\u2069")
UNSAFE_MESSAGE = ("Hapus karakter tersembunyi (karakter kendali atau pembalik arah teks) dari "
                  "isian ini; ketik ulang jika isian disalin dari dokumen lain")


def required(message):
    return {"required": message}


def conditional(field):
    """A field required for some answers only (clean() says when): its label gets no
    "(tidak wajib)", its hint says when it is needed."""
    field.conditional = True
    return field


def has_unsafe_characters(value, multiline=False):
    for char in value:
        if multiline and char in "\r\n\t":
            continue
        if char in BIDI_CONTROLS or unicodedata.category(char) == "Cc":
            return True
    return False


class AccessibleForm(forms.Form):
    """Marks invalid fields for assistive technology after validation."""

    def _post_clean(self):
        super()._post_clean()
        for name in self.errors:
            # A hidden field (the submission token) has no label or message to point at.
            if name not in self.fields or self.fields[name].widget.is_hidden:
                continue
            widget = self.fields[name].widget
            error_id = f"{self[name].auto_id}-galat"
            described = [error_id]
            if self.fields[name].help_text:
                described.append(f"{self[name].auto_id}_helptext")
            if not isinstance(widget, forms.RadioSelect):
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = " ".join(described)

    def clean(self):
        data = super().clean()
        # Every text a citizen or an officer types is refused here rather than stored with
        # characters that hide or reverse what the register shows.
        for name, field in self.fields.items():
            value = data.get(name)
            if not isinstance(value, str) or isinstance(field.widget, forms.PasswordInput) \
                    or field.widget.is_hidden:
                continue
            if has_unsafe_characters(value, isinstance(field.widget, forms.Textarea)):
                self.add_error(name, UNSAFE_MESSAGE)
        return data

    def error_links(self):
        """(anchor, message) for the summary, in the order the fields are on the page."""
        links = []
        for name in self.fields:
            if name in self.errors and not self.fields[name].widget.is_hidden:
                bound = self[name]
                anchor = f"{bound.auto_id}_0" if isinstance(bound.field.widget,
                                                            forms.RadioSelect) else bound.auto_id
                links.extend((anchor, message) for message in self.errors[name])
        links.extend(("", message) for message in self.non_field_errors())
        return links
