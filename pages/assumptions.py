"""情景设置: sliders by area, exact numbers, yearly paths, actuals, and the scenario file."""

import streamlit as st

from ui import assumptions
from ui.boot import guard
from ui.i18n import t

guard()

st.title(t("asm.title"))
st.caption(t("asm.intro"))
assumptions.groups()
st.divider()
assumptions.sections()
