"""The file formats' one declaration (sim.io.formats): the shipped JSON Schemas are generated
from it, every shipped file validates, and the readers accept exactly the keys it declares."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from sim.cli.main import main
from sim.io import fields
from sim.io.errors import PlanError
from sim.io.formats import FORMATS, json_schema, schema_text
from sim.io.plan import load_plan, parse_plan
from sim.io.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "sim" / "data" / "schema"
PLANS = [ROOT / "sim" / "data" / "ganzhou.toml", ROOT / "tests" / "data" / "other_district.toml"]
SCENARIOS = sorted((ROOT / "scenarios").glob("*.toml"))


@pytest.mark.parametrize("name", FORMATS)
def test_the_shipped_schema_is_the_generated_one(name, capsys):
    assert (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8") == schema_text(name)
    assert main(["schema", name]) == 0
    assert capsys.readouterr().out == schema_text(name)
    jsonschema.Draft202012Validator.check_schema(json_schema(name))


@pytest.mark.parametrize("path", PLANS + SCENARIOS, ids=lambda p: p.name)
def test_every_shipped_file_validates(path):
    name = "plan" if path in PLANS else "scenario"
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(tomllib.loads(path.read_text(encoding="utf-8")), schema,
                        cls=jsonschema.Draft202012Validator)


def _tables(schema: dict) -> list[frozenset[str]]:
    """Key sets of every closed table of a schema."""
    out = []
    if schema.get("type") == "object" and "properties" in schema:
        out.append(frozenset(schema["properties"]))
        for sub in schema["properties"].values():
            out += _tables(sub)
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        out += _tables(schema["items"])
    for alternative in schema.get("anyOf", ()):      # e.g. a target's 属性: a word or a table
        out += _tables(alternative)
    return out


def test_the_readers_allow_exactly_the_declared_keys(monkeypatch):
    seen: set[frozenset[str]] = set()
    original = fields.Fields.allow_only

    def record(self, keys):
        seen.add(frozenset(keys))
        return original(self, keys)

    monkeypatch.setattr(fields.Fields, "allow_only", record)
    for path in PLANS:
        load_plan(path)
    for path in SCENARIOS:
        load_scenario(str(path))
    with_domain = tomllib.loads(PLANS[1].read_text(encoding="utf-8"))
    with_domain["indicator"][0]["domain"] = {"min": 0.0}
    parse_plan(with_domain, "with_domain.toml")
    declared = set(_tables(json_schema("plan"))) | set(_tables(json_schema("scenario")))
    assert seen == declared


def test_an_unknown_key_is_refused_by_reader_and_schema(tmp_path):
    data = tomllib.loads(PLANS[0].read_text(encoding="utf-8"))
    data["indicator"][0]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema("plan"))
    with pytest.raises(PlanError, match="unknown key"):
        parse_plan(data, "x.toml")
