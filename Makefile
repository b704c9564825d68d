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

.PHONY: help setup system venv plugin-link demo test test-qgis340 lint package install bench translations screenshot clean

help:
	@echo "make demo     set up (QGIS, virtualenv) and run the pipeline on the sample layers into out/"
	@echo "make test     set up and run every test (engine, processing.run, qgis_process, package)"
	@echo "make test-qgis340  the same tests on QGIS 3.40 LTR, in a Debian 13 root under build/ (root, network once)"
	@echo "make package  build $(ZIP) for Plugins > Install from ZIP"
	@echo "make install  link this working tree into your QGIS profile (development)"
	@echo "make bench    run the benchmarks, write docs/benchmarks.md"
	@echo "make lint     ruff"
	@echo "make screenshot  QGIS desktop under Xvfb with the map tool panel, into docs/"

system:
	@bash scripts/setup_system.sh

$(STAMP): requirements.txt requirements-dev.txt scripts/setup_venv.sh | system
	@bash scripts/setup_venv.sh
	@touch $(STAMP)

venv: system $(STAMP)

# A plugin folder for qgis_process and tests: a link to the package, enabled in a throwaway profile.
plugin-link: venv
	@mkdir -p $(PLUGINDIR) $(PROFILE)
	@ln -sfn $(CURDIR)/$(PLUGIN) $(PLUGINDIR)/$(PLUGIN)
	@grep -qs "^$(PLUGIN)=true" $(PROFILE)/profiles/default/QGIS/QGIS3.ini || \
	  $(QGISPROC) plugins enable $(PLUGIN) >/dev/null

setup: plugin-link translations

translations: venv
	@bash scripts/build_translations.sh

demo: setup
	$(PY) scripts/run_demo.py

test: setup
	$(PY) -m pytest -q tests

# QGIS 3.40 with Debian 13's packages: no virtualenv, so it does not need `setup`.
test-qgis340:
	@bash scripts/debian13_suite.sh

lint: venv
	$(PY) -m ruff check .

package: setup
	$(PY) scripts/package.py $(ZIP)

install: setup
	@bash scripts/install_dev.sh

bench: setup
	$(PY) -m benchmarks.run

screenshot: setup
	@bash scripts/desktop_screenshot.sh

clean:
	rm -rf build dist out .pytest_cache
