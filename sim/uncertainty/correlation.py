"""Correlation between drivers: reading a scenario's ``[correlation]`` table (a matrix or
pairs), checking it (symmetric, unit diagonal, positive semi-definite), its factor ``F Fᵀ = R``
and the groups of drivers it ties together, for the Gaussian copula of the Monte Carlo."""

from __future__ import annotations

import math

import numpy as np

from sim.io.errors import ScenarioError
from sim.io.fields import Fields
from sim.io.plan import Plan
from sim.io.scenario import Scenario

#: Rounding allowed when checking that a correlation matrix is symmetric with a unit diagonal.
SYMMETRY_TOL = 1e-9
#: Most negative eigenvalue still accepted as rounding in a positive semi-definite matrix.
PSD_TOL = 1e-9


# --------------------------------------------------------------------------- correlation

def correlation_entries(plan: Plan, node: Scenario) -> dict[tuple[int, int], tuple[float, str, str]]:
    """Driver-position pairs → (correlation, file, field) from one scenario's table."""
    f = Fields(node.correlation, node.path, "correlation", ScenarioError)
    f.allow_only({"pairs", "drivers", "matrix"})
    out: dict[tuple[int, int], tuple[float, str, str]] = {}
    for a, b, rho, field in _matrix_entries(f) + _pair_entries(f):
        i, j = (_position(plan, node.path, field, x) for x in (a, b))
        if isinstance(rho, bool) or not isinstance(rho, int | float) or not -1 <= rho <= 1:
            raise ScenarioError(node.path, field, code="correlation_value", params={"value": rho})
        key = (min(i, j), max(i, j))
        if key in out and out[key][0] != rho:
            raise ScenarioError(node.path, field, code="correlation_twice", params={
                    "a": a, "b": b, "first": out[key][0], "where": out[key][2], "second": rho})
        out[key] = (float(rho), node.path, field)
    return out


def _matrix_entries(f: Fields) -> list[tuple[str, str, float, str]]:
    """Upper-triangle entries of a ``drivers`` + ``matrix`` block, checked as a matrix."""
    if not (f.has("matrix") or f.has("drivers")):
        return []
    names = f.strs("drivers")
    rows = f.table.get("matrix")
    if not isinstance(rows, list) or len(rows) != len(names) or not all(
            isinstance(r, list) and len(r) == len(names) for r in rows):
        raise f.fail("matrix", "correlation_shape", n=len(names))
    if len(set(names)) != len(names):
        raise f.fail("drivers", "correlation_listed_twice")
    values = np.array([[_number(f, f"matrix[{r}][{c}]", v) for c, v in enumerate(row)]
                       for r, row in enumerate(rows)])
    check_correlation(values, f.source, "correlation.matrix", list(names))
    return [(a, names[c], float(values[r, c]), f"correlation.matrix[{r}][{c}]")
            for r, a in enumerate(names) for c in range(r + 1, len(names))]


def _pair_entries(f: Fields) -> list[tuple[str, str, float, str]]:
    pairs = f.table.get("pairs", [])
    if not isinstance(pairs, list):
        raise f.fail("pairs", "correlation_pairs")
    out = []
    for n, entry in enumerate(pairs):
        field = f"correlation.pairs[{n}]"
        if not (isinstance(entry, list) and len(entry) == 3 and all(isinstance(x, str) for x in entry[:2])):
            raise ScenarioError(f.source, field, code="correlation_pair")
        if entry[0] == entry[1]:
            raise ScenarioError(f.source, field, code="correlation_self", params={"name": entry[0]})
        out.append((entry[0], entry[1], entry[2], field))
    return out


def _position(plan: Plan, source: str, field: str, name: str) -> int:
    if name in plan.driver_index:
        return plan.driver_index[name]
    if name in plan.by_id:
        raise ScenarioError(source, field, code="derived_correlated",
                            params={"name": name, "inputs": ", ".join(plan.leaves(name))})
    raise ScenarioError(source, field, code="unknown_driver", params={"name": name})


def _number(f: Fields, field: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ScenarioError(f.source, f"correlation.{field}", code="not_number_repr", params={"value": value})
    return float(value)


def check_correlation(matrix: np.ndarray, source: str, field: str, names: list[str] | None = None) -> None:
    """Reject anything that is not a correlation matrix.

    Checks, in order: square, entries in [−1, 1], symmetric and unit diagonal (to
    :data:`SYMMETRY_TOL`), positive semi-definite (smallest eigenvalue ≥ −:data:`PSD_TOL`).

    Raises
    ------
    ScenarioError
        Naming ``source`` and ``field`` and the first failed check.
    """
    m = np.asarray(matrix, dtype=float)
    n = m.shape[0]
    names = names or [str(i) for i in range(n)]
    if m.ndim != 2 or m.shape != (n, n):
        raise ScenarioError(source, field, code="correlation_square", params={"shape": m.shape})
    bad = np.argwhere(np.abs(m) > 1 + SYMMETRY_TOL)
    if bad.size:
        i, j = bad[0]
        raise ScenarioError(source, field, code="correlation_range",
                            params={"value": m[i, j], "a": names[i], "b": names[j]})
    diag = np.flatnonzero(np.abs(np.diag(m) - 1) > SYMMETRY_TOL)
    if diag.size:
        i = diag[0]
        raise ScenarioError(source, field, code="correlation_diagonal", params={"a": names[i], "value": m[i, i]})
    asym = np.argwhere(np.abs(m - m.T) > SYMMETRY_TOL)
    if asym.size:
        i, j = asym[0]
        raise ScenarioError(source, field, code="correlation_asymmetric",
                            params={"a": names[i], "b": names[j], "ab": m[i, j], "ba": m[j, i]})
    low = float(np.linalg.eigvalsh(m).min())
    if low < -PSD_TOL:
        raise ScenarioError(source, field, code="correlation_impossible", params={"eigenvalue": low})


def correlation_factor(matrix: np.ndarray) -> np.ndarray:
    """A matrix ``F`` with ``F @ F.T == matrix``, for turning independent normals into correlated ones.

    Cholesky where the matrix is positive definite; otherwise (positive semi-definite but
    singular, e.g. two drivers correlated at exactly 1) the symmetric square root from the
    eigen-decomposition, with rounding-negative eigenvalues set to zero.
    """
    m = np.asarray(matrix, dtype=float)
    try:
        return np.linalg.cholesky(m)
    except np.linalg.LinAlgError:
        w, v = np.linalg.eigh(m)
        return (v * np.sqrt(np.clip(w, 0.0, None))) @ v.T


def components(matrix: np.ndarray, keep: np.ndarray) -> list[np.ndarray]:
    """Groups of positions in ``keep`` linked by non-zero correlations, of two or more.

    Independent drivers need no mixing, so only these groups are multiplied by a factor.
    """
    keep = np.asarray(keep, dtype=np.intp)
    linked = np.asarray(matrix)[np.ix_(keep, keep)] != 0
    label = np.arange(len(keep))
    # each driver takes the smallest label among itself and its partners until nothing changes:
    # connected components without importing scipy.sparse
    while True:
        new = np.where(linked, label[None, :], len(keep)).min(axis=1, initial=len(keep))
        new = np.minimum(new, label)
        if np.array_equal(new, label):
            break
        label = new
    groups = [np.flatnonzero(label == g) for g in np.unique(label)]
    return [g for g in groups if len(g) > 1]
