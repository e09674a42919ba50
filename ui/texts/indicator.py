"""Texts of the indicator page (指标): key → (Chinese, English)."""

TEXT = {
    "ind.title": ("指标详情", "Indicator detail"),
    "ind.pick": ("指标", "Indicator"),
    "ind.scenarios": ("情景", "Scenarios"),
    "ind.chart_title": ("{name}:各情景路径与目标", "{name}: paths and target"),
    "ind.chart_title_cum": ("{name}:2026年起累计与目标", "{name}: total since 2026 and target"),
    "ind.axis_year": ("年份", "Year"),
    "ind.axis_cum": ("累计{name}", "{name}, cumulative"),
    "ind.target_marker": ("{year}年目标 {target}", "{year} target {target}"),
    "ind.milestone_marker": ("{year}年度目标 {target}", "{year} milestone {target}"),
    "ind.actual_marker": ("实际值", "Actual"),
    "ind.targets_title": ("目标检查", "Target check"),
    "ind.required_line": ("**{scenario}**:从 {year} 年起需保持 **{required}**{leeway},本情景为 **{assumed}** → {status}",
                          "**{scenario}**: from {year} it needs a steady **{required}**{leeway}; this scenario has "
                          "**{assumed}** → {status}"),
    "ind.may_fall": ("(负值:每年可以下降这么多而仍达标)", " (below zero: it may fall this much a year and still be met)"),
    "ind.may_rise": ("(正值:每年可以上升这么多而仍达标)", " (above zero: it may rise this much a year and still be met)"),
    "ind.settled_line": ("**{scenario}**:{year}年已有实际值,为 **{value}** → {status}",
                         "**{scenario}**: {year} is already observed at **{value}** → {status}"),
    "ind.source_title": ("数据来源", "Sources"),
    "ind.baseline": ("{year}年基期值:{v}({basis})", "{year} baseline: {v} ({basis})"),
    "ind.target_src": ("{label}:{target}({basis})", "{label}: {target} ({basis})"),
    "ind.quote": ("报告原文:", "Report's words: "),
    "ind.formula": ("推算方法:", "Derivation: "),
    "ind.reason": ("假设理由:", "Why assumed: "),
    "ind.no_zh": ("(此条说明暂无中文译文,切换界面语言可查看原注。)", "(no Chinese text)"),
    "ind.no_target": ("该指标在规划中没有量化目标,只显示预测路径。", "The plan sets no numeric target for "
                      "this indicator; only its path is shown."),
    "ind.note": ("数据说明", "Note on the data"),
    "ind.derived_from": ("由 {inputs} 合成", "Derived from {inputs}"),
    "ind.source_doc": ("出处:{doc}", "Source: {doc}"),
}
