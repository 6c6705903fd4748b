"""Three layers, arrows one way: the content library ← the Pelican plugins ← the commands.

A module's layer is where it lives, nothing else: `warta/commands/` (and `warta/__main__.py`)
are the commands; `plugins/` the Pelican plugins; the rest of `warta/` (its `__init__`, the
settings in `warta/settings/`, and `warta/content/`) the library. `tools/bench/` sits outside the
package, above everything, and nothing imports it but its tests. The library knows nothing of
Pelican's plugins or of the commands; each plugin is a thin adapter over the library and never
imports another plugin (it would only work because PLUGIN_PATHS happens to be on sys.path); the
commands sit on top. Imports are read with `ast`, lazy ones inside functions included, so a
circle cannot hide in a function.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "plugins"
# Where each layer lives. Every module of the package sits in one of these folders; the package
# root holds only its `__init__` (ROOT, EXAMPLE) and `__main__`.
LAYER_FOLDERS = {"warta/settings": "library", "warta/content": "library",
                 "warta/commands": "command", "plugins": "plugin", "tools/bench": "tool"}
MAX_LINES = 400


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[0] == "plugins":
        parts = parts[1:]  # Pelican imports plugins by their folder name
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def python_files():
    for folder in (ROOT / "warta", PLUGINS, ROOT / "tools" / "bench"):
        yield from sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def imports_of(path):
    """Every module ``path`` imports, absolute names, relative imports resolved."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(filter(None, [*parent, base]))
            found.add(base)
            # `from warta import lint` imports the module warta.content.lint.
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


MODULES = {module_name(path): path for path in python_files()}
PLUGIN_NAMES = {p.name for p in PLUGINS.iterdir() if (p / "__init__.py").is_file()}


def known(name):
    """The warta or plugin module ``name`` refers to (a package or module we have), or None."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


GRAPH = {
    name: {target for target in map(known, imports_of(path)) if target and target != name}
    for name, path in MODULES.items()
}


def layer(name):
    path = MODULES[name].relative_to(ROOT).as_posix()
    if path in ("warta/__init__.py",):
        return "library"
    if path == "warta/__main__.py":
        return "command"
    return next(layer for folder, layer in LAYER_FOLDERS.items() if path.startswith(f"{folder}/"))


def test_every_module_lives_in_a_layer_folder():
    # A module dropped at the package root would have no layer: the tree is the architecture.
    loose = [p.relative_to(ROOT).as_posix() for p in python_files()
             if p.parent == ROOT / "warta" and p.name not in ("__init__.py", "__main__.py")]
    assert loose == []


def test_nothing_but_its_tests_imports_the_benchmark():
    wrong = [f"{name} → {target}" for name in GRAPH if layer(name) != "tool"
             for target in GRAPH[name] if layer(target) == "tool"]
    assert wrong == []


# The library may use Pelican's readers' helpers and, in the sections' generator base, its
# Generator; connecting signals is a plugin's job, and the command-line and browser libraries
# belong to the commands.
LIBRARY_MAY_NOT_IMPORT = ("click", "selenium", "pelican.signals", "blinker")


def test_the_library_uses_neither_click_selenium_nor_pelican_signals():
    wrong = [f"{name} → {target}" for name, path in MODULES.items() if layer(name) == "library"
             for target in imports_of(path)
             if any(target == banned or target.startswith(f"{banned}.")
                    for banned in LIBRARY_MAY_NOT_IMPORT)]
    assert wrong == []


def test_no_import_circle():
    # A package importing its own modules (its __init__ re-exporting them) is not a circle.
    def edges(name):
        return {t for t in GRAPH[name] if not name.startswith(f"{t}.") and not t.startswith(f"{name}.")}

    state, circles = {}, []

    def visit(name, trail):
        state[name] = "open"
        for target in sorted(edges(name)):
            if state.get(target) == "open":
                circles.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = "done"

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
    assert circles == [], " ; ".join(" → ".join(circle) for circle in circles)


def test_no_plugin_imports_another_plugin():
    wrong = [
        f"{name} → {target}"
        for name in GRAPH if layer(name) == "plugin"
        for target in GRAPH[name] if layer(target) == "plugin"
        and target.split(".")[0] != name.split(".")[0]
    ]
    assert wrong == []


def test_plugins_import_only_the_library():
    wrong = [f"{name} → {target}" for name in GRAPH if layer(name) == "plugin"
             for target in GRAPH[name] if layer(target) in ("command", "tool")]
    assert wrong == []


def test_the_library_imports_neither_commands_nor_plugins():
    wrong = [f"{name} → {target}" for name in GRAPH if layer(name) == "library"
             for target in GRAPH[name] if layer(target) != "library"]
    assert wrong == []


@pytest.mark.parametrize("path", [p.relative_to(ROOT).as_posix() for p in python_files()])
def test_module_is_at_most_400_lines(path):
    lines = (ROOT / path).read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{path}: {lines} lines"


def test_no_comment_points_at_an_issue_number():
    # A reader of the code cannot see the tracker: a comment gives the reason itself.
    pattern = re.compile(r"\bissues? \d+", re.IGNORECASE)
    folders = ("warta", "plugins", "tests", "theme", "tools", "deploy", "docs", "eppid")
    files = [p for folder in folders for p in (ROOT / folder).rglob("*")
             if p.suffix in {".py", ".html", ".css", ".js", ".md", ".sh", ".conf", ".toml"}]
    files += [ROOT / name for name in ("Makefile", "README.md", "examples/kota-contoh/pelicanconf.py",
                                       "publishconf.py", "requirements.in")]
    found = [f"{p.relative_to(ROOT)}:{n}" for p in files if p.is_file()
             for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace")
                                      .splitlines(), start=1) if pattern.search(line)]
    assert found == []


# The e-PPID (eppid/) is a service of its own beside the package: it may use the library (dates,
# formula-safe cells, the settings' defaults) but never a Pelican plugin or a command.
EPPID = ROOT / "eppid"
EPPID_FILES = sorted(p for p in EPPID.rglob("*.py")
                     if "__pycache__" not in p.parts and "tests" not in p.relative_to(EPPID).parts
                     and "migrations" not in p.parts)


def test_eppid_imports_neither_plugins_nor_commands():
    wrong = []
    for path in EPPID_FILES:
        for target in imports_of_file(path):
            name = known(target)
            if target.split(".")[0] in PLUGIN_NAMES or (name and layer(name) != "library"):
                wrong.append(f"{path.relative_to(ROOT)} → {target}")
    assert wrong == []


@pytest.mark.parametrize("path", [p.relative_to(ROOT).as_posix() for p in EPPID_FILES])
def test_eppid_module_is_at_most_400_lines(path):
    lines = (ROOT / path).read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{path}: {lines} lines"


def imports_of_file(path):
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_sample_city_lives_only_in_its_example():
    """No name, domain or agency of the sample city is built into the product: its code,
    messages, scaffolds, templates, configuration or the editors' guide's rules. A city that
    adopts Warta sees its own names, or a neutral placeholder, everywhere."""
    sample = re.compile(r"kota contoh|pemkot contoh|portal contoh|kotacontoh", re.IGNORECASE)
    # The two places that name the example on purpose: where it is, and the help saying so.
    allowed = {"warta/__init__.py", "warta/commands/words.py"}
    folders = ("warta", "plugins", "theme", "deploy", "eppid")
    files = [p for folder in folders for p in (ROOT / folder).rglob("*")
             if p.is_file() and p.suffix in {".py", ".html", ".css", ".js", ".conf", ".txt",
                                             ".md", ".yml", ".service", ".timer"}
             and "tests" not in p.relative_to(ROOT).parts]
    files += [ROOT / "Makefile", ROOT / "publishconf.py", ROOT / "docs" / "panduan-editor.md"]
    found = [f"{p.relative_to(ROOT)}:{n}: {line.strip()}" for p in files
             if p.relative_to(ROOT).as_posix() not in allowed
             for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace")
                                      .splitlines(), start=1) if sample.search(line)]
    assert found == []


def _is_context(node):
    name = getattr(node, "id", None) or getattr(node, "attr", None) or ""
    return name.endswith("context")


def bare_context_names(path):
    """(line, name) of every context["name"] / context.get("name") written as a bare string."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        key = None
        if isinstance(node, ast.Subscript) and _is_context(node.value):
            key = node.slice
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in ("get", "setdefault", "pop") and _is_context(node.func.value)
              and node.args):
            key = node.args[0]
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            found.append((node.lineno, key.value))
    return found


def test_context_names_are_declared_in_one_place():
    # A plugin that publishes for templates or for another plugin names the key through
    # warta.content.sections.context; only Pelican's own names may appear as strings.
    from warta.content.sections import context as context_names  # noqa: PLC0415 - the module under test

    bare = [f"{path.relative_to(ROOT)}:{line}: {name}" for path in python_files()
            for line, name in bare_context_names(path) if name not in context_names.PELICAN]
    assert bare == []


def test_every_declared_context_name_is_used():
    from warta.content.sections import context as context_names  # noqa: PLC0415 - the module under test

    code = "\n".join(path.read_text(encoding="utf-8") for path in python_files()
                     if path.name != "context_names.py")
    unused = [name for name in dir(context_names) if name.isupper()
              and name != "PELICAN" and f"ctx.{name}" not in code]
    assert unused == []
