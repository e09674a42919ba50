"""The sentences the command line prints around its tables, in English and Chinese.

A table's headers and codes are worded by :func:`sim.report.labels.localize`; what ``fyp`` says
above or below a table (a title, a summary line) is here, one template per language and code, so
that ``--lang zh`` prints no English sentence and ``--lang en`` no Chinese one. Counts and
words of a band come from their own homes (:data:`sim.review.midterm.VERDICT_ZH`,
:data:`sim.review.findings.SEVERITY_ZH`) through the params.
"""

from __future__ import annotations

#: code → (English, Chinese) ``str.format`` templates over the same params.
SENTENCES = {
    "check_summary": ("{name}: {met} met, {at_risk} at risk, {missed} missed; {assumed} verdicts rest on an "
                      "assumed number",
                      "{name}:达标{met}项,临界{at_risk}项,未达标{missed}项;{assumed}项结论依赖假设数值"),
    "audit_summary": ("{error} errors, {warning} warnings, {info} notes",
                      "矛盾{error}项,需关注{warning}项,提示{info}项"),
    "audit_provisional": ("; {n} provisional (rest on assumed numbers)", ";{n}项为暂定(依赖假设数值)"),
    "midterm_summary": ("{year}: {achieved} achieved, {ahead} ahead, {on_track} on track, {behind} behind, "
                        "{no_data} without data",
                        "{year}年:提前实现{achieved}项,快于预期{ahead}项,基本符合预期{on_track}项,"
                        "滞后于预期{behind}项,暂无数据{no_data}项"),
    "mc_title": ("{title}: {draws:,} draws, seed {seed}, {seconds:.1f} s",
                 "{title}:模拟{draws:,}次,随机种子{seed},用时{seconds:.1f}秒"),
    "goal_title": ("{title}: pace needed to meet each target with a probability of {p:.0%} (seed {seed})",
                   "{title}:各目标达成概率达到{p:.0%}所需的速度(随机种子{seed})"),
    "spreads_title": ("{title}: persistence {persistence:g}, scale {scale:g}",
                      "{title}:偏差年际持续性{persistence:g},幅度倍数{scale:g}"),
    "tornado_title": ("{title}: change of each target's gap when one driver moves down / up",
                      "{title}:单个驱动因素下调/上调时各目标差距的变化"),
}


def say(code: str, lang: str = "en", **params) -> str:
    """The sentence ``code`` of :data:`SENTENCES` in ``lang`` (``zh`` or ``en``)."""
    return SENTENCES[code][lang == "zh"].format_map(params)


__all__ = ["SENTENCES", "say"]
