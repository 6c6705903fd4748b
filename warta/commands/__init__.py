"""What an editor, a developer or CI runs: the command line and everything behind it (build,
preview, audit and gate, new city, import, deploy). Commands use the library; nothing in the
library or the plugins uses a command."""
