"""Layer ``engine``: the numbers. ``dynamics`` (the only home of growth, pace and addition
formulas), ``kernel`` (one projection for a stack of driver sets, and sub-plans), ``measure``
(how a target is measured: compared value, tolerance, status codes), ``solve`` (the one shared
pace of a derived target), ``rules`` (drivers no scenario sets), ``resolve`` (applying a
scenario), ``projection``, ``targets`` (the check on arrays) and ``check`` (the check table).

May import ``sim.io`` only; never uncertainty, review, report, cli or any user interface.
"""
