"""Layer ``engine``: the numbers. Dynamics (the only home of growth, pace and addition
formulas), the kernel (one projection for a stack of driver sets), how a target is measured,
the rules for unset drivers, scenario resolution, projections and the target check.

May import ``sim.io`` only; never uncertainty, review, report, cli or any user interface.
"""
