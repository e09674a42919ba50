"""Texts of the 导入工作报告 page (pages/draft.py, drafting a plan from a work report): key → (Chinese, English).

``nav.draft`` is here too, so that the page and its navigation entry arrive together, and so are
the ``plan.*`` texts of the sidebar and entry script about which plan the session runs on
(opening a reviewed draft is this page's doing).
"""

TEXT = {
    "nav.draft": ("导入工作报告", "Import a work report"),
    "draft.title": ("导入工作报告", "Import a work report"),
    "draft.intro": ("粘贴或上传一个区县的政府工作报告(UTF-8 或 GB18030 文本),自动读出2025年基数、“十五五”2030年目标和"
                    "2026年年度目标,逐条审核后保存为规划数据文件。每个数字都附报告原文;报告未给出的数值以占位值代替并说明理由。",
                    "Paste or upload a district's government work report (UTF-8 or GB18030 text). The 2025 "
                    "levels, the 15th-plan targets for 2030 and the 2026 milestones are read from it; review "
                    "them one by one, then save a plan file. Every number keeps the report's words; what the "
                    "report does not give is a placeholder with its reason."),
    "draft.upload": ("上传报告(纯文本文件)", "Upload the report (.txt)"),
    "draft.paste": ("或粘贴报告全文", "Or paste the full text"),
    "draft.district": ("区县名称(可不填,默认从报告读取)", "District name (optional; read from the report)"),
    "draft.read": ("读取报告", "Read the report"),
    "draft.empty": ("请先上传或粘贴报告。", "Upload or paste a report first."),
    "draft.indicators": ("指标", "Indicators"),
    "draft.targets": ("2030年目标", "2030 targets"),
    "draft.milestones": ("2026年目标", "2026 milestones"),
    "draft.placeholders": ("占位值", "Placeholders"),
    "draft.candidates": ("候选数字(共 {n} 个,采用 {used} 个)", "Candidate numbers ({n}, {used} used)"),
    "draft.cand_help": ("勾选“采用”保留,取消勾选剔除;可修改用途、指标代码、年份、方向和数值,然后点“按审核结果重新生成”。",
                        "Tick “keep” to use a number, untick to reject it; role, indicator id, year, direction "
                        "and value can be edited. Then press “Rebuild from the review”."),
    "draft.only_used": ("只显示已采用的", "Show only numbers in use"),
    "draft.apply": ("按审核结果重新生成", "Rebuild from the review"),
    "draft.applied": ("已按审核结果重新生成规划。", "The plan was rebuilt from the review."),
    "draft.ph_title": ("占位值(报告未给出的2025年数值)", "Placeholders (2025 values the report does not give)"),
    "draft.ph_help": ("填入统计部门的2025年数值替换占位值;未修改的保持占位。", "Enter the statistics bureau's "
                      "2025 figure to replace a placeholder; values left alone stay placeholders."),
    "draft.ph_source": ("数值来源(如:区统计局2025年统计公报)", "Source of the figures (e.g. the 2025 statistical bulletin)"),
    "draft.ph_none": ("没有占位值。", "No placeholders."),
    "draft.confirm": ("我已逐条审核候选数字和占位值", "I have reviewed every candidate and placeholder"),
    "draft.need_review": ("审核确认后才能保存。", "Confirm the review before saving."),
    "draft.download": ("下载规划数据文件(TOML)", "Download the plan file (TOML)"),
    "draft.download_review": ("下载审核表(CSV)", "Download the review table (CSV)"),
    "draft.save_path": ("保存到本机文件", "Save to a file on this computer"),
    "draft.overwrite": ("覆盖已有文件", "Overwrite an existing file"),
    "draft.save": ("保存", "Save"),
    "draft.saved": ("已保存:{path}", "Saved: {path}"),
    "draft.exists": ("文件已存在;如需覆盖请勾选“覆盖已有文件”。", "The file exists; tick “Overwrite” to replace it."),
    "draft.preview": ("按“规划目标”情景检查这份草稿(在模拟器中打开后,各页面都能用它)",
                      "This draft checked under the “Plan targets” scenario (open it in the simulator to use it "
                      "on every page)"),
    "draft.col.keep": ("采用", "keep"), "draft.col.role": ("用途", "role"), "draft.col.quote": ("原文", "quote"),
    "draft.col.reason": ("说明", "reason"), "draft.col.confidence": ("置信度", "confidence"),
    "draft.col.indicator": ("指标代码", "indicator id"), "draft.col.year": ("年份", "year"),
    "draft.col.direction": ("方向", "direction"), "draft.col.value": ("数值", "value"), "draft.col.no": ("序号", "no."),
    "draft.col.name": ("指标", "indicator"), "draft.col.reading": ("理解为", "read as"), "draft.col.unit": ("单位", "unit"),
    "draft.col.value_written": ("原文数值", "value as written"), "draft.col.unit_written": ("原文单位", "unit as written"),
    "draft.col.placeholder": ("占位值", "placeholder"), "draft.col.index": ("指数(2025=100)", "index (2025 = 100)"),
    # What a candidate number is used for (sim.draft.decisions.ROLES), as the picker offers it.
    "draft.role.baseline": ("2025年基数", "2025 level"), "draft.role.trend": ("2025年速度", "2025 pace"),
    "draft.role.target": ("规划目标", "plan target"), "draft.role.milestone": ("年度目标", "milestone"),
    "draft.role.history": ("“十四五”记录", "previous-plan record"), "draft.role.none": ("不采用", "not used"),
    "draft.role.bound": ("2025年界限值", "2025 bound"),
    "draft.open": ("在模拟器中打开", "Open in the simulator"),
    "draft.open_help": ("本次会话的各页面改用这份草稿规划(不保存任何文件);侧栏可一键切回。",
                        "Every page of this session runs on this draft (nothing is saved); the sidebar "
                        "switches back in one click."),
    "draft.open_needs_review": ("审核确认后才能在模拟器中打开。", "Confirm the review before opening it in the simulator."),
    "plan.in_use": ("当前规划", "Plan in use"),
    "plan.draft_note": ("导入的草稿,仅在本次会话中使用,未保存。", "An imported draft, used in this session only, not saved."),
    "plan.back": ("切回{district}规划", "Back to the plan of {district}"),
    "plan.opened": ("已在模拟器中打开{district}的规划草稿。", "The draft plan of {district} is open in the simulator."),
    "plan.back_done": ("已切回{district}规划。", "Back on the plan of {district}."),
    "plan.reset": ("当前情景不适用于{district}的规划(其中的指标或起点情景在该规划中不存在),已重置为“规划目标”情景。",
                   "The current scenario does not fit the plan of {district} (it names indicators or a starting "
                   "scenario that plan lacks); it was reset to the “plan” scenario."),
    "plan.bad_file": ("无法打开规划数据文件:{msg}", "Cannot open the plan file: {msg}"),
}
