"""The house's layout as a specification: each layer imports only from the layers below it, no
module reaches into another's private names, only the command line knows click, and no module or
function outgrows what a reader takes in at once."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"
# Lowest first: a module may import from its own layer and those before it, never from a later one.
LAYERS = ("language", "claimsfile", "engine", "drafts", "curation", "render", "lsp", "cli")
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def layer_of(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else None  # __init__.py and __main__.py of the package: above all


def imported(path: Path) -> list[tuple[str, list[str], int]]:
    """Each factcheck module a file imports (absolute dotted name), the names it takes, and the line."""
    package = ".".join(("factcheck", *path.relative_to(PACKAGE).parent.parts))
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            if module.split(".")[0] == "factcheck":
                found.append((module, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names if a.name.split(".")[0] == "factcheck"]
    return found


def target_layer(module: str, names: list[str]) -> list[str]:
    parts = module.split(".")
    if len(parts) > 1:
        return [parts[1]]
    return names  # `from factcheck import engine`


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_only_from_the_layers_below(path):
    own = layer_of(path)
    if own is None:
        return
    upward = [f"line {line}: {module}" for module, names, line in imported(path)
              for layer in target_layer(module, names) if layer in LAYERS and LAYERS.index(layer) > LAYERS.index(own)]
    assert upward == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_private_name_of_another_module(path):
    taken = [f"line {line}: {module}.{name}" for module, names, line in imported(path)
             for name in names if name.startswith("_") and not name.startswith("__")]
    assert taken == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_command_line_knows_click(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    uses = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    uses |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module and not n.level}
    assert "click" not in uses or layer_of(path) == "cli"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_functions_stay_readable(path):
    source = path.read_text(encoding="utf-8")
    long = [f"{node.name}: {node.end_lineno - node.lineno + 1} lines" for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == []
    assert len(source.splitlines()) <= MAX_MODULE_LINES


def test_every_module_has_a_layer():
    """A module directly in factcheck/ would sit outside the layers (bar the package's own two)."""
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py"]
    assert sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()) == sorted(LAYERS)
