// zcomp_prefix_sum: exclusive prefix sum of N unsigned InW-bit values. With
// InW = 1 (the default) that is the prefix popcount of an N-bit vector.
//
// excl_o[i] = bits_i[0] + ... + bits_i[i-1]  (excl_o[0] = 0)
// total_o   = bits_i[0] + ... + bits_i[N-1]
//
// In a compress unit (InW = 1) excl_o[i] is the payload slot of kept lane
// i, and total_o is the kept count, which sets the compressed size. In the
// store and load engines (InW = bits of a compressed size, N = P) excl_o[k]
// is where vector k of a cycle starts, relative to the first one: the
// prefix sum that breaks the pointer chain between vectors.
//
// Parameters:
// - N: lanes, 1 or a power of two up to 64 (N = 1 is a wire: excl_o = 0).
// - InW: bits per input value (1 = popcount).
// - SumW: bits of the sums; the default holds N * (2^InW - 1) exactly.
// - Topology: the adder network (zcomp_pkg::prefix_topo_e). Every topology
//   computes the same function, and they differ in depth, adder count and
//   fan-out:
//     ripple      N-1 levels       N-1 adders
//     Sklansky    log2 N levels    (N/2) log2 N adders, fan-out up to N/2
//     Kogge-Stone log2 N levels    N log2 N - N + 1 adders, fan-out 2
//     Brent-Kung  2 log2 N - 1     2N - 2 - log2 N adders
// - Stages: pipeline registers between levels, 0 to Levels, spread evenly.
//   The last one sits after the last level.
//
// Latency is Stages cycles of en_i (0 = combinational). Throughput is one
// vector per enabled cycle.
// Guarantees: the result is independent of Topology and Stages (tested
// exhaustively for N <= 8 against ripple, and randomly above).
//
// Example (N = 8): bits_i = 8'b1011_0010 (lanes 1, 4, 5, 7 set)
//   excl_o = {7:3, 6:3, 5:2, 4:1, 3:1, 2:1, 1:0, 0:0}, total_o = 4.
module zcomp_prefix_sum
  import zcomp_pkg::*;
#(
  parameter int unsigned  N        = 16,
  parameter prefix_topo_e Topology = TopoSklansky,
  parameter int unsigned  Stages   = 0,
  parameter int unsigned  InW      = 1,
  parameter int unsigned  SumW     = $clog2(N * ((1 << InW) - 1) + 1)
) (
  input  logic                     clk_i,
  input  logic                     rst_ni,
  input  logic                     en_i,
  input  logic [N-1:0][InW-1:0]    bits_i,
  output logic [N-1:0][SumW-1:0]   excl_o,
  output logic [SumW-1:0]          total_o
);
  localparam int unsigned Levels = prefix_levels(Topology, N);

  if (!is_pow2(N) || N > 64) begin : gen_bad_n
    $error("zcomp_prefix_sum: N must be 1 or a power of two up to 64");
  end
  if (InW < 1 || InW > 24) begin : gen_bad_inw
    $error("zcomp_prefix_sum: InW must be 1 to 24");
  end
  if (SumW < InW) begin : gen_bad_sumw
    $error("zcomp_prefix_sum: SumW must be at least InW");
  end
  if (Stages > Levels) begin : gen_bad_stages
    $error("zcomp_prefix_sum: Stages must not exceed the number of adder levels");
  end

  // lvl[l] is the running sum entering level l; lvl[Levels] is the inclusive sum.
  logic [N-1:0][SumW-1:0] lvl[Levels+1]  /* verilator split_var */;

  for (genvar i = 0; i < N; i++) begin : gen_init
    assign lvl[0][i] = SumW'(bits_i[i]);
  end

  for (genvar l = 0; l < Levels; l++) begin : gen_level
    logic [N-1:0][SumW-1:0] sum;
    for (genvar i = 0; i < N; i++) begin : gen_lane
      localparam int Src = prefix_src(Topology, N, l, i);
      if (Src >= 0) begin : gen_add
        assign sum[i] = lvl[l][i] + lvl[l][Src];
      end else begin : gen_pass
        assign sum[i] = lvl[l][i];
      end
    end
    if (prefix_reg_after(l, Levels, Stages)) begin : gen_reg
      always_ff @(posedge clk_i) begin
        if (en_i) lvl[l+1] <= sum;
      end
    end else begin : gen_comb
      assign lvl[l+1] = sum;
    end
  end

  // Exclusive count = inclusive count of the lane below.
  assign excl_o[0] = '0;
  for (genvar i = 1; i < N; i++) begin : gen_excl
    assign excl_o[i] = lvl[Levels][i-1];
  end
  assign total_o = lvl[Levels][N-1];

  // Registers carry datapath values only and need no reset; a combinational
  // instance has no registers at all.
  logic unused_ctrl;
  assign unused_ctrl = ^{clk_i, rst_ni, en_i};
endmodule
