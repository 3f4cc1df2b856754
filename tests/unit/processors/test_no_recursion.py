"""No processor function calls itself, directly or through others.

Compiled by mypyc (processors/compiled.py), a function call is a C call with no
recursion limit: a recursion as deep as a crafted article is long ("4 مئة و4 مئة و..."
read each و's number inside the previous one) overflows the C stack and kills the
worker, and the restarted worker reads the same article again. Interpreted, the same
article raised RecursionError. So the processors loop instead, and this test reads
every module's functions and fails on any cycle of possible calls, read over-inclusively:
a bare name (resolved through the enclosing scopes, the module and its `from ...
import`) called or handed on (key=, map, partial), `self.method`, and any attribute
read as a call of every function or method of that name; the few edges that reading
finds and that are no call are listed, each with its reason (`_NOT_CALLS`)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import processors

PACKAGE = Path(processors.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


class _Calls(ast.NodeVisitor):
    """Functions of one module (qualified by class and enclosing function) and the
    names each calls."""

    def __init__(self, module: str):
        self.module = module
        self.scope: list[str] = []
        self.classes: list[str] = []
        self.calls: dict[str, set[tuple[str, str]]] = {}
        self.imports: dict[str, str] = {}

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module and node.module.startswith("processors"):
            for alias in node.names:
                self.imports[alias.asname or alias.name] = f"{node.module}.{alias.name}"

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.scope.append(node.name)
        self.classes.append(".".join(self.scope))
        self.generic_visit(node)
        self.classes.pop()
        self.scope.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.scope.append(node.name)
        me = ".".join(self.scope)
        self.calls.setdefault(me, set())
        # Over-inclusive on purpose: every name read (a call, or a function handed on:
        # key=, map(), partial()) and every attribute read (a method of any object, a
        # function through a module: lexicon.read_rows) may be a call.
        # (A parameter or local of that name is not the function: "verbatim: bool".)
        local = {a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)}
        local |= {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        for sub in ast.walk(node):
            if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load) and sub.id not in local:
                self.calls[me].add(("name", sub.id))
            elif isinstance(sub, ast.Attribute) and isinstance(sub.ctx, ast.Load):
                if isinstance(sub.value, ast.Name) and sub.value.id in ("self", "cls") and self.classes:
                    self.calls[me].add(("qual", f"{self.classes[-1]}.{sub.attr}"))
                else:
                    self.calls[me].add(("attr", sub.attr))
        self.generic_visit(node)
        self.scope.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]


def _graph() -> dict[str, set[str]]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        v = _Calls(_module_name(path))
        v.visit(ast.parse(path.read_text(encoding="utf-8")))
        modules[v.module] = v
    defined = {f"{m}.{f}" for m, v in modules.items() for f in v.calls}
    by_last: dict[str, set[str]] = {}
    for name in defined:
        by_last.setdefault(name.rpartition(".")[2], set()).add(name)
    graph: dict[str, set[str]] = {}
    for m, v in modules.items():
        for fn, calls in v.calls.items():
            out = graph.setdefault(f"{m}.{fn}", set())
            for kind, name in calls:
                if kind == "attr":
                    # Any function or method of that name, anywhere in processors/.
                    candidates = sorted(by_last.get(name, ()))
                elif kind == "qual":
                    candidates = [f"{m}.{name}"]
                else:
                    # The innermost enclosing scope first ("outer.inner" for a closure).
                    parts = fn.split(".")
                    candidates = [f"{m}.{'.'.join(parts[:k] + [name])}" for k in range(len(parts), -1, -1)]
                    if name in v.imports:
                        candidates.append(v.imports[name])
                out.update(c for c in candidates if c in defined)
    for a, b in _NOT_CALLS:
        graph.get(a, set()).discard(b)
    return graph


# Edges the over-inclusive reading finds that are no call of the function to itself,
# each checked by reading the code.
_NOT_CALLS = (
    # Claim.to_dict calls the to_dict of its Span members, Enriched.to_dict that of its
    # Figures and Claims: other classes' methods of the same name.
    ("processors.model.Claim.to_dict", "processors.model.Claim.to_dict"),
    ("processors.model.Claim.to_dict", "processors.model.Enriched.to_dict"),
    ("processors.model.Enriched.to_dict", "processors.model.Enriched.to_dict"),
    # claims' read_rows reads through the text package's (lexicon.read_rows).
    ("processors.claims.lexicons.read_rows", "processors.claims.lexicons.read_rows"),
    # super().__init__: dict's.
    ("processors.claims.tokens.TextCache.__init__", "processors.claims.tokens.TextCache.__init__"),
    # approx reads each item's `approx` attribute.
    ("processors.figures.qualifiers.approx", "processors.figures.qualifiers.approx"),
)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with a cycle (Tarjan's, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1 or v in graph.get(v, ()):
                    found.append(sorted(comp))
    return found


def test_no_processor_function_recurses():
    assert _cycles(_graph()) == []


def test_the_reader_sees_a_recursion():
    """The reader itself: a direct and a mutual recursion are found."""
    assert _cycles({"m.f": {"m.f"}}) == [["m.f"]]
    assert _cycles({"m.a": {"m.b"}, "m.b": {"m.a"}, "m.c": {"m.a"}}) == [["m.a", "m.b"]]
    v = _Calls("m")
    v.visit(ast.parse("def f(x):\n    return f(x - 1)\nclass C:\n    def g(self):\n        return self.g()\n"))
    assert v.calls == {"f": {("name", "f")}, "C.g": {("qual", "C.g")}}
    v = _Calls("m")
    v.visit(ast.parse("def h(xs):\n    return sorted(xs, key=h)\ndef k(t):\n    return t.k()\n"))
    assert ("name", "h") in v.calls["h"] and ("attr", "k") in v.calls["k"]  # handed on; another object's


_DEEP = ("number_hundreds_chain", "number_hundreds_words", "prepositions_peeled")


def test_structures_that_recursed_answer_at_the_size_limit():
    """The structures that once recursed (benchmarks/adversarial.py), each near the
    worker's 1 MB article limit, enriched in a fresh interpreter as this suite runs
    the processors (compiled under make test): an answer, not a RecursionError or a
    crashed process."""
    code = textwrap.dedent(
        """
        import sys, orjson
        from benchmarks.adversarial import FAMILIES, MAX_ARTICLE_BYTES
        from processors.enrich import enrich
        for name in sys.argv[1:]:
            make = FAMILIES[name]
            unit = len(orjson.dumps(make(2))) - len(orjson.dumps(make(1)))
            n = (MAX_ARTICLE_BYTES - len(orjson.dumps(make(1))) - 100) // unit  # (the url grows with n)
            article = make(n)
            assert len(orjson.dumps(article)) <= MAX_ARTICLE_BYTES
            found = enrich(article, name)
            print(name, n, len(found.figures), len(found.claims))
        """
    )
    root = PACKAGE.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", code, *_DEEP], cwd=root, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    counts = {line.split()[0]: [int(x) for x in line.split()[1:]] for line in done.stdout.splitlines()}
    assert set(counts) == set(_DEEP)
    n, figures, _claims = counts["number_hundreds_chain"]
    assert figures >= n  # every "4 مئة" read (400), none lost to the chain
