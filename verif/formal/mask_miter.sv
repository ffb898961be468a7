// mask_miter: ok_o is 1 when zcomp_mask_gen's keep bits match the CCF
// definitions of docs/format.md section 4, written here again in another
// form, for every lane, at full element width EW:
//   zero           drop when x == 0
//   fp-zero        drop when every bit but the sign is 0 (+0.0 and -0.0)
//   int-threshold  drop when -T <= x <= T, x signed (two's complement), T unsigned
//   fp-threshold   drop when (x without its sign) <= (T without its sign)
// Proved for every x and T, so -0.0, NaN, the infinities and denormals are
// all among the cases (for fp: NaN has the largest magnitudes, so it is
// dropped only by a NaN threshold at least as large).
// Parameters: N (lanes), EW (8, 16, 32).
module mask_miter
  import zcomp_pkg::*;
#(
  parameter int unsigned N  = 2,
  parameter int unsigned EW = 8
) (
  input  logic [N-1:0][EW-1:0] data_i,
  input  ccf_e                 ccf_i,
  input  logic [EW-1:0]        thresh_i,
  output logic                 ok_o,
  output logic                 bad_o   // !ok_o: the output a SAT-sweeping prover wants at 0
);
  logic [N-1:0] keep;
  zcomp_mask_gen #(.N(N), .EW(EW)) u_dut (.data_i, .ccf_i, .thresh_i, .keep_o(keep));

  always_comb begin
    ok_o = 1'b1;
    for (int unsigned i = 0; i < N; i++) begin
      logic signed [EW+1:0] sx, st;
      logic                 drop;
      sx = (EW+2)'($signed(data_i[i]));   // sign-extended
      st = $signed({2'b00, thresh_i});
      unique case (ccf_i)
        CcfZero:      drop = data_i[i] == '0;
        CcfFpZero:    drop = (data_i[i] & ~(EW'(1) << (EW - 1))) == '0;
        CcfIntThresh: drop = sx <= st && sx >= -st;
        default:      drop = (data_i[i] & ~(EW'(1) << (EW - 1))) <= (thresh_i & ~(EW'(1) << (EW - 1)));
      endcase
      if (keep[i] != !drop) ok_o = 1'b0;
    end
  end
  assign bad_o = !ok_o;
endmodule
