# Brevity: `make run` starts the app, `make test` runs the tests.
# Each does its own set-up: a .venv with Python >= 3.12, the package, and the
# system libraries Qt needs (installed with apt-get when run as root).

VENV    ?= .venv
PY      := $(VENV)/bin/python
ARGS    ?=
PYTEST_ARGS ?=

.PHONY: run test bench lint venv install install-test clean help

help:
	@echo "make run     set up and start Brevity (ARGS='--data-dir DIR' to pass flags)"
	@echo "make test    set up and run the test suite headless"
	@echo "make bench   print the performance figures"
	@echo "make lint    ruff and mypy"

# The venv is rebuilt when it is missing or its interpreter no longer runs.
$(VENV)/.python-ok:
	@if ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		rm -rf $(VENV); \
		py=$$(sh tools/find-python.sh) || exit 1; \
		echo "Creating $(VENV) with $$py"; \
		"$$py" -m venv $(VENV) || exit 1; \
		$(PY) -m pip install -q --upgrade pip || exit 1; \
	fi
	@touch $@

venv: $(VENV)/.python-ok

$(VENV)/.installed: $(VENV)/.python-ok pyproject.toml
	$(PY) -m pip install -q -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install -q -e '.[test]'
	@touch $@

install: $(VENV)/.installed
	@sh tools/system-deps.sh $(PY) desktop

install-test: $(VENV)/.installed-test
	@sh tools/system-deps.sh $(PY) offscreen

run: install
	$(PY) -m app $(ARGS)

test: install-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

bench: install-test
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py

lint: install-test
	$(PY) -m pip install -q ruff mypy
	$(PY) -m ruff check app tests benchmarks
	$(PY) -m mypy app

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
