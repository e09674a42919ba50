"""Texts of the export page (导出): key → (Chinese, English)."""

TEXT = {
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
    "exp.app_file": ("在应用中设定,未保存为文件", "set in the app, not saved to a file"),
    "exp.preview": ("预览:目标检查表", "Preview: target check"),
    "exp.rows": ("{rows} 行 · {cols} 列", "{rows} rows · {cols} columns"),
}
