// zcomp_compress: the vector compress unit (the datapath of ZCOMPS).
//
// Takes one N-lane vector, a CCF and a threshold, and produces:
// - keep_o:    the header, bit i = lane i kept (docs/format.md section 2.1)
// - count_o:   popcount(keep_o), the number of payload elements
// - payload_o: the kept elements in lanes 0..count_o-1, ascending lane
//              order; lanes >= count_o are zero.
//
// Datapath:
//   data_i -> zcomp_mask_gen -> zcomp_rank_stage ([InReg], then
//   zcomp_prefix_sum with PrefixStages registers inside) -> zcomp_compact ->
//   [OutReg] -> outputs ANDed with valid_o
//
// Parameters:
// - N (power of two, 4 to 64), EW (8, 16, 32).
// - Topology: prefix-sum topology. Network: NetMux or NetShift.
// - InReg (0/1): register between mask generation and the prefix sum.
// - PrefixStages: registers inside the prefix sum (0 to its level count).
// - OutReg (0/1): register at the outputs.
//
// Handshakes: valid/ready on both sides (zcomp_pipe_ctrl, a stall pipeline).
// Latency = InReg + PrefixStages + OutReg cycles. When it is 0 the unit is
// combinational and ready_o = ready_i.
// Throughput: one vector per cycle while ready_i is high.
// Guarantees: while valid_o is 0 every data output is 0, so the outputs are
// fully defined on every cycle after reset. count_o always equals
// popcount(keep_o) (assertion).
module zcomp_compress
  import zcomp_pkg::*;
#(
  parameter int unsigned  N            = 16,
  parameter int unsigned  EW           = 32,
  parameter prefix_topo_e Topology     = TopoSklansky,
  parameter compact_net_e Network      = NetMux,
  parameter int unsigned  InReg        = 0,
  parameter int unsigned  PrefixStages = 0,
  parameter int unsigned  OutReg       = 1,
  localparam int unsigned CntW         = $clog2(N + 1)
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,
  // Input vector
  input  logic                 valid_i,
  output logic                 ready_o,
  input  logic [N-1:0][EW-1:0] data_i,
  input  ccf_e                 ccf_i,
  input  logic [EW-1:0]        thresh_i,
  // Compressed vector
  output logic                 valid_o,
  input  logic                 ready_i,
  output logic [N-1:0]         keep_o,
  output logic [CntW-1:0]      count_o,
  output logic [N-1:0][EW-1:0] payload_o
);
  localparam int unsigned Latency = InReg + PrefixStages + OutReg;

  if (!is_pow2(N) || N < 4 || N > 64) begin : gen_bad_n
    $error("zcomp_compress: N must be a power of two from 4 to 64");
  end
  if (EW != 8 && EW != 16 && EW != 32) begin : gen_bad_ew
    $error("zcomp_compress: EW must be 8, 16 or 32");
  end
  if (InReg > 1 || OutReg > 1) begin : gen_bad_reg
    $error("zcomp_compress: InReg and OutReg must be 0 or 1");
  end

  logic en;
  zcomp_pipe_ctrl #(
    .Latency(Latency)
  ) u_ctrl (
    .clk_i  (clk_i),
    .rst_ni (rst_ni),
    .valid_i(valid_i),
    .ready_o(ready_o),
    .valid_o(valid_o),
    .ready_i(ready_i),
    .en_o   (en)
  );

  // Stage A: mask generation.
  logic [N-1:0] keep_a;
  zcomp_mask_gen #(
    .N (N),
    .EW(EW)
  ) u_mask (
    .data_i  (data_i),
    .ccf_i   (ccf_i),
    .thresh_i(thresh_i),
    .keep_o  (keep_a)
  );

  // Stages B and C: optional register, then the prefix sum over the mask;
  // the mask and the data travel beside it.
  logic [N-1:0][CntW-1:0] excl_c;
  logic [CntW-1:0]        total_c;
  logic [N-1:0]           keep_c;
  logic [N-1:0][EW-1:0]   data_c;
  zcomp_rank_stage #(
    .N           (N),
    .W           (EW),
    .Topology    (Topology),
    .InReg       (InReg),
    .PrefixStages(PrefixStages)
  ) u_rank (
    .clk_i  (clk_i),
    .rst_ni (rst_ni),
    .en_i   (en),
    .keep_i (keep_a),
    .data_i (data_i),
    .keep_o (keep_c),
    .data_o (data_c),
    .excl_o (excl_c),
    .total_o(total_c)
  );

  // Stage D: compaction.
  logic [N-1:0][EW-1:0] payload_c;
  zcomp_compact #(
    .N      (N),
    .W      (EW),
    .Network(Network)
  ) u_compact (
    .keep_i(keep_c),
    .excl_i(excl_c),
    .data_i(data_c),
    .data_o(payload_c)
  );

  // Stage E: optional output register, then gate with valid.
  logic [N-1:0]         keep_e;
  logic [CntW-1:0]      count_e;
  logic [N-1:0][EW-1:0] payload_e;
  zcomp_delay #(
    .Width(N + CntW + N * EW),
    .Depth(OutReg)
  ) u_out_reg (
    .clk_i (clk_i),
    .rst_ni(rst_ni),
    .en_i  (en),
    .d_i   ({keep_c, total_c, payload_c}),
    .q_o   ({keep_e, count_e, payload_e})
  );

  assign keep_o    = valid_o ? keep_e : '0;
  assign count_o   = valid_o ? count_e : '0;
  assign payload_o = valid_o ? payload_e : '0;

`ifndef SYNTHESIS
  // Self-check: the count is the popcount of the header. Not checked while
  // in reset, where the valid bits may not have been cleared yet.
  always_comb begin
    if (rst_ni && valid_o) begin
      assert (count_o == CntW'($countones(keep_o)))
      else $error("zcomp_compress: count_o %0d != popcount(keep_o)", count_o);
    end
  end
`endif
endmodule
