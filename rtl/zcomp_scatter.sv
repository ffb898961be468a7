// zcomp_scatter: the inverse of zcomp_compact. Packed elements in lanes
// 0..count-1 go back to the lanes whose keep bit is set, and every other
// lane is zero.
//
// out[i] = keep_i[i] ? data_i[excl_i[i]] : 0, where excl_i is the exclusive
// prefix count of keep_i. Input lanes at or above popcount(keep_i) are
// ignored.
//
// Parameters:
// - N: lanes, a power of two from 2 to 64. W: bits per lane.
// - Network:
//   NetMux   per output lane, an N:1 multiplexer indexed by excl_i[i], ANDed
//            with keep_i[i] (the NVDLA-style expand).
//   NetShift the compaction stages run backwards, from 2^(log2 N - 1) down
//            to 1, moving elements up. Each packed element must know how
//            far it goes, which is dist of its destination lane. A
//            zcomp_compact of the narrow dist values (log2 N bits per
//            lane) puts each distance in its element's slot first. The
//            positions visited are those of the compaction in reverse
//            order, so elements never meet.
//
// Latency: combinational. Throughput: one vector per cycle.
// Guarantees: both networks give the same output; garbage in input lanes
// >= popcount(keep_i) never reaches an output.
module zcomp_scatter
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
    $error("zcomp_scatter: N must be a power of two from 2 to 64");
  end

  if (Network == NetMux) begin : gen_mux
    for (genvar i = 0; i < N; i++) begin : gen_out
      // excl_i[i] <= i, so only input lanes 0..i are candidates.
      assign data_o[i] = keep_i[i] ? data_i[excl_i[i][Lg-1:0]] : '0;
    end
    // The top bit of a rank is set only for rank N, which a lane never has.
    logic unused_rank_msb;
    always_comb begin
      unused_rank_msb = 1'b0;
      for (int i = 0; i < N; i++) unused_rank_msb ^= excl_i[i][CntW-1];
    end
  end else if (Network == NetShift) begin : gen_shift
    // Step 1: the distance of each destination lane, compacted into the slot
    // of its element. Bit Lg marks an occupied slot.
    logic [N-1:0][Lg:0] lane_tag, slot_tag;
    for (genvar i = 0; i < N; i++) begin : gen_tag
      logic [CntW-1:0] lane_minus_rank;
      assign lane_minus_rank = CntW'(i) - excl_i[i];
      // rank <= lane < N, so lane - rank < N and its top bit (worth N) is 0.
      logic unused_msb;
      assign unused_msb = lane_minus_rank[CntW-1];
      assign lane_tag[i] = {1'b1, lane_minus_rank[Lg-1:0]};
    end
    zcomp_compact #(
      .N      (N),
      .W      (Lg + 1),
      .Network(NetShift)
    ) u_dist (
      .keep_i(keep_i),
      .excl_i(excl_i),
      .data_i(lane_tag),
      .data_o(slot_tag)
    );

    // Step 2: the reverse shifting network, highest distance bit first.
    logic [N-1:0]         occ [Lg+1]  /* verilator split_var */;
    logic [N-1:0][W-1:0]  elem[Lg+1]  /* verilator split_var */;
    logic [N-1:0][Lg-1:0] gap[Lg+1]  /* verilator split_var */;
    for (genvar p = 0; p < N; p++) begin : gen_init
      assign occ[0][p]  = slot_tag[p][Lg];
      assign elem[0][p] = slot_tag[p][Lg] ? data_i[p] : '0;
      assign gap[0][p] = slot_tag[p][Lg-1:0];
    end
    for (genvar k = 0; k < Lg; k++) begin : gen_stage
      localparam int unsigned S = Lg - 1 - k;  // distance bit handled here
      for (genvar p = 0; p < N; p++) begin : gen_pos
        logic stay, take;
        assign stay = occ[k][p] && !gap[k][p][S];
        if (p >= (1 << S)) begin : gen_from_below
          assign take = occ[k][p-(1<<S)] && gap[k][p-(1<<S)][S];
          assign elem[k+1][p] = take ? elem[k][p-(1<<S)] : (stay ? elem[k][p] : '0);
          assign gap[k+1][p] = take ? gap[k][p-(1<<S)] : (stay ? gap[k][p] : '0);
        end else begin : gen_bottom
          assign take = 1'b0;
          assign elem[k+1][p] = stay ? elem[k][p] : '0;
          assign gap[k+1][p] = stay ? gap[k][p] : '0;
        end
        assign occ[k+1][p] = stay | take;
      end
    end
    assign data_o = elem[Lg];
    logic unused_shift;
    assign unused_shift = ^{occ[Lg], gap[Lg]};
  end else begin : gen_bad_net
    $error("zcomp_scatter: unknown Network");
  end
endmodule
