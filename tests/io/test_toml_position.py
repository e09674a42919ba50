"""A TOML syntax error keeps its line and column in Chinese too.

tomllib names the place it stopped reading at the end of its (English) message; the engine
carries it as numbers (``line``, ``column``), so the Chinese sentence, which never shows the
library's words, still says where to look. The English line reads exactly as before.
"""

from __future__ import annotations

import pytest

from sim.io.errors import ScenarioError
from sim.io.fields import parse_toml
from sim.io.scenario import load_scenario

BROKEN = '[scenario]\nname = "broken"\n[drivers\ngdp = 5.0\n'


def test_an_unclosed_bracket_on_line_3_is_placed_in_both_languages(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    exc = caught.value
    assert exc.code == "not_toml_at" and (exc.params["line"], exc.params["column"]) == (3, 9)
    assert exc.message == (f"{path}: not valid TOML (Expected ']' at the end of a table declaration "
                           "(at line 3, column 9))")
    assert exc.message_in("zh") == f"{path}:不是有效的TOML格式(错误在第3行第9列)"


def test_the_place_is_where_tomllib_stopped_on_another_line():
    with pytest.raises(ScenarioError) as caught:
        parse_toml('[scenario]\nname = "x"\nrule = \n', "s.toml", ScenarioError)
    assert caught.value.reason == "not valid TOML (Invalid value (at line 3, column 8))"
    assert caught.value.message_in("zh") == "s.toml:不是有效的TOML格式(错误在第3行第8列)"


def test_an_error_at_the_end_of_the_file_says_so_in_chinese():
    with pytest.raises(ScenarioError) as caught:
        parse_toml("[drivers]\ngdp = [6.0, 6.5", "s.toml", ScenarioError)
    assert caught.value.code == "not_toml_end"
    assert caught.value.reason == "not valid TOML (Unclosed array (at end of document))"
    assert caught.value.message_in("zh") == "s.toml:不是有效的TOML格式(错误在文件末尾)"


def test_the_cli_line_is_unchanged(tmp_path, capsys):
    from sim.cli.main import main

    path = tmp_path / "broken.toml"
    path.write_text(BROKEN, encoding="utf-8")
    assert main(["check", str(path), "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {path}: not valid TOML (Expected ']' at the end of a table declaration (at line 3, column 9))\n"


def test_the_app_names_the_line_and_column_of_an_uploaded_file():
    from ui.files import engine_problem

    with pytest.raises(ScenarioError) as caught:
        parse_toml(BROKEN, "up.toml", ScenarioError)
    assert engine_problem(caught.value) == ("file.bad_toml", {"line": 3, "column": 9})
