// tb_units: several compress/expand unit pairs side by side, one per row of
// a variant table, so that one Verilated model covers many configurations.
//
// Every variant v has its own independent ports: a compress unit (c_*) and
// an expand unit (e_*). Vectors are carried in VecBits-bit slices, lane i
// at bits i*EW +: EW, and the mask in 64-bit slices. cfg_o[v] reports the
// variant's parameters so that the C++ harness builds a matching golden
// model (the model computes the latency itself from the parameters):
//   [7:0] N, [15:8] EW, [17:16] Topology, [18] Network, [19] InReg,
//   [23:20] PrefixStages, [24] OutReg
//
// fault_i[v] is a test-only fault injector: when set, it flips bit 0 of
// lane 0 of the variant's compress payload output. The planted-bug test
// uses it to prove that the lockstep checker catches a wrong output.
//
// VariantSet 0 is the regression table: every (N, EW) of 16/32, 32/16,
// 64/8, 4/8 and 8/8 meets all four topologies and both networks, with
// latencies from 0 (combinational) to 5. VariantSet 1 is the single
// default configuration (16/32, Sklansky, multiplexer, OutReg).
module tb_units
  import zcomp_pkg::*;
#(
  parameter int unsigned  VariantSet = 0,
  localparam int unsigned NumVariants = (VariantSet == 0) ? 20 : 1,
  localparam int unsigned VecBits = 512
) (
  input  logic                                clk_i,
  input  logic                                rst_ni,
  output logic [NumVariants-1:0][31:0]        cfg_o,
  input  logic [NumVariants-1:0]              fault_i,
  // Compress units
  input  logic [NumVariants-1:0]              c_valid_i,
  output logic [NumVariants-1:0]              c_ready_o,
  input  logic [NumVariants-1:0][VecBits-1:0] c_data_i,
  input  logic [NumVariants-1:0][1:0]         c_ccf_i,
  input  logic [NumVariants-1:0][31:0]        c_thresh_i,
  output logic [NumVariants-1:0]              c_valid_o,
  input  logic [NumVariants-1:0]              c_ready_i,
  output logic [NumVariants-1:0][63:0]        c_keep_o,
  output logic [NumVariants-1:0][7:0]         c_count_o,
  output logic [NumVariants-1:0][VecBits-1:0] c_payload_o,
  // Expand units
  input  logic [NumVariants-1:0]              e_valid_i,
  output logic [NumVariants-1:0]              e_ready_o,
  input  logic [NumVariants-1:0][63:0]        e_keep_i,
  input  logic [NumVariants-1:0][VecBits-1:0] e_payload_i,
  output logic [NumVariants-1:0]              e_valid_o,
  input  logic [NumVariants-1:0]              e_ready_i,
  output logic [NumVariants-1:0][VecBits-1:0] e_data_o
);
  typedef struct packed {
    int unsigned  n;
    int unsigned  ew;
    prefix_topo_e topo;
    compact_net_e net;
    int unsigned  in_reg;
    int unsigned  prefix_stages;
    int unsigned  out_reg;
  } variant_t;

  function automatic variant_t variant(int unsigned set, int unsigned idx);
    variant_t v;
    int unsigned cfg, t;
    if (set != 0) begin
      v.n = 16; v.ew = 32; v.topo = TopoSklansky; v.net = NetMux;
      v.in_reg = 0; v.prefix_stages = 0; v.out_reg = 1;
      return v;
    end
    cfg = idx / 4;  // which (N, EW)
    t   = idx % 4;  // which topology
    unique case (cfg)
      0: begin v.n = 16; v.ew = 32; end
      1: begin v.n = 32; v.ew = 16; end
      2: begin v.n = 64; v.ew = 8; end
      3: begin v.n = 4;  v.ew = 8; end
      default: begin v.n = 8; v.ew = 8; end
    endcase
    v.topo = prefix_topo_e'(t);
    v.net  = (((t + cfg) % 2) == 0) ? NetMux : NetShift;
    unique case (t)
      0: begin v.in_reg = 0; v.prefix_stages = 0; v.out_reg = 0; end  // combinational
      1: begin v.in_reg = 0; v.prefix_stages = 0; v.out_reg = 1; end
      2: begin v.in_reg = 1; v.prefix_stages = 2; v.out_reg = 1; end
      default: begin v.in_reg = 1; v.prefix_stages = 3; v.out_reg = 1; end
    endcase
    return v;
  endfunction

  for (genvar vi = 0; vi < NumVariants; vi++) begin : gen_variant
    localparam variant_t V = variant(VariantSet, vi);
    localparam int unsigned N = V.n;
    localparam int unsigned EW = V.ew;
    localparam int unsigned CntW = $clog2(N + 1);
    if (N * EW > VecBits) begin : gen_too_wide
      $error("tb_units: variant wider than VecBits");
    end

    assign cfg_o[vi] = {7'd0, 1'(V.out_reg), 4'(V.prefix_stages), 1'(V.in_reg), 1'(V.net),
                        2'(V.topo), 8'(EW), 8'(N)};

    logic [N-1:0][EW-1:0] c_payload;
    logic [CntW-1:0]      c_count;
    logic [N-1:0]         c_keep;
    zcomp_compress #(
      .N           (N),
      .EW          (EW),
      .Topology    (V.topo),
      .Network     (V.net),
      .InReg       (V.in_reg),
      .PrefixStages(V.prefix_stages),
      .OutReg      (V.out_reg)
    ) u_compress (
      .clk_i    (clk_i),
      .rst_ni   (rst_ni),
      .valid_i  (c_valid_i[vi]),
      .ready_o  (c_ready_o[vi]),
      .data_i   (c_data_i[vi][N*EW-1:0]),
      .ccf_i    (ccf_e'(c_ccf_i[vi])),
      .thresh_i (c_thresh_i[vi][EW-1:0]),
      .valid_o  (c_valid_o[vi]),
      .ready_i  (c_ready_i[vi]),
      .keep_o   (c_keep),
      .count_o  (c_count),
      .payload_o(c_payload)
    );
    assign c_keep_o[vi]    = 64'(c_keep);
    assign c_count_o[vi]   = 8'(c_count);
    assign c_payload_o[vi] = VecBits'(c_payload) ^ VecBits'(fault_i[vi]);

    logic [N-1:0][EW-1:0] e_data;
    zcomp_expand #(
      .N           (N),
      .EW          (EW),
      .Topology    (V.topo),
      .Network     (V.net),
      .InReg       (V.in_reg),
      .PrefixStages(V.prefix_stages),
      .OutReg      (V.out_reg)
    ) u_expand (
      .clk_i    (clk_i),
      .rst_ni   (rst_ni),
      .valid_i  (e_valid_i[vi]),
      .ready_o  (e_ready_o[vi]),
      .keep_i   (e_keep_i[vi][N-1:0]),
      .payload_i(e_payload_i[vi][N*EW-1:0]),
      .valid_o  (e_valid_o[vi]),
      .ready_i  (e_ready_i[vi]),
      .data_o   (e_data)
    );
    assign e_data_o[vi] = VecBits'(e_data);

    // Lanes above N of a narrow variant are not connected.
    if (N * EW < VecBits) begin : gen_unused_hi
      logic unused_hi;
      assign unused_hi = ^{c_data_i[vi][VecBits-1:N*EW], e_payload_i[vi][VecBits-1:N*EW]};
    end
    if (N < 64) begin : gen_unused_mask
      logic unused_mask;
      assign unused_mask = ^e_keep_i[vi][63:N];
    end
    if (EW < 32) begin : gen_unused_thresh
      logic unused_thresh;
      assign unused_thresh = ^c_thresh_i[vi][31:EW];
    end
  end
endmodule
