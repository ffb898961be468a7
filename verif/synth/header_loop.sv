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
// the loop), so that the loop reads HB counts of 4 bits and adds them.
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
  logic [$clog2(N+1)-1:0]   cnt;

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

  always_ff @(posedge clk_i) begin
    hptr_q <= hptr_q + AddrW'(HB) + AddrW'(cnt) * AddrW'(EW / 8);
  end
  assign dout_o = ^hptr_q;
endmodule
