"""Layer ``uncertainty``: uncertainty specifications, the Monte Carlo, goal seek for a
probability, and the sensitivity tornado.

May import ``sim.engine`` and ``sim.io``; never review, report, cli or a user interface.
"""
