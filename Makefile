# Toli groundwater plugin: setup, demo, tests, package. Every target sets up what it needs first,
# and a second run skips what is already done.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
PY        := $(VENV)/bin/python
STAMP     := $(VENV)/.installed
PLUGIN    := tuoli_gw_plugin
PLUGINDIR := build/plugins
PROFILE   := build/qgis-profile
QGISPROC  := scripts/qgis_process.sh
VERSION   := $(shell sed -n 's/^version=//p' metadata.txt)
ZIP       := dist/$(PLUGIN)-$(VERSION).zip
export QT_QPA_PLATFORM := offscreen

.PHONY: help setup system venv assemble plugin doctor demo test test-qgis340 test-qgis344 lint package release install bench translations screenshot clean

help:
	@echo "make demo     set up (QGIS, virtualenv) and run the pipeline on the sample layers into out/"
	@echo "make test     set up and run every test (engine, processing.run, qgis_process, package)"
	@echo "make test-qgis340  the same tests on QGIS 3.40 LTR with Debian 13's packages, in a root under build/ (root, network once)"
	@echo "make test-qgis344  the tests and the demo on QGIS 3.44 LTR with Debian sid's packages, likewise"
	@echo "make package  build $(ZIP) for Plugins > Install from ZIP"
	@echo "make release  build $(ZIP) for upload to plugins.qgis.org (refuses placeholder metadata)"
	@echo "make install  link the assembled plugin folder (live sources) into your QGIS profile"
	@echo "make doctor   check the setup (libraries, pyproj, GeoPackage, qgis_process) and say how to mend it"
	@echo "make bench    run the benchmarks, write docs/benchmarks.md"
	@echo "make lint     ruff, and the import contract (lint-imports)"
	@echo "make screenshot  QGIS desktop under Xvfb with the map tool panel, into docs/"

system:
	@bash scripts/setup_system.sh

$(STAMP): requirements.txt requirements-dev.txt scripts/constraints/*.txt scripts/platform.sh scripts/setup_venv.sh | system
	@bash scripts/setup_venv.sh
	@touch $(STAMP)

venv: system $(STAMP)

# The plugin folder QGIS loads, $(PLUGINDIR)/$(PLUGIN): a real folder of links to the sources (the
# package, processing_algs/, resources/, ...), so edits are live. Re-assembled on every run: it is cheap
# and picks up a new file in $(PLUGIN)/. Standard library only, so it needs no virtualenv.
assemble:
	@python3 scripts/tools/assemble_plugin.py $(PLUGINDIR) >/dev/null

# The assembled folder enabled in a throwaway profile, for qgis_process and the tests.
plugin: venv assemble
	@mkdir -p $(PROFILE)
	@grep -qs "^$(PLUGIN)=true" $(PROFILE)/profiles/default/QGIS/QGIS3.ini || \
	  $(QGISPROC) plugins enable $(PLUGIN) >/dev/null

setup: plugin translations
	@$(PY) scripts/doctor.py

# The same checks on their own: geo packages on the system libraries, pyproj, GeoPackage/GeoTIFF, qgis_process.
doctor: plugin
	$(PY) scripts/doctor.py

translations: venv
	@bash scripts/docs/build_translations.sh

demo: setup
	$(PY) scripts/tools/run_demo.py

test: setup
	$(PY) -m pytest -q tests

# Other QGIS releases with their Debian's own packages, in a root under build/: no virtualenv, so no `setup`.
test-qgis340:
	@bash scripts/debian_suite.sh trixie

test-qgis344:
	@bash scripts/debian_suite.sh sid --demo

lint: venv
	$(PY) -m ruff check .
	PYTHONPATH=. $(VENV)/bin/lint-imports --no-cache

package: setup
	$(PY) scripts/tools/package.py $(ZIP)

release: setup
	$(PY) scripts/tools/package.py --release $(ZIP)

install: setup
	@bash scripts/tools/install_dev.sh

bench: setup
	$(PY) -m benchmarks.run

screenshot: setup
	@bash scripts/docs/desktop_screenshot.sh

clean:
	rm -rf build dist out .pytest_cache
