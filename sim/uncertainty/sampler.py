"""Drawing a Monte Carlo block: seeded normal scores, persistence, the Gaussian copula and each
driver's marginal, turned into driver paces (steps 1–5 of :mod:`sim.uncertainty.montecarlo`)."""

from __future__ import annotations

import math

import numpy as np
from scipy.special import ndtr

from sim.engine.dynamics import shift_growth
from sim.uncertainty.correlation import components, correlation_factor
from sim.uncertainty.spec import Uncertainty


class Sampler:
    """Turns a seed and a block number into driver deviations, and deviations into paces.

    Parameters
    ----------
    uncertainty : Uncertainty
    years : int
        Number of projected years ``Y``.

    Notes
    -----
    Only drivers with a spread are drawn (``active``). Deviations are returned in *working
    units*: the log growth factor [1] (log points / 100) for compound drivers, the driver
    unit otherwise, shape (Y, A, n).
    """

    def __init__(self, uncertainty: Uncertainty, years: int):
        plan = uncertainty.plan
        self.years = years
        self.persistence = uncertainty.persistence
        std = uncertainty.std
        self.active = np.flatnonzero(std > 0)
        self.fixed = np.flatnonzero(std == 0)
        compound = np.array([plan.drivers[d].dynamic == "compound" for d in self.active], dtype=bool)
        self.compound = np.flatnonzero(compound)       # positions in the active list
        self.linear = np.flatnonzero(~compound)
        margs = [uncertainty.marginals[d] for d in self.active]
        unit = np.where(compound, 100.0, 1.0)
        # Normal scores are scaled to deviations directly; other marginals keep the score for Φ.
        self.gain = np.array([m.sd / u if m.dist == "normal" else 1.0 for m, u in zip(margs, unit, strict=True)])
        self.shaped = [(a, m.frozen(), unit[a]) for a, m in enumerate(margs) if m.dist != "normal"]
        corr = uncertainty.correlation
        self.mixers = [(g, correlation_factor(corr[np.ix_(self.active[g], self.active[g])]))
                       for g in components(corr, self.active)]

    def scores(self, entropy: int, block: int, n: int, dtype=np.float32) -> np.ndarray:
        """Correlated standard normal scores of block ``block``, shape (Y, A, n).

        The normals are always drawn in single precision (so float32 and float64 runs see
        the same numbers); persistence and mixing run in ``dtype``.
        """
        A, Y = len(self.active), self.years
        if A == 0:
            return np.empty((Y, 0, n), dtype=dtype)
        rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(entropy, spawn_key=(block,))))
        rho = self.persistence
        if rho == 1.0:
            z = np.empty((Y, A, n), dtype=dtype)
            z[:] = rng.standard_normal((1, A, n), dtype=np.float32)
        else:
            z = rng.standard_normal((Y, A, n), dtype=np.float32).astype(dtype, copy=False)
            if rho > 0:
                keep, fresh = np.asarray(rho, dtype), np.asarray(math.sqrt(1 - rho * rho), dtype)
                for t in range(1, Y):
                    z[t] *= fresh
                    z[t] += keep * z[t - 1]
        for group, factor in self.mixers:
            z[:, group] = np.matmul(factor.astype(dtype, copy=False), z[:, group])
        return z

    def deviations(self, entropy: int, block: int, n: int, dtype=np.float32) -> np.ndarray:
        """Deviations of block ``block`` in working units, shape (Y, A, n)."""
        z = self.scores(entropy, block, n, dtype)
        z *= self.gain.astype(dtype)[None, :, None]          # the gain of a triangular or uniform is 1
        for a, dist, unit in self.shaped:
            z[:, a] = dist.ppf(ndtr(z[:, a].astype(np.float64))) / unit
        return z

    def compose(self, dev: np.ndarray, paths: np.ndarray, out: np.ndarray) -> None:
        """Write paces into ``out`` (Y, D, n): the scenario's ``paths`` (D, Y) plus deviations."""
        pt = paths.T.astype(out.dtype)                                  # (Y, D)
        if self.fixed.size:
            out[:, self.fixed] = pt[:, self.fixed, None]
        if self.linear.size:
            d = self.active[self.linear]
            out[:, d] = dev[:, self.linear] + pt[:, d, None]
        if self.compound.size:
            d = self.active[self.compound]
            out[:, d] = shift_growth(pt[:, d, None], dev[:, self.compound].astype(out.dtype, copy=False))
