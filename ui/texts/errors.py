"""Chinese sentences for the engine's input errors, by :attr:`sim.io.errors.InputError.code`.

The engine words every error in English for the command line and tags the ones the app can
meet with a code and its parameters; :func:`ui.fmt.input_error` looks the code up here
(``err.<code>``) and fills the parameters. English keeps the engine's own sentence. A code
without an entry is shown with the generic lead-in ``err.generic`` and the field.
"""

TEXT = {
    "err.generic": ("该值无法使用,请检查后重试", "the value cannot be used"),
    "err.where": ("{source}:{field}:{reason}", "{source}: {field}: {reason}"),
    "err.where_file": ("{source}:{reason}", "{source}: {reason}"),
    # files
    "err.unreadable": ("无法读取文件", "cannot read the file"),
    "err.too_big": ("文件太大,上限为 {limit:,} 字节", "the file is too big (limit {limit:,} bytes)"),
    "err.not_utf8": ("文件不是UTF-8编码的文本", "the file is not UTF-8 text"),
    "err.too_deep": ("表格或数组嵌套超过 {depth} 层", "tables or arrays are nested more than {depth} deep"),
    "err.not_toml": ("不是有效的TOML格式", "not valid TOML"),
    "err.not_csv": ("无法按CSV格式读取", "not readable as CSV"),
    "err.file_type": ("不支持的文件类型“{suffix}”,请使用 {allowed}", "unknown file type '{suffix}'; use {allowed}"),
    "err.missing_columns": ("缺少列 {columns}(应有 indicator、year、value 三列)",
                            "missing column(s) {columns}; expected indicator, year, value"),
    # fields
    "err.not_table": ("应为一个表", "expected a table"),
    "err.unknown_key": ("不认识的字段名(可用:{allowed})", "unknown key; expected one of {allowed}"),
    "err.missing": ("缺少必填项", "missing (required)"),
    "err.not_text": ("应为非空文字", "expected non-empty text"),
    "err.not_choice": ("“{value}”不是可选值之一({choices})", "'{value}' is not one of {choices}"),
    "err.not_integer": ("应为整数", "expected a whole number"),
    "err.not_bool": ("应为 true 或 false", "expected true or false"),
    "err.not_tables": ("应为表数组([[...]])", "expected an array of tables ([[...]])"),
    "err.not_texts": ("应为文字或文字列表", "expected text or a list of texts"),
    "err.not_number": ("“{value}”不是数字", "'{value}' is not a number"),
    "err.not_finite": ("{value} 不是有限的数", "{value} is not a finite number"),
    "err.not_year": ("“{value}”不是年份(应如2026)", "'{value}' is not a year such as 2026"),
    # actuals
    "err.unknown_indicator": ("没有代码为“{key}”的指标", "unknown indicator '{key}'"),
    "err.derived_actual": ("“{key}”由其他指标推算,请录入其构成指标({inputs})的实际值",
                           "'{key}' is derived; give actuals for its inputs ({inputs})"),
    "err.year_outside": ("{year}年不在{first}–{last}年范围内", "year {year} is outside {first}–{last}"),
    "err.not_percentage": ("{value} 超出百分比的范围 [0, 100]", "{value} is outside [0, 100] for a percentage"),
    "err.not_positive": ("{value} 应为正数", "{value} must be positive"),
    "err.path_outside_domain": ("按此设定,“{indicator}”将在{year}年达到{value}{unit},超出其可能的取值范围{domain}",
                                "'{indicator}' would reach {value} {unit} in {year}, outside its domain {domain}"),
    "err.path_not_finite": ("按此设定,“{indicator}”将在{year}年变为无穷大或无意义的数值",
                            "'{indicator}' would reach a number that is not finite in {year}"),
    "err.outside_domain": ("{value} 超出该指标可能的取值范围 {domain}(单位:{unit})", "{value} is outside {domain} [{unit}]"),
    "err.negative_level": ("{value} 为负数,而该指标是总量", "{value} is negative for a level"),
    "err.off_index": ("{value} 不在指数口径上:该指标报告中没有总量,按指数(基期={base})推算,"
                      "请按同一指数录入(应在 {low} 到 {high} 之间)",
                      "{value} is not on the index (base = {base}); expected between {low} and {high}"),
    "err.duplicate_value": ("“{key}”在{year}年有两个值", "a second value for {key} in {year}"),
    # scenarios
    "err.no_file": ("找不到这个情景文件", "no such scenario file"),
    "err.unknown_scenario": ("没有这个情景(可用:{available})", "unknown scenario; available: {available}"),
    "err.parent_cycle": ("上级情景互相引用,形成循环:{cycle}", "parents form a cycle: {cycle}"),
    "err.parent_missing": ("找不到上级情景“{parent}”", "parent '{parent}' not found"),
    "err.bad_driver": ("“{value}”既不是数字、列表或表,也不是 {rules} 之一",
                       "'{value}' is not a number, a list, a table or one of {rules}"),
    "err.empty_list": ("空列表没有设定任何年份", "an empty list sets no year"),
    "err.derived_driver": ("“{key}”由其他指标推算,没有自己的驱动因素;请设定其构成指标({inputs})",
                           "'{key}' is derived; set its inputs ({inputs})"),
    "err.too_many_years": ("给了 {n} 个年度值,但模拟期只有 {years} 年",
                           "{n} yearly values but the horizon has only {years} years"),
    "err.growth_impossible": ("增速 {value}% 不可能(必须高于 −100%)", "growth of {value}% is impossible"),
    "err.correlation_impossible": ("这些相关系数不能同时成立(相关矩阵不是半正定的,最小特征值 {eigenvalue}),请减弱其中一些",
                                   "these correlations cannot hold together (smallest eigenvalue {eigenvalue})"),
    "err.correlation_range": ("{a} 与 {b} 的相关系数 {value} 超出 [−1, 1]", "{value} between {a} and {b} is outside [−1, 1]"),
    "err.correlation_asymmetric": ("{a} 与 {b} 的相关系数前后不一致(矩阵不对称)", "not symmetric: {a}–{b}"),
    "err.points_impossible": ("每年变动 {value} 个百分点,对百分比指标不可能",
                              "{value} points a year is impossible for a percentage"),
}
