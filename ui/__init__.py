"""The planners' Streamlit app, UI side only.

Modules
-------
i18n     Chinese/English labels: ``t(key)``, ``lang()``, units, statuses.
fmt      Numbers as planners write them (亿元 to one decimal, percentages to one decimal …).
model    The app's scenario (a base scenario plus the planner's changes), its URL form,
         uploads and saving. Pure Python: no Streamlit, tested on its own.
state    Session state, caching (plan loaded once), query-parameter sync, widget helpers.
tables   Display tables (target board, comparisons, differences) as formatted text.
charts   Plotly figures with Chinese titles, unit-labelled axes and target markers.
layout   Pieces shared by several pages (sidebar, notices, headline cards).
assumptions, details, exports
         The larger pieces of the assumptions, indicator and export pages.
boot     ``guard()``, the first call of every page script.

The engine (``sim``) never imports this package.
"""
