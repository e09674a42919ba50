"""Layer ``io``: reading and validating what users write — strict TOML, the plan and scenario
file formats, actuals files — plus the error types and the one tidy schema.

Imports nothing else of the project: every other layer may import it.
"""
