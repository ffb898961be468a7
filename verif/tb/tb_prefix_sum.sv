// tb_prefix_sum: every prefix-sum topology for N = 4, 8, 16, 32 and 64,
// side by side and combinational, in one Verilated model.
//
// Instance k = NIdx*4 + Topology sees bits_i[N-1:0] and reports its
// exclusive counts in 8-bit fields of excl_o[k] (lane i at bits 8i+7:8i) and
// its total in total_o[k]. The C++ test compares every instance against
// the ripple instance and against a plain C++ popcount.
module tb_prefix_sum
  import zcomp_pkg::*;
#(
  localparam int unsigned NumN    = 5,
  localparam int unsigned NumInst = NumN * 4
) (
  input  logic [63:0]                    bits_i,
  output logic [NumInst-1:0][64*8-1:0]   excl_o,
  output logic [NumInst-1:0][7:0]        total_o
);
  for (genvar ni = 0; ni < NumN; ni++) begin : gen_n
    localparam int unsigned N = 4 << ni;
    localparam int unsigned CntW = $clog2(N + 1);
    for (genvar t = 0; t < 4; t++) begin : gen_topo
      localparam int unsigned K = ni * 4 + t;
      logic [N-1:0][CntW-1:0] excl;
      logic [CntW-1:0]        total;
      zcomp_prefix_sum #(
        .N       (N),
        .Topology(prefix_topo_e'(t)),
        .Stages  (0)
      ) u_dut (
        .clk_i  (1'b0),
        .rst_ni (1'b1),
        .en_i   (1'b0),
        .bits_i (bits_i[N-1:0]),
        .excl_o (excl),
        .total_o(total)
      );
      always_comb begin
        excl_o[K] = '0;
        for (int i = 0; i < int'(N); i++) excl_o[K][8*i+:8] = 8'(excl[i]);
      end
      assign total_o[K] = 8'(total);
    end
  end
  logic unused_bits;
  assign unused_bits = ^bits_i;
endmodule
