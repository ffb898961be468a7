// zcomp_expand: the vector expand unit (the datapath of ZCOMPL).
//
// Takes a header (keep_i) and a packed payload (kept elements in lanes
// 0..popcount(keep_i)-1) and rebuilds the full vector: lane i gets the next
// packed element when keep_i[i] is set, and zero otherwise. Payload lanes
// at or above popcount(keep_i) are ignored.
//
// Datapath:
//   zcomp_rank_stage ([InReg], then zcomp_prefix_sum with PrefixStages
//   registers inside) -> zcomp_scatter -> [OutReg] -> outputs ANDed with valid_o
//
// Parameters: N, EW, Topology, Network, InReg, PrefixStages, OutReg as in
// zcomp_compress (InReg here registers the inputs).
// Handshakes: valid/ready on both sides (stall pipeline).
// Latency = InReg + PrefixStages + OutReg cycles (0 = combinational).
// Throughput: one vector per cycle while ready_i is high.
// Guarantees: data_o is 0 while valid_o is 0; a dropped lane is always 0.
module zcomp_expand
  import zcomp_pkg::*;
#(
  parameter int unsigned  N            = 16,
  parameter int unsigned  EW           = 32,
  parameter prefix_topo_e Topology     = TopoSklansky,
  parameter compact_net_e Network      = NetMux,
  parameter int unsigned  InReg        = 0,
  parameter int unsigned  PrefixStages = 0,
  parameter int unsigned  OutReg       = 1
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,
  // Compressed vector
  input  logic                 valid_i,
  output logic                 ready_o,
  input  logic [N-1:0]         keep_i,
  input  logic [N-1:0][EW-1:0] payload_i,
  // Expanded vector
  output logic                 valid_o,
  input  logic                 ready_i,
  output logic [N-1:0][EW-1:0] data_o
);
  localparam int unsigned Latency = InReg + PrefixStages + OutReg;
  localparam int unsigned CntW = $clog2(N + 1);

  if (!is_pow2(N) || N < 4 || N > 64) begin : gen_bad_n
    $error("zcomp_expand: N must be a power of two from 4 to 64");
  end
  if (EW != 8 && EW != 16 && EW != 32) begin : gen_bad_ew
    $error("zcomp_expand: EW must be 8, 16 or 32");
  end
  if (InReg > 1 || OutReg > 1) begin : gen_bad_reg
    $error("zcomp_expand: InReg and OutReg must be 0 or 1");
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

  logic [N-1:0][CntW-1:0] excl_c;
  logic [CntW-1:0]        total_c;
  logic [N-1:0]           keep_c;
  logic [N-1:0][EW-1:0]   payload_c;
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
    .keep_i (keep_i),
    .data_i (payload_i),
    .keep_o (keep_c),
    .data_o (payload_c),
    .excl_o (excl_c),
    .total_o(total_c)
  );
  // The scatter needs only the per-lane ranks, not the total.
  logic unused_total;
  assign unused_total = ^total_c;

  logic [N-1:0][EW-1:0] data_c;
  zcomp_scatter #(
    .N      (N),
    .W      (EW),
    .Network(Network)
  ) u_scatter (
    .keep_i(keep_c),
    .excl_i(excl_c),
    .data_i(payload_c),
    .data_o(data_c)
  );

  logic [N-1:0][EW-1:0] data_e;
  zcomp_delay #(
    .Width(N * EW),
    .Depth(OutReg)
  ) u_out_reg (
    .clk_i (clk_i),
    .rst_ni(rst_ni),
    .en_i  (en),
    .d_i   (data_c),
    .q_o   (data_e)
  );

  assign data_o = valid_o ? data_e : '0;
endmodule
