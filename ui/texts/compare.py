"""Texts of the compare page (对比): key → (Chinese, English)."""

TEXT = {
    "cmp.title": ("情景对比", "Compare scenarios"),
    "cmp.pick": ("选择2–4个情景(第一个作为比较基准)", "Choose 2–4 scenarios (the first is the reference)"),
    "cmp.need_two": ("请至少选择两个情景。", "Choose at least two scenarios."),
    "cmp.current": ("当前:{title}", "Current: {title}"),
    "cmp.same": ("“{a}”与“{b}”是同一情景(当前情景尚未调整),只显示一次。",
                 "“{a}” and “{b}” are the same scenario (the current one has no changes yet), so it is shown once."),
    "cmp.status_title": ("目标状态对比", "Targets side by side"),
    "cmp.delta": ("{a} 减 {b}", "{a} minus {b}"),
    "cmp.only_different": ("只看各情景结果不同的目标", "Only targets where the scenarios differ"),
    "cmp.deltas": ("显示与第一个情景的差值", "Show differences from the first scenario"),
    "cmp.no_differences": ("所选情景的各项目标结果相同。", "The chosen scenarios give the same result for every target."),
    "cmp.charts_title": ("路径对比", "Paths compared"),
    "cmp.charts_pick": ("图中指标", "Indicators to chart"),
    "cmp.drivers_title": ("哪些假设不同", "Which assumptions differ"),
    "cmp.drivers_none": ("所选情景的假设完全相同。", "The chosen scenarios make the same assumptions."),
    "cmp.drivers_caption": ("数值为2026–2030年各年的速度;逐年不同的以箭头连接。", "Values are the 2026–2030 "
                            "paces; paths that change by year are joined by arrows."),
    "cmp.figure_title": ("各情景路径对比", "Paths by scenario"),
}
