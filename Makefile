# The two set-up commands of the README, and what they need.
#   make demo   the pipeline end to end on samples/ (starts a local Kafka broker itself)
#   make test   lint, format and type checks, then the whole test suite (unit +
#               integration against a real Kafka broker)
# Both install everything first: the Python environment (.venv, pinned by
# constraints.txt) and the Kafka broker's jars (Maven Central, cached).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.khabar-installed
# Whether this machine can compile the processors (setup.py): the C compiler Python was
# built with (or $$CC) and Python's headers. Without them the processors run interpreted.
CAN_COMPILE := $(shell $(PYTHON) -c "import os, shutil, sys, sysconfig; \
  cc = (os.environ.get('CC') or sysconfig.get_config_var('CC') or 'cc').split()[0]; \
  headers = os.path.join(sysconfig.get_paths()['include'], 'Python.h'); \
  sys.exit(not (shutil.which(cc) and os.path.exists(headers)))" 2>/dev/null && echo 1)

.PHONY: install compile tools demo test lint test-unit test-integration broker-start broker-stop bench clean

install: $(STAMP) compile deploy/kafka/.cache/libs/.complete

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

# processors/ as C extensions beside their sources, about 1.5x faster. At every make
# install: a build whose record matches every source (processors.COMPILED) costs that
# check (~0.1 s); any other, stale, partial or missing, is redone (about 2 minutes).
# processors/compiled.py runs the sources whenever the build is not fresh. A failed
# build is said here and leaves the processors interpreted (make test then fails where
# compiling should have worked: KHABAR_REQUIRE_COMPILED).
compile: $(STAMP)
ifeq ($(CAN_COMPILE),1)
	@env -u KHABAR_PURE $(BIN)/python -c "import processors, sys; sys.exit(not processors.COMPILED)" 2>/dev/null \
	  || KHABAR_COMPILE=1 $(BIN)/python setup.py --quiet build_ext --inplace -j 2 \
	  || echo "compiling processors/ failed: they run interpreted, about 1.5x slower (see setup.py)" >&2
else
	@echo "no C compiler or Python headers: the processors run interpreted, about 1.5x slower (see setup.py)" >&2
endif

deploy/kafka/.cache/libs/.complete: deploy/kafka/pom.xml
	bash deploy/kafka/kafka.sh fetch

# The deploy tests validate docker-compose.yml with Debian's docker-compose (v1.29, which
# parses a compose file without a Docker engine).
tools:
	@command -v docker-compose >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null; \
	  else echo "install docker-compose (Debian: apt-get install docker-compose) for the deploy tests" >&2; exit 1; fi; }

demo: install
	$(BIN)/khabar demo

# KHABAR_REQUIRE_COMPILED: where compiling can work, the suite checks the build is in use.
test: install tools lint
	KHABAR_REQUIRE_COMPILED=$(CAN_COMPILE) $(BIN)/python -m pytest

# Lint, format check and type check (ruff, mypy; configured in pyproject.toml).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test-unit: install
	$(BIN)/python -m pytest -m "not integration"

test-integration: install
	$(BIN)/python -m pytest tests/integration

broker-start: install
	bash deploy/kafka/kafka.sh start

broker-stop:
	bash deploy/kafka/kafka.sh stop

bench: install
	$(BIN)/python -m benchmarks.all

clean: broker-stop
	rm -rf $(VENV) deploy/kafka/.run deploy/kafka/.cache .khabar build processors/compiled.json
	find processors -name '*.so' -delete
