"""Layer ``review``: the plan audit (``audit`` runs the rules of ``audit_levels`` and
``audit_paces`` on ``findings``), the 14th-plan record (``history``, with one statement's
arithmetic in ``statements``) and the mid-term review.

May import ``sim.engine`` and ``sim.io``; never uncertainty, report, cli or a user interface.
"""
