# `make brief` and `make test` work on a fresh machine: each installs what is missing first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export HF_HUB_OFFLINE := 1

.PHONY: brief test test-fast samples system-deps install clean

brief: $(STAMP)
	$(BIN)/briefing build seeds/ -o out/

test: $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

# the briefs in samples/ are the seeds brief exactly as `make brief` makes it
samples: brief
	mkdir -p samples/seeds
	cp out/brief.html out/brief.pdf out/brief.md out/brief.json samples/seeds/

install: $(STAMP)

system-deps:
	@bash scripts/system-deps.sh

# torch first, pinned through the constraints file: any other torch spec pulls CUDA packages
$(STAMP): pyproject.toml constraints.txt scripts/system-deps.sh
	@bash scripts/system-deps.sh
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing into $(VENV) (log: $(VENV)/install.log)"
	@$(BIN)/pip install -c constraints.txt torch==2.13.0 > $(VENV)/install.log 2>&1 \
		|| (tail -30 $(VENV)/install.log; exit 1)
	@$(BIN)/pip install -c constraints.txt -e '.[test,onnx]' >> $(VENV)/install.log 2>&1 \
		|| (tail -30 $(VENV)/install.log; exit 1)
	@touch $(STAMP)

clean:
	rm -rf out build dist .pytest_cache

# benchmarks (BENCHMARKS.md): not part of `make test`; they install the bench extra first
.PHONY: bench bench-quality bench-speed bench-deps
BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): $(STAMP) pyproject.toml
	@$(BIN)/pip install -c constraints.txt -e '.[test,bench]' >> $(VENV)/install.log 2>&1 \
		|| (tail -30 $(VENV)/install.log; exit 1)
	@touch $(BENCH_STAMP)

bench-deps: $(BENCH_STAMP)

bench: bench-quality bench-speed

bench-quality: $(BENCH_STAMP)
	$(BIN)/python -m benchmarks.quality

bench-speed: $(BENCH_STAMP)
	$(BIN)/python -m benchmarks.speed --sizes 10 100 1000 --backend onnx --peers --peer-timeout 400 --lexrank-timeout 120
