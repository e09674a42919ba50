"""Layer ``review``: the plan audit, the 14th-plan record and the mid-term review.

May import ``sim.engine`` and ``sim.io``; never uncertainty, report, cli or a user interface.
"""
