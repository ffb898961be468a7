// zcomp_compact: moves the kept lanes of a vector down to lanes
// 0..count-1 in ascending lane order. Every other output lane is zero.
//
// Inputs: keep_i (lane mask), excl_i (exclusive prefix count of keep_i, from
// zcomp_prefix_sum) and data_i.
// out[excl_i[i]] = data_i[i] for each kept lane i.
//
// Parameters:
// - N: lanes, a power of two from 2 to 64. W: bits per lane.
// - Network:
//   NetMux   output-indexed multiplexer. Output j ORs together the lanes
//            i >= j whose rank excl_i[i] equals j, and at most one of them
//            is kept. Depth is one compare plus an AND-OR tree of N-j inputs.
//   NetShift log2(N) stages. A kept lane i must move down by
//            dist(i) = i - excl_i[i], the number of dropped lanes below it,
//            and stage s moves it by 2^s when bit s of dist(i) is set. The
//            stages run from the lowest bit up, so two elements never meet:
//            after stage s lanes i < j sit at i - (dist(i) mod 2^(s+1)) and
//            j - (dist(j) mod 2^(s+1)), and those stay distinct because
//            dist(j) - dist(i) < j - i. Each output needs a 2:1 mux per
//            stage, so the cost is N*W*log2(N) mux bits.
//
// Latency: combinational. Throughput: one vector per cycle.
// Guarantees: both networks give the same output for every input (checked
// in lockstep against the model for both); dropped data never reaches an
// output.
//
// Example (N = 4): keep_i = 4'b1010, data_i = {D, C, B, A} (lane 3 first)
//   -> out = {0, 0, D, B}
module zcomp_compact
  import zcomp_pkg::*;
#(
  parameter int unsigned  N       = 16,
  parameter int unsigned  W       = 32,
  parameter compact_net_e Network = NetMux,
  localparam int unsigned CntW    = $clog2(N + 1)
) (
  input  logic [N-1:0]           keep_i,
  input  logic [N-1:0][CntW-1:0] excl_i,
  input  logic [N-1:0][W-1:0]    data_i,
  output logic [N-1:0][W-1:0]    data_o
);
  localparam int unsigned Lg = $clog2(N);

  if (!is_pow2(N) || N < 2 || N > 64) begin : gen_bad_n
    $error("zcomp_compact: N must be a power of two from 2 to 64");
  end

  if (Network == NetMux) begin : gen_mux
    for (genvar j = 0; j < N; j++) begin : gen_out
      logic [N-1:0][W-1:0] cand;
      for (genvar i = 0; i < N; i++) begin : gen_in
        if (i >= j) begin : gen_reach
          assign cand[i] = (keep_i[i] && excl_i[i] == CntW'(j)) ? data_i[i] : '0;
        end else begin : gen_none
          // A lane only ever moves down, so lanes below j cannot reach output j.
          assign cand[i] = '0;
        end
      end
      always_comb begin
        data_o[j] = '0;
        for (int i = j; i < N; i++) data_o[j] |= cand[i];
      end
    end
  end else if (Network == NetShift) begin : gen_shift
    // Per stage: occupancy, element, and remaining distance of each position.
    logic [N-1:0]          occ [Lg+1]  /* verilator split_var */;
    logic [N-1:0][W-1:0]   elem[Lg+1]  /* verilator split_var */;
    logic [N-1:0][Lg-1:0]  gap[Lg+1]  /* verilator split_var */;
    for (genvar i = 0; i < N; i++) begin : gen_init
      logic [CntW-1:0] lane_minus_rank;
      assign lane_minus_rank = CntW'(i) - excl_i[i];
      // rank <= lane < N, so lane - rank < N and its top bit (worth N) is 0.
      logic unused_msb;
      assign unused_msb = lane_minus_rank[CntW-1];
      assign occ[0][i]  = keep_i[i];
      assign elem[0][i] = keep_i[i] ? data_i[i] : '0;
      assign gap[0][i] = lane_minus_rank[Lg-1:0];
    end
    for (genvar s = 0; s < Lg; s++) begin : gen_stage
      for (genvar p = 0; p < N; p++) begin : gen_pos
        logic stay, take;
        assign stay = occ[s][p] && !gap[s][p][s];
        if (p + (1 << s) < N) begin : gen_from_above
          assign take = occ[s][p+(1<<s)] && gap[s][p+(1<<s)][s];
        end else begin : gen_top
          assign take = 1'b0;
        end
        assign occ[s+1][p] = stay | take;
        if (p + (1 << s) < N) begin : gen_mux2
          assign elem[s+1][p] = take ? elem[s][p+(1<<s)] : (stay ? elem[s][p] : '0);
          assign gap[s+1][p] = take ? gap[s][p+(1<<s)] : (stay ? gap[s][p] : '0);
        end else begin : gen_keep
          assign elem[s+1][p] = stay ? elem[s][p] : '0;
          assign gap[s+1][p] = stay ? gap[s][p] : '0;
        end
      end
    end
    assign data_o = elem[Lg];
    // The top bit of lane - rank is always 0 (rank <= lane < N) and the
    // remaining distance is fully consumed by the last stage.
    logic unused_shift;
    assign unused_shift = ^{occ[Lg], gap[Lg]};
  end else begin : gen_bad_net
    $error("zcomp_compact: unknown Network");
  end
endmodule
