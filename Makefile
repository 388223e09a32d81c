# Brevity: `make run` starts the app, `make test` runs the tests.
# Each does its own set-up: a .venv with Python >= 3.12, the package, and the
# system libraries Qt needs (installed with apt-get when run as root).

VENV    ?= .venv
PY      := $(VENV)/bin/python
ARGS    ?=
PYTEST_ARGS ?=

.PHONY: run test bench lint venv install install-test clean help
.PHONY: wheel wheel-smoke bundle bundle-smoke bundle-archive icons install-desktop validate-desktop

help:
	@echo "make run     set up and start Brevity (ARGS='--data-dir DIR' to pass flags)"
	@echo "make test    set up and run the test suite headless"
	@echo "make bench   print the performance figures"
	@echo "make lint    ruff and mypy"
	@echo "make wheel, wheel-smoke      build dist/brevity-*.whl; install it in a fresh venv and smoke-test it"
	@echo "make bundle, bundle-smoke    build the PyInstaller folder dist/brevity/; smoke-test it"
	@echo "make install-desktop         desktop entry, metainfo and icons for this user (PREFIX, DESTDIR)"
	@echo "make validate-desktop        desktop-file-validate and appstreamcli on packaging/"

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
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

# --- packaging: wheel, desktop bundle, desktop integration -----------------------------------
APP_ID       := io.github.brevity.Brevity
VERSION      := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)
WHEEL        := dist/brevity-$(VERSION)-py3-none-any.whl
WHEEL_VENV   := build/wheel-venv
BUNDLE_VENV  := build/bundle-venv
BUNDLE       := dist/brevity
PYINSTALLER  ?= pyinstaller>=6.10,<7
PREFIX       ?= $(HOME)/.local
DESTDIR      ?=
BREVITY_EXEC ?= brevity

# setuptools leaves old files in build/lib and would put them in the wheel: start clean.
wheel: $(VENV)/.python-ok
	rm -rf build/lib build/bdist.* $(WHEEL)
	$(PY) -m pip wheel -q --no-deps -w dist .
	$(PY) tools/check_wheel.py $(WHEEL)

# A fresh venv every time: only what the wheel declares gets installed.
wheel-smoke: wheel
	rm -rf $(WHEEL_VENV)
	$(PY) -m venv $(WHEEL_VENV)
	$(WHEEL_VENV)/bin/python -m pip install -q $(WHEEL)
	sh tools/smoke.sh $(WHEEL_VENV)/bin/brevity

icons: $(VENV)/.installed
	$(PY) tools/render_icons.py build/icons

# PyInstaller runs in its own venv (with the wheel installed) so .venv stays clean; the venv
# is made anew when the dependencies change, so nothing stale gets frozen into the bundle.
$(BUNDLE_VENV)/.python-ok: $(VENV)/.python-ok pyproject.toml
	rm -rf $(BUNDLE_VENV)
	$(PY) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install -q --upgrade pip
	@touch $@

bundle: wheel icons $(BUNDLE_VENV)/.python-ok
	@sh tools/packaging-deps.sh bundle
	$(BUNDLE_VENV)/bin/python -m pip install -q --force-reinstall --no-deps $(WHEEL)
	$(BUNDLE_VENV)/bin/python -m pip install -q $(WHEEL) '$(PYINSTALLER)'
	cd build && ../$(BUNDLE_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath ../dist --workpath pyinstaller ../packaging/brevity.spec
	@du -sh $(BUNDLE)

bundle-smoke: bundle
	sh tools/smoke.sh $(BUNDLE)/brevity --bundle

bundle-archive: bundle
	tar -C dist -czf dist/brevity-$(VERSION)-linux-$$(uname -m).tar.gz brevity
	@ls -l dist/brevity-$(VERSION)-linux-*.tar.gz

# Entry, metainfo and hicolor icons into $(DESTDIR)$(PREFIX)/share (default ~/.local/share).
# For the bundle: make install-desktop BREVITY_EXEC=$$PWD/dist/brevity/brevity
install-desktop: icons
	BREVITY_DESTDIR='$(DESTDIR)' sh tools/install-desktop.sh '$(DESTDIR)$(PREFIX)/share' \
		'$(BREVITY_EXEC)' build/icons

validate-desktop:
	@sh tools/packaging-deps.sh validate
	desktop-file-validate packaging/$(APP_ID).desktop
	appstreamcli validate --no-net packaging/$(APP_ID).metainfo.xml
