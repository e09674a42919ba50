"""Texts of the plan-audit page (规划数据核查): key → (Chinese, English)."""

TEXT = {
    "audit.title": ("规划数据核查", "Plan audit"),
    "audit.intro": ("逐条检查规划数据内部是否一致:同句给出的水平与增速、总量与构成、年度目标与2030年目标、"
                    "所需速度与“十四五”速度、累计目标与年度目标。报告数字按印刷精度四舍五入比较(如3.2代表3.15–3.25)。",
                    "Checks the plan's numbers against each other: a level against the growth stated with it, wholes "
                    "against parts, milestones against the 2030 target, the pace needed against the 14th-plan pace, "
                    "cumulative targets against milestones. Printed numbers are compared to their rounding "
                    "(3.2 stands for 3.15–3.25)."),
    "audit.error": ("矛盾", "Errors"), "audit.warning": ("需关注", "Warnings"), "audit.info": ("提示", "Notes"),
    "audit.filter": ("显示", "Show"),
    "audit.none": ("没有符合条件的发现。", "No findings match."),
    "audit.arith": ("算式", "Arithmetic"),
    "audit.quotes": ("报告原文", "Report's words"),
    "audit.provisional": ("暂定:依赖假设数值,待统计数据替换。", "Provisional: rests on an assumed number."),
    "audit.download": ("下载核查结果(CSV)", "Download findings (CSV)"),
}
