// zcomp_mask_gen: per-lane keep mask for a comparison condition (CCF).
//
// keep_o[i] = 1 when lane i is kept, as defined in docs/format.md section 4:
//   CcfZero      drop when x == 0
//   CcfFpZero    drop when mag(x) == 0            (mag = all bits but the MSB)
//   CcfIntThresh drop when |x| <= T               (|x| exact as EW-bit unsigned)
//   CcfFpThresh  drop when mag(x) <= mag(T)       (unsigned compare)
// The rules work on raw bits, so fp32, fp16, bf16 and 8-bit floats share one
// comparator. NaN is kept by every CCF when T is not a NaN.
//
// Parameters: N lanes (1 to 64), EW element bits (8, 16 or 32).
// Latency: combinational. Throughput: one vector per cycle.
module zcomp_mask_gen
  import zcomp_pkg::*;
#(
  parameter int unsigned N  = 16,
  parameter int unsigned EW = 32
) (
  input  logic [N-1:0][EW-1:0] data_i,
  input  ccf_e                 ccf_i,
  input  logic [EW-1:0]        thresh_i,
  output logic [N-1:0]         keep_o
);
  if (EW != 8 && EW != 16 && EW != 32) begin : gen_bad_ew
    $error("zcomp_mask_gen: EW must be 8, 16 or 32");
  end
  if (N < 1 || N > 64) begin : gen_bad_n
    $error("zcomp_mask_gen: N must be from 1 to 64");
  end

  logic [EW-2:0] thresh_mag;
  assign thresh_mag = thresh_i[EW-2:0];

  for (genvar i = 0; i < N; i++) begin : gen_lane
    logic [EW-1:0] x;
    logic [EW-1:0] abs_int;
    logic          drop;
    assign x = data_i[i];
    // Two's-complement negation of the most negative value gives 2^(EW-1),
    // which is exactly |x| as an unsigned EW-bit number.
    assign abs_int = x[EW-1] ? (~x + EW'(1)) : x;
    always_comb begin
      unique case (ccf_i)
        CcfZero:      drop = (x == '0);
        CcfFpZero:    drop = (x[EW-2:0] == '0);
        CcfIntThresh: drop = (abs_int <= thresh_i);
        CcfFpThresh:  drop = (x[EW-2:0] <= thresh_mag);
        default:      drop = 1'b0;
      endcase
    end
    assign keep_o[i] = ~drop;
  end
endmodule
