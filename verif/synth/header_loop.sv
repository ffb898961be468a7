// header_loop: an FPGA experiment, not part of the design (it is in no
// sources.f). The smallest form of the loop that sets the load engine's
// clock (docs/fpga.md, "What limits the clock"): a chained ZCOMPL's header
// address is the previous one plus HB + popcount(header) * EW/8, and the
// header is read out of the stream window at that address. Here the window
// is a plain WindowLines * LineBytes byte register, read at the address
// modulo its size, without the engine's line tags, bounds, payload funnel,
// expansion or handshakes: what is left is the part that a header stage
// (plan step 1 in docs/fpga.md) would keep in one cycle. Its Fmax is an
// upper bound for such a stage.
//
// Parameters: N, EW, LineBytes, WindowLines, AddrW as in zcomp_load_engine.
// Precount: 0 reads the header bytes and counts them in the loop; 1 keeps
// each window byte's popcount (0..8, counted as the byte comes in, outside
// the loop), so that the loop reads HB counts of 4 bits and adds them;
// 2 keeps, beside each window byte, the whole step HB + cnt * EW/8 of a
// header that would start there (worked out as the bytes come in), so the
// loop selects one step and adds it to the address; 3 keeps, beside each
// byte, the window offset of the next header (o + step mod the window), so
// the loop selects the next offset and nothing else, and the address is
// summed one cycle later from the selected step (off the loop). In 2 and 3
// the tables are filled with the bytes (a shift, as the window), which is
// enough for a timing experiment, not a working engine.
// Ports: din_i fills the window a byte a cycle (so that synthesis cannot
// fold it into constants); dout_o is the XOR of the header address.
// Latency and throughput: one header (one chained ZCOMPL) per cycle.
// Run: TAG=header-loop TOP_OVERRIDE=header_loop
//      EXTRA_SOURCES=verif/synth/header_loop.sv sh verif/synth/fpga_flow.sh ulx3s fpga
module header_loop #(
  parameter int unsigned N           = 16,
  parameter int unsigned EW          = 32,
  parameter int unsigned LineBytes   = 64,
  parameter int unsigned WindowLines = 4,
  parameter int unsigned AddrW       = 16,
  parameter int unsigned Precount    = 0
) (
  input  logic       clk_i,
  input  logic [7:0] din_i,
  output logic       dout_o
);
  localparam int unsigned WinBytes = LineBytes * WindowLines;
  localparam int unsigned WinW     = $clog2(WinBytes);
  localparam int unsigned HB       = N / 8;

  logic [AddrW-1:0]         hptr_q;
  // Precount 2 and 3 have no count in the loop (cnt is 0 there).
  /* verilator lint_off UNUSEDSIGNAL */
  logic [$clog2(N+1)-1:0]   cnt;
  /* verilator lint_on UNUSEDSIGNAL */

  if (Precount == 0) begin : gen_count
    logic [WinBytes-1:0][7:0] win_q;
    logic [HB-1:0][7:0]       hdr;
    always_comb begin
      for (int unsigned b = 0; b < HB; b++) begin
        hdr[b] = win_q[WinW'(hptr_q[WinW-1:0] + WinW'(b))];
      end
      cnt = '0;
      for (int unsigned i = 0; i < N; i++) cnt += $bits(cnt)'(hdr[i/8][i%8]);
    end
    always_ff @(posedge clk_i) win_q <= {win_q[WinBytes-2:0], din_i};
  end else if (Precount >= 2) begin : gen_table
    localparam int unsigned StepW = $clog2(HB + N * EW / 8 + 1);
    logic [WinBytes-1:0][StepW-1:0] step_q;
    logic [HB-1:0][3:0]             pc_in_q;
    logic [3:0]                     din_pc;
    logic [$clog2(N+1)-1:0]         cnt_in;
    logic [StepW-1:0]               step_in;
    always_comb begin
      din_pc = '0;
      for (int unsigned i = 0; i < 8; i++) din_pc += 4'(din_i[i]);
      cnt_in = $bits(cnt_in)'(din_pc);
      for (int unsigned b = 1; b < HB; b++) cnt_in += $bits(cnt_in)'(pc_in_q[b-1]);
      step_in = StepW'(HB) + StepW'(cnt_in) * StepW'(EW / 8);
    end
    always_ff @(posedge clk_i) begin
      pc_in_q <= {pc_in_q[HB-2:0], din_pc};
      step_q  <= {step_q[WinBytes-2:0], step_in};
    end
    if (Precount == 2) begin : gen_step
      // The loop: the address, one step selected by it, an add.
      always_ff @(posedge clk_i) begin
        hptr_q <= hptr_q + AddrW'(step_q[hptr_q[WinW-1:0]]);
      end
    end else begin : gen_next
      // The loop: the window offset and the next offset selected by it.
      // The address follows a cycle later from the step at the same offset.
      logic [WinBytes-1:0][WinW-1:0] next_q;
      logic [WinW-1:0]               off_q;
      logic [StepW-1:0]              step_sel_q;
      always_ff @(posedge clk_i) begin
        next_q     <= {next_q[WinBytes-2:0], WinW'(step_in) + WinW'(din_i)};
        off_q      <= next_q[off_q];
        step_sel_q <= step_q[off_q];
        hptr_q     <= hptr_q + AddrW'(step_sel_q);
      end
    end
    assign cnt = '0;
  end else begin : gen_precount
    logic [WinBytes-1:0][3:0] pc_q;
    logic [3:0]               din_pc;
    always_comb begin
      din_pc = '0;
      for (int unsigned i = 0; i < 8; i++) din_pc += 4'(din_i[i]);
      cnt = '0;
      for (int unsigned b = 0; b < HB; b++) begin
        cnt += $bits(cnt)'(pc_q[WinW'(hptr_q[WinW-1:0] + WinW'(b))]);
      end
    end
    always_ff @(posedge clk_i) pc_q <= {pc_q[WinBytes-2:0], din_pc};
  end

  if (Precount < 2) begin : gen_add
    always_ff @(posedge clk_i) begin
      hptr_q <= hptr_q + AddrW'(HB) + AddrW'(cnt) * AddrW'(EW / 8);
    end
  end
  assign dout_o = ^hptr_q;
endmodule
