"""Load Python Skulk 1.3.0's own files from ../shared/upstream for use as a test oracle.

Only the diagnostics-related files were copied upstream; every other module they import (the API
types, channels, psutil, anyio, loguru, ...) is replaced by a permissive stub so that the real
upstream functions and pydantic models can be imported unmodified.
"""
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import types

from pydantic_core import core_schema

UPSTREAM_SRC = None


class _StubMeta(type):
    def __getattr__(cls, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _stub_class(name)

    def __or__(cls, other):
        return cls

    def __ror__(cls, other):
        return cls

    def __getitem__(cls, item):
        return cls


def _stub_class(name):
    def schema(cls, source, handler):
        return core_schema.any_schema()

    def init(self, *args, **kwargs):
        self._args = args
        self.__dict__.update(kwargs)

    return _StubMeta(name, (), {
        "__get_pydantic_core_schema__": classmethod(schema),
        "__init__": init,
        "__module__": "upstream_stub",
    })


class _StubModule(types.ModuleType):
    def __init__(self, name):
        super().__init__(name)
        self.__path__ = []  # lets "import a.b.c" descend through stubs
        self.__stub__ = True

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        value = _stub_class(name)
        setattr(self, name, value)
        return value


_INSTALLED = {}


def _installed(root):
    if root not in _INSTALLED:
        _INSTALLED[root] = importlib.machinery.PathFinder.find_spec(root) is not None
    return _INSTALLED[root]


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    STUBBED_ROOTS = {"psutil", "anyio", "loguru", "httpx", "yaml", "fastapi", "hypercorn"}

    def find_spec(self, fullname, path, target=None):
        root = fullname.split(".")[0]
        if root == "skulk":
            rel = fullname.split(".")[1:]
            base = os.path.join(UPSTREAM_SRC, "skulk", *rel)
            if os.path.isdir(base):
                init = os.path.join(base, "__init__.py")
                if os.path.exists(init):
                    return None  # a real package: the normal path finder takes it
                return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
            if os.path.exists(base + ".py"):
                return None
            return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
        if root in self.STUBBED_ROOTS:
            if _installed(root):
                return None  # really installed here: use it
            return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
        return None

    def create_module(self, spec):
        rel = spec.name.split(".")[1:] if spec.name.startswith("skulk") else None
        if rel is not None:
            base = os.path.join(UPSTREAM_SRC, "skulk", *rel)
            if os.path.isdir(base):
                module = types.ModuleType(spec.name)
                module.__path__ = [base]
                return module
        return _StubModule(spec.name)

    def exec_module(self, module):
        pass


def install(upstream_src):
    """Make ``import skulk...`` resolve to upstream's files, stubbing what was not copied."""
    global UPSTREAM_SRC
    UPSTREAM_SRC = upstream_src
    sys.path.insert(0, upstream_src)
    sys.meta_path.insert(0, _Finder())


def load_api(methods, functions=(), constants=()):
    """Upstream ``skulk.api.main`` reduced to what the oracle needs.

    Importing main.py whole would start building the FastAPI application; instead its import
    statements, the named module-level functions, the named module-level constants (simple
    assignments) and the named methods of class ``API`` are taken
    from its syntax tree, unmodified, and executed in a fresh module. Returns that module; its
    ``API`` class has only the named methods, so a test builds one with ``API.__new__(API)`` and
    sets the attributes those methods read (``state``, ``node_id``, ``_master_node_id``, ...).
    """
    import ast

    path = os.path.join(UPSTREAM_SRC, "skulk", "api", "main.py")
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), filename=path)
    wanted_methods = set(methods)
    wanted_functions = set(functions)
    wanted_constants = set(constants)
    body = []
    found = set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            body.append(node)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in wanted_functions:
            body.append(node)
            found.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {t.id for t in targets if isinstance(t, ast.Name)}
            if names & wanted_constants:
                body.append(node)
                found.update(names & wanted_constants)
        elif isinstance(node, ast.ClassDef) and node.name == "API":
            kept = [item for item in node.body
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                    and item.name in wanted_methods]
            found.update(item.name for item in kept)
            body.append(ast.ClassDef(name="API", bases=[], keywords=[], body=kept or [ast.Pass()],
                                     decorator_list=[], type_params=[]))
    missing = (wanted_methods | wanted_functions | wanted_constants) - found
    if missing:
        raise LookupError(f"not in upstream main.py: {sorted(missing)}")
    module = types.ModuleType("skulk_api_main_oracle")
    module.__file__ = path
    code = compile(ast.fix_missing_locations(ast.Module(body=body, type_ignores=[])), path, "exec")
    exec(code, module.__dict__)
    return module
