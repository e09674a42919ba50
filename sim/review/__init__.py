"""Layer ``review``: the plan audit (``audit`` runs the rules of ``audit_levels`` and
``audit_paces`` on ``findings``), the 14th-plan record (``history``, with one statement's
arithmetic in ``statements``), the mid-term review (``midterm``: 序时进度, progress and its
bands) and the annual monitoring built on it (``monitor``: 预警, summaries, next year's requirement).

May import ``sim.engine`` and ``sim.io``; never uncertainty, report, cli or a user interface.
"""
