"""The English wording of every input error, by code: one template per kind of problem.

An :class:`~sim.io.errors.InputError` raised with a ``code`` and no reason gets its reason from
:data:`REASONS` here, filled with its ``params``; the same code and params are worded in Chinese
from :data:`sim.io.reasons_zh.ZH` (the app, the Chinese exports). So the command line's English
and the Chinese are two renderings of one record, and a test checks both tables name the same
placeholders.

Conventions for a template:

- placeholders carry the values the sentence needs, with their format (``{value:g}``,
  ``{limit:,}``, ``{value!r}``) written in the template, not at the raise site;
- a parameter whose name ends in ``_en`` carries English words a translation cannot reuse (a
  library's own message, an English alternative such as "a volume"); the Chinese sentence may
  leave it out, and must not show it;
- a parameter ``X`` given beside ``X_en`` is the same thing in a form any language can show
  (``allowed_en = ".csv or .toml"``, ``allowed = ".csv/.toml"``);
- one code per kind of problem; raise sites that say the same thing share it.
"""

from __future__ import annotations

from collections.abc import Mapping

#: code → English reason (``str.format`` template over the error's params).
REASONS: dict[str, str] = {
    # ---------------------------------------------------------------- files
    "unreadable": "cannot read file ({detail_en})",
    "too_big": "file is {size:,} bytes; the limit is {limit:,}",
    "too_big_read": "file is over {limit:,} bytes; the limit is {limit:,}",
    "too_long": "text is {size:,} characters; the limit is {limit:,}",
    "not_utf8": "file is not UTF-8 text",
    "too_deep": "tables or arrays are nested more than {depth} deep",
    "not_toml": "not valid TOML ({detail_en})",
    "not_toml_at": "not valid TOML ({detail_en} (at line {line}, column {column}))",
    "not_toml_end": "not valid TOML ({detail_en} (at end of document))",
    "not_csv": "not readable as CSV ({detail_en})",
    "file_type": "unknown file type '{suffix}'; use {allowed_en}",
    "missing_columns": "missing column(s) {columns}; expected indicator, year, value",
    "duplicate_column": "column '{column}' appears twice",
    "extra_fields": "{n} fields where the header has {width} (a decimal comma? write 6.5, not 6,5)",
    "missing_fields": "{n} fields where the header has {width}",
    "no_such_file": "no such file",
    "not_regular_file": "not a regular file",
    "empty_file": "file is empty",
    "binary_nul": "not a text file (it contains NUL bytes)",
    "binary_control": "not a text file (too many control characters)",
    "not_decodable": "cannot decode the file as UTF-8 or GB18030 text",
    # ---------------------------------------------------------------- fields (sim.io.fields)
    "not_table": "expected a table, got {type_en}",
    "unknown_key": "unknown key; expected one of {allowed}",
    "missing": "missing (required)",
    "not_text": "expected non-empty text",
    "not_choice": "'{value}' is not one of {choices}",
    "not_integer": "expected a whole number",
    "not_bool": "expected true or false",
    "not_tables": "expected an array of tables ([[...]])",
    "not_texts": "expected text or a list of texts",
    "not_numbers": "expected a list of numbers",
    "wrong_type": "expected a number, got {type_en}",
    "not_number": "'{value}' is not a number",
    "not_number_repr": "{value!r} is not a number",
    "not_number_bare": "{value} is not a number",
    "not_finite": "{value} is not a finite number",
    "not_finite_repr": "{value!r} is not a finite number",
    "not_year": "'{value}' is not a year",
    "not_year_key": "expected a year such as 2026",
    # ---------------------------------------------------------------- plan file: indicators
    "bad_id": "'{id}' must be ASCII letters, digits and underscores",
    "duplicate_id": "duplicate indicator id '{id}'",
    "no_indicators": "the plan has no indicators",
    "schema_version": "only version 1 is understood",
    "target_year_order": "{target_year} must be after base_year {base_year}",
    "horizon_range": "{horizon} must be between target_year {target_year} and {last}",
    "horizon_year": "{horizon} must be a year between {first} and {last}",
    "baseline_outside_domain": "{value:g} is outside {domain}, the domain of the indicator [{unit}]",
    "target_outside_domain": "{value:g} is outside {domain}, the domain of the indicator",
    "baseline_not_positive": "{value} must be positive for a compound-growth indicator",
    "derived_no_trend": "a derived indicator has no driver, so no trend",
    "derived_no_driver": "a derived indicator has no driver",
    "growth_impossible": "growth of {value}% is impossible (must exceed −100%)",
    "growth_target_overflow": "growth of {value:g}% a year to {year} would pass any finite number",
    "history_off_scale": "{value:g} ({measure}) puts the start level too far from the base-year level {base:g} "
                         "for a growth rate to be computed",
    "history_not_finite": "{value:g} over {start}–{end} would pass any finite number when carried back",
    "points_impossible": "{value} points a year is impossible for a percentage",
    "domain_empty": "domain [{low:g}, {high:g}] is empty",
    "domain_percent": "domain [{low:g}, {high:g}] of a percentage must lie within [0, 100]",
    "derived_only": "only derived indicators take '{name}'",
    "no_inputs": "a derived indicator needs at least one input",
    "two_inputs": "'{op}' takes exactly two inputs, got {n}",
    "share_unit": "a share is a percentage; its unit must be %",
    "driver_range_empty": "driver range [{low}, {high}] step {step} is empty",
    "number_needs_quote": "a reported number needs the report's exact words",
    "number_needs_formula": "a derived number needs its formula",
    "number_needs_reason": "an assumed number needs its reason",
    "reason_zh_alone": "a Chinese reason translates the reason; give the reason too",
    "attribute_needs_quote": "a reported attribute needs the plan's exact words",
    "attribute_needs_reason": "an assumed attribute needs its reason",
    "target_year_outside": "{year} is outside the horizon {first}–{last}",
    "cumulative_not_flow": "cumulative targets apply to flow indicators only",
    "growth_kind": "a growth target needs a compound or derived indicator, not '{dynamic}'",
    "hold_growth": "'hold' applies to levels, not growth rates",
    "history_period": "period {start}–{end} must end by the base year {base_year}",
    "unknown_input": "unknown indicator '{name}'",
    "unknown_indicator_known": "unknown indicator '{name}'; known: {known}",
    "own_input": "cycle among derived indicators: an indicator cannot be its own input",
    "derived_cycle": "cycle among derived indicators: {cycle}",
    "sum_units": "a sum needs inputs in its own unit {unit}; got {units}",
    "zero_denominator": ("the denominator '{denominator}' may be 0 (a {dynamic} indicator with domain starting at "
                         "{low:g}), so '{name}' could be infinite; divide by a compound indicator or give the "
                         "denominator a domain.min above 0"),
    "review_ahead": "{value} must be at least 1 (1 is exactly on schedule)",
    "review_behind": "{value} must be above 0 and at most 1 (1 is exactly on schedule)",
    "review_red": "{value} must be above 0 and at most behind ({behind})",
    "negative": "{value} must not be negative",
    # ---------------------------------------------------------------- plan file: links
    "deflator_not_compound": "'{name}' is not a compound indicator of the plan",
    "linked_twice": "'{name}' is linked twice",
    "deflator_linked": "the deflator cannot follow a link",
    "link_not_compound": "'{name}' is not a compound driver of the plan (only growth can follow growth)",
    "link_input_unknown": "'{name}' is not another indicator of the plan",
    "link_input_additive": "'{name}' moves by additions, not growth",
    "link_price_basis": "'{input}' is {input_basis_en} but '{name}' is {basis_en}: set links.deflator",
    "link_elasticities": "expected a list of {n} numbers, one per input",
    "link_needs_formula": "a derived link needs its formula and the report's quotes",
    "link_needs_reason": "an assumed link needs its reason",
    "balance_not_sum": "'{name}' is not a derived sum of the plan",
    "balance_not_part": "'{part}' is not a driver among the parts of '{name}'",
    "link_cycle": "links go round in a circle: {cycle}",
    "within_part": ("'{name}' cannot be bounded by a whole: a part must be a driver of its own that no derived "
                    "indicator or link reads"),
    "within_own_part": "'{name}' is computed from '{part}', so it cannot bound it",
    "within_index": "'{name}' has only an index (base year = 100), not a level that a part can be compared with",
    "within_scale": "{value:g} must be a positive finite number",
    "within_baseline": "the baseline of '{name}', {value:g}, is more than its whole '{whole}' allows ({limit:g})",
    # ---------------------------------------------------------------- scenarios and actuals
    "no_file": "no such scenario file",
    "unknown_scenario": "unknown scenario; available: {available}",
    "parent_cycle": "parents form a cycle: {cycle}",
    "parent_missing": "parent '{parent}' not found ({detail_en})",
    "parent_not_shipped": "parent '{parent}' is not a shipped scenario ({shipped}) or one uploaded in this session",
    "parent_lookup": "parent '{parent}' cannot be looked up here",
    "bad_driver": "'{value}' is not a number, a list, a table or one of {rules}",
    "empty_list": "an empty list sets no year",
    "empty_table": "an empty table sets no year",
    "derived_driver": "'{key}' is derived and has no driver of its own; set its inputs ({inputs})",
    "unknown_indicator": "unknown indicator '{key}'",
    "unknown_actual": "unknown indicator '{key}'; known: {known}",
    "derived_actual": "'{key}' is derived; give actuals for its inputs ({inputs})",
    "too_many_years": "{n} yearly values but the horizon has only {years} years",
    "year_outside": "year {year} is outside the horizon {first}–{last}",
    "year_outside_period": "year {year} is outside the plan period {first}–{last}",
    "not_positive": "{value} must be positive for '{key}'",
    "ratio_off_scale": "{value:g} is too far from the base-year level {base:g} {unit} for a growth rate of '{key}' to be computed",
    "outside_domain": "{value:g} is outside {domain}, the domain of '{key}' [{unit}]",
    "off_index": ("{value:g} is not on the index: '{key}' has no reported level, so it is projected as an index "
                  "(base year = {base:g}); enter the observed value on the same index (expected between {low:.3g} "
                  "and {high:.3g}), not in {unit}"),
    "duplicate_value": "a second value for {key} in {year}",
    "path_outside_domain": "'{indicator}' would reach {value:,.6g} {unit} in {year}, outside its domain {domain}",
    "path_not_finite": "'{indicator}' would reach {value_en} in {year}, not a finite number",
    "total_not_finite": "'{indicator}' added up from {first} would pass any finite number by {year}",
    "far_outside_range": ("{value:g} {unit} is far outside the plan's range for {name_en} "
                          "({low:g} to {high:g}); check it is meant"),
    "derived_outside_domain": ("'{indicator}' ({how_en} {inputs}) would reach {value:,.6g} {unit} in {year}, "
                               "outside its domain {domain}"),
    "part_over_whole": ("'{indicator}' would reach {value:,.6g} {unit} in {year}, more than its whole "
                        "'{whole}' allows ({limit:,.6g} {unit}): a part cannot exceed its whole"),
    "actual_over_whole": ("{value:g} {unit} for '{key}' in {year} is more than its whole '{whole}' "
                          "observed that year allows ({limit:g} {unit}): a part cannot exceed its whole"),
    "derived_not_finite": "'{indicator}' ({how_en} {inputs}) would reach {value_en} in {year}, not a finite number",
    # ---------------------------------------------------------------- uncertainty: spreads, correlations
    "scale_too_big": "{value:g} is more than the largest scale, {limit:g}",
    "persistence_range": "{value} must be between 0 (independent years) and 1 (one deviation for the whole path)",
    "derived_spread": "'{name}' is derived and has no driver of its own; set its inputs ({inputs})",
    "unknown_spread": "unknown driver '{name}'; use a driver id, or one of {settings}",
    "sd_and_bounds": "give either sd or low/high bounds, not both",
    "normal_needs_sd": "a normal distribution needs sd (its standard deviation)",
    "uniform_peak": "only a triangular distribution has a peak",
    "high_below_low": "high ({high:g}) must be above low ({low:g})",
    "peak_outside": "peak {peak:g} must lie between low {low:g} and high {high:g}",
    "correlation_value": "{value!r} is not a correlation between −1 and 1",
    "correlation_twice": "{a} and {b} are given two correlations ({first:g} at {where} and {second:g})",
    "correlation_shape": "expected a {n}×{n} array of numbers, one row per name in drivers",
    "correlation_listed_twice": "a driver is listed twice",
    "correlation_pairs": "expected a list of [driver, driver, correlation]",
    "correlation_pair": "expected [driver, driver, correlation]",
    "correlation_self": "a driver ('{name}') is always fully correlated with itself",
    "derived_correlated": "'{name}' is derived and has no driver of its own; correlate its inputs ({inputs})",
    "unknown_driver": "unknown driver '{name}'",
    "correlation_square": "a correlation matrix must be square, got shape {shape}",
    "correlation_range": "{value:g} between {a} and {b} is outside [−1, 1]",
    "correlation_diagonal": "the diagonal must be 1 ({a} has {value:g})",
    "correlation_asymmetric": "not symmetric: {a}–{b} is {ab:g} but {b}–{a} is {ba:g}",
    "correlation_impossible": ("these correlations cannot hold together (the matrix is not positive semi-definite; "
                               "smallest eigenvalue {eigenvalue:.3g}); weaken some of them"),
    # ---------------------------------------------------------------- arguments (Monte Carlo, goal seek, reviews)
    "whole_at_least": "{value!r} must be a whole number ≥ {least}",
    "draws_overflow": "draws of '{indicator}' could pass {limit:.3g}, the largest number a Monte Carlo draw holds (single precision)",
    "not_scenario": "expected a scenario, its name, title or path, got {type_en}",
    "draws_limit": ("{value:,} is more than the limit of {limit:,}: beyond it the standard error of every "
                    "probability is already below 0.000016 and the run would take hours"),
    "keep_memory": ("{value:,} draws would need {gib:,.1f} GiB ({size:,} bytes), more than the limit of "
                    "{limit_gib:g} GiB; keep at most {most:,}"),
    "probability_open": "{value} must be strictly between 0 and 1",
    "year_outside_plan": "{year} is outside the plan period {first}–{last}",
    "no_actuals": "no observed values: give --actuals FILE or a scenario with [actuals] tables",
    "not_date": "'{value}' is not a date such as 2026-03-01",
    "one_scenario_docx": "a .docx monitoring report is about one scenario; give one",
    "year_outside_projection": "{year} is outside the projection {first}–{last}",
    "at_least_one_scenario": "give at least one scenario",
    "brief_format": "'{value}' is not pdf or html",
    # ---------------------------------------------------------------- writing files
    "must_end_in": "must end in {suffix}",
    "would_overwrite_report": "would overwrite the report",
    "no_folder": "folder '{folder}' does not exist",
    "unwritable": "cannot write ({detail_en})",
    "no_cjk_font": ("no Chinese font is installed, so the PDF cannot show Chinese; install one (Debian/Ubuntu: "
                    "apt-get install fonts-noto-cjk) or write .html instead"),
    # ---------------------------------------------------------------- drafting a plan from a report
    "draft_empty": "no indicator with a 2025 level, a 2030 target or a 2026 milestone was found in the report",
}


def render(code: str, params: Mapping) -> str:
    """The English reason of ``code`` with ``params`` filled in.

    Raises
    ------
    KeyError
        An unknown code, or a placeholder without its parameter (a mistake at the raise site).
    """
    return REASONS[code].format_map(params)
