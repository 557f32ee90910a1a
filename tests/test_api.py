"""The public API: one place, sorted, complete, documented."""

import importlib
import importlib.metadata
import inspect
import pkgutil
import tomllib
from pathlib import Path

import pytest

import ohs_domain

PUBLIC_MODULES = [
    "ohs_domain",
    "ohs_domain.cli",
    "ohs_domain.demo",
    "ohs_domain.kz",
    "ohs_domain.schema",
    "ohs_domain.serialization",
    "ohs_domain.testing",
]


def test_all_is_sorted_and_unique() -> None:
    names = list(ohs_domain.__all__)
    assert names == sorted(names, key=lambda n: (not n.isupper(), n))
    assert len(set(names)) == len(names)


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        name
        for name in vars(ohs_domain)
        if not name.startswith("_") and not inspect.ismodule(getattr(ohs_domain, name))
    }
    assert public == set(ohs_domain.__all__)


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_every_public_name_is_documented(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert module.__doc__
    for name in module.__all__:
        value = getattr(module, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), f"{module_name}.{name} has no docstring"


def test_each_public_class_is_exported_from_one_place_only() -> None:
    private = [
        importlib.import_module(f"ohs_domain.{info.name}")
        for info in pkgutil.iter_modules(ohs_domain.__path__)
        if info.name.startswith("_") and info.name != "__main__"  # the command, run not imported
    ]
    for module in private:
        for name in getattr(module, "__all__", ()):
            assert getattr(ohs_domain, name) is getattr(module, name)
    exported_by_public_modules = {
        name
        for module_name in PUBLIC_MODULES[1:]
        for name in importlib.import_module(module_name).__all__
    }
    assert not exported_by_public_modules & set(ohs_domain.__all__)


def test_the_version_is_the_one_the_package_was_built_with() -> None:
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    declared = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    assert ohs_domain.__version__ == importlib.metadata.version("ohs-domain") == declared
