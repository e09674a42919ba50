"""The Chinese wording of every input error and warning, by code: the twin of :mod:`sim.io.reasons`.

:data:`ZH` holds one Chinese template per code of :data:`sim.io.reasons.REASONS`, filled with the
same ``params``. It lives in the engine, beside the English, so that every output can word an
error or a warning in Chinese from its code: the app (``ui/texts/errors.py`` reads it from here),
the Chinese exports (the workbook's 警告 sheet, the target check's 警告 column) and anything else
that prints a reason. Nothing here translates an English sentence; a parameter ending in ``_en``
holds English words (a library's message) and no Chinese template shows it.
``tests/io/test_error_codes.py`` checks that both tables name the same parameters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: code → Chinese reason (``str.format`` template over the same parameters as the English one).
ZH: dict[str, str] = {
    # ---------------------------------------------------------------- files
    "unreadable": "无法读取文件",
    "too_big": "文件有 {size:,} 字节,超过上限 {limit:,} 字节",
    "too_big_read": "文件超过上限 {limit:,} 字节",
    "too_long": "文字有 {size:,} 个字符,超过上限 {limit:,}",
    "not_utf8": "文件不是UTF-8编码的文本",
    "too_deep": "表格或数组嵌套超过 {depth} 层",
    "not_toml": "不是有效的TOML格式",
    "not_toml_at": "不是有效的TOML格式(错误在第{line}行第{column}列)",
    "not_toml_end": "不是有效的TOML格式(错误在文件末尾)",
    "not_csv": "无法按CSV格式读取",
    "file_type": "不支持的文件类型“{suffix}”,请使用 {allowed}",
    "missing_columns": "缺少列 {columns}(应有 indicator、year、value 三列)",
    "duplicate_column": "列“{column}”出现了两次",
    "extra_fields": "有{n}个字段,而表头有{width}个(小数请用小数点:写6.5,不写6,5)",
    "missing_fields": "有{n}个字段,而表头有{width}个",
    "no_such_file": "找不到这个文件",
    "not_regular_file": "不是普通文件",
    "empty_file": "文件是空的",
    "binary_nul": "不是文本文件(含有空字节)",
    "binary_control": "不是文本文件(控制字符过多)",
    "not_decodable": "无法按UTF-8或GB18030编码读取这个文件",
    # ---------------------------------------------------------------- fields
    "not_table": "应为一个表",
    "unknown_key": "不认识的字段名(可用:{allowed})",
    "missing": "缺少必填项",
    "not_text": "应为非空文字",
    "not_choice": "“{value}”不是可选值之一({choices})",
    "not_integer": "应为整数",
    "not_bool": "应为 true 或 false",
    "not_tables": "应为表数组([[...]])",
    "not_texts": "应为文字或文字列表",
    "not_numbers": "应为数字列表",
    "wrong_type": "应为数字",
    "not_number": "“{value}”不是数字",
    "not_number_repr": "{value!r} 不是数字",
    "not_number_bare": "{value} 不是数字",
    "not_finite": "{value} 不是有限的数",
    "not_finite_repr": "{value!r} 不是有限的数",
    "not_year": "“{value}”不是年份",
    "not_year_key": "应为年份(如2026)",
    # ---------------------------------------------------------------- plan file: indicators
    "bad_id": "指标代码“{id}”只能由英文字母、数字和下划线组成",
    "duplicate_id": "指标代码“{id}”重复",
    "no_indicators": "规划中没有任何指标",
    "schema_version": "只支持第1版格式",
    "target_year_order": "目标年 {target_year} 应晚于基期年 {base_year}",
    "horizon_range": "模拟终止年 {horizon} 应在目标年 {target_year} 到 {last} 之间",
    "horizon_year": "{horizon} 应为 {first} 到 {last} 之间的年份",
    "baseline_outside_domain": "基期值 {value:g} 超出该指标可能的取值范围 {domain}(单位:{unit})",
    "target_outside_domain": "目标值 {value:g} 超出该指标可能的取值范围 {domain}",
    "baseline_not_positive": "按增速复合增长的指标,基期值 {value} 必须为正数",
    "derived_no_trend": "推算指标没有驱动因素,因此不能设定趋势速度",
    "derived_no_driver": "推算指标没有驱动因素",
    "growth_impossible": "增速 {value}% 不可能(必须高于 −100%)",
    "growth_target_overflow": "每年增长 {value:g}% 至{year}年将超出有限数值范围",
    "history_off_scale": "{value:g}({measure})推出的起始水平与基期水平 {base:g} 相差过大,无法计算增速",
    "history_not_finite": "{value:g} 按{start}–{end}年回推将超出有限数值范围",
    "points_impossible": "每年变动 {value} 个百分点,对百分比指标不可能",
    "domain_empty": "取值范围 [{low:g}, {high:g}] 是空的",
    "domain_percent": "百分比指标的取值范围 [{low:g}, {high:g}] 必须在 [0, 100] 之内",
    "derived_only": "只有推算指标才能设定“{name}”",
    "no_inputs": "推算指标至少需要一个构成指标",
    "two_inputs": "“{op}”需要恰好两个构成指标,现有 {n} 个",
    "share_unit": "占比是百分比,单位必须为 %",
    "driver_range_empty": "驱动因素范围 [{low}, {high}](步长 {step})是空的",
    "number_needs_quote": "报告数据(reported)需要给出报告原文(quote)",
    "number_needs_formula": "推算数据(derived)需要给出计算公式(formula)",
    "number_needs_reason": "假设数据(assumed)需要说明理由(reason)",
    "reason_zh_alone": "中文理由(reason_zh)是理由(reason)的译文,请同时给出理由",
    "attribute_needs_quote": "报告所载的指标属性需要给出规划原文(quote)",
    "attribute_needs_reason": "假设的指标属性需要说明理由(reason)",
    "target_year_outside": "{year}年不在模拟期 {first}–{last} 年之内",
    "cumulative_not_flow": "累计目标只适用于年度流量指标",
    "growth_kind": "增速目标只适用于按增速复合增长或推算的指标,不适用于“{dynamic}”",
    "hold_growth": "“保持”(hold)只适用于总量目标,不适用于增速",
    "history_period": "时期 {start}–{end} 年应在基期年 {base_year} 年或之前结束",
    "unknown_input": "没有代码为“{name}”的指标",
    "unknown_indicator_known": "没有代码为“{name}”的指标(可用:{known})",
    "own_input": "推算指标之间形成循环:一个指标不能是它自己的构成指标",
    "derived_cycle": "推算指标之间形成循环:{cycle}",
    "sum_units": "求和的构成指标应与合计同一单位 {unit},现为 {units}",
    "zero_denominator": ("分母“{denominator}”可能为0(它是“{dynamic}”类指标,取值范围从 {low:g} 起),"
                         "“{name}”可能变为无穷大;请改用按增速复合增长的指标作分母,或把分母的 domain.min 设为大于0"),
    "review_ahead": "{value} 应不小于1(1表示恰好符合序时进度)",
    "review_behind": "{value} 应大于0且不超过1(1表示恰好符合序时进度)",
    "review_red": "{value} 应大于0且不超过 behind({behind})",
    "negative": "{value} 不能为负数",
    # ---------------------------------------------------------------- plan file: links
    "deflator_not_compound": "“{name}”不是规划中按增速复合增长的指标,不能作平减指数",
    "linked_twice": "“{name}”被联动了两次",
    "deflator_linked": "平减指数不能随其他指标联动",
    "link_not_compound": "“{name}”不是规划中按增速复合增长的驱动因素(只有增速才能随增速联动)",
    "link_input_unknown": "“{name}”不是规划中的另一个指标",
    "link_input_additive": "“{name}”按每年增加量变动,不是按增速",
    "link_price_basis": "“{input}”与“{name}”的价格口径不同(实际值、名义值或实物量),请设定 links.deflator",
    "link_elasticities": "应为 {n} 个数字组成的列表,每个构成指标一个",
    "link_needs_formula": "推算的联动需要给出计算公式和报告原文",
    "link_needs_reason": "假设的联动需要说明理由",
    "balance_not_sum": "“{name}”不是规划中的推算合计指标",
    "balance_not_part": "“{part}”不是“{name}”的构成驱动因素",
    "link_cycle": "联动关系形成循环:{cycle}",
    "within_part": "“{name}”不能设为某个总量的组成部分:组成部分须是自身有驱动因素、且不被任何推算指标或联动读取的指标",
    "within_own_part": "“{name}”由“{part}”推算而来,不能作为它的上限",
    "within_index": "“{name}”只有指数(基期=100),没有总量,无法与其组成部分比较",
    "within_scale": "{value:g} 应为有限的正数",
    "within_baseline": "“{name}”的基期值 {value:g} 超过其总量“{whole}”所允许的 {limit:g}",
    # ---------------------------------------------------------------- scenarios and actuals
    "no_file": "找不到这个情景文件",
    "unknown_scenario": "没有这个情景(可用:{available})",
    "parent_cycle": "上级情景互相引用,形成循环:{cycle}",
    "parent_missing": "找不到上级情景“{parent}”",
    "parent_not_shipped": "上级情景“{parent}”既不是内置情景({shipped}),也不是本次会话上传的情景",
    "parent_lookup": "这里无法查找上级情景“{parent}”",
    "bad_driver": "“{value}”既不是数字、列表或表,也不是 {rules} 之一",
    "empty_list": "空列表没有设定任何年份",
    "empty_table": "空表没有设定任何年份",
    "derived_driver": "“{key}”由其他指标推算,没有自己的驱动因素;请设定其构成指标({inputs})",
    "unknown_indicator": "没有代码为“{key}”的指标",
    "unknown_actual": "没有代码为“{key}”的指标(可用:{known})",
    "derived_actual": "“{key}”由其他指标推算,请录入其构成指标({inputs})的实际值",
    "too_many_years": "给了 {n} 个年度值,但模拟期只有 {years} 年",
    "year_outside": "{year}年不在模拟期 {first}–{last} 年之内",
    "year_outside_period": "{year}年不在规划期 {first}–{last} 年之内",
    "not_positive": "“{key}”的值 {value} 应为正数",
    "ratio_off_scale": "{value:g} 与基期水平 {base:g}{unit} 相差过大,无法计算“{key}”的增速",
    "outside_domain": "{value:g} 超出“{key}”可能的取值范围 {domain}(单位:{unit})",
    "off_index": ("{value:g} 不在指数口径上:“{key}”在报告中没有总量,按指数(基期={base:g})推算,"
                  "请按同一指数录入(应在 {low:.3g} 到 {high:.3g} 之间),而不是按{unit}录入"),
    "duplicate_value": "“{key}”在{year}年有两个值",
    "path_outside_domain": "按此设定,“{indicator}”将在{year}年达到{value:,.6g}{unit},超出其可能的取值范围{domain}",
    "path_not_finite": "按此设定,“{indicator}”将在{year}年变为无穷大或无意义的数值",
    "total_not_finite": "按此设定,“{indicator}”自{first}年起的累计值到{year}年将变为无穷大",
    "far_outside_range": "{value:g}{unit} 远在规划对“{name}”设定的范围({low:g} 至 {high:g})之外,请确认是否有意如此",
    "derived_outside_domain": ("按此设定,“{indicator}”(由 {inputs} 推算)将在{year}年达到{value:,.6g}{unit},"
                               "超出其可能的取值范围{domain}"),
    "part_over_whole": ("按此设定,“{indicator}”将在{year}年达到{value:,.6g}{unit},超过其总量“{whole}”所允许的"
                        "{limit:,.6g}{unit}:部分不能大于总量"),
    "actual_over_whole": ("“{key}”{year}年的实际值 {value:g}{unit} 超过同年总量“{whole}”实际值所允许的 {limit:g}{unit}:"
                          "部分不能大于总量"),
    "derived_not_finite": "按此设定,“{indicator}”(由 {inputs} 推算)将在{year}年变为无穷大或无意义的数值",
    # ---------------------------------------------------------------- uncertainty: spreads, correlations
    "scale_too_big": "{value:g} 超过最大倍数 {limit:g}",
    "persistence_range": "{value} 应在0(各年相互独立)到1(整条路径同一偏差)之间",
    "derived_spread": "“{name}”由其他指标推算,没有自己的驱动因素;请设定其构成指标({inputs})",
    "unknown_spread": "没有代码为“{name}”的驱动因素;请使用驱动因素代码,或 {settings} 之一",
    "sd_and_bounds": "标准差(sd)与上下限(low/high)只能给出一种",
    "normal_needs_sd": "正态分布需要标准差(sd)",
    "uniform_peak": "只有三角分布才有峰值(peak)",
    "high_below_low": "上限 {high:g} 应高于下限 {low:g}",
    "peak_outside": "峰值 {peak:g} 应在下限 {low:g} 与上限 {high:g} 之间",
    "correlation_value": "{value!r} 不是 −1 到 1 之间的相关系数",
    "correlation_twice": "{a} 与 {b} 被给了两个相关系数({first:g},见 {where};以及 {second:g})",
    "correlation_shape": "应为 {n}×{n} 的数字矩阵,drivers 中每个驱动因素一行",
    "correlation_listed_twice": "有驱动因素被列了两次",
    "correlation_pairs": "应为 [驱动因素, 驱动因素, 相关系数] 组成的列表",
    "correlation_pair": "应为 [驱动因素, 驱动因素, 相关系数]",
    "correlation_self": "驱动因素“{name}”与自身总是完全相关",
    "derived_correlated": "“{name}”由其他指标推算,没有自己的驱动因素;请对其构成指标({inputs})设定相关",
    "unknown_driver": "没有代码为“{name}”的驱动因素",
    "correlation_square": "相关矩阵必须是方阵,现为 {shape}",
    "correlation_range": "{a} 与 {b} 的相关系数 {value:g} 超出 [−1, 1]",
    "correlation_diagonal": "对角线必须为1({a} 为 {value:g})",
    "correlation_asymmetric": "{a} 与 {b} 的相关系数前后不一致(矩阵不对称):{a}–{b} 为 {ab:g},{b}–{a} 为 {ba:g}",
    "correlation_impossible": ("这些相关系数不能同时成立(相关矩阵不是半正定的,最小特征值 {eigenvalue:.3g}),"
                               "请减弱其中一些"),
    # ---------------------------------------------------------------- arguments
    "whole_at_least": "{value!r} 应为不小于 {least} 的整数",
    "draws_overflow": "“{indicator}”的抽样值可能超过蒙特卡洛模拟(单精度)所能表示的最大数 {limit:.3g}",
    "not_scenario": "应为情景、情景名称、标题或文件路径",
    "draws_limit": "{value:,} 超过上限 {limit:,}:超过后每个概率的标准误已低于0.000016,而运行需要数小时",
    "keep_memory": "保留 {value:,} 次抽样需要 {gib:,.1f} GiB({size:,} 字节),超过上限 {limit_gib:g} GiB;最多保留 {most:,} 次",
    "probability_open": "{value} 应严格介于0与1之间",
    "year_outside_plan": "{year}年不在规划期 {first}–{last} 年之内",
    "no_actuals": "没有实际值:请用 --actuals FILE 给出,或选择带有 [actuals] 表的情景",
    "not_date": "“{value}”不是日期(应如 2026-03-01)",
    "one_scenario_docx": "Word 监测报告只针对一个情景,请只给一个",
    "year_outside_projection": "{year}年不在模拟期 {first}–{last} 年之内",
    "at_least_one_scenario": "请至少给出一个情景",
    "brief_format": "“{value}”不是 pdf 或 html",
    # ---------------------------------------------------------------- writing files
    "must_end_in": "文件名应以 {suffix} 结尾",
    "would_overwrite_report": "会覆盖报告原文件",
    "no_folder": "文件夹“{folder}”不存在",
    "unwritable": "无法写入",
    "no_cjk_font": "没有安装中文字体,PDF无法显示中文;请安装(Debian/Ubuntu: apt-get install fonts-noto-cjk)或改为输出 .html",
    # ---------------------------------------------------------------- drafting a plan from a report
    "draft_empty": "报告中没有找到任何带2025年数值、2030年目标或2026年目标的指标",
}


#: The reason given when a code has no Chinese template (an uncoded error from code outside the
#: engine, or a raise site newer than this table): a plain sentence, never the English reason.
GENERIC = "该值无法使用,请检查后重试"


def render_zh(code: str, params: Mapping) -> str:
    """The Chinese reason of ``code`` with ``params`` filled in, or :data:`GENERIC` when the code
    has no Chinese template or its parameters do not fill it."""
    try:
        # format_map, not a keyword call: a parameter may be named "key" or "self"
        return ZH[code].format_map(params)
    except (KeyError, IndexError, ValueError):
        return GENERIC


def field_zh(field: str) -> str:
    """A field as a Chinese reader sees it: ``line 3.value`` → ``第3行.value``, ``header`` → ``表头``;
    the keys of a file stay as they are typed."""
    return re.sub(r"^line (\d+)", r"第\1行", field).replace("header", "表头") if field else ""


def message_zh(source: str, field: str, code: str, params: Mapping) -> str:
    """One Chinese line ``文件:字段:原因`` (ASCII colons, no spaces), the twin of the English
    ``file: field: reason``; an input typed into the app (source ``""`` or ``"app"``) names no file."""
    reason, where = render_zh(code, params), field_zh(field)
    if source in ("", "app"):
        return f"{where}:{reason}" if where else reason
    return f"{source}:{where}:{reason}" if where else f"{source}:{reason}"
