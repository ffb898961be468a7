// zcomp_unit_selftest: a self-test of the compress and expand units alone,
// for FPGAs too small for zcomp_engine (the iCEBreaker's UP5K). The same
// status line and LEDs as zcomp_selftest (zcomp_status), without the L1 and
// the engines: the vectors go through zcomp_compress, the header and the
// packed payload go straight into zcomp_expand, and the expanded vector is
// compared with the generator run again.
//
// The loop, block after block:
//   1. both generators (zcomp_fmap_gen, N lanes) are seeded from the block's
//      seed (the first block's is Seed);
//   2. BlockVecs vectors go into zcomp_compress with CCF "zero" (lossless),
//      one per cycle; zcomp_expand takes each header (keep) and payload;
//   3. each expanded vector is compared with the check-side generator's
//      vector; a difference adds one to `errors`;
//   4. when the block's last vector is checked the block is added to the
//      totals (out = header and payload bytes, HB + count * EW/8 per vector,
//      as the interleaved layout stores it) and the seed moves on
//      (xorshift32).
// fault_i flips header bit 0 (lane 0's keep bit) between the units while
// held, so the check fails (a kept lane 0 comes back as 0). It may come
// straight from a button: it goes through a two-flip-flop synchronizer
// (zcomp_sync) first, so it acts 2 cycles late.
//
// Parameters: N, EW (the vector format, as zcomp_compress), Topology,
// Network, PrefixStages (the compress unit's prefix sum; the expand unit
// gets the same), BlockVecs (vectors per block, at least 1), ClkHz, Baud,
// CntW (zcomp_status), Seed (not 0).
// Latency: a vector is checked PrefixStages + 2 cycles after it is issued
// (the compress and expand output registers). Throughput: one vector per
// cycle, plus one cycle per block for seeding.
// Guarantees: every vector issued is checked exactly once (the expand unit's
// ready always holds; nothing waits), so the totals are exact.
module zcomp_unit_selftest
  import zcomp_pkg::*;
  import zcomp_fpga_pkg::xorshift32;
#(
  parameter int unsigned  N            = 8,
  parameter int unsigned  EW           = 8,
  parameter prefix_topo_e Topology     = TopoSklansky,
  parameter compact_net_e Network      = NetMux,
  parameter int unsigned  PrefixStages = 0,
  parameter int unsigned  BlockVecs    = 16,
  parameter int unsigned  ClkHz        = 12_000_000,
  parameter int unsigned  Baud         = 115_200,
  parameter int unsigned  CntW         = 32,
  parameter logic [31:0]  Seed         = 32'h2545_F491
) (
  input  logic       clk_i,
  input  logic       rst_ni,
  input  logic [4:0] sparsity_i,
  input  logic       fault_i,
  output logic       heartbeat_o,
  output logic       pass_o,
  output logic       fail_o,
  output logic       uart_tx_o
);
  localparam int unsigned HB   = (N + 7) / 8;
  localparam int unsigned EB   = EW / 8;
  localparam int unsigned CntN = $clog2(N + 1);
  localparam int unsigned VecW = $clog2(BlockVecs + 1);

  if (BlockVecs == 0) begin : gen_bad_block
    $error("zcomp_unit_selftest: BlockVecs must be at least 1");
  end
  if (Seed == 0) begin : gen_bad_seed
    $error("zcomp_unit_selftest: Seed must not be 0");
  end

  // ------------------------------------------------------------ the loop
  logic            init_q;       // seeding the generators this cycle
  logic [VecW-1:0] issued_q, checked_q;
  logic [31:0]     seed_q;
  logic [CntW-1:0] out_blk_q;
  logic [CntW-1:0] blocks_q, vectors_q, in_q, out_q, errors_q;
  logic [N-1:0][EW-1:0] issue_data, check_data;
  logic            c_valid_i, c_ready, c_valid_o, x_ready, x_valid;
  logic            issue_step, check_step, block_done, bad;

  zcomp_fmap_gen #(.Lanes(N), .EW(EW)) u_gen_issue (
    .clk_i, .rst_ni, .load_i(init_q), .seed_i(seed_q), .step_i(issue_step),
    .sparsity_i, .data_o(issue_data)
  );
  zcomp_fmap_gen #(.Lanes(N), .EW(EW)) u_gen_check (
    .clk_i, .rst_ni, .load_i(init_q), .seed_i(seed_q), .step_i(check_step),
    .sparsity_i, .data_o(check_data)
  );

  // ------------------------------------------------------------ the units
  logic [N-1:0]         keep, keep_x;
  logic [CntN-1:0]      count;
  logic [N-1:0][EW-1:0] payload, expanded;
  assign c_valid_i  = !init_q && issued_q != VecW'(BlockVecs);
  assign issue_step = c_valid_i && c_ready;

  zcomp_compress #(
    .N(N), .EW(EW), .Topology(Topology), .Network(Network),
    .InReg(0), .PrefixStages(PrefixStages), .OutReg(1)
  ) u_compress (
    .clk_i, .rst_ni,
    .valid_i(c_valid_i), .ready_o(c_ready), .data_i(issue_data), .ccf_i(CcfZero),
    .thresh_i('0),
    .valid_o(c_valid_o), .ready_i(x_ready), .keep_o(keep), .count_o(count), .payload_o(payload)
  );

  // The fault input may be a button, asynchronous to the clock.
  logic fault;
  zcomp_sync u_fault_sync (.clk_i, .d_i(fault_i), .q_o(fault));
  assign keep_x = keep ^ N'(fault);

  zcomp_expand #(
    .N(N), .EW(EW), .Topology(Topology), .Network(Network),
    .InReg(0), .PrefixStages(PrefixStages), .OutReg(1)
  ) u_expand (
    .clk_i, .rst_ni,
    .valid_i(c_valid_o), .ready_o(x_ready), .keep_i(keep_x), .payload_i(payload),
    .valid_o(x_valid), .ready_i(1'b1), .data_o(expanded)
  );

  assign check_step = x_valid;
  assign bad        = x_valid && expanded != check_data;
  assign block_done = x_valid && checked_q == VecW'(BlockVecs - 1);

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      init_q    <= 1'b1;
      issued_q  <= '0;
      checked_q <= '0;
      seed_q    <= Seed;
      out_blk_q <= '0;
      blocks_q  <= '0;
      vectors_q <= '0;
      in_q      <= '0;
      out_q     <= '0;
      errors_q  <= '0;
    end else begin
      init_q <= 1'b0;
      if (issue_step) issued_q <= issued_q + 1'b1;
      if (c_valid_o && x_ready) out_blk_q <= out_blk_q + CntW'(HB) + CntW'(count) * CntW'(EB);
      if (x_valid) checked_q <= checked_q + 1'b1;
      if (block_done) begin
        init_q    <= 1'b1;
        issued_q  <= '0;
        checked_q <= '0;
        seed_q    <= xorshift32(seed_q);
        out_blk_q <= '0;
        blocks_q  <= blocks_q + 1'b1;
        vectors_q <= vectors_q + CntW'(BlockVecs);
        in_q      <= in_q + CntW'(BlockVecs * N * EB);
        out_q     <= out_q + out_blk_q;
      end
      if (bad && errors_q != '1) errors_q <= errors_q + 1'b1;
    end
  end

  // ------------------------------------------------------------ status
  zcomp_status #(.ClkHz(ClkHz), .Baud(Baud), .CntW(CntW)) u_status (
    .clk_i, .rst_ni, .blocks_i(blocks_q), .vectors_i(vectors_q), .in_i(in_q), .out_i(out_q),
    .errors_i(errors_q), .heartbeat_o, .pass_o, .fail_o, .uart_tx_o
  );
endmodule
