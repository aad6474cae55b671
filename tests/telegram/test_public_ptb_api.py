"""Our code uses python-telegram-bot's public API only: no private modules, names or attributes.

PTB may change anything private in any release; what broke before were `ExtBot._post` and a
hand-made rebuild of updates. An AST scan of bot/, handlers/, storage/, scheduler/ and bench/.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest
import telegram
import telegram.constants
import telegram.error
import telegram.ext
import telegram.helpers
import telegram.request

REPO = Path(__file__).resolve().parents[2]
SCANNED = ("bot", "handlers", "storage", "scheduler", "bench")
PUBLIC_MODULES = (telegram, telegram.ext, telegram.request, telegram.error, telegram.constants,
                  telegram.helpers)
_PRIVATE_MODULE = re.compile(r"^telegram(\.\w+)*\._")
REFLECTION = {"getattr", "setattr", "hasattr", "delattr"}


NAMEDTUPLE_API = {"_replace", "_asdict", "_make", "_fields", "_field_defaults"}  # public API


def private(name: str) -> bool:
    """Tell whether a name is private (`_x`), not a dunder like `__init__` or `_sunder_`."""
    return name.startswith("_") and not name.endswith("_") and name not in NAMEDTUPLE_API


def private_names(cls: type) -> set[str]:
    """Return the private attributes PTB defines on a class and its bases (slots included)."""
    return {name for klass in cls.__mro__ if klass.__module__.startswith("telegram")
            for name in vars(klass) if private(name)}


def ptb_private_names() -> frozenset[str]:
    """Return every private attribute name of PTB's public classes."""
    names: set[str] = set()
    for module in PUBLIC_MODULES:
        for public in getattr(module, "__all__", ()):
            obj = getattr(module, public, None)
            if isinstance(obj, type):
                names |= private_names(obj)
    return frozenset(names)


class PrivateUse(ast.NodeVisitor):
    """Collect the places in one module that reach into PTB's private API."""

    def __init__(self, ptb_private: frozenset[str]) -> None:
        self.ptb_private = ptb_private
        self.imported: dict[str, str] = {}  # local name -> dotted path of a telegram import
        self.own_private: list[set[str]] = []  # per enclosing class: its PTB bases' private names
        self.found: list[tuple[int, str]] = []

    def visit_Import(self, node: ast.Import) -> None:
        """Flag `import telegram._x`; remember names bound to telegram modules."""
        for alias in node.names:
            if _is_ptb(alias.name):
                self._check_path(node, alias.name)
                local = alias.asname or alias.name.split(".")[0]
                self.imported[local] = alias.name if alias.asname else local

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        """Flag `from telegram._x import y` and `from telegram import _y`."""
        module = node.module or ""
        if node.level or not _is_ptb(module):
            return
        self._check_path(node, module)
        for alias in node.names:
            if private(alias.name):
                self.found.append((node.lineno, f"from {module} import {alias.name}"))
            self.imported[alias.asname or alias.name] = f"{module}.{alias.name}"

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        """Within a subclass of a PTB class, `self._x` must not reach PTB's private `_x`."""
        inherited: set[str] = set()
        for base in node.bases:
            cls = self._resolve(base)
            if isinstance(cls, type):
                inherited |= private_names(cls)
        self.own_private.append(inherited)
        self.generic_visit(node)
        self.own_private.pop()

    def visit_Attribute(self, node: ast.Attribute) -> None:
        """Flag `x._name` where `_name` is private in PTB (or `tg._x` on a telegram module)."""
        if private(node.attr) and self._reaches_ptb(node):
            self.found.append((node.lineno, f"{ast.unparse(node.value)}.{node.attr}"))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        """Flag getattr(x, "_post") and friends, and import_module("telegram._x")."""
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        for arg in node.args[1:2] if name in REFLECTION else ():
            if isinstance(arg, ast.Constant) and arg.value in self.ptb_private:
                self.found.append((node.lineno, f"{name}(..., {arg.value!r})"))
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        """Flag strings naming a private telegram module (importlib, mock.patch targets)."""
        if isinstance(node.value, str) and _PRIVATE_MODULE.match(node.value):
            self.found.append((node.lineno, repr(node.value)))

    def _reaches_ptb(self, node: ast.Attribute) -> bool:
        root = node.value
        while isinstance(root, ast.Attribute):
            root = root.value
        if isinstance(root, ast.Name) and root.id in self.imported:
            return True  # tg._bot, tg.ext._application, ExtBot._post
        receiver = node.value
        if isinstance(receiver, ast.Name) and receiver.id in ("self", "cls"):
            return bool(self.own_private) and node.attr in self.own_private[-1]
        return node.attr in self.ptb_private

    def _check_path(self, node: ast.stmt, dotted: str) -> None:
        if any(private(part) for part in dotted.split(".")):
            self.found.append((node.lineno, f"import of {dotted}"))

    def _resolve(self, expr: ast.expr) -> object:
        """Return the PTB object a base-class expression names, or None when it is not PTB's."""
        parts = ast.unparse(expr).split(".")
        if parts[0] not in self.imported:
            return None
        obj: object = None
        path = self.imported[parts[0]].split(".")
        for n in range(len(path), 0, -1):  # the longest importable module prefix
            try:
                obj = importlib.import_module(".".join(path[:n]))
            except ImportError:
                continue
            for attr in path[n:] + parts[1:]:
                obj = getattr(obj, attr, None)
            return obj
        return obj


def _is_ptb(module: str) -> bool:
    return module == "telegram" or module.startswith("telegram.")


def private_uses(source: str, ptb_private: frozenset[str]) -> list[tuple[int, str]]:
    """Return (line, what) for every reach into PTB's private API in `source`."""
    finder = PrivateUse(ptb_private)
    finder.visit(ast.parse(source))
    return finder.found


@pytest.fixture(scope="module")
def ptb_private() -> frozenset[str]:
    """Return PTB's private attribute names (computed once)."""
    return ptb_private_names()


def test_no_module_of_ours_uses_private_ptb_api(ptb_private: frozenset[str]) -> None:
    found = []
    for root in SCANNED:
        for path in sorted((REPO / root).rglob("*.py")):
            for line, what in private_uses(path.read_text(encoding="utf-8"), ptb_private):
                found.append(f"{path.relative_to(REPO)}:{line}: {what}")
    assert found == []


@pytest.mark.parametrize("source", [
    "from telegram._bot import Bot",
    "from telegram.ext._application import Application",
    "import telegram._utils.types",
    "from telegram import _bot",
    "import telegram as tg\nx = tg._bot",
    "import telegram as tg\nx = tg.ext._extbot.ExtBot",
    "async def f(bot):\n    await bot._post('sendMessage', {})",
    "def f(update):\n    return update.message._bot",
    "from telegram.ext import ExtBot\nclass B(ExtBot):\n"
    "    def f(self):\n        return self._post",
    "import telegram as tg\nclass P(tg.ext.BaseUpdateProcessor):\n"
    "    def f(self):\n        return self._semaphore",
    "class B:\n    async def f(self):\n        return await super()._post('x')",
    "value = getattr(bot, '_post')",
    "import importlib\nm = importlib.import_module('telegram._bot')",
])
def test_the_scan_finds_private_use(source: str, ptb_private: frozenset[str]) -> None:
    assert private_uses(source, ptb_private), source


@pytest.mark.parametrize("source", [
    "from telegram import Update\nfrom telegram.ext import ExtBot",
    "class Ours:\n    def f(self):\n        return self._post",  # our own class, our own name
    "from telegram.request import BaseRequest\nclass R(BaseRequest):\n"
    "    def f(self):\n        return self._http",
    "import telegram as tg\nx = tg.ext.BaseUpdateProcessor.__init__",
])
def test_the_scan_lets_public_use_pass(source: str, ptb_private: frozenset[str]) -> None:
    assert private_uses(source, ptb_private) == []
