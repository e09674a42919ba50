"""What the drafter writes in words, in English and Chinese side by side: one pair per code.

Every sentence a drafted plan or its review carries — why a number was dropped (a candidate's
``reason`` / ``reason_zh``), a note on an indicator or a 十四五 statement (``note`` /
``note_zh``), why a placeholder baseline was chosen (``reason`` / ``reason_zh``) — is made here
by :func:`twin` from a code and its values, so the two languages are written together and
say the same thing with the same numbers. Neither is a translation of the other at run time.

A template's values are formatted the same way in both languages, except the codes listed in
:data:`VALUE_ZH` (a reading such as ``growth``, a role such as ``target``), which the Chinese
sentence shows in words.
"""

from __future__ import annotations

#: code → (English, Chinese) template over the same values.
TEXTS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ why a candidate number was dropped
    "refers_year": ("refers to {year}, not a year the plan file holds", "指{year}年,不是规划文件所含的年份"),
    "table_row": ("in a row of a table pasted as text, whose columns (years, growth) are not told apart",
                  "位于转成文字的表格行中,未区分各列(年份、增速)"),
    "no_year_section": ("outside the parts of the report that set a year (review, goals, tasks)",
                        "不在报告中确定年份的部分(工作回顾、规划目标、年度任务)之内"),
    "goals_reading": ("read as '{reading}' in the goals, not a level or growth rate",
                      "在规划目标部分读作“{reading}”,既不是水平值也不是增速"),
    "past_reading": ("read as '{reading}' in the past-year review, neither a level nor a growth rate",
                     "在上年工作回顾中读作“{reading}”,既不是水平值也不是增速"),
    "bound": ("a bound (迈上/突破/以上/以内), not the level reached", "是一个界限(迈上/突破/以上/以内),不是达到的水平"),
    "plan14_reading": ("read as '{reading}' in the 十四五 record, which the plan format cannot hold",
                       "在“十四五”成就部分读作“{reading}”,规划文件的格式无法容纳"),
    "no_name": ("no indicator is named before the number", "数字前没有指标名称"),
    "unpaired": ("the names ({noun}) and the {n} values do not pair up", "指标名称({noun})与{n}个数值无法一一对应"),
    "share_of_unit": ("a percentage said of an indicator measured in {unit}", "这个百分数说的是以{unit}计量的指标"),
    "no_convert": ("{unit} does not convert to {to}, the unit of {name}", "{unit}无法换算为{name}的单位{to}"),
    "another_baseline": ("another 2025 level was used (candidate {no})", "已采用另一个2025年数值(候选{no})"),
    "pace_unused": ("a 2025 pace this indicator's dynamic does not use", "该指标的变化方式用不到这种2025年速度"),
    "another_pace": ("another 2025 pace was used", "已采用另一个2025年速度"),
    "duplicate_goal": ("candidate {no} gives this {role} for {year} ({reading})",
                       "候选{no}已给出{year}年的这一{role}({reading})"),
    "since_other_year": ("a change counted from {year}, not from the 2025 level the plan's goals start from",
                         "自{year}年起计算的变化,不是从规划目标所依据的2025年数值起算"),
    "outside_lexicon": ("indicator outside the lexicon without a 2030 target", "指标不在词表中,且没有2030年目标"),
    "one_year_task": ("a one-year task: no 2025 level, 2030 target or trend to tie it to",
                      "一年期任务:没有可与之衔接的2025年数值、2030年目标或趋势速度"),
    "rejected": ("rejected at review", "审核时未采用"),
    "nothing_checkable": ("no 2025 level, 2030 target or checkable 2026 milestone",
                          "没有2025年数值、2030年目标或可检查的2026年目标"),
    "not_percentage": ("{value} is not a percentage between 0 and 100", "{value} 不是0到100之间的百分数"),
    "history_unheld": ("a 十四五 statement the plan format cannot hold", "规划文件的格式无法容纳的“十四五”表述"),
    "addition_no_level": ("an addition with no 2025 level to add it to", "新增量没有可以加上的2025年数值"),
    "change_unit": ("a change in a unit other than percentage points, on a percentage",
                    "百分比指标的变动量不是以百分点计"),
    "nothing_left": ("nothing left to check: no 2025 level and no goal", "没有可检查的内容:既无2025年数值,也无目标"),
    "not_needed": ("not needed by the plan file", "规划文件用不到"),
    "goal_outside_unit": ("{value:g} {unit} is outside what the unit can be", "{value:g}{unit}超出该单位可能的取值"),
    "level_outside_unit": ("the 2025 level {value:g} {unit} is outside what the unit can be",
                           "2025年数值{value:g}{unit}超出该单位可能的取值"),
    "level_not_positive": ("the 2025 level {value:g} {unit} cannot be grown from: a misread number",
                           "2025年数值{value:g}{unit}无法作为增长的基数,应是误读的数字"),
    "table_cell": ("a table cell not read (another year, a unit or a form the rules do not know): {cell}",
                   "未读取的表格单元格(其他年份、未知单位或写法):{cell}"),
    # ------------------------------------------------------------ why a goal stated in words has no number
    "words_in_step": ("a goal in words (in step with economic growth): it names no number to check",
                      "文字表述的目标(与经济增长同步),没有可检查的数值"),
    "words_double_digit": ("double-digit growth (10 % or more), but the report does not say over which years",
                           "双位数增长(10%及以上),但报告未说明按哪些年份计算"),
    "words_set_above": ("the figure is the one a higher level sets, which the report does not print",
                        "数值由上级下达,报告未列出"),
    "words_relative": ("a goal relative to another indicator's pace, without a number of its own",
                       "相对于另一指标速度的目标,本身没有数值"),
    "words_new_level": ("a new level (迈上新台阶) in words, without the figure it means",
                        "文字表述的新台阶(迈上新台阶),没有给出对应的数值"),
    "words_direction": ("a direction in words (a new level, steady, rising), without a number",
                        "文字表述的方向(迈上新台阶、保持稳定、持续提升),没有数值"),
    # ------------------------------------------------------------ notes on an indicator or a statement
    "not_in_lexicon": ("Not in the lexicon: check the name, the unit and the generated id.",
                       "不在词表中:请核对名称、单位和自动生成的指标代码。"),
    "topic": ("The name was completed from the subject of the sentence.", "指标名称由句子的主语补全。"),
    "pair": ("Read from a compressed pair (城乡…, 奶肉牛…), in the order written.",
             "从合写的一对指标(城乡…、奶肉牛…)中按书写顺序读出。"),
    "about": ("左右 (about) is written as at_least.", "“左右”按“不低于”写入。"),
    "aspirational": ("Some numbers are aspirations (力争).", "部分数字是争取达到的目标(力争)。"),
    "estimate": ("Some 2025 figures are estimates (预计): replace them with the final statistics.",
                 "部分2025年数字是预计数(预计):请以最终统计数据替换。"),
    "converted": ("Converted from the unit as written: {written:g}{unit_written} = {value:g}{unit}.",
                  "已从原文单位换算:{written:g}{unit_written} = {value:g}{unit}。"),
    "range": ("A range ({low:g}–{high:g}) is written as its lower end.", "区间({low:g}–{high:g})按下限写入。"),
    "sum_of_parts": ("The sum of its parts, which the report gives separately.", "由报告分别给出的各构成部分相加。"),
    "two_readings": ("增长{times:g}倍 has two readings: grew by {times:g} times (×{used:g}, used) or to {times:g} "
                     "times (×{other:g}).",
                     "“增长{times:g}倍”有两种读法:增长了{times:g}倍(×{used:g},采用)或增长到{times:g}倍(×{other:g})。"),
    # ------------------------------------------------------------ why a placeholder baseline was chosen
    "ph_growth_index": ("The report gives no 2025 level of {name}, only growth goals. The index 2025 = 100 lets "
                        "them be checked.",
                        "报告没有给出{name}的2025年数值,只有增速目标。以指数(2025年 = 100)作基期,以便检查这些目标。"),
    "ph_flow": ("The report gives no 2025 value of {name}. The yearly value is the cumulative target spread "
                "evenly: {total:g} / {years}.",
                "报告没有给出{name}的2025年数值。年度值按累计目标平均分摊:{total:g} / {years}。"),
    "ph_backcast": ("The report gives no 2025 level of {name}. It is back-cast from the {first} milestone at the "
                    "constant pace that joins it to the {last} target: {how}.",
                    "报告没有给出{name}的2025年数值。按{first}年目标到{last}年目标之间的不变速度,由{first}年目标倒推:{how}。"),
    "ph_index": ("The report gives no 2025 level of {name}; an index 2025 = 100 stands in.",
                 "报告没有给出{name}的2025年数值,以指数(2025年 = 100)代替。"),
    "ph_bound": ("The report gives no 2025 level of {name}, only a bound it kept in 2025: {value:g} {unit} (see the "
                 "quote). The bound is used.",
                 "报告没有给出{name}的2025年数值,只给出当年守住的界限{value:g}{unit}(见原文),采用该界限值。"),
    "ph_hold": ("The report gives no 2025 level of {name}. To keep it at (保持/稳定在) {value:g} implies it is "
                "about there now, so that is used.",
                "报告没有给出{name}的2025年数值。“保持/稳定在”{value:g}意味着目前大致处于这一水平,因此采用该值。"),
    "ph_cap": ("The report gives no 2025 level of {name}. Its cap ({value:g} {unit}) is used.",
               "报告没有给出{name}的2025年数值。采用其上限({value:g}{unit})。"),
    "ph_back_clause": ("The report gives no 2025 level of {name}. It is back-cast from the {year} milestone at "
                       "its growth in the same clause: {how}.",
                       "报告没有给出{name}的2025年数值。按同一分句中的增速,由{year}年目标倒推:{how}。"),
    "ph_back_trend": ("The report gives no 2025 level of {name}. It is back-cast from the {year} milestone at "
                      "the 2025 growth the report gives: {how}.",
                      "报告没有给出{name}的2025年数值。按报告给出的2025年增速,由{year}年目标倒推:{how}。"),
    "ph_band_points": ("The report gives no 2025 level of {name}. {value:g} is 1 point below the goal of "
                       "{goal:g}, the edge of the at-risk band.",
                       "报告没有给出{name}的2025年数值。{value:g}比目标{goal:g}低1个百分点,即“临界”区间的边缘。"),
    "ph_band_share": ("The report gives no 2025 level of {name}. {value:g} is 2 % below the goal of {goal:g}, "
                      "the edge of the at-risk band.",
                      "报告没有给出{name}的2025年数值。{value:g}比目标{goal:g}低2%,即“临界”区间的边缘。"),
    "ph_replace": ("It is a placeholder, not a statistic: replace it with the official 2025 figure.",
                   "这是占位数,不是统计数据:请以官方2025年数据替换。"),
    "entered": ("Entered at review: the 2025 figure the report does not print.", "审核时录入:报告未列出的2025年数据。"),
    "entered_from": ("Entered at review from {source}: the 2025 figure the report does not print.",
                     "审核时录入(来源:{source}):报告未列出的2025年数据。"),
}

#: Values shown in words in Chinese: how a number was read, and a goal's role.
VALUE_ZH: dict[str, dict[str, str]] = {
    "reading": {"level": "水平值", "share": "比重", "growth": "增速", "decline": "下降幅度", "increment": "新增量",
                "change": "变动量", "multiple": "倍数", "grew_times": "增长倍数", "average_change": "年均变动量",
                "total": "累计量", "start_level": "起始水平", "threshold": "界限值", "words": "文字表述",
                "": "未识别"},
    "role": {"target": "规划目标", "milestone": "年度目标"},
}


def twin(code: str, **values) -> tuple[str, str]:
    """(English, Chinese) of ``code`` filled with ``values``.

    Raises
    ------
    KeyError
        An unknown code, or a value its templates need and were not given (a mistake here).
    """
    en, zh = TEXTS[code]
    shown = {k: VALUE_ZH[k].get(v, v) if k in VALUE_ZH else v for k, v in values.items()}
    return en.format_map(values), zh.format_map(shown)


def joined(pairs: list[tuple[str, str]]) -> tuple[str, str]:
    """Several sentences as one text in each language (English with spaces, Chinese without)."""
    return " ".join(en for en, _ in pairs), "".join(zh for _, zh in pairs)
