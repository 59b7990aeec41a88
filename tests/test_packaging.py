"""Every package redline imports is a declared dependency, so `pip install .` alone works."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# Extras for working on redline, not for running it: no module of redline may need them.
DEVELOPMENT_EXTRAS = {"test", "bench"}


def _declared() -> set[str]:
    """The dependencies, and those of the extras a feature needs (``redline[dask]``)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for extra, extra_specs in project.get("optional-dependencies", {}).items():
        if extra not in DEVELOPMENT_EXTRAS:
            specs += [s for s in extra_specs if not s.startswith("redline")]
    return {_canonical(re.split(r"[=<>!~\[; ]", spec, maxsplit=1)[0]) for spec in specs}


def _imported() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "src" / "redline").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "redline"}


def test_packaging_every_import_is_a_declared_dependency() -> None:
    declared, distributions = _declared(), packages_distributions()
    undeclared = sorted(
        module for module in _imported()
        if not {_canonical(d) for d in distributions.get(module, [module])} & declared
    )
    assert undeclared == []


def test_packaging_declares_what_trafilatura_cleaning_needs_but_does_not_declare() -> None:
    assert "lxml-html-clean" in _declared()
