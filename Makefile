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
# The processors compiled with mypyc (setup.py): its record, written last by the build.
COMPILED := processors/compiled.json
# A C compiler is what compiling needs; without one the processors run interpreted.
HAVE_CC := $(shell command -v $${CC:-cc} >/dev/null 2>&1 && echo 1)

.PHONY: install tools demo test lint test-unit test-integration broker-start broker-stop bench clean

install: $(STAMP) $(COMPILED) deploy/kafka/.cache/libs/.complete

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

# processors/ as C extensions beside their sources, about 1.5x faster, rebuilt whenever a
# source changes (about 2 minutes); processors/compiled.py runs the sources instead if
# they changed since. Without a C compiler: interpreted, said here and by the worker.
$(COMPILED): $(STAMP) setup.py $(shell find processors -name '*.py')
ifeq ($(HAVE_CC),1)
	KHABAR_COMPILE=1 $(BIN)/python setup.py --quiet build_ext --inplace -j 2
else
	@echo "no C compiler (cc): the processors run interpreted, about 1.5x slower (see setup.py)" >&2
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

# KHABAR_REQUIRE_COMPILED: where a compiler is, the suite checks the build is in use.
test: install tools lint
	KHABAR_REQUIRE_COMPILED=$(HAVE_CC) $(BIN)/python -m pytest

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
	rm -rf $(VENV) deploy/kafka/.run deploy/kafka/.cache .khabar build $(COMPILED)
	find processors -name '*.so' -delete
