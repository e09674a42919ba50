"""回顾与评估: the 14th-plan record, annual monitoring and the mid-term review with actuals entry
(ui/monitor.py), and the brief download."""

import streamlit as st

from sim import list_scenarios, load_plan, load_scenario
from sim.io.actuals import parse_actuals
from sim.io.errors import InputError
from sim.review.history import MEASURE_ZH, backcast, history_table, pace_comparison
from sim.review.midterm import scenario_actuals

try:  # the app's first-run guard (see ui/boot.py), when the app package is present
    from ui.boot import guard

    guard()
except ImportError:  # pragma: no cover
    pass

TEXTS = {
    "rev.title": ("回顾与评估", "Record and review"),
    "rev.tab_history": ("“十四五”回顾", "14th-plan record"),
    "rev.tab_mid": ("年度监测与中期评估", "Monitoring and mid-term review"),
    "rev.tab_brief": ("简报下载", "Brief"),
    "rev.pace": ("过去五年速度与今后所需速度", "Past pace and the pace now needed"),
    "rev.pace_help": ("所需/过去 大于1表示今后要比“十四五”更快;“≥”表示报告给出的是下限。",
                      "needed/past above 1 means faster than in 2021–2025; “≥” marks a lower bound in the report."),
    "rev.record": ("“十四五”时期数据及推算的2020年水平", "Statements about 2021–2025 and the derived 2020 levels"),
    "rev.backcast": ("模型回算:从2020年按记录速度推演到2025年", "Engine back-cast from 2020 at the recorded pace"),
    "rev.backcast_help": ("“一致”表示模型结果与报告数字在四舍五入范围内相同;不一致说明几项数据只有在增速不均匀时才能同时成立。",
                          "'reproduced' means the engine gives the report's number to its rounding; a mismatch means "
                          "the statements hold together only on an uneven path."),
    "rev.mid_intro": ("录入或上传实际值,按序时进度监测每项主要指标;监测年份为2028年时即为中期评估(时间过半、任务过半)。",
                      "Enter or upload observed values: each main target is compared with where it should be "
                      "this year; in 2028 this is the mid-term review."),
    "rev.year": ("实际值年份", "Year of the values"), "rev.pick": ("录入哪些指标", "Indicators to enter"),
    "rev.pick_hint": ("选择指标", "Choose indicators"),
    "rev.upload": ("或上传实际值文件(CSV:indicator,year,value;或TOML)", "Or upload actuals (CSV: indicator,year,value; or TOML)"),
    "rev.use_app": ("包含当前情景中已录入的实际值", "Include the actuals of the current scenario"),
    "rev.none": ("尚未录入实际值。", "No actual values yet."),
    "rev.brief_pick": ("简报包含的情景(第一个为主)", "Scenarios in the brief (the first is the subject)"),
    "rev.format": ("格式", "Format"), "rev.make": ("生成简报", "Make the brief"),
    "rev.current": ("当前情景", "Current scenario"),
    "rev.download": ("下载简报", "Download the brief"),
    "rev.brief_help": ("中文简报:主要指标表、未达标目标及所需速度、情景对比、“十四五”速度对比、图表和规划数据核查。",
                       "A Chinese brief: the main target table, misses with the pace each needs, scenarios "
                       "compared, the 14th-plan pace, charts and the plan audit."),
}
COLUMNS = {
    "name": ("指标", "Indicator"), "period": ("时期", "Period"), "past_bound": ("界限", "Bound"),
    "past_pace": ("过去速度", "Past pace"), "needed_pace": ("所需速度", "Needed pace"),
    "pace_unit": ("速度单位", "Pace unit"), "ratio": ("所需/过去", "Needed/past"),
    "ratio_alternatives": ("其他理解下", "Other readings"), "unit": ("单位", "Unit"), "measure": ("表述", "Statement"),
    "value": ("数值", "Value"), "reading": ("理解", "Reading"), "bound": ("界限", "Bound"),
    "start_year": ("起始年", "Start year"), "start_level": ("起始水平", "Start level"),
    "end_level": ("终止水平", "End level"), "pace": ("年均速度", "Average pace"), "why": ("说明", "Why not known"),
    "check": ("核对项", "Check"), "stated": ("报告值", "Stated"), "engine": ("模型值", "Engine"),
    "difference": ("差", "Difference"), "reproduced": ("一致", "Reproduced"),
}
READING = {"used": ("采用", "used"), "alternative": ("另一理解", "other reading")}

try:
    from ui.i18n import add_texts
    from ui.i18n import t as _t

    add_texts(TEXTS)
except ImportError:  # pragma: no cover - page run without the app package
    _t = None


def t(key: str) -> str:
    if _t is not None:
        return _t(key)
    return TEXTS[key][0 if st.session_state.get("lang", "zh") == "zh" else 1]


@st.cache_resource(show_spinner=False)
def get_plan():
    return load_plan()


def current_scenario():
    """The app's current scenario when the app runs this page, else the shipped plan scenario."""
    try:
        from ui import state

        if state.MODEL in st.session_state:
            return state.current_scenario()
    except ImportError:  # pragma: no cover
        pass
    return load_scenario("plan")


def show(frame, columns: list[str]) -> None:
    """A table with the given columns, headed in the interface language."""
    k = 0 if zh else 1
    table = frame[columns].copy()
    for c in table.columns:
        if table[c].dtype.kind == "f":
            table[c] = table[c].round(2).where(table[c].abs() > 5e-3, 0.0).where(table[c].notna())
    st.dataframe(table.rename(columns={c: COLUMNS[c][k] for c in columns}), hide_index=True, width="stretch")


def check_label(text: str) -> str:
    """'2025 level' → '2025年水平', 'total 2020–2025' → '累计 2020–2025' (Chinese only)."""
    if not zh:
        return text
    head, _, tail = text.partition(" ")
    return f"{head}年水平" if tail == "level" else f"{MEASURE_ZH.get(head, head)} {tail}"


lg = st.session_state.get("lang", "zh")
zh = lg == "zh"
plan = get_plan()
names = {i.id: (i.name_zh if zh else i.name_en) for i in plan.indicators}
st.title(t("rev.title"))
tab_history, tab_mid, tab_brief = st.tabs([t("rev.tab_history"), t("rev.tab_mid"), t("rev.tab_brief")])

with tab_history:
    st.subheader(t("rev.pace"))
    pace = pace_comparison(plan)
    show(pace.assign(name=pace["indicator"].map(names)),
         ["name", "period", "past_bound", "past_pace", "needed_pace", "pace_unit", "ratio", "ratio_alternatives"])
    st.caption(t("rev.pace_help"))
    st.subheader(t("rev.record"))
    record = history_table(plan)
    record = record.assign(name=record["indicator"].map(names),
                           measure=record["measure"].map(MEASURE_ZH) if zh else record["measure"],
                           reading=record["reading"].map(lambda r: READING[r][0 if zh else 1]))
    show(record, ["name", "unit", "measure", "value", "reading", "bound", "start_year", "start_level", "end_level",
                  "pace", "pace_unit", "why"])
    st.subheader(t("rev.backcast"))
    cast = backcast(plan).table
    show(cast.assign(name=cast["indicator"].map(names), check=cast["check"].map(check_label)),
         ["name", "check", "stated", "engine", "difference", "reproduced"])
    st.caption(t("rev.backcast_help"))

with tab_mid:
    st.caption(t("rev.mid_intro"))
    scenario = current_scenario()
    actuals = scenario_actuals(scenario) if st.checkbox(t("rev.use_app"), value=True, key="rev_use_app") else {}
    left, right = st.columns([1, 3])
    year = left.selectbox(t("rev.year"), list(range(plan.base_year + 1, plan.target_year + 1)), key="rev_year")
    targeted = list(dict.fromkeys(x for tg in plan.targets for x in plan.leaves(tg.indicator)))
    picked = right.multiselect(t("rev.pick"), targeted, format_func=names.__getitem__, key="rev_pick",
                               placeholder=t("rev.pick_hint"))
    cols = st.columns(3)
    for k, ind_id in enumerate(picked):
        ind = plan.by_id[ind_id]
        value = cols[k % 3].number_input(f"{names[ind_id]}({ind.value_unit})", value=float(ind.baseline.value),
                                         key=f"rev_val_{ind_id}_{year}", format="%.2f")
        actuals.setdefault(ind_id, {})[year] = value
    upload = st.file_uploader(t("rev.upload"), type=["csv", "toml"], key="rev_upload")
    try:
        if upload is not None:
            for key, obs in parse_actuals(upload.getvalue(), upload.name, "." + upload.name.rsplit(".", 1)[-1]).items():
                actuals.setdefault(key, {}).update(obs)
    except InputError as exc:
        st.error(exc.message)
        actuals = {}
    if not actuals:
        st.info(t("rev.none"))
    else:
        from ui.monitor import show_monitoring

        show_monitoring(plan, actuals, scenario, names, upload.name if upload else "app")

with tab_brief:
    st.caption(t("rev.brief_help"))
    current = current_scenario()
    options = ["@current", *(p.stem for p in list_scenarios())]
    shown = {x: x for x in options} | {"@current": f"{t('rev.current')}:{current.title(lg)}"}
    chosen = st.multiselect(t("rev.brief_pick"), options, default=["@current"], key="rev_brief_pick",
                            format_func=shown.__getitem__)
    fmt = st.radio(t("rev.format"), ["pdf", "html"], horizontal=True, key="rev_brief_fmt")

    def make_brief(kind: str, refs: list) -> None:
        from sim.report.brief.content import brief_bytes

        try:
            st.session_state["rev_brief"] = (kind, brief_bytes(plan, refs, kind))
            st.session_state.pop("rev_brief_error", None)
        except InputError as exc:
            st.session_state["rev_brief_error"] = exc.message

    st.button(t("rev.make"), key="rev_make", disabled=not chosen, on_click=make_brief,
              args=(fmt, [current if x == "@current" else x for x in chosen]))
    if st.session_state.get("rev_brief_error"):
        st.error(st.session_state["rev_brief_error"])
    made = st.session_state.get("rev_brief")
    if made:
        kind, data = made
        st.download_button(t("rev.download"), data, file_name=f"brief.{kind}",
                           mime="application/pdf" if kind == "pdf" else "text/html", on_click="ignore",
                           icon=":material/download:", key="rev_download")
