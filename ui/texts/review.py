"""Texts of the record-and-review page (回顾与评估): key → (Chinese, English)."""

from sim.review.midterm import VERDICT_ZH

TEXT = {
    "rev.title": ("回顾与评估", "Record and review"),
    "rev.tab_history": ("“十四五”回顾", "14th-plan record"), "rev.tab_mid": ("中期评估", "Mid-term review"),
    "rev.tab_brief": ("简报下载", "Brief"),
    "rev.pace": ("过去五年速度与今后所需速度", "Past pace and the pace now needed"),
    "rev.pace_help": ("所需/过去 大于1表示今后要比“十四五”更快;“≥”表示报告给出的是下限。",
                      "needed/past above 1 means faster than in 2021–2025; “≥” marks a lower bound in the report."),
    "rev.record": ("“十四五”时期数据及推算的2020年水平", "Statements about 2021–2025 and the derived 2020 levels"),
    "rev.backcast": ("模型回算:从2020年按记录速度推演到2025年", "Engine back-cast from 2020 at the recorded pace"),
    "rev.backcast_help": ("“一致”表示模型结果与报告数字在四舍五入范围内相同;不一致说明几项数据只有在增速不均匀时才能同时成立。",
                          "'reproduced' means the engine gives the report's number to its rounding; a mismatch means "
                          "the statements hold together only on an uneven path."),
    "rev.mid_intro": ("录入实际值后,比较“任务进度”(已完成的距离占比)与“时间进度”(已过去的年份占比):"
                      "进度比≥1.1为超前,0.9–1.1为符合进度,<0.9为滞后。",
                      "Enter observed values; the share of the distance covered is compared with the share of the "
                      "period elapsed: progress ≥ 1.1 is ahead, 0.9–1.1 on track, below 0.9 behind."),
    "rev.year": ("实际值年份", "Year of the values"), "rev.pick": ("录入哪些指标", "Indicators to enter"),
    "rev.pick_hint": ("选择指标", "Choose indicators"),
    "rev.upload": ("或上传实际值文件(CSV:indicator,year,value;或TOML)", "Or upload actuals (CSV: indicator,year,value; or TOML)"),
    "rev.use_app": ("包含当前情景中已录入的实际值", "Include the actuals of the current scenario"),
    "rev.none": ("尚未录入实际值。", "No actual values yet."),
    "rev.ahead": ("超前", "Ahead"), "rev.on_track": ("符合进度", "On track"), "rev.behind": ("滞后", "Behind"),
    "rev.brief_pick": ("简报包含的情景(第一个为主)", "Scenarios in the brief (the first is the subject)"),
    "rev.format": ("格式", "Format"), "rev.make": ("生成简报", "Make the brief"),
    "rev.current": ("当前情景:{title}", "Current scenario: {title}"),
    "rev.download": ("下载简报", "Download the brief"),
    "rev.brief_help": ("中文简报:主要指标表、未达标目标及所需速度、情景对比、“十四五”速度对比、图表和规划数据核查。",
                       "A Chinese brief: the main target table, misses with the pace each needs, scenarios "
                       "compared, the 14th-plan pace, charts and the plan audit."),
    "rev.col.name": ("指标", "Indicator"), "rev.col.period": ("时期", "Period"), "rev.col.past_bound": ("界限", "Bound"),
    "rev.col.past_pace": ("过去速度", "Past pace"), "rev.col.needed_pace": ("所需速度", "Needed pace"),
    "rev.col.pace_unit": ("速度单位", "Pace unit"), "rev.col.ratio": ("所需/过去", "Needed/past"),
    "rev.col.ratio_alternatives": ("其他理解下", "Other readings"), "rev.col.unit": ("单位", "Unit"), "rev.col.measure": ("表述", "Statement"),
    "rev.col.value": ("数值", "Value"), "rev.col.reading": ("理解", "Reading"), "rev.col.bound": ("界限", "Bound"),
    "rev.col.start_year": ("起始年", "Start year"), "rev.col.start_level": ("起始水平", "Start level"),
    "rev.col.end_level": ("终止水平", "End level"), "rev.col.pace": ("年均速度", "Average pace"), "rev.col.why": ("说明", "Why not known"),
    "rev.col.check": ("核对项", "Check"), "rev.col.stated": ("报告值", "Stated"), "rev.col.engine": ("模型值", "Engine"),
    "rev.col.difference": ("差", "Difference"), "rev.col.reproduced": ("一致", "Reproduced"), "rev.col.as_of": ("观测年", "Year"),
    "rev.col.actual": ("实际值", "Actual"), "rev.col.goal": ("目标水平", "Goal"), "rev.col.elapsed_share": ("时间进度(%)", "Time elapsed (%)"),
    "rev.col.covered_share": ("任务进度(%)", "Distance covered (%)"), "rev.col.progress": ("进度比", "Progress"),
    "rev.col.achieved_pace": ("已实现速度", "Achieved pace"), "rev.col.required_pace": ("今后所需速度", "Pace now required"),
    "rev.col.verdict": ("判断", "Verdict"),
    "rev.reading.used": ("采用", "used"), "rev.reading.alternative": ("另一理解", "other reading"),
    "rev.verdict.ahead": (VERDICT_ZH["ahead"], "ahead"), "rev.verdict.on_track": (VERDICT_ZH["on_track"], "on track"),
    "rev.verdict.behind": (VERDICT_ZH["behind"], "behind"), "rev.verdict.no_data": (VERDICT_ZH["no_data"], "no data"),
    "rev.why.ends": ("该时期截至{end}年,而非基期{base}年", "the period ends in {end}, not the base year {base}"),
    "rev.why.index": ("报告未给出{base}年总量(基期为指数),无法由“增加量”推出水平或速度",
                      "the {base} level is not reported (the baseline is an index), so a change in the unit "
                      "cannot give a level or a rate"),
    "rev.why.unknown": ("{base}年水平未知", "the {base} level is not known"),
    "rev.why.no_pace": ("该表述不能确定一个不变的年均速度", "the statement does not determine a constant pace"),
    "rev.why.other": ("无法推算", "cannot be derived"),
}
