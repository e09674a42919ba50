"""ui.files: uploads and saving scenario files (no Streamlit run)."""

from __future__ import annotations

import numpy as np
import pytest

from sim import load_scenario, scenario_from_text
from ui import files
from ui import model as m
from ui.i18n import t

from .conftest import (
    NAMES,
    ROOT,
)


def test_upload_of_a_shipped_file_keeps_its_changes(plan):
    text = (ROOT / "scenarios" / "cautious.toml").read_bytes()
    state, notes = files.from_upload(text, "cautious.toml", plan, NAMES, load_scenario)
    assert state.base == "plan" and state.name == "cautious"
    built = state.build(load_scenario("plan"))
    np.testing.assert_allclose(m.paths_of(plan, built), m.paths_of(plan, load_scenario("cautious")))


@pytest.mark.parametrize("data, name, key", [
    (b"[scenario\nname = ", "bad.toml", "file.bad_toml"),
    (b"[scenario]\nname='x'\ntitle_zh='x'\ntitle_en='x'\n[drivers]\nprimary_va = -150\n", "x.toml",
     "error.detail"),
    (b"[scenario]\nname='x'\ntitle_zh='x'\ntitle_en='x'\n[drivers]\nnot_a_driver = 1\n", "x.toml",
     "error.detail"),
    (b"\xff\xfe\x00", "bin.toml", "file.not_utf8"),
    (b"x" * (files.MAX_UPLOAD_BYTES + 1), "big.toml", "file.too_big"),
    (b"[scenario]\n", "notes.txt", "file.not_toml"),
])
def test_a_bad_upload_is_rejected_with_a_reason(plan, data, name, key):
    with pytest.raises(m.AppInputError) as info:
        files.from_upload(data, name, plan, NAMES, load_scenario)
    assert info.value.key == key
    message = t(info.value.key, "zh", **info.value.values)
    assert message and "Traceback" not in message


def test_save_never_overwrites_silently(tmp_path):
    path = files.save(tmp_path, "mine", lambda n: f"# {n}\n")
    assert path.read_text() == "# mine\n"
    with pytest.raises(m.AppInputError) as info:
        files.save(tmp_path, "mine", lambda n: "changed\n")
    assert info.value.key == "file.exists"
    assert path.read_text() == "# mine\n"
    files.save(tmp_path, "mine", lambda n: "changed\n", overwrite=True)
    assert path.read_text() == "changed\n"


@pytest.mark.parametrize("name, key", [("plan", "file.protected"), ("../x", "file.bad_name"),
                                       ("", "file.bad_name"), ("base", "file.self_parent")])
def test_save_refuses_dangerous_names(tmp_path, name, key):
    with pytest.raises(m.AppInputError) as info:
        files.save(tmp_path, name, lambda n: "", taken=["base"])
    assert info.value.key == key
    assert list(tmp_path.iterdir()) == []


def test_saved_scenario_loads_back_with_the_same_paths(plan, tmp_path, base_paths):
    state = m.set_path(m.AppScenario(), plan, base_paths, "visitors", [8.0] * 5)
    base = load_scenario("plan")
    path = files.save(tmp_path, "mine", lambda n: m.AppScenario(**{**state.__dict__, "name": n}).build(base).to_toml())
    loaded = scenario_from_text(path.read_bytes(), source=str(path))
    assert loaded.name == "mine" and loaded.parent.name == "plan"
    np.testing.assert_allclose(m.paths_of(plan, loaded), m.paths_of(plan, state.build(base)))


def test_an_upload_refused_by_the_engine_names_the_indicators_in_words_in_both_languages(plan):
    data = (b"[scenario]\nname='bad'\ntitle_zh='x'\ntitle_en='x'\nparent='plan'\n"
            b"[drivers]\nenergy_capacity = -500\n")
    with pytest.raises(m.AppInputError) as caught:
        files.from_upload(data, "bad.toml", plan, NAMES, load_scenario)
    detail = caught.value.values["detail"]
    # the field stays as typed in the file; the sentence names the indicator and its parts
    assert detail.zh == ("bad.toml:drivers.energy_capacity:“综合能源装机规模”由其他指标推算,没有自己的驱动因素;"
                         "请设定其构成指标(火电装机规模、新能源并网装机规模、储能装机规模、其他装机规模)")
    assert detail.en.startswith("bad.toml: drivers.energy_capacity: 'Total installed energy (generating) capacity' "
                                "is derived and has no driver of its own; set its inputs (Coal-fired (thermal) capacity, ")
    assert "thermal_capacity" not in detail.en and "thermal_capacity" not in detail.zh
