"""Texts of the uncertainty page (不确定性): key → (Chinese, English)."""

TEXT = {
    "unc.title": ("不确定性:目标有多大把握", "Uncertainty: how likely is each target"),
    "unc.caption": ("情景“{scenario}”。每次模拟让各驱动因素在情景速度附近随机波动(分布、幅度和相关性见下方说明),"
                    "统计每个目标达成的比例。同一随机种子给出同样的结果。",
                    "Scenario “{scenario}”. Each draw moves every driver randomly around the scenario's pace "
                    "(distributions, spreads and correlations below) and counts how often each target is met. "
                    "The same seed gives the same numbers."),
    "unc.draws": ("模拟次数", "Draws"),
    "unc.seed": ("随机种子", "Seed"),
    "unc.scale": ("波动幅度倍数", "Spread multiplier"),
    "unc.scale_help": ("1 = 默认幅度(依据2025年实际增速与规划速度之差);2 = 加倍;0 = 不确定性关闭",
                       "1 = default spreads (from 2025's outcomes against the plan's rates); 2 = doubled; "
                       "0 = no uncertainty"),
    "unc.persistence": ("逐年延续程度", "Year-to-year persistence"),
    "unc.persistence_help": ("0 = 各年波动相互独立;1 = 同一偏差持续整个五年",
                             "0 = each year's deviation is independent; 1 = one deviation lasts all five years"),
    "unc.run": ("运行模拟", "Run simulation"),
    "unc.running": ("模拟中…", "Simulating…"),
    "unc.clipped": ("{share} 的模拟在某一年触及指标的取值界限(如比例达到100%)或分项达到其总量,按界限取值后继续:{items}",
                    "{share} of draws were held at an indicator's bound in some year (e.g. a share at 100 %, or a part at its whole) and "
                    "continued from it: {items}"),
    "unc.clipped_item": ("{name} {share}", "{name} {share}"),
    "unc.clipped_sep": ("、", ", "),
    "unc.done": ("{draws:,} 次模拟,用时 {seconds:.2f} 秒(种子 {seed})",
                 "{draws:,} draws in {seconds:.2f} s (seed {seed})"),
    "unc.stale": ("设置已更改:下面是上次模拟的结果,点击“运行模拟”更新。",
                  "Settings changed: these are the last run's results; press “Run simulation” to update."),
    "unc.prompt": ("点击“运行模拟”计算每个目标的达成概率。", "Press “Run simulation” to compute each target's "
                   "probability."),
    "unc.spreads": ("各驱动因素的不确定性", "Uncertainty of each driver"),
    "unc.spreads_note": ("增长类指标的幅度按对数点计(约等于百分点);其余按各自单位/年。相互关联的驱动因素:{n} 对。",
                         "Spreads of growth drivers are in log points (about percentage points); others in their "
                         "unit per year. {n} correlated pairs."),
    "unc.prob_title": ("各目标达成概率", "Probability of meeting each target"),
    "unc.col.target": ("目标", "Target"),
    "unc.col.year": ("年份", "Year"),
    "unc.col.projected": ("情景预测", "Scenario projects"),
    "unc.col.p": ("达成概率", "P(met)"),
    "unc.col.ci": ("95%区间", "95% interval"),
    "unc.col.verdict": ("判断", "Verdict"),
    "unc.col.range": ("P5 – P95", "P5 – P95"),
    "unc.legend": ("{legend}。区间为概率的95%置信区间(Wilson)。",
                   "{legend}. The interval is the 95% (Wilson) confidence interval of the probability."),
    "unc.milestones": ("含2026年度目标", "Include 2026 milestones"),
    "unc.fan_title": ("预测区间(扇形图)", "Range of outcomes (fan chart)"),
    "unc.fan_pick": ("指标", "Indicator"),
    "unc.band90": ("90%区间(P5–P95)", "90% range (P5–P95)"),
    "unc.band50": ("50%区间(P25–P75)", "50% range (P25–P75)"),
    "unc.median": ("中位数", "Median"),
    "unc.own": ("情景路径", "Scenario path"),
    "unc.target_mark": ("{year}年目标", "{year} target"),
    "unc.cum_note": ("累计目标({v})按各年合计比较,见上表。", "The cumulative target ({v}) is compared on the "
                     "sum of the years; see the table above."),
    "unc.tornado_title": ("敏感性:哪个假设最要紧", "Sensitivity: which assumption matters most"),
    "unc.tornado_pick": ("目标", "Target"),
    "unc.tornado_step": ("每个驱动因素变动", "Move each driver by"),
    "unc.step.unit": ("±1个单位(增速为1个百分点)", "±1 unit (1 point of growth)"),
    "unc.step.sd": ("±1个标准差", "±1 standard deviation"),
    "unc.tornado_axis": ("目标差距的变化({u})", "Change of the target's gap ({u})"),
    "unc.down": ("下调", "down"),
    "unc.up": ("上调", "up"),
    "unc.tornado_none": ("没有驱动因素影响这个目标。", "No driver moves this target."),
    "unc.goal_title": ("要有把握,需要多快", "What it takes to be confident"),
    "unc.goal_p": ("希望达成的概率", "Probability wanted"),
    "unc.goal_run": ("计算所需速度", "Compute the pace needed"),
    "unc.goal_note": ("“各驱动因素需调整”是目标下每个驱动因素每年同时调整的幅度;“所需速度”是目标指标自身调整后的年均速度"
                      "(由多项构成的指标取总量的增速或年均新增,而非各项速度的平均),从最近实际年算起;概率用同一组模拟结果计算"
                      "({draws:,} 次)。",
                      "“Shift of each driver” is what every driver under a target adds to its pace each year; “Pace needed” "
                      "is the target indicator's own average pace with that shift (for a total of several parts, "
                      "the total's growth or yearly addition, not the mean of the parts' paces), from the last "
                      "actual year; probabilities use one fixed set of "
                      "draws ({draws:,})."),
    "unc.col.now": ("目前概率", "P now"),
    "unc.col.shift": ("各驱动因素需调整", "Shift of each driver"),
    "unc.col.pace": ("所需速度", "Pace needed"),
    "unc.col.note": ("说明", "Note"),
    "unc.col.method": ("算法", "Method"),
    "unc.dir.at_least": ("≥", "≥"), "unc.dir.at_most": ("≤", "≤"), "unc.dir.hold": ("各年≥", "every year ≥"),
    "unc.kind.growth": ("年均", "avg"), "unc.kind.growth_year": ("增长", "growth"),
    "unc.kind.cumulative": ("累计", "total"),
    "unc.sp.name": ("驱动因素", "Driver"), "unc.sp.dynamic": ("变化方式", "How it moves"),
    "unc.sp.unit": ("幅度单位", "Spread unit"), "unc.sp.dist": ("分布", "Distribution"),
    "unc.sp.sd": ("标准差", "Std. dev."), "unc.sp.low": ("下限", "Low"), "unc.sp.peak": ("众数", "Peak"),
    "unc.sp.high": ("上限", "High"), "unc.sp.origin": ("幅度依据", "Where the spread comes from"),
}
