"""The theme's templates compiled once and kept between builds.

Pelican gives each of its generators a Jinja environment of its own, and each compiles every
template it renders: a rebuild of a 500-article portal compiles the theme's ~50 templates 84
times, a fifth of its time. A bytecode cache in the build's cache folder serves them all. A
template is compiled again when its source, Jinja's bytecode format (the Python version) or an
environment option that shapes the compiled code (autoescape, the lexer's settings, the
extensions) differs, so a stale template can never be served.
"""

import jinja2

# The environment options that change the code a template compiles to.
SHAPE_OPTIONS = (
    "autoescape", "optimized", "block_start_string", "block_end_string",
    "variable_start_string", "variable_end_string", "comment_start_string",
    "comment_end_string", "line_statement_prefix", "line_comment_prefix",
    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "is_async",
)


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's FileSystemBytecodeCache, keyed on the environment's shape as well."""

    def get_bucket(self, environment, name, filename, source):
        shape = repr([getattr(environment, option) for option in SHAPE_OPTIONS]
                     + sorted(environment.extensions))
        # The bucket's checksum covers what it is given: a different shape is a cache miss.
        return super().get_bucket(environment, name, filename, f"{source}\0{shape}")

    def __repr__(self):
        # Settings are fingerprinted by their repr (the lint memo, the build cache): the same in
        # every build, where the default repr would hold each copy's address.
        return f"CompiledTemplates({self.directory!r})"

    def __deepcopy__(self, memo):
        return self  # Pelican copies its defaults for each build: one cache serves them all

    def __reduce__(self):
        # Pelican's content cache pickles the settings this sits in; whoever reads that cache
        # must not need this module to load it.
        return jinja2.FileSystemBytecodeCache, (self.directory, self.pattern)
