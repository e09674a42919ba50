"""Layer ``report``: everything that turns results into something to read — labels in two
languages, reference frames, the terminal renderer, exports (CSV, xlsx, IAMC), scenario
comparison and the printable brief.

May import ``sim.review``, ``sim.uncertainty``, ``sim.engine`` and ``sim.io``; never cli or a
user interface.
"""
