"""Click in Indonesian: the words Click itself prints around our help and errors.

Click writes "Usage:", "Options", "Error: …" and its error messages in English. Rather than
rewrite Click's modules, the command line uses a Group whose help formatter and error display
speak Indonesian; nothing changes for any other user of Click in the same process.
"""

import re
import sys

import click

# Click's own words ("Usage:", "Options", "Error: …"), as Click writes them, with ours.
CLICK_WORDS = {
    "Usage:": "Pemakaian:",
    "Options": "Pilihan",
    "Commands": "Perintah",
    "Show this message and exit.": "Tampilkan bantuan ini, lalu keluar.",
    "Show the version and exit.": "Tampilkan versi, lalu keluar.",
    "Error: {message}": "Galat: {message}",
    "Try '{command} {option}' for help.": "Coba '{command} {option}' untuk bantuan.",
    "Missing argument": "Argumen belum ditulis",
    "Missing option": "Pilihan belum ditulis",
    "Missing command.": "Perintah belum ditulis.",
    "No such command {name!r}.": "Tidak ada perintah {name!r}.",
    "No such option: {name}": "Tidak ada pilihan {name}",
    "Invalid value for {param_hint}: {message}": "Nilai {param_hint} tidak sah: {message}",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "default: {default}": "bawaan: {default}",
    "Aborted!": "Dibatalkan.",
}
# Every command that reads settings says which file it reads when none is named.
SETTINGS_HELP = ("Berkas pengaturan.  [bawaan: pelicanconf.py portal ini, atau portal contoh "
                 "examples/kota-contoh/ bila belum ada]")

_PLACEHOLDER = re.compile(r"\{(\w+)(?:![rs])?\}")


def _pattern(english):
    """A regular expression that reads the values back out of one of Click's formatted texts."""
    parts = _PLACEHOLDER.split(english)
    regex = ""
    for index, part in enumerate(parts):
        if index % 2 == 0:
            regex += re.escape(part)
        else:  # the last placeholder takes the rest of the text, the others as little as they can
            regex += f"(?P<{part}>.+)" if index == len(parts) - 2 and not parts[-1] else f"(?P<{part}>.+?)"
    return re.compile(regex)


_DEFAULT = CLICK_WORDS["default: {default}"].removesuffix("{default}")
_PATTERNS = [(_pattern(english), _PLACEHOLDER.sub(r"{\1}", ours))
             for english, ours in CLICK_WORDS.items()]


def translate(text):
    """``text`` with Click's words in Indonesian; text Click did not write stays as it is."""
    for pattern, ours in _PATTERNS:
        match = pattern.match(text)
        if match:
            values = {name: translate(value) for name, value in match.groupdict().items()}
            return ours.format(**values) + text[match.end():]
    return text


class IndonesianFormatter(click.HelpFormatter):
    def write_usage(self, prog, args="", prefix=None):
        super().write_usage(prog, args, prefix=f"{translate('Usage:')} " if prefix is None else prefix)

    def section(self, name):
        return super().section(translate(name))

    def write_dl(self, rows, *args, **kwargs):
        rows = [(term, translate(text).replace("[default: ", f"[{_DEFAULT}")) for term, text in rows]
        super().write_dl(rows, *args, **kwargs)


class IndonesianContext(click.Context):
    formatter_class = IndonesianFormatter


class IndonesianCommand(click.Command):
    context_class = IndonesianContext


class IndonesianGroup(click.Group):
    """A command group whose help, and that of every command and group under it, is Indonesian."""

    context_class = IndonesianContext
    command_class = IndonesianCommand
    group_class = type  # groups made under this one are IndonesianGroups too


def show_error(error):
    """Print a Click error the way Click does, in Indonesian."""
    if isinstance(error, click.exceptions.NoArgsIsHelpError):
        click.echo(error.format_message(), err=True)
        return
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = CLICK_WORDS["Try '{command} {option}' for help."].format(
                command=ctx.command_path, option=ctx.help_option_names[0]) + "\n"
        click.echo(f"{ctx.get_usage()}\n{hint}", err=True)
    click.echo(translate(f"Error: {error.format_message()}"), err=True)


def run(group, prog_name):
    """Run ``group`` as a program: Click's standalone mode, with Indonesian errors."""
    try:
        code = group.main(prog_name=prog_name, standalone_mode=False)
    except click.ClickException as error:
        show_error(error)
        sys.exit(error.exit_code)
    except click.Abort:
        click.echo(translate("Aborted!"), err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
