// tb_engine: combined engines (zcomp_engine: ZCOMPS, ZCOMPL and FENCE in one
// stream) side by side, one per row of the variant table, so that one
// Verilated model covers P = 1, 2, 4, three line sizes, 16-bit addresses
// and N = 4 (reserved header bits).
//
// Ports are arrays over the variants, each slice as wide as the widest
// variant needs (P = 4 slots, 512-bit vectors, 32-bit addresses, 64-byte
// lines). cfg_o[v] reports the parameters:
//   [7:0] N, [15:8] EW, [23:16] P, [39:24] LineBytes, [47:40] AddrW,
//   [55:48] MaxOutstanding, [63:56] WindowLines
// spill_o[v] the OpSpill parameter (the slices in front of the engines)
// and cstages_o[v] the store engine's CompStages.
//
//   v  N   EW  P  LineBytes  AddrW  MaxOutstanding  WindowLines  OpSpill  CompStages
//   0  16  32  4  64         32     32              32           1        0
//   1   4   8  2  16         16      4               4           0        2
//   2   8  16  1  32         32      8               8           1        1
//
// VariantSet 1 (the simulation-speed benchmark's model) holds only one
// engine: N=16 EW=32 P=1, 64-byte lines, MaxOutstanding 32, 32-line window,
// OpSpill 1, CompStages 0 (the ULX3S self-test's engine, but for its smaller
// L1 and window).
//
// fault_i[v] is the planted bug: while a request is offered it moves the
// variant's req_addr_o one line up (a broken pointer).
module tb_engine
  import zcomp_pkg::*;
#(
  parameter int unsigned  VariantSet = 0,
  localparam int unsigned NV    = (VariantSet == 0) ? 3 : 1,
  localparam int unsigned MaxP  = 4,
  localparam int unsigned VecW  = 512,
  localparam int unsigned MaxLB = 64
) (
  input  logic                               clk_i,
  input  logic                               rst_ni,
  output logic [NV-1:0][63:0]                cfg_o,
  output logic [NV-1:0]                      spill_o,
  output logic [NV-1:0][7:0]                 cstages_o,
  input  logic [NV-1:0]                      fault_i,
  input  logic [NV-1:0]                      op_valid_i,
  output logic [NV-1:0]                      op_ready_o,
  input  logic [NV-1:0][2:0]                 op_num_i,
  input  logic [NV-1:0][MaxP-1:0]            op_fence_i,
  input  logic [NV-1:0][MaxP-1:0]            op_load_i,
  input  logic [NV-1:0][MaxP-1:0]            op_sep_i,
  input  logic [NV-1:0][MaxP-1:0]            op_chain_i,
  input  logic [NV-1:0][MaxP-1:0][1:0]       op_ccf_i,
  input  logic [NV-1:0][MaxP-1:0][31:0]      op_thresh_i,
  input  logic [NV-1:0][MaxP-1:0][31:0]      op_dptr_i,
  input  logic [NV-1:0][MaxP-1:0][31:0]      op_hptr_i,
  input  logic [NV-1:0][MaxP-1:0][31:0]      op_limit_i,
  input  logic [NV-1:0][MaxP-1:0][VecW-1:0]  op_data_i,
  output logic [NV-1:0]                      res_valid_o,
  input  logic [NV-1:0]                      res_ready_i,
  output logic [NV-1:0][2:0]                 res_num_o,
  output logic [NV-1:0][MaxP-1:0][31:0]      res_dptr_o,
  output logic [NV-1:0][MaxP-1:0][31:0]      res_hptr_o,
  output logic [NV-1:0][MaxP-1:0][1:0]       res_err_o,
  output logic [NV-1:0][MaxP-1:0][VecW-1:0]  res_data_o,
  output logic [NV-1:0]                      req_valid_o,
  input  logic [NV-1:0]                      req_ready_i,
  output logic [NV-1:0][31:0]                req_addr_o,
  output logic [NV-1:0]                      req_write_o,
  output logic [NV-1:0][MaxLB*8-1:0]         req_wdata_o,
  output logic [NV-1:0][MaxLB-1:0]           req_wstrb_o,
  input  logic [NV-1:0]                      rsp_valid_i,
  output logic [NV-1:0]                      rsp_ready_o,
  input  logic [NV-1:0][MaxLB*8-1:0]         rsp_rdata_i,
  input  logic [NV-1:0]                      rsp_error_i
);
  typedef struct packed {
    int unsigned n;
    int unsigned ew;
    int unsigned p;
    int unsigned lb;
    int unsigned aw;
    int unsigned mo;
    int unsigned wl;
    bit          sp;
    int unsigned cs;
  } variant_t;

  localparam variant_t Table[3] = '{
    '{n: 16, ew: 32, p: 4, lb: 64, aw: 32, mo: 32, wl: 32, sp: 1'b1, cs: 0},
    '{n: 4,  ew: 8,  p: 2, lb: 16, aw: 16, mo: 4,  wl: 4,  sp: 1'b0, cs: 2},
    '{n: 8,  ew: 16, p: 1, lb: 32, aw: 32, mo: 8,  wl: 8,  sp: 1'b1, cs: 1}
  };
  localparam variant_t Speed = '{
    n: 16, ew: 32, p: 1, lb: 64, aw: 32, mo: 32, wl: 32, sp: 1'b1, cs: 0
  };

  function automatic variant_t variant(int unsigned set, logic [1:0] v);
    return (set == 0) ? Table[v] : Speed;
  endfunction

  for (genvar v = 0; v < NV; v++) begin : gen_variant
    localparam variant_t    V  = variant(VariantSet, 2'(v));
    localparam int unsigned N  = V.n;
    localparam int unsigned EW = V.ew;
    localparam int unsigned P  = V.p;
    localparam int unsigned LB = V.lb;
    localparam int unsigned AW = V.aw;
    localparam int unsigned MO = V.mo;
    localparam int unsigned WL = V.wl;
    localparam bit          SP = V.sp;
    localparam int unsigned CS = V.cs;
    localparam int unsigned NumW = $clog2(P + 1);

    assign cfg_o[v]   = {8'(WL), 8'(MO), 8'(AW), 16'(LB), 8'(P), 8'(EW), 8'(N)};
    assign spill_o[v] = SP;
    assign cstages_o[v] = 8'(CS);

    // Slices of the wide ports in the engine's shapes.
    ccf_e [P-1:0]                ccf;
    logic [P-1:0][EW-1:0]        thresh;
    logic [P-1:0][AW-1:0]        dptr, hptr, limit, rdptr, rhptr;
    logic [P-1:0][N-1:0][EW-1:0] data, rdata;
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
      assign res_data_o[v][k] = VecW'(rdata[k]);
    end
    for (genvar k = P; k < MaxP; k++) begin : gen_no_slot
      assign res_dptr_o[v][k] = '0;
      assign res_hptr_o[v][k] = '0;
      assign res_err_o[v][k]  = '0;
      assign res_data_o[v][k] = '0;
    end

    zcomp_engine #(
      .N(N), .EW(EW), .P(P), .LineBytes(LB), .AddrW(AW), .MaxOutstanding(MO),
      .WindowLines(WL), .OpSpill(SP), .CompStages(CS)
    ) u_dut (
      .clk_i      (clk_i),
      .rst_ni     (rst_ni),
      .op_valid_i (op_valid_i[v]),
      .op_ready_o (op_ready_o[v]),
      .op_num_i   (NumW'(op_num_i[v])),
      .op_fence_i (op_fence_i[v][P-1:0]),
      .op_load_i  (op_load_i[v][P-1:0]),
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
      .res_data_o (rdata),
      .req_valid_o(req_valid_o[v]),
      .req_ready_i(req_ready_i[v]),
      .req_addr_o (addr),
      .req_write_o(req_write_o[v]),
      .req_wdata_o(wdata),
      .req_wstrb_o(wstrb),
      .rsp_valid_i(rsp_valid_i[v]),
      .rsp_ready_o(rsp_ready_o[v]),
      .rsp_rdata_i(rsp_rdata_i[v][LB*8-1:0]),
      .rsp_error_i(rsp_error_i[v])
    );
    // The dispatcher's run queue (FDepth 4 + CompStages) never holds more
    // runs than one engine can: two groups in the engine (its group and
    // result registers), the store engine's CompStages more, and two more
    // in its op slice with OpSpill; a switch of engine waits for an empty
    // queue. So the queue fills only with OpSpill; this check is made
    // whenever the count changes in every test.
    always_comb begin
      if (rst_ni) begin
        assert (32'(u_dut.f_count_q) <= (SP ? 4 : 2) + CS)
        else $error("tb_engine: variant %0d: the run queue holds %0d runs", v, u_dut.f_count_q);
      end
    end

    assign res_num_o[v]   = 3'(rnum);
    assign req_addr_o[v]  = 32'(addr) + ((fault_i[v] && req_valid_o[v]) ? 32'(LB) : 32'd0);
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
      unused_high ^= ^{op_fence_i[v], op_load_i[v], op_sep_i[v], op_chain_i[v], rsp_rdata_i[v]};
    end
  end
endmodule
