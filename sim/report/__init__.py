"""Layer ``report``: everything that turns results into something to read — labels in two
languages, reference frames, the terminal renderer, exports (CSV, xlsx, IAMC), scenario
comparison, the printable brief and the Word report of the annual monitoring (``docx``).

May import ``sim.review``, ``sim.uncertainty``, ``sim.engine`` and ``sim.io``; never cli or a
user interface.
"""
