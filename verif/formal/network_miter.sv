// network_miter: ok_o is 1 when, for the keep mask and the data at the
// inputs (W bits per lane):
//   - both compaction networks (zcomp_compact, NetMux and NetShift) give the
//     same output, and every output lane at or above popcount(keep_i) is 0;
//   - both scatter networks (zcomp_scatter) give the same output;
//   - scatter(compact(data)) is data with the dropped lanes zeroed, so
//     compress then expand returns the input under the lossless CCF (whose
//     dropped lanes are exactly the zero ones).
// The ranks come from the ripple prefix sum. The routing does not depend on
// the data bits, so W = 1 proves it for every element width (docs/verification.md).
// Parameters: N (lanes), W (bits per lane).
module network_miter
  import zcomp_pkg::*;
#(
  parameter int unsigned  N    = 8,
  parameter int unsigned  W    = 1,
  localparam int unsigned CntW = $clog2(N + 1)
) (
  input  logic [N-1:0]        keep_i,
  input  logic [N-1:0][W-1:0] data_i,
  output logic                ok_o,
  output logic                bad_o   // !ok_o: the output a SAT-sweeping prover wants at 0
);
  logic [N-1:0][CntW-1:0] excl;
  logic [CntW-1:0]        count;
  logic [N-1:0][W-1:0]    packed_mux, packed_shift, back_mux, back_shift, masked;

  zcomp_prefix_sum #(.N(N), .Topology(TopoRipple), .Stages(0)) u_rank (
    .clk_i(1'b0), .rst_ni(1'b1), .en_i(1'b1), .bits_i(keep_i), .excl_o(excl), .total_o(count)
  );
  zcomp_compact #(.N(N), .W(W), .Network(NetMux)) u_cmux (
    .keep_i, .excl_i(excl), .data_i, .data_o(packed_mux)
  );
  zcomp_compact #(.N(N), .W(W), .Network(NetShift)) u_cshift (
    .keep_i, .excl_i(excl), .data_i, .data_o(packed_shift)
  );
  zcomp_scatter #(.N(N), .W(W), .Network(NetMux)) u_smux (
    .keep_i, .excl_i(excl), .data_i(packed_mux), .data_o(back_mux)
  );
  zcomp_scatter #(.N(N), .W(W), .Network(NetShift)) u_sshift (
    .keep_i, .excl_i(excl), .data_i(packed_mux), .data_o(back_shift)
  );

  for (genvar j = 0; j < N; j++) begin : gen_mask
    assign masked[j] = keep_i[j] ? data_i[j] : '0;
  end
  always_comb begin
    ok_o = packed_mux == packed_shift && back_mux == back_shift && back_mux == masked;
    for (int unsigned j = 0; j < N; j++) begin
      if (CntW'(j) >= count && packed_mux[j] != '0) ok_o = 1'b0;
    end
  end
  assign bad_o = !ok_o;
endmodule
