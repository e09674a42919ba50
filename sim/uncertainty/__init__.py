"""Layer ``uncertainty``: uncertainty specifications (``spec``, ``correlation``), the Monte Carlo
(``sampler`` draws, ``counter`` counts targets, ``montecarlo`` runs, ``results`` reports), goal
seek for a probability, and the sensitivity tornado.

May import ``sim.engine`` and ``sim.io``; never review, report, cli or a user interface.
"""
