"""The package's layers: no import cycle, and no import running upward (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Rank of each layer: a module may import only its own layer's modules and lower ranks.
#: Layers of equal rank (uncertainty, review, draft) never import each other.
RANK = {"io": 0, "engine": 1, "uncertainty": 2, "review": 2, "draft": 2, "report": 3, "cli": 4}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def raw_imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at module level or inside a function (relative ones resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return found


def imports_of(path: Path) -> set[str]:
    """The project's own modules among :func:`raw_imports`."""
    return {m for m in raw_imports(path) if m.split(".")[0] in ("sim", "ui")}


def graph() -> dict[str, set[str]]:
    files = [p for folder in ("sim", "ui") for p in (ROOT / folder).rglob("*.py")]
    modules = {module_name(p): p for p in files}
    return {name: {m for m in imports_of(p) if m in modules and m != name} for name, p in modules.items()}


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "sim" and len(parts) > 1 and parts[1] in RANK else None


def test_no_import_cycle():
    edges = graph()
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                cycle = trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt]
                pytest.fail("import cycle: " + " → ".join(cycle))
            if nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])


def test_no_layer_imports_upward_or_sideways():
    bad = []
    for module, targets in graph().items():
        own = layer(module)
        for target in targets:
            other = layer(target)
            if target.startswith("ui") and module.startswith("sim"):
                bad.append(f"{module} imports the user interface ({target})")
            elif own and other and other != own and RANK[other] >= RANK[own]:
                bad.append(f"{module} ({own}) imports {target} ({other})")
            elif module.startswith("sim.io") and target.startswith("sim") and other != "io" and target != "sim":
                bad.append(f"{module} (io) imports {target}")
    assert not bad, "\n".join(bad)


def test_the_engine_never_imports_streamlit():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "sim").rglob("*.py")
                 if any(m.split(".")[0] == "streamlit" for m in raw_imports(p))]
    assert not offenders


def test_the_checker_sees_a_planted_cycle(tmp_path, monkeypatch):
    """The cycle test can fail: a two-module loop in a scratch package is found."""
    pkg = tmp_path / "sim" / "engine"
    pkg.mkdir(parents=True)
    (tmp_path / "sim" / "__init__.py").write_text("")
    (tmp_path / "ui").mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from sim.engine.b import x\n")
    (pkg / "b.py").write_text("def f():\n    from sim.engine import a\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    with pytest.raises(pytest.fail.Exception, match="import cycle"):
        test_no_import_cycle()


def test_every_module_is_in_the_module_map():
    """docs/architecture.md names every module of sim/ and ui/ under its folder, so the map stays true."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    mapped = text.split("## Module map", 1)[1].split("\n## ", 1)[0]
    folders: dict[str, set[str]] = {}
    folder = None
    for line in mapped.splitlines():
        if line.startswith("**`") and line.endswith("/`**"):
            folder = line[3:-4]
        elif line.startswith("| `") and folder:
            folders.setdefault(folder, set()).add(line.split("`")[1])
    missing = [str(p.relative_to(ROOT)) for pkg in ("sim", "ui") for p in sorted((ROOT / pkg).rglob("*.py"))
               if p.name not in folders.get(str(p.parent.relative_to(ROOT)), set())]
    assert not missing, f"add these modules to the module map of docs/architecture.md: {missing}"
    assert "sim/engine" in folders and "kernel.py" in folders["sim/engine"]
