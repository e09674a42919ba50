"""Texts of the 导入工作报告 page (pages/draft.py, drafting a plan from a work report): key → (Chinese, English).

``nav.draft`` is here too, so that the page and its navigation entry arrive together.
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
    "draft.upload": ("上传报告(.txt)", "Upload the report (.txt)"),
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
    "draft.preview": ("按“规划目标”情景检查(保存后在命令行运行:fyp check plan --plan 文件名)",
                      "Checked under the “plan” scenario (after saving: fyp check plan --plan FILE)"),
    "draft.col.keep": ("采用", "keep"), "draft.col.role": ("用途", "role"), "draft.col.quote": ("原文", "quote"),
    "draft.col.reason": ("说明", "reason"), "draft.col.confidence": ("置信度", "confidence"),
    "draft.col.indicator": ("指标代码", "indicator id"), "draft.col.year": ("年份", "year"),
    "draft.col.direction": ("方向", "direction"), "draft.col.value": ("数值", "value"), "draft.col.no": ("序号", "no."),
    "draft.col.name": ("指标", "indicator"), "draft.col.reading": ("理解为", "read as"), "draft.col.unit": ("单位", "unit"),
    "draft.col.value_written": ("原文数值", "value as written"), "draft.col.unit_written": ("原文单位", "unit as written"),
}
