"""Texts of the target board (总览) and its headline cards: key → (Chinese, English)."""

TEXT = {
    "col.probability": ("达成概率", "P(met)"),
    "board.show_prob": ("显示达成概率(蒙特卡罗模拟2万次)", "Show probability of meeting (20,000-draw Monte Carlo)"),
    "board.prob_help": ("按当前情景及其不确定性设置模拟2万次,种子固定为0。{legend}。详细设置见“不确定性”页。",
                        "20,000 draws of the current scenario with its uncertainty settings, seed 0. "
                        "{legend}. Settings and fan charts are on the Uncertainty page."),
    "board.prob_running": ("正在模拟达成概率…", "Simulating probabilities…"),
    "board.title": ("目标总览", "Target board"),
    "board.caption": ("情景:{scenario} · 2030年目标 {n} 项 · 数据来源:{source}",
                      "Scenario: {scenario} · {n} targets for 2030 · Source: {source}"),
    "board.summary": ("{met_icon} 达标 {met} 项 · {risk_icon} 临界 {risk} 项 · {miss_icon} 未达标 {miss} 项",
                      "{met_icon} met {met} · {risk_icon} at risk {risk} · {miss_icon} missed {miss}"),
    "board.headline": ("重点指标", "Key targets"),
    "board.table": ("全部2030年目标", "All 2030 targets"),
    "board.filter_area": ("按领域筛选", "Filter by area"),
    "board.filter_placeholder": ("全部领域", "All areas"),
    "board.sort": ("排序", "Sort"),
    "board.sort_status": ("未达标和临界在前", "Missed and at risk first"),
    "board.sort_plan": ("按规划顺序", "Plan order"),
    "board.sort_gap": ("按差距(差距最大的在前)", "By gap (furthest behind first)"),
    "board.only_problems": ("只看临界和未达标", "Only at risk and missed"),
    "board.milestones": ("2026年度目标", "2026 milestones"),
    "board.assumed_note": ("⚑ 表示结论依赖报告未公布、暂按假设取值的数字(多为2025年基期值),结论仅供参考,"
                           "应以统计部门数据替换。", "⚑ marks a verdict that rests on a number the report "
                           "does not give and that is assumed for now (mostly the 2025 baseline): treat it as "
                           "provisional until official statistics replace it."),
    "board.gap_note": ("差距为正表示超过目标;增速目标的差距以“个百分点”计,“差距(%)”只用于水平目标。“情景速度”是本情景从最近实际年到目标年的平均速度,"
                       "“所需速度”是从最近实际年起每年同一速度恰好达到目标所需的速度。",
                       "A positive gap means the target is beaten; for growth targets the gap is in "
                       "percentage points, and “Gap (%)” is given for level targets only. “Assumed pace” is this scenario's average "
                       "from the last actual year to the target year; “required pace” is the constant pace "
                       "from the last actual year that reaches the target exactly."),
    "board.empty": ("没有符合筛选条件的目标", "No target matches the filter"),
    # Short names of the headline indicators; the card adds what its target measures (card.kind.*).
    "card.gdp": ("地区生产总值", "GRP"),
    "card.industrial_va": ("规上工业增加值", "Above-size industrial VA"),
    "card.energy_capacity": ("综合能源装机规模", "Energy capacity"),
    "card.forest_grass_coverage": ("林草覆盖率", "Forest & grass cover"),
    "card.visitors": ("游客接待人次", "Tourist visits"),
    "card.urban_new_jobs": ("城镇新增就业", "New urban jobs"),
    "card.kind.growth": ("{name}增速", "{name} growth"),
    "card.kind.level": ("{name}", "{name}"),
    "card.kind.cumulative": ("{name}({years}年累计)", "{name} ({years}-yr total)"),
    "card.also": ("另有{year}年目标 {target}:{status}", "Also a {year} target of {target}: {status}"),
    "card.delta": ("{gap} 相对目标", "{gap} vs target"),
    "card.target": ("{status} · 目标 {target}", "{status} · target {target}"),
}
