# The two set-up commands of the README:
#   make app   – install into .venv and start the Streamlit app on the embedded Ganzhou plan
#   make test  – install into .venv (with test tools) and run the whole test suite
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: app test lint bench

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

app: $(VENV)/.installed
	$(PY) -m ui.serve --browser.gatherUsageStats false

test: $(VENV)/.installed
	$(PY) -m ruff check sim tests bench pages ui streamlit_app.py
	$(PY) -m pytest

bench: $(VENV)/.installed
	$(PY) bench/bench_engine.py
	$(PY) bench/bench_montecarlo.py
	$(PY) bench/bench_app.py
