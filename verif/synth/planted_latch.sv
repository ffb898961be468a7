// A deliberately bad module for the synthesis check's self-test: the
// always_comb below does not assign q_o when en_i is low, which infers a
// latch. synth_check.sh must reject it, or the check itself is broken.
module planted_latch (
  input  logic       en_i,
  input  logic [3:0] d_i,
  output logic [3:0] q_o
);
  always @* begin
    if (en_i) q_o = d_i;
  end
endmodule
