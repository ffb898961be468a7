// wc_top: an FPGA experiment, not part of the design (it is in no
// sources.f). The store engine's write-combining buffer (zcomp_wc_buffer)
// alone between registers, as zcomp_engine_top does for the engines: every
// input comes from a shift register fed by one pin and the outputs are
// registered and XOR-reduced to one pin, so every path timed runs from a
// register to a register through the buffer. It tells whether the store
// engine's back end, which takes one run a cycle and places it at any byte
// of a line, could reach the clock the engine is meant for (docs/fpga.md,
// "What limits the clock").
//
// Parameters: LineBytes, AddrW and RunBytes as in zcomp_wc_buffer. The
// defaults are the ULX3S store engine's data buffer (64-byte lines, 16-bit
// addresses, runs of up to HB + N*EW/8 = 66 bytes at N=16 EW=32 P=1).
// Latency and throughput: not a functional block, only for area and Fmax.
// Run: TAG=wc-top TOP_OVERRIDE=wc_top EXTRA_SOURCES=verif/synth/wc_top.sv
//      sh verif/synth/fpga_flow.sh ulx3s fpga
module wc_top #(
  parameter int unsigned  LineBytes = 64,
  parameter int unsigned  AddrW     = 16,
  parameter int unsigned  RunBytes  = 66,
  localparam int unsigned LenW      = $clog2(RunBytes + 1)
) (
  input  logic clk_i,
  input  logic rst_ni,
  input  logic din_i,
  output logic dout_o
);
  typedef struct packed {
    logic                  run_valid, run_en, flush, req_ready;
    logic [AddrW-1:0]      run_addr;
    logic [LenW-1:0]       run_len;
    logic [RunBytes*8-1:0] run_data;
  } in_t;
  localparam int unsigned InBits = $bits(in_t);

  logic [InBits-1:0] in_q;
  in_t               in;
  assign in = in_t'(in_q);
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) in_q <= '0;
    else         in_q <= {in_q[InBits-2:0], din_i};
  end

  logic                   run_ready, idle, req_valid;
  logic [AddrW-1:0]       req_addr;
  logic [LineBytes*8-1:0] req_wdata;
  logic [LineBytes-1:0]   req_wstrb;
  zcomp_wc_buffer #(
    .LineBytes(LineBytes), .AddrW(AddrW), .RunBytes(RunBytes)
  ) u_wc (
    .clk_i, .rst_ni,
    .run_valid_i(in.run_valid), .run_en_i(in.run_en), .run_ready_o(run_ready),
    .run_addr_i(in.run_addr), .run_len_i(in.run_len), .run_data_i(in.run_data),
    .flush_i(in.flush), .idle_o(idle),
    .req_valid_o(req_valid), .req_ready_i(in.req_ready), .req_addr_o(req_addr),
    .req_wdata_o(req_wdata), .req_wstrb_o(req_wstrb)
  );

  logic out_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) out_q <= 1'b0;
    else         out_q <= ^{run_ready, idle, req_valid, req_addr, req_wdata, req_wstrb};
  end
  assign dout_o = out_q;
endmodule
