"""The planners' Streamlit app, UI side only: the pages in ``pages/`` are short scripts over it.

What ui may import
------------------
* the engine's public API (``from sim import ...``) and its modules ``sim.io.*`` (plan,
  errors, actuals), ``sim.engine.projection``, ``sim.report.*`` (labels, export, compare,
  brief), ``sim.review.*`` and ``sim.uncertainty.*``;
* never the reverse: nothing in ``sim`` imports ``ui`` (tests/test_layers.py checks it),
  and pages import only ``ui`` (plus ``sim.io.errors`` to show an input error).

Modules, one idea each
----------------------
state        Session state, the URL sync and the caches of plans, scenarios and projections.
analyses     The cached analyses pages show: board probabilities, Monte Carlo, tornado, goal seek, audit.
memo         Memos by identity: per script run, per immutable scenario (cheaper than a cache).
serve        ``python -m ui.serve`` (``make app``): warm the caches, then start Streamlit.
model        The app's scenario (a base scenario plus the planner's changes). Pure Python.
url, files   That scenario as a link, and as an uploaded or saved file. Pure Python.
i18n         The interface language and ``t(key)``, the one text lookup; texts in ``ui.texts``.
fmt          Numbers as planners write them (decimals per unit from ``sim.report.labels``).
probability  Probabilities in words and colours (bands from ``sim.report.labels``).
display      Engine rows as worded tables for the board, comparisons and differences.
charts       Plotly figures: paths with targets, fans, tornados.
layout       Pieces every page shares: sidebar, notices, headline cards.
assumptions, details, exports, uncertainty, review, monitor, audit
             The larger pieces of one page each (monitor: the review page's 年度监测 tab).
boot         ``guard()``, the first call of every page script.
"""
