"""Texts of the annual monitoring tab of the review page (年度监测, :mod:`ui.monitor`):
key → (Chinese, English). The Chinese band, warning and attribute words are the engine's own."""

from sim.io.attribute import ATTRIBUTE_ZH
from sim.review.midterm import VERDICT_EN, VERDICT_ZH
from sim.review.monitor import WARNING_EN, WARNING_ZH

TEXT = {
    "mon.heading": ("年度监测", "Annual monitoring"),
    "mon.year": ("监测年份", "Monitoring year"),
    "mon.attr": ("指标属性(约束性/预期性)", "Indicator attributes (binding / expected)"),
    "mon.binding": ("约束性指标", "Binding (约束性) indicators"),
    "mon.attr_help": ("报告未载明属性,文件中按国家规划惯例假定:资源、环境、安全类为约束性,经济类为预期性。"
                      "在此调整只影响本页和下载的报告;长期修改请改规划数据文件。",
                      "The report names no attributes; the plan file assumes the national plans' convention "
                      "(resource, environment and security indicators binding, economic ones expected). Changes "
                      "here apply to this page and the downloaded report; edit the plan file to keep them."),
    "mon.intro": ("序时进度:按不变速度从基期走到2030年目标时当年应达到的水平。完成情况=实际完成的距离÷序时进度要求的距离;"
                  "≥{ahead}%为快于预期,{behind}%–{ahead}%为基本符合预期,低于{behind}%为滞后于预期,已达到目标为提前实现。"
                  "滞后的约束性指标为红色预警,其余滞后指标为黄色预警。",
                  "Scheduled level (序时进度): where the indicator should be this year on the constant-pace path "
                  "to its 2030 target. Completion = distance covered ÷ distance scheduled: ≥ {ahead}% ahead, "
                  "{behind}–{ahead}% broadly on schedule, below {behind}% behind; a reached target is achieved "
                  "early. A binding indicator behind schedule is a red warning, any other a yellow one."),
    "mon.achieved": ("提前实现", "Achieved early"), "mon.ahead": ("快于预期", "Ahead"),
    "mon.on_track": ("基本符合预期", "On schedule"), "mon.behind": ("滞后于预期", "Behind"),
    "mon.red": ("红色预警", "Red warnings"), "mon.yellow": ("黄色预警", "Yellow warnings"),
    "mon.summary_en": ("{n}项主要指标中,{ok}项进度符合或快于序时进度,{behind}项滞后,其中约束性指标{binding}项;"
                       "{missing}项暂无数据。", "Of {n} main indicators, {ok} are on or ahead of schedule and {behind} "
                       "behind ({binding} of them binding); {missing} have no data yet."),
    "mon.next": ("下一年度需达到(回到序时进度)", "Next year: what gets each indicator back on its path"),
    "mon.next_help": ("“需增长(增加)”使下一年回到序时进度;“至目标年年均需”为从最近实际年起如期实现目标的不变速度;"
                      "“情景速度”为当前情景对下一年的假设。",
                      "'Needed next year' puts the indicator back on its path next year; 'steady pace' is the constant "
                      "pace from the last actual year that meets the target on time; 'scenario' is what the current "
                      "scenario assumes for next year."),
    "mon.docx": ("生成Word报告", "Make the Word report"),
    "mon.docx_download": ("下载Word报告(.docx)", "Download the Word report (.docx)"),
    "mon.source_app": ("在本应用中录入", "entered in the app"),
    "mon.docx_help": ("年度监测(监测年份为2028年时为中期评估)报告:总体情况、主要指标完成情况表、预警及下一年度要求、假定数值清单。",
                      "The annual monitoring report (the mid-term review when the year is 2028): summary, the main "
                      "indicator table, warnings with next year's requirement, and the assumed numbers."),
    "mon.col.name": ("指标", "Indicator"), "mon.col.binding": ("属性", "Attribute"), "mon.col.as_of": ("观测年", "Year"),
    "mon.col.actual": ("实际值", "Actual"), "mon.col.scheduled": ("序时进度", "Scheduled"),
    "mon.col.completion": ("完成情况(%)", "Completion (%)"), "mon.col.verdict": ("评估结论", "Assessment"),
    "mon.col.warning": ("预警", "Warning"), "mon.col.required_pace": ("至目标年年均需", "Steady pace needed"),
    "mon.col.pace_unit": ("速度单位", "Pace unit"), "mon.col.unit": ("单位", "Unit"), "mon.col.next_year": ("下一年", "Next year"),
    "mon.col.need_level": ("需达到", "Level needed"), "mon.col.need_pace": ("需增长(增加)", "Needed next year"),
    "mon.col.steady_pace": ("至目标年年均需", "Steady pace needed"), "mon.col.scenario_pace": ("情景速度", "Scenario"),
    **{f"mon.verdict.{v}": (VERDICT_ZH[v], VERDICT_EN[v]) for v in VERDICT_ZH},
    **{f"mon.warning.{w}": (WARNING_ZH[w], WARNING_EN[w]) for w in WARNING_ZH if w},
    **{f"mon.attribute.{a}": (ATTRIBUTE_ZH[a], a) for a in ATTRIBUTE_ZH},
}
