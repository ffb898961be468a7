// zcomp_rank_stage: the part that the compress and expand units share. An
// optional input register, then the exclusive prefix popcount of the keep
// mask (each kept lane's rank among the kept lanes). The mask and an N-lane
// data vector travel beside the prefix sum through the same number of
// registers, so all outputs belong to the same vector.
//
// Parameters:
// - N (power of two, 4 to 64): lanes. W: bits per data lane.
// - Topology: prefix-sum topology (zcomp_prefix_sum).
// - InReg (0/1): register in front of the prefix sum.
// - PrefixStages: registers inside the prefix sum (0 to its level count).
//
// Latency: InReg + PrefixStages cycles (0 = combinational). Every register
// loads when en_i is high (the enable of the unit's stall pipeline), so the
// stage takes one vector per enabled cycle.
// Guarantees: excl_o[i] = number of set bits of keep_o below lane i, and
// total_o = popcount(keep_o), for the vector now on keep_o/data_o.
module zcomp_rank_stage
  import zcomp_pkg::*;
#(
  parameter int unsigned  N            = 16,
  parameter int unsigned  W            = 32,
  parameter prefix_topo_e Topology     = TopoSklansky,
  parameter int unsigned  InReg        = 0,
  parameter int unsigned  PrefixStages = 0,
  localparam int unsigned CntW         = $clog2(N + 1)
) (
  input  logic                   clk_i,
  input  logic                   rst_ni,
  input  logic                   en_i,
  input  logic [N-1:0]           keep_i,
  input  logic [N-1:0][W-1:0]    data_i,
  output logic [N-1:0]           keep_o,
  output logic [N-1:0][W-1:0]    data_o,
  output logic [N-1:0][CntW-1:0] excl_o,
  output logic [CntW-1:0]        total_o
);
  if (InReg > 1) begin : gen_bad_in_reg
    $error("zcomp_rank_stage: InReg must be 0 or 1");
  end
  if (W == 0) begin : gen_bad_w
    $error("zcomp_rank_stage: W must be at least 1");
  end

  logic [N-1:0]        keep_b;
  logic [N-1:0][W-1:0] data_b;
  zcomp_delay #(
    .Width(N + N * W),
    .Depth(InReg)
  ) u_in_reg (
    .clk_i (clk_i),
    .rst_ni(rst_ni),
    .en_i  (en_i),
    .d_i   ({keep_i, data_i}),
    .q_o   ({keep_b, data_b})
  );

  zcomp_prefix_sum #(
    .N       (N),
    .Topology(Topology),
    .Stages  (PrefixStages)
  ) u_prefix (
    .clk_i  (clk_i),
    .rst_ni (rst_ni),
    .en_i   (en_i),
    .bits_i (keep_b),
    .excl_o (excl_o),
    .total_o(total_o)
  );

  zcomp_delay #(
    .Width(N + N * W),
    .Depth(PrefixStages)
  ) u_prefix_side (
    .clk_i (clk_i),
    .rst_ni(rst_ni),
    .en_i  (en_i),
    .d_i   ({keep_b, data_b}),
    .q_o   ({keep_o, data_o})
  );
endmodule
