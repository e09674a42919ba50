"""Drawing a Monte Carlo block: seeded normal scores, persistence, the Gaussian copula and each
driver's marginal, turned into driver paces (steps 1–5 of :mod:`sim.uncertainty.montecarlo`).

Random drivers fall into two parts. The *needed* part (drivers under some counted target, and
every driver correlated with one of them) is drawn for every draw; the *rest* (drivers no
target reads) only where asked — for the draws kept for quantiles and export — from a stream
of its own, so skipping it elsewhere changes no number of the needed part. A driver whose path
is NaN in every year (it follows a link) is in neither part: no deviation could move it.

:meth:`Sampler.paces` is the Monte Carlo's path: normals straight into a reused buffer, then each
run of drivers that sit side by side in the plan written into the pace buffer in one block;
:meth:`Sampler.deviations` gives the same numbers one step at a time (goal seek, tests).
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

from sim.engine.dynamics import shift_growth
from sim.uncertainty.correlation import components, correlation_factor
from sim.uncertainty.spec import Uncertainty

#: Generator behind every draw (SFC64: the fastest of numpy's, and what the benchmark's floor uses).
BIT_GENERATOR = np.random.SFC64


def block_rng(entropy: int, block: int, part: int = 0) -> np.random.Generator:
    """The generator of block ``block`` (part 0: needed drivers, part 1: the rest)."""
    key = (block,) if part == 0 else (block, part)
    return np.random.Generator(BIT_GENERATOR(np.random.SeedSequence(entropy, spawn_key=key)))


class _Part:
    """One independently seeded set of active drivers: their gains, shaped marginals, copula groups,
    and runs of them that sit side by side among the plan's drivers."""

    def __init__(self, uncertainty: Uncertainty, active: np.ndarray, where: np.ndarray, unit: np.ndarray):
        self.where = where                                 # positions in the sampler's active list
        margs = [uncertainty.marginals[active[a]] for a in where]
        units = unit[where]
        # Normal scores are scaled to deviations directly; other marginals keep the score for Φ.
        self.gain = np.array([m.sd / u if m.dist == "normal" else 1.0 for m, u in zip(margs, units, strict=True)])
        self.shaped = [(a, _Shape(m, u)) for a, (m, u) in enumerate(zip(margs, units, strict=True))
                       if m.dist != "normal"]
        corr = uncertainty.correlation
        self.mixers = [(g, correlation_factor(corr[np.ix_(active[where[g]], active[where[g]])]))
                       for g in components(corr, active[where])]
        self.runs = _runs(active[where], units == 100.0, self.gain)


def _runs(drivers: np.ndarray, compound: np.ndarray, gain: np.ndarray) -> list[tuple]:
    """Runs of a part's drivers that are neighbours among the plan's drivers and share a kind:
    (first, last + 1 in the part, first driver, last driver + 1, compound, gains or None if all 1).
    Each run's paces are written as one contiguous block, with no gather or scatter."""
    cuts = [0] + [k for k in range(1, len(drivers))
                  if drivers[k] != drivers[k - 1] + 1 or compound[k] != compound[k - 1]] + [len(drivers)]
    out = []
    for a, b in zip(cuts[:-1], cuts[1:], strict=False):
        if a == b:                                     # no drivers at all
            continue
        g = gain[a:b]
        out.append((a, b, int(drivers[a]), int(drivers[a]) + b - a, bool(compound[a]),
                    None if (g == 1).all() else g[None, :, None]))
    return out


def _fixed_runs(fixed: np.ndarray) -> list[tuple[int, int]]:
    """Runs of neighbouring positions in ``fixed`` (sorted): (first, last + 1)."""
    cuts = [0] + [k for k in range(1, len(fixed)) if fixed[k] != fixed[k - 1] + 1] + [len(fixed)]
    return [(int(fixed[a]), int(fixed[b - 1]) + 1) for a, b in zip(cuts[:-1], cuts[1:], strict=False) if b > a]


#: Coefficients of the Chebyshev fit of ``erfc`` (Press et al., *Numerical Recipes*, §6.2,
#: ``erfcc``: fractional error below 1.2·10⁻⁷ everywhere), highest power first.
_ERFCC = (0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418,
          0.37409196, 1.00002368, -1.26551223)


def normal_cdf32(z: np.ndarray) -> np.ndarray:
    """Standard normal distribution function Φ in single precision [1].

    Absolute error below 3·10⁻⁷ everywhere; relative error below 1.2·10⁻⁶ for |z| ≤ 3, growing to
    10⁻⁵ at |z| = 9 (``z²`` loses digits in single precision) — far inside a float32 run's
    rounding of the deviation it feeds, and it spares a Monte Carlo run the import of
    :mod:`scipy.special` (seconds on a loaded machine)."""
    x = np.abs(z) * np.float32(1 / math.sqrt(2))
    t = np.float32(1) / (np.float32(1) + np.float32(0.5) * x)
    poly = np.full_like(x, _ERFCC[0])
    for c in _ERFCC[1:]:
        poly *= t
        poly += np.float32(c)
    half = np.float32(0.5) * t * np.exp(poly - x * x)            # Φ(−|z|)
    return np.where(z < 0, half, np.float32(1) - half)


class _Shape:
    """A triangular or uniform marginal as a closed-form quantile of the normal score, in working units.

    ``Φ(z)`` is taken at ``z`` below the mode's score and at ``−z`` above it, so the upper tail
    keeps its precision; in single precision with :func:`normal_cdf32`, in double precision
    with :func:`scipy.special.ndtr`.
    """

    def __init__(self, marginal, unit: float):
        low, high = marginal.low / unit, marginal.high / unit
        width = high - low
        if marginal.dist == "uniform":
            self.kind, self.low, self.width = "uniform", low, width
            return
        peak = marginal.peak / unit
        self.kind = "triangular"
        self.low, self.high = low, high
        self.z_mode = float(NormalDist().inv_cdf(min(max((peak - low) / width, 1e-300), 1 - 1e-16)))
        self.left, self.right = width * (peak - low), width * (high - peak)

    @staticmethod
    def cdf(z: np.ndarray) -> np.ndarray:
        if z.dtype == np.float32:
            return normal_cdf32(z)
        from scipy.special import ndtr  # double-precision runs only (tests, goal seek)

        return ndtr(z)

    def __call__(self, z: np.ndarray) -> np.ndarray:
        t = z.dtype.type
        if self.kind == "uniform":
            return t(self.low) + t(self.width) * self.cdf(z)
        lower = z < self.z_mode
        p = self.cdf(np.where(lower, z, -z))
        return np.where(lower, t(self.low) + np.sqrt(p * t(self.left)), t(self.high) - np.sqrt(p * t(self.right)))


class Sampler:
    """Turns a seed and a block number into driver deviations, and deviations into paces.

    Parameters
    ----------
    uncertainty : Uncertainty
    years : int
        Number of projected years ``Y``.
    needed : ndarray of bool, shape (D,), optional
        Drivers that must be drawn for every draw (default: all). Active drivers outside it
        and outside their correlation groups are drawn only when ``rest=True`` is asked.
    still : ndarray of bool, shape (D,), optional
        Drivers no deviation can move: their paths are NaN in every year (they follow a
        link), so they are not drawn whatever their spread.

    Notes
    -----
    Only drivers with a spread, and not ``still``, are drawn (``active``). Deviations are returned in *working
    units*: the log growth factor [1] (log points / 100) for compound drivers, the driver
    unit otherwise, shape (Y, A, n).
    """

    def __init__(self, uncertainty: Uncertainty, years: int, needed: np.ndarray | None = None,
                 still: np.ndarray | None = None):
        plan = uncertainty.plan
        self.years = years
        self.persistence = uncertainty.persistence
        drawn = uncertainty.std > 0
        if still is not None:
            drawn &= ~np.asarray(still, dtype=bool)
        self.active = np.flatnonzero(drawn)
        self.fixed = np.flatnonzero(~drawn)
        compound = np.array([plan.drivers[d].dynamic == "compound" for d in self.active], dtype=bool)
        self.compound = np.flatnonzero(compound)       # positions in the active list
        self.linear = np.flatnonzero(~compound)
        unit = np.where(compound, 100.0, 1.0)
        take = np.ones(len(self.active), dtype=bool) if needed is None else np.asarray(needed)[self.active]
        for group in components(uncertainty.correlation, self.active):
            if take[group].any():
                take[group] = True
        self.parts = [_Part(uncertainty, self.active, np.flatnonzero(w), unit) for w in (take, ~take)]
        self.fixed_runs = _fixed_runs(self.fixed)

    @property
    def skipped(self) -> np.ndarray:
        """Driver positions drawn only on request (``rest=True``)."""
        return self.active[self.parts[1].where]

    def scores(self, entropy: int, block: int, n: int, dtype=np.float32, rest: bool = True,
               out: np.ndarray | None = None, marginals: bool = False) -> np.ndarray:
        """Correlated standard normal scores of block ``block``, shape (Y, A, n); zero for the
        drivers left out when ``rest`` is False.

        The normals are always drawn in single precision (so float32 and float64 runs see
        the same numbers); persistence and mixing run in ``dtype``. ``out`` (Y, A, ≥ n) is
        reused when given. With ``marginals`` the scores are turned into deviations.
        """
        A, Y = len(self.active), self.years
        z = np.empty((Y, A, n), dtype=dtype) if out is None else out[:, :, :n]
        for number, part in enumerate(self.parts):
            if not part.where.size:
                continue
            if number and not rest:
                z[:, part.where] = 0
                continue
            z[:, part.where] = self._part_scores(block_rng(entropy, block, number), part, n, dtype, marginals)
        return z

    def _part_scores(self, rng: np.random.Generator, part: _Part, n: int, dtype, marginals: bool,
                     out: np.ndarray | None = None) -> np.ndarray:
        A, Y, rho = len(part.where), self.years, self.persistence
        z = np.empty((Y, A, n), dtype=dtype) if out is None else out
        if rho == 1.0:
            z[:] = rng.standard_normal((1, A, n), dtype=np.float32)
        elif z.dtype == np.float32:
            rng.standard_normal((Y, A, n), dtype=np.float32, out=z)      # straight into the buffer
        else:
            z[:] = rng.standard_normal((Y, A, n), dtype=np.float32)
        if 0 < rho < 1:
            keep, fresh = np.asarray(rho, dtype), np.asarray(math.sqrt(1 - rho * rho), dtype)
            for t in range(1, Y):
                z[t] *= fresh
                z[t] += keep * z[t - 1]
        for group, factor in part.mixers:
            z[:, group] = np.matmul(factor.astype(dtype, copy=False), z[:, group])
        if not marginals:
            return z
        z *= part.gain.astype(dtype)[None, :, None]          # the gain of a triangular or uniform is 1
        for a, shape in part.shaped:
            z[:, a] = shape(z[:, a])
        return z

    def deviations(self, entropy: int, block: int, n: int, dtype=np.float32, rest: bool = True,
                   out: np.ndarray | None = None) -> np.ndarray:
        """Deviations of block ``block`` in working units, shape (Y, A, n) (zero for drivers
        left out when ``rest`` is False)."""
        return self.scores(entropy, block, n, dtype, rest, out, marginals=True)

    def fill_fixed(self, paths: np.ndarray, out: np.ndarray) -> None:
        """Write the paces of the drivers that are not drawn into ``out`` (Y, D, n): their paths."""
        pt = paths.T.astype(out.dtype)                                  # (Y, D)
        for d0, d1 in self.fixed_runs:
            out[:, d0:d1] = pt[:, d0:d1, None]

    def paces(self, entropy: int, block: int, paths: np.ndarray, out: np.ndarray, scratch: np.ndarray,
              rest: bool = True, fixed: bool = True) -> None:
        """Write the paces of block ``block`` into ``out`` (Y, D, n): the scenario's ``paths``
        (D, Y) moved by each draw's deviation (on the log scale for compound drivers,
        :func:`~sim.engine.dynamics.shift_growth`); with ``rest`` False, the drivers drawn only on
        request keep their paths' paces.

        The same numbers as :meth:`deviations` composed with the paths, bit for bit, in fewer
        passes: normals are drawn straight into ``scratch`` (flat, at least Y·A·n elements of
        ``out``'s dtype) and each run of neighbouring drivers is written as one block. With
        ``fixed`` False the drivers that are not drawn are left alone (a reused buffer that
        :meth:`fill_fixed` filled once).
        """
        Y, n = self.years, out.shape[2]
        pt = paths.T.astype(out.dtype)                                  # (Y, D)
        if fixed:
            self.fill_fixed(paths, out)
        for number, part in enumerate(self.parts):
            if not part.where.size:
                continue
            if number and not rest:
                still = np.zeros((Y, len(part.where), 1), dtype=out.dtype)
                for run in part.runs:
                    out[:, run[2]:run[3]] = _compose(run, still, pt)
                continue
            z = scratch[:Y * len(part.where) * n].reshape(Y, len(part.where), n)
            self._part_scores(block_rng(entropy, block, number), part, n, out.dtype, False, out=z)
            for a, shape in part.shaped:
                z[:, a] = shape(z[:, a])
            for run in part.runs:
                _compose(run, z, pt, out[:, run[2]:run[3]])


def _compose(run: tuple, z: np.ndarray, pt: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Paces of one run of drivers: their paths ``pt`` (Y, D) moved by the scores ``z`` (Y, A, n)
    times the run's gains, written into ``out`` (Y, run length, n) or a new array."""
    a0, a1, d0, d1, compound, gain = run
    x, p = z[:, a0:a1], pt[:, d0:d1, None]
    if gain is not None:
        x = np.multiply(x, gain.astype(z.dtype), out=out)
        return shift_growth(p, x, out=x) if compound else np.add(x, p, out=x)
    return shift_growth(p, x, out=out) if compound else np.add(x, p, out=out)
