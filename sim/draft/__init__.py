"""Draft a plan file from a government work report (issue 13: ``fyp draft``).

Layer: *draft*, beside the engine. Modules here may import only :mod:`sim.io` and the
public :mod:`sim` API (``load_plan``, ``InputError``, ``PlanError`` …); nothing in the
engine, the reports or the app imports them back, except the ``draft`` command and page.

The pipeline, one module each:

``source``     read and decode the report (UTF-8 or GB18030), refusing what is not text;
``plain``      the copy the rules read: full-width forms in ASCII, broken lines joined, with
               the map back to the report so that every quote is the report's own words
               (``hant``: traditional characters read as simplified);
``sections``   cut it into sections that set the year of what they say (2025 review,
               十四五 record, 十五五 goals, this year's tasks), and tell table rows apart;
``numerals``   find quantities: Arabic and Chinese numerals, 万/亿 units, ranges, 倍, 翻番;
``lexicon``    indicators county plans commonly use, with stable ids and synonyms;
``tables``     a table pasted as text, read column by column under its header;
``facts``      read clauses into facts (noun, predicate, values, direction words);
``candidates`` give each fact its role (baseline, trend, target, milestone, history);
``wordonly``   goals stated in words only, listed in the review without a number;
``assemble``   build the plan (placeholders for what the report does not give);
``tomlout``    write it as a plan file; ``review`` the review table; ``score`` compare
               a draft with a hand-made plan.
"""

from __future__ import annotations

from .pipeline import Draft, draft_from_path, draft_from_text  # noqa: F401

__all__ = ["Draft", "draft_from_path", "draft_from_text"]
