"""Chinese (default) and English labels for every text the app shows.

``t("board.title")`` returns the text in the language chosen in the sidebar
(``st.session_state["lang"]``: ``"zh"`` or ``"en"``); keyword arguments fill ``{...}``
placeholders. An unknown key comes back as the key itself, so a missing label is visible
but never breaks a page. Other pages may add their own texts with :func:`add_texts`.
"""

from __future__ import annotations

from sim.report.labels import AREA, BASIS, DIRECTION, KIND, STATUS

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

#: Status marks that render with the fonts of a bare Linux desktop as well as Windows and macOS
#: (the engine's emoji need a colour-emoji font, which many machines lack).
ICON = {"met": "✔", "at_risk": "⚠", "missed": "✖"}

#: key → (Chinese, English)
TEXT: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ app and sidebar
    "app.title": ("甘州区“十五五”规划目标模拟", "Ganzhou 15th Five-Year Plan: target simulator"),
    "nav.board": ("总览", "Overview"),
    "col.probability": ("达成概率", "P(met)"),
    "board.show_prob": ("显示达成概率(蒙特卡罗模拟2万次)", "Show probability of meeting (20,000-draw Monte Carlo)"),
    "board.prob_help": ("按当前情景及其不确定性设置模拟2万次,种子固定为0。很可能 ≥80%;可能 50–80%;"
                        "有风险 20–50%;不太可能 <20%。详细设置见“不确定性”页。",
                        "20,000 draws of the current scenario with its uncertainty settings, seed 0. "
                        "Likely ≥ 80%; about even 50–80%; at risk 20–50%; unlikely < 20%. "
                        "Settings and fan charts are on the Uncertainty page."),
    "board.prob_running": ("正在模拟达成概率…", "Simulating probabilities…"),
    "nav.assumptions": ("情景设置", "Assumptions"),
    "nav.indicator": ("指标", "Indicator"),
    "nav.compare": ("对比", "Compare"),
    "nav.export": ("导出", "Export"),
    "nav.uncertainty": ("不确定性", "Uncertainty"),
    "nav.review": ("回顾与评估", "Record and review"),
    "nav.audit": ("规划数据核查", "Plan audit"),
    "side.lang": ("语言 / Language", "语言 / Language"),
    "side.base": ("起点情景", "Starting scenario"),
    "side.base_help": ("选择一个已有情景作为起点。切换起点会清除滑块上的调整;已录入的实际值保留。",
                       "Pick a scenario to start from. Switching clears your slider changes; "
                       "actual values you entered are kept."),
    "side.current": ("当前情景", "Current scenario"),
    "side.changes": ("相对“{base}”调整了 {n} 项假设", "{n} assumptions changed from “{base}”"),
    "side.no_changes": ("速度假设与“{base}”相同", "Paces as in “{base}”"),
    "side.switched": ("已改用“{base}”为起点;原有的 {n} 项调整已清除。",
                      "Now starting from “{base}”; your {n} earlier changes were cleared."),
    "side.actuals": ("已录入实际值 {n} 个", "{n} actual values entered"),
    "side.link": ("当前情景已写入浏览器地址栏:复制链接发给同事,即可打开同样的假设。",
                  "The scenario is in the address bar: copy the link to send a colleague the same assumptions."),
    "error.unexpected": ("页面出现问题,未能完成计算:{msg}。请刷新页面;如仍出现,请把当前链接发给维护人员。",
                         "Something went wrong and the page could not finish: {msg}. Reload the page; "
                         "if it happens again, send the current link to the maintainers."),
    "error.input": ("输入有误:{msg}", "Input problem: {msg}"),
    # ------------------------------------------------------------------ URL notices
    "url.notice": ("链接中的部分参数未被采用,其余设置已打开:", "Some parameters in the link were not used; "
                   "the rest of the link was applied:"),
    "url.dismiss": ("知道了", "Dismiss"),
    "url.line": ("参数 {param}={value} 已忽略:{reason}", "Parameter {param}={value} ignored: {reason}"),
    "url.unknown_scenario": ("没有名为“{value}”的情景(可能已删除或改名),改用“{base}”",
                             "there is no scenario named “{value}” (deleted or renamed?); using “{base}”"),
    "url.bad_number": ("不是有效的数字", "not a valid number"),
    "url.wrong_length": ("应为1个数值(各年相同)或最多{n}个逐年数值(2026年起)",
                         "expected one number (every year) or up to {n} yearly numbers from 2026"),
    "url.out_of_range": ("数值超出允许范围({detail})", "value out of range ({detail})"),
    "url.unknown_param": ("当前规划数据中没有这个参数(链接过期或有误)",
                          "not a parameter of the current plan data (stale or mistyped link)"),
    "url.derived": ("该指标由其他指标合成,不能直接设置;请调整 {inputs}",
                    "this indicator is derived and cannot be set directly; set {inputs}"),
    "url.bad_year": ("年份应在 {first}–{last} 之间", "years must be within {first}–{last}"),
    "url.bad_actual": ("格式应为 年份:数值,如 2026:2480", "expected year:value, e.g. 2026:2480"),
    "url.bad_name": ("名称只能含字母、数字、- 和 _,最多40个字符",
                     "a name may contain letters, digits, - and _ only, at most 40 characters"),
    "url.bad_text": ("文字过长(最多200个字符)", "text too long (at most 200 characters)"),
    "url.bad_lang": ("语言只能是 zh 或 en", "language must be zh or en"),
    "url.invalid": ("这些参数合在一起无效:{detail}", "these parameters are invalid together: {detail}"),
    "range.growth_min": ("增速必须高于 −100%", "growth must be above −100%"),
    "range.points_max": ("每年变化不能超过100个百分点", "a percentage cannot move more than 100 points a year"),
    "range.percent": ("比例必须在 0–100 之间", "a percentage must be within 0–100"),
    "range.positive": ("必须大于0", "must be above 0"),
    "error.detail": ("{detail}", "{detail}"),
    "url.repeated": ("参数重复出现,只用了最后一个", "the parameter appears more than once; the last one was used"),
    # ------------------------------------------------------------------ statuses and common words
    "word.target": ("目标", "target"),
    "word.assumed_mark": ("⚑\u00a0含假设", "⚑\u00a0assumed"),
    "word.none": ("—", "—"),
    "word.unreachable": ("难以达到", "out of reach"),
    "word.already": ("已确定", "settled"),
    "word.current": ("当前", "current"),
    "word.scenario": ("情景", "Scenario"),
    "word.every_year": ("各年", "every year"),
    # ------------------------------------------------------------------ target descriptions
    "tgt.growth": ("年均增长 {dir} {v}", "avg growth {dir} {v}"),
    "tgt.level": ("{dir} {v}", "{dir} {v}"),
    "tgt.hold": ("各年 {dir} {v}", "every year {dir} {v}"),
    "tgt.cumulative": ("累计 {dir} {v}", "total {dir} {v}"),
    "tgt.projected_hold": ("{v}(最低)", "{v} (lowest)"),
    "tgt.projected_growth": ("年均 {v}", "avg {v}"),
    # ------------------------------------------------------------------ table columns
    "col.status": ("状态", "Status"),
    "col.indicator": ("指标", "Indicator"),
    "col.area": ("领域", "Area"),
    "col.target": ("目标", "Target"),
    "col.target_year": ("目标年", "Year"),
    "col.projected": ("预测值", "Projected"),
    "col.projected_2030": ("2030年预测", "Projected 2030"),
    "col.gap": ("差距", "Gap"),
    "col.gap_pct": ("差距(%)", "Gap (%)"),
    "col.assumed_pace": ("情景速度", "Assumed pace"),
    "col.required": ("所需速度", "Required pace"),
    "col.basis": ("依据", "Basis"),
    "col.unit": ("单位", "Unit"),
    "col.base": ("起点情景", "Starting scenario"),
    "col.now": ("当前", "Now"),
    "col.year": ("年份", "Year"),
    "col.value": ("数值", "Value"),
    "col.first_year": ("首次达到", "First reached"),
    "col.milestone": ("2026年度目标", "2026 milestone"),
    "help.status": ("✔ 达标:达到或超过目标;⚠ 临界:差距在容差内(增速0.5个百分点、比例1个百分点、其他2%);"
                    "✖ 未达标:差距超过容差。",
                    "✔ met: target reached; ⚠ at risk: short by no more than the tolerance (0.5 pp of "
                    "growth, 1 pp for percentages, 2% otherwise); ✖ missed: short by more."),
    "help.gap": ("正数表示超过目标,负数表示差距;增速和比例的差距单位为百分点。",
                 "Positive = target beaten, negative = short; for growth rates and percentages in "
                 "percentage points."),
    "help.assumed_pace": ("本情景从最近实际年到目标年的平均速度", "This scenario's average pace from the last "
                          "actual year to the target year"),
    "help.required": ("从最近实际年起,每年保持同一速度恰好达到目标所需的速度",
                      "The constant pace from the last actual year that reaches the target exactly"),
    "help.basis": ("⚑ 表示结论依赖报告未公布、暂按假设取值的数字(多为基期值),应以统计数据替换",
                   "⚑ means the verdict rests on a number the report does not give and that is assumed "
                   "for now (mostly a baseline); replace it with official statistics"),
    # ------------------------------------------------------------------ board
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
    "board.sort_plan": ("按规划顺序", "Plan order"),
    "board.sort_gap": ("按差距(差距最大的在前)", "By gap (furthest behind first)"),
    "board.only_problems": ("只看临界和未达标", "Only at risk and missed"),
    "board.milestones": ("2026年度目标", "2026 milestones"),
    "board.assumed_note": ("⚑ 表示结论依赖报告未公布、暂按假设取值的数字(多为2025年基期值),结论仅供参考,"
                           "应以统计部门数据替换。", "⚑ marks a verdict that rests on a number the report "
                           "does not give and that is assumed for now (mostly the 2025 baseline): treat it as "
                           "provisional until official statistics replace it."),
    "board.gap_note": ("差距为正表示超过目标。“情景速度”是本情景从最近实际年到目标年的平均速度,"
                       "“所需速度”是从最近实际年起每年同一速度恰好达到目标所需的速度。",
                       "A positive gap means the target is beaten. “Assumed pace” is this scenario's average "
                       "from the last actual year to the target year; “required pace” is the constant pace "
                       "from the last actual year that reaches the target exactly."),
    "board.empty": ("没有符合筛选条件的目标", "No target matches the filter"),
    "card.gdp": ("地区生产总值增速", "GRP growth"),
    "card.industrial_va": ("规上工业增加值增速", "Industrial value added growth"),
    "card.energy_capacity": ("综合能源装机规模", "Energy capacity"),
    "card.forest_grass_coverage": ("林草覆盖率", "Forest & grass cover"),
    "card.visitors": ("游客接待人次增速", "Tourist visits growth"),
    "card.urban_new_jobs": ("城镇新增就业(5年累计)", "New urban jobs (5-yr total)"),
    "card.delta": ("{gap} 相对目标", "{gap} vs target"),
    "card.target": ("{status} · 目标 {target}", "{status} · target {target}"),
    # ------------------------------------------------------------------ assumptions page
    "asm.title": ("情景设置", "Assumptions"),
    "asm.intro": ("拖动滑块或输入精确数值即可调整2026–2030年的速度,目标状态随即重新计算。"
                  "与起点情景不同的项目标有 ✎。", "Move a slider or type an exact number to set the "
                  "2026–2030 pace; every target is rechecked at once. Items that differ from the starting "
                  "scenario are marked ✎."),
    "asm.group.economy": ("经济", "Economy"),
    "asm.group.industry_energy": ("工业与能源", "Industry & energy"),
    "asm.group.agriculture": ("农业", "Agriculture"),
    "asm.group.ecology_water": ("生态与水", "Ecology & water"),
    "asm.group.tourism_consumption": ("文旅与消费", "Tourism & consumption"),
    "asm.group.livelihood": ("民生", "Livelihood"),
    "asm.group_pick": ("领域", "Area"),
    "asm.groups_changed": ("✎ 已调整的领域:{groups}", "✎ Areas with changes: {groups}"),
    "asm.gdp_all": ("三次产业统一增速(一步设定地区生产总值增速)", "One growth rate for all three sectors "
                    "(sets GRP growth in one step)"),
    "asm.gdp_implied_help": ("地区生产总值 = 一产 + 二产 + 三产增加值,其增速由三个产业的增速合成,随滑块实时更新。",
                             "GRP is the sum of the three sectors' value added; its growth follows their sliders live."),
    "asm.gdp_all_help": ("把一产、二产、三产增加值的增速设为同一数值;地区生产总值的增速随之等于该数值。",
                         "Sets primary, secondary and tertiary value added to the same growth rate; GRP then "
                         "grows at exactly that rate."),
    "asm.gdp_implied": ("地区生产总值年均增速", "GRP average growth"),
    "asm.gdp_target": ("{status} · 目标 年均 ≥ {target}", "{status} · target avg ≥ {target}"),
    "asm.base_value": ("起点:{v}", "start: {v}"),
    "asm.changed": ("✎ 已调整", "✎ changed"),
    "asm.path_note": ("逐年不同:{path}。拖动滑块会把各年设为同一数值。", "Varies by year: {path}. Moving the "
                      "slider sets every year to one value."),
    "asm.out_of_slider": ("当前值 {v} 超出滑块范围,请用右侧数值框调整。", "The value {v} is outside the "
                          "slider's range; use the number box."),
    "asm.exact": ("精确数值", "Exact value"),
    "asm.pace": ("速度({unit})", "Pace ({unit})"),
    "asm.per_year": ("逐年设置(2026–2030年)", "Year by year (2026–2030)"),
    "asm.per_year_intro": ("为需要逐年变化的指标设定每年的速度。", "Set a different pace for each year."),
    "asm.per_year_pick": ("指标", "Indicator"),
    "asm.reset_group": ("本组恢复为“{base}”", "Reset this group to “{base}”"),
    "asm.reset_all": ("全部恢复为“{base}”", "Reset everything to “{base}”"),
    "asm.diff_title": ("与起点情景“{base}”的不同", "Differences from “{base}”"),
    "asm.diff_none": ("各项速度假设与起点情景相同。", "Every pace is as in the starting scenario."),
    "asm.rejected": ("数值未采用:{detail}", "Value not applied: {detail}"),
    "asm.actuals_title": ("实际值(已公布的统计数据)", "Actuals (published statistics)"),
    "asm.actuals_intro": ("录入已公布的实际值(例如2026年统计公报数据)。预测从最近一个实际值起算,"
                          "所需速度也从该年算起。", "Enter published values (e.g. 2026 statistics). "
                          "The projection continues from the latest actual value, and required paces are "
                          "counted from that year."),
    "asm.act_indicator": ("指标", "Indicator"),
    "asm.act_year": ("年份", "Year"),
    "asm.act_value": ("实际值", "Actual value"),
    "asm.act_add": ("录入", "Add"),
    "asm.act_remove": ("删除", "Remove"),
    "asm.act_none": ("尚未录入实际值。", "No actual values entered yet."),
    "asm.act_list": ("已录入的实际值", "Actual values entered"),
    "file.title": ("情景文件:下载、上传、保存", "Scenario file: download, upload, save"),
    "file.meta": ("情景名称与说明", "Name and description"),
    "file.name": ("情景名称(字母、数字、- 和 _)", "Scenario name (letters, digits, - and _)"),
    "file.title_zh": ("中文标题", "Chinese title"),
    "file.title_en": ("英文标题", "English title"),
    "file.rationale": ("情景说明(为什么这样设定)", "Rationale (why these numbers)"),
    "file.download": ("下载当前情景(TOML)", "Download the current scenario (TOML)"),
    "file.upload": ("上传情景文件(TOML,最大1 MB)", "Upload a scenario file (TOML, at most 1 MB)"),
    "file.upload_help": ("上传前会检查文件;有问题的文件不会改变当前情景。", "The file is checked first; "
                         "a bad file leaves the current scenario unchanged."),
    "file.loaded": ("已载入“{name}”:以“{base}”为起点,调整 {n} 项,实际值 {a} 个。",
                    "Loaded “{name}”: starts from “{base}”, {n} changes, {a} actual values."),
    "file.rejected": ("文件“{file}”未载入,当前情景没有变化。原因:{detail}",
                      "The file “{file}” was not loaded; the current scenario is unchanged. Reason: {detail}"),
    "file.too_big": ("文件大小 {size} 字节,超过 {limit} 字节的上限", "the file is {size} bytes; the limit is "
                     "{limit}"),
    "file.not_toml": ("文件扩展名应为 .toml", "the file name must end in .toml"),
    "file.save": ("保存到 scenarios/ 文件夹", "Save to the scenarios/ folder"),
    "file.save_name": ("文件名(不含 .toml)", "File name (without .toml)"),
    "file.overwrite": ("允许覆盖同名文件", "Allow replacing a file of the same name"),
    "file.save_button": ("保存", "Save"),
    "file.saved": ("已保存为 {path}。之后可在“起点情景”中选择它。", "Saved as {path}. You can now pick it as "
                   "a starting scenario."),
    "file.exists": ("{path} 已存在,未保存。请换一个名称,或勾选“允许覆盖同名文件”。",
                    "{path} already exists; nothing was saved. Choose another name or tick “Allow replacing”."),
    "file.protected": ("“{name}”是随程序提供的情景,不能覆盖。", "“{name}” ships with the app and cannot be "
                       "replaced."),
    "file.self_parent": ("名称不能与起点情景或其上级情景相同(“{name}”)。", "The name cannot be that of the "
                         "starting scenario or its parents (“{name}”)."),
    "file.bad_name": ("名称只能含字母、数字、- 和 _,最多40个字符。", "A name may contain letters, digits, "
                      "- and _ only, at most 40 characters."),
    "file.write_failed": ("无法写入文件:{detail}", "Could not write the file: {detail}"),
    "file.local_only": ("保存到 scenarios/ 文件夹只在本机运行时可用;请使用“下载”。",
                        "Saving to scenarios/ is available only when the app runs locally; use Download."),
    "file.horizon": ("文件设定的预测终点 {value} 未采用,本应用预测到 {horizon} 年",
                     "the file's horizon {value} was not used; the app projects to {horizon}"),
    "file.uncertainty_kept": ("文件中的不确定性设置已保留", "the file's uncertainty settings were kept"),
    # ------------------------------------------------------------------ indicator page
    "ind.title": ("指标详情", "Indicator detail"),
    "ind.pick": ("指标", "Indicator"),
    "ind.scenarios": ("情景", "Scenarios"),
    "ind.chart_title": ("{name}:各情景路径与目标", "{name}: paths and target"),
    "ind.chart_title_cum": ("{name}:2026年起累计与目标", "{name}: total since 2026 and target"),
    "ind.axis_year": ("年份", "Year"),
    "ind.axis_cum": ("累计{name}", "Cumulative {name}"),
    "ind.target_marker": ("{year}年目标 {target}", "{year} target {target}"),
    "ind.milestone_marker": ("{year}年度目标 {target}", "{year} milestone {target}"),
    "ind.actual_marker": ("实际值", "Actual"),
    "ind.targets_title": ("目标检查", "Target check"),
    "ind.required_line": ("**{scenario}**:从 {year} 年起每年需 **{required}**,本情景为 **{assumed}** → {status}",
                          "**{scenario}**: from {year} it needs **{required}** a year; this scenario has "
                          "**{assumed}** → {status}"),
    "ind.settled_line": ("**{scenario}**:{year}年已有实际值,为 **{value}** → {status}",
                         "**{scenario}**: {year} is already observed at **{value}** → {status}"),
    "ind.source_title": ("数据来源", "Sources"),
    "ind.baseline": ("{year}年基期值:{v}({basis})", "{year} baseline: {v} ({basis})"),
    "ind.target_src": ("{label}:{target}({basis})", "{label}: {target} ({basis})"),
    "ind.quote": ("报告原文:", "Report's words: "),
    "ind.formula": ("推算方法:", "Derivation: "),
    "ind.reason": ("假设理由(英文):", "Why assumed: "),
    "ind.no_target": ("该指标在规划中没有量化目标,只显示预测路径。", "The plan sets no numeric target for "
                      "this indicator; only its path is shown."),
    "ind.note": ("数据说明(英文原注)", "Note on the data"),
    "ind.derived_from": ("由 {inputs} 合成", "Derived from {inputs}"),
    "ind.source_doc": ("出处:{doc}", "Source: {doc}"),
    # ------------------------------------------------------------------ compare page
    "cmp.title": ("情景对比", "Compare scenarios"),
    "cmp.pick": ("选择2–4个情景(第一个作为比较基准)", "Choose 2–4 scenarios (the first is the reference)"),
    "cmp.need_two": ("请至少选择两个情景。", "Choose at least two scenarios."),
    "cmp.current": ("当前:{title}", "Current: {title}"),
    "cmp.status_title": ("目标状态对比", "Targets side by side"),
    "cmp.delta": ("{a} 减 {b}", "{a} minus {b}"),
    "cmp.charts_title": ("路径对比", "Paths compared"),
    "cmp.charts_pick": ("图中指标", "Indicators to chart"),
    "cmp.drivers_title": ("哪些假设不同", "Which assumptions differ"),
    "cmp.drivers_none": ("所选情景的假设完全相同。", "The chosen scenarios make the same assumptions."),
    "cmp.drivers_caption": ("数值为2026–2030年各年的速度;逐年不同的以箭头连接。", "Values are the 2026–2030 "
                            "paces; paths that change by year are joined by arrows."),
    "cmp.figure_title": ("各情景路径对比", "Paths by scenario"),
    # ------------------------------------------------------------------ export page
    "exp.title": ("导出", "Export"),
    "exp.scope": ("导出哪些情景", "Which scenarios"),
    "exp.scope_current": ("当前情景", "Current scenario"),
    "exp.scope_compare": ("对比页所选的情景({n}个)", "The scenarios chosen on Compare ({n})"),
    "exp.intro": ("CSV 文件为 UTF-8 编码并带 BOM,可直接用 Excel 打开中文;表头语言随界面语言。",
                  "CSV files are UTF-8 with a BOM so Excel opens Chinese text correctly; headers follow the "
                  "interface language."),
    "exp.long": ("预测(长表)CSV", "Projections, long (CSV)"),
    "exp.wide": ("预测(宽表)CSV", "Projections, wide (CSV)"),
    "exp.xlsx": ("Excel 工作簿(全部表格)", "Excel workbook (all tables)"),
    "exp.iamc": ("IAMC 格式 CSV", "IAMC format (CSV)"),
    "exp.check": ("目标检查表 CSV", "Target check (CSV)"),
    "exp.toml": ("当前情景文件(TOML)", "Current scenario file (TOML)"),
    "exp.long_help": ("每行一个情景、指标和年份", "One row per scenario, indicator and year"),
    "exp.wide_help": ("每行一个情景和指标,各年为列", "One row per scenario and indicator, years as columns"),
    "exp.xlsx_help": ("预测、目标检查、情景假设、情景说明、数据来源", "Projections, target check, "
                      "assumptions, scenarios, sources"),
    "exp.iamc_help": ("pyam 等工具可读的 IAMC 格式(英文)", "IAMC format read by pyam and similar tools"),
    "exp.check_help": ("每个情景的全部目标与年度目标", "Every target and milestone for each scenario"),
    "exp.toml_help": ("可再次上传,或放入 scenarios/ 文件夹", "Upload it again or put it in scenarios/"),
    "exp.preview": ("预览:目标检查表", "Preview: target check"),
    "exp.rows": ("{rows} 行 · {cols} 列", "{rows} rows · {cols} columns"),
    # ------------------------------------------------------------------ 年度监测 (review page; ui/monitor.py)
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
                       "{missing}项暂无数据。", "Of {n} main indicators, {ok} are on or ahead of schedule and {behind} behind "
                           "({binding} of them binding); {missing} have no data yet."),
    "mon.next": ("下一年度需达到(回到序时进度)", "Next year: what gets each indicator back on its path"),
    "mon.next_help": ("“需增长(增加)”使下一年回到序时进度;“至目标年年均需”为从最近实际年起如期实现目标的不变速度;"
                      "“情景速度”为当前情景对下一年的假设。",
                      "'Needed next year' puts the indicator back on its path next year; 'steady pace' is the constant "
                      "pace from the last actual year that meets the target on time; 'scenario' is what the current "
                      "scenario assumes for next year."),
    "mon.docx": ("生成Word报告", "Make the Word report"),
    "mon.docx_download": ("下载Word报告(.docx)", "Download the Word report (.docx)"),
    "mon.docx_help": ("年度监测(监测年份为2028年时为中期评估)报告:总体情况、主要指标完成情况表、预警及下一年度要求、假定数值清单。",
                      "The annual monitoring report (the mid-term review when the year is 2028): summary, the main "
                      "indicator table, warnings with next year's requirement, and the assumed numbers."),
}

#: The slider groups of the assumptions page and the plan areas each one holds.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("economy", ("economy",)),
    ("industry_energy", ("industry", "energy")),
    ("agriculture", ("agriculture",)),
    ("ecology_water", ("ecology", "water")),
    ("tourism_consumption", ("tourism", "consumption")),
    ("livelihood", ("livelihood",)),
)

#: English names of the units the plan uses (values are never converted).
UNITS_EN = {
    "亿元": "100m yuan", "万千瓦": "10k kW", "万亩": "10k mu", "万头": "10k head", "万人次": "10k visits",
    "万人": "10k people", "亿立方米": "100m m³", "微克/立方米": "µg/m³", "元/人次": "yuan/visit",
    "元": "yuan", "人": "people", "户": "firms", "家": "firms", "万户": "10k entities",
    "指数(基期=100)": "index, base year = 100", "个": "products", "%": "%", "%/年": "%/yr",
    "百分点/年": "pp/yr", "百分点": "pp", "个百分点": "pp", "年": "yr",
}


def add_texts(texts: dict[str, tuple[str, str]]) -> None:
    """Register more labels (key → (Chinese, English)); existing keys are kept."""
    for key, pair in texts.items():
        TEXT.setdefault(key, pair)


def lang() -> str:
    """The interface language: ``"zh"`` (default) or ``"en"``."""
    import streamlit as st
    from streamlit import runtime

    if not runtime.exists():  # outside a Streamlit run (plain tests, bench)
        return DEFAULT_LANG
    value = st.session_state.get("lang", DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def t(key: str, lang_: str | None = None, **values) -> str:
    """The label ``key`` in the current language, with ``{placeholders}`` filled."""
    pair = TEXT.get(key)
    if pair is None:
        return key
    text = pair[0] if (lang_ or lang()) == "zh" else pair[1]
    return text.format(**values) if values else text


def tr(zh: str, en: str, lang_: str | None = None) -> str:
    """Pick one of two inline texts by language (for one-off labels)."""
    return zh if (lang_ or lang()) == "zh" else en


def unit(u: str, lang_: str | None = None) -> str:
    """A unit in the interface language (``万千瓦/年`` → ``10k kW/yr``)."""
    if (lang_ or lang()) == "zh" or not u:
        return u
    if u in UNITS_EN:
        return UNITS_EN[u]
    if u.endswith("/年"):
        return f"{unit(u[:-2], 'en')}/yr"
    return u


def status(code: str, lang_: str | None = None, icon: bool = True) -> str:
    """``"missed"`` → ``"✖ 未达标"``: legible without colour."""
    word = STATUS[lang_ or lang()].get(code, code)
    return f"{ICON.get(code, '')} {word}" if icon else word


def area(code: str, lang_: str | None = None) -> str:
    return AREA[lang_ or lang()].get(code, code)


def basis(code: str, lang_: str | None = None) -> str:
    return BASIS[lang_ or lang()].get(code, code)


def direction(code: str, lang_: str | None = None) -> str:
    return DIRECTION[lang_ or lang()].get(code, code)


def kind(code: str, lang_: str | None = None) -> str:
    return KIND[lang_ or lang()].get(code, code)


def group(code: str, lang_: str | None = None) -> str:
    return t(f"asm.group.{code}", lang_)


def name(ind, lang_: str | None = None) -> str:
    """An indicator's (or a check row's) name in the interface language."""
    zh = (lang_ or lang()) == "zh"
    if not hasattr(ind, "name_zh"):  # a check-table row (dict or Series)
        return ind["name"] if zh else ind["name_en"]
    return ind.name_zh if zh else ind.name_en


def with_unit(label: str, u: str, lang_: str | None = None) -> str:
    """``地区生产总值(亿元)`` / ``Gross regional product (100m yuan)``."""
    lg = lang_ or lang()
    return f"{label}({unit(u, lg)})" if lg == "zh" else f"{label} ({unit(u, lg)})"


def name_unit(ind, lang_: str | None = None, pace: bool = False) -> str:
    """An indicator's name with its unit (or its pace unit)."""
    lg = lang_ or lang()
    return with_unit(name(ind, lg), ind.pace_unit if pace else ind.value_unit, lg)


def listing(items, lang_: str | None = None) -> str:
    """Items joined as a reader of the language expects (``、`` in Chinese)."""
    return ("、" if (lang_ or lang()) == "zh" else ", ").join(items)


def scenario_title(scn, lang_: str | None = None) -> str:
    return scn.title(lang_ or lang())
