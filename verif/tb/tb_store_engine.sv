// tb_store_engine: store engines side by side, one per row of the variant
// table, so that one Verilated model covers P = 1, 2, 4 and several line
// sizes.
//
// Every port is an array over the variants, each slice as wide as the
// widest variant needs (P = 4 slots, 512-bit vectors, 32-bit addresses,
// 256-byte lines). A narrower variant uses the low bits and ignores the
// rest. cfg_o[v] reports the parameters so that the C++ harness builds a
// matching model:
//   [7:0] N, [15:8] EW, [23:16] P, [39:24] LineBytes, [47:40] AddrW,
//   [55:48] MaxOutstanding, [63:56] CompStages
//
//   v  N   EW  P  LineBytes  AddrW  MaxOutstanding  CompStages
//   0  16  32  4   64        32     32              0
//   1  16  32  4  256        32     32              0
//   2  16  32  2   64        32     32              3
//   3  16  32  2  128        32     32              0
//   4  16  32  1   64        32     32              2
//   5   8   8  2   16        16      4              1
//   6  32  16  4   64        32     32              0
//   7  64   8  4   64        32     32              0
//
// Rows 6 and 7 are 512-bit vectors of 16-bit and 8-bit elements, for
// zcomp-sim's files of those types (row 0 is its 32-bit engine, so rows
// 0, 6 and 7 keep CompStages 0, the default).
//
// fault_i[v] is the planted bug: it adds one to the variant's req_addr_o
// while a request is offered (a broken pointer).
module tb_store_engine
  import zcomp_pkg::*;
#(
  localparam int unsigned NV    = 8,
  localparam int unsigned MaxP  = 4,
  localparam int unsigned VecW  = 512,
  localparam int unsigned MaxLB = 256
) (
  input  logic                                   clk_i,
  input  logic                                   rst_ni,
  output logic [NV-1:0][63:0]                    cfg_o,
  input  logic [NV-1:0]                          fault_i,
  input  logic [NV-1:0]                          op_valid_i,
  output logic [NV-1:0]                          op_ready_o,
  input  logic [NV-1:0][2:0]                     op_num_i,
  input  logic [NV-1:0][MaxP-1:0]                op_fence_i,
  input  logic [NV-1:0][MaxP-1:0]                op_sep_i,
  input  logic [NV-1:0][MaxP-1:0]                op_chain_i,
  input  logic [NV-1:0][MaxP-1:0][1:0]           op_ccf_i,
  input  logic [NV-1:0][MaxP-1:0][31:0]          op_thresh_i,
  input  logic [NV-1:0][MaxP-1:0][31:0]          op_dptr_i,
  input  logic [NV-1:0][MaxP-1:0][31:0]          op_hptr_i,
  input  logic [NV-1:0][MaxP-1:0][31:0]          op_limit_i,
  input  logic [NV-1:0][MaxP-1:0][VecW-1:0]      op_data_i,
  output logic [NV-1:0]                          res_valid_o,
  input  logic [NV-1:0]                          res_ready_i,
  output logic [NV-1:0][2:0]                     res_num_o,
  output logic [NV-1:0][MaxP-1:0][31:0]          res_dptr_o,
  output logic [NV-1:0][MaxP-1:0][31:0]          res_hptr_o,
  output logic [NV-1:0][MaxP-1:0][1:0]           res_err_o,
  output logic [NV-1:0]                          req_valid_o,
  input  logic [NV-1:0]                          req_ready_i,
  output logic [NV-1:0][31:0]                    req_addr_o,
  output logic [NV-1:0]                          req_write_o,
  output logic [NV-1:0][MaxLB*8-1:0]             req_wdata_o,
  output logic [NV-1:0][MaxLB-1:0]               req_wstrb_o,
  input  logic [NV-1:0]                          rsp_valid_i,
  output logic [NV-1:0]                          rsp_ready_o,
  input  logic [NV-1:0]                          rsp_error_i
);
  typedef struct packed {
    int unsigned n;
    int unsigned ew;
    int unsigned p;
    int unsigned lb;
    int unsigned aw;
    int unsigned mo;
    int unsigned cs;
  } variant_t;

  localparam variant_t Variants[NV] = '{
    '{n: 16, ew: 32, p: 4, lb: 64,  aw: 32, mo: 32, cs: 0},
    '{n: 16, ew: 32, p: 4, lb: 256, aw: 32, mo: 32, cs: 0},
    '{n: 16, ew: 32, p: 2, lb: 64,  aw: 32, mo: 32, cs: 3},
    '{n: 16, ew: 32, p: 2, lb: 128, aw: 32, mo: 32, cs: 0},
    '{n: 16, ew: 32, p: 1, lb: 64,  aw: 32, mo: 32, cs: 2},
    '{n: 8,  ew: 8,  p: 2, lb: 16,  aw: 16, mo: 4,  cs: 1},
    '{n: 32, ew: 16, p: 4, lb: 64,  aw: 32, mo: 32, cs: 0},
    '{n: 64, ew: 8,  p: 4, lb: 64,  aw: 32, mo: 32, cs: 0}
  };

  for (genvar v = 0; v < NV; v++) begin : gen_variant
    localparam int unsigned N  = Variants[v].n;
    localparam int unsigned EW = Variants[v].ew;
    localparam int unsigned P  = Variants[v].p;
    localparam int unsigned LB = Variants[v].lb;
    localparam int unsigned AW = Variants[v].aw;
    localparam int unsigned MO = Variants[v].mo;
    localparam int unsigned CS = Variants[v].cs;
    localparam int unsigned NumW = $clog2(P + 1);

    assign cfg_o[v] = {8'(CS), 8'(MO), 8'(AW), 16'(LB), 8'(P), 8'(EW), 8'(N)};

    // Slices of the wide ports in the engine's shapes.
    ccf_e [P-1:0]                ccf;
    logic [P-1:0][EW-1:0]        thresh;
    logic [P-1:0][AW-1:0]        dptr, hptr, limit, rdptr, rhptr;
    logic [P-1:0][N-1:0][EW-1:0] data;
    logic [NumW-1:0]             rnum;
    logic [AW-1:0]               addr;
    logic [LB*8-1:0]             wdata;
    logic [LB-1:0]               wstrb;
    for (genvar k = 0; k < P; k++) begin : gen_slot
      assign ccf[k]    = ccf_e'(op_ccf_i[v][k]);
      assign thresh[k] = op_thresh_i[v][k][EW-1:0];
      assign dptr[k]   = op_dptr_i[v][k][AW-1:0];
      assign hptr[k]   = op_hptr_i[v][k][AW-1:0];
      assign limit[k]  = op_limit_i[v][k][AW-1:0];
      assign data[k]   = op_data_i[v][k][N*EW-1:0];
      assign res_dptr_o[v][k] = 32'(rdptr[k]);
      assign res_hptr_o[v][k] = 32'(rhptr[k]);
    end
    for (genvar k = P; k < MaxP; k++) begin : gen_no_slot
      assign res_dptr_o[v][k] = '0;
      assign res_hptr_o[v][k] = '0;
      assign res_err_o[v][k]  = '0;
    end

    zcomp_store_engine #(
      .N(N), .EW(EW), .P(P), .LineBytes(LB), .AddrW(AW), .MaxOutstanding(MO),
      .CompStages(CS)
    ) u_dut (
      .clk_i      (clk_i),
      .rst_ni     (rst_ni),
      .op_valid_i (op_valid_i[v]),
      .op_ready_o (op_ready_o[v]),
      .op_num_i   (NumW'(op_num_i[v])),
      .op_fence_i (op_fence_i[v][P-1:0]),
      .op_sep_i   (op_sep_i[v][P-1:0]),
      .op_chain_i (op_chain_i[v][P-1:0]),
      .op_ccf_i   (ccf),
      .op_thresh_i(thresh),
      .op_dptr_i  (dptr),
      .op_hptr_i  (hptr),
      .op_limit_i (limit),
      .op_data_i  (data),
      .res_valid_o(res_valid_o[v]),
      .res_ready_i(res_ready_i[v]),
      .res_num_o  (rnum),
      .res_dptr_o (rdptr),
      .res_hptr_o (rhptr),
      .res_err_o  (res_err_o[v][P-1:0]),
      .req_valid_o(req_valid_o[v]),
      .req_ready_i(req_ready_i[v]),
      .req_addr_o (addr),
      .req_write_o(req_write_o[v]),
      .req_wdata_o(wdata),
      .req_wstrb_o(wstrb),
      .rsp_valid_i(rsp_valid_i[v]),
      .rsp_ready_o(rsp_ready_o[v]),
      .rsp_rdata_i('0),
      .rsp_error_i(rsp_error_i[v])
    );
    assign res_num_o[v]   = 3'(rnum);
    assign req_addr_o[v]  = 32'(addr) + 32'(fault_i[v] && req_valid_o[v]);
    assign req_wdata_o[v] = (MaxLB * 8)'(wdata);
    assign req_wstrb_o[v] = MaxLB'(wstrb);

    // The high bits of the wide input slices that this variant ignores.
    logic unused_high;
    always_comb begin
      unused_high = ^op_num_i[v];
      for (int k = 0; k < MaxP; k++) begin
        unused_high ^= ^{op_ccf_i[v][k], op_thresh_i[v][k], op_dptr_i[v][k], op_hptr_i[v][k],
                         op_limit_i[v][k], op_data_i[v][k]};
      end
      unused_high ^= ^{op_fence_i[v], op_sep_i[v], op_chain_i[v]};
    end
  end
endmodule
