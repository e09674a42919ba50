"""Texts of the assumptions page (情景设置): sliders, actuals and the scenario file: key → (Chinese, English)."""

TEXT = {
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
    "asm.section_pick": ("滑块下方显示", "Shown below the sliders"),
    "asm.section.differences": ("与起点情景的不同", "Differences"),
    "asm.section.links": ("联动关系", "Links"),
    "asm.section.actuals": ("实际值", "Actuals"),
    "asm.section.file": ("情景文件", "Scenario file"),
    "asm.diff_title": ("与起点情景“{base}”的不同", "Differences from “{base}”"),
    "asm.diff_none": ("各项速度假设与起点情景相同。", "Every pace is as in the starting scenario."),
    "asm.flips": ("与“{base}”相比,{n} 项目标状态改变:{items}", "Compared with “{base}”, {n} targets "
                  "changed status: {items}"),
    "asm.flips_none": ("各项目标状态与“{base}”相同。", "Every target has the same status as in “{base}”."),
    "asm.kept": ("数值框为空,保留原值(未改为0)。", "The box was empty; the previous value is kept (not set to 0)."),
    "asm.gdp_mixed": ("三次产业增速不同(地区生产总值合成增速 {v}):拖动此滑块会把三者设为同一数值。",
                      "The three sectors grow at different rates (GRP {v}): moving this slider sets all "
                      "three to one rate."),
    "asm.rejected": ("数值未采用:{detail}", "Value not applied: {detail}"),
    "asm.rejected_text": ("“{text}” {reason}", "“{text}” is {reason}"),
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
    "file.too_big": ("文件大小 {size_mb} MB,超过 {limit_mb} MB 的上限(情景文件通常只有几 KB)",
                     "the file is {size_mb} MB; the limit is {limit_mb} MB (a scenario file is a few KB)"),
    "file.bad_toml": ("不是有效的 TOML 文件(第 {line} 行第 {column} 列附近格式有误)",
                      "not a valid TOML file (the format breaks near line {line}, column {column})"),
    "file.not_utf8": ("文件不是 UTF-8 编码的文本", "the file is not UTF-8 text"),
    "file.engine_field": ("字段 {field}:{detail}", "{field}: {detail}"),
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
}
