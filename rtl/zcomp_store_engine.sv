// zcomp_store_engine: carries out ZCOMPS and FENCE operations, up to P per
// cycle. It compresses each vector, places every vector with a prefix sum
// over the compressed sizes (so that chained operations need no adder
// chain), and writes the bytes through two write-combining buffers (data
// stream and header stream) to one L1 port. The full contract (pointers,
// bounds, segments, FENCE, timing) is docs/engines.md. The C++ cycle model
// verif/model/store_engine_model.hpp is written from that page.
//
// Parameters:
// - N, EW: vector format (N a power of two from 4 to 64; EW 8, 16, 32).
// - P: operations per handshake (1, 2 or 4).
// - LineBytes, AddrW: the L1 port (docs/l1-interface.md).
// - MaxOutstanding: L1 requests in flight (1 to 63).
// - CompStages: register stages between the operation channel and the
//   group register (0 to 1 + log2(N)), for the clock. The first is the
//   compress units' InReg, the others are registers inside their prefix
//   sums (PrefixStages); the operation's other fields travel beside them.
//   It is a stall pipeline (zcomp_pipe_ctrl) that advances when its last
//   stage is empty or the group register takes its group.
//
// Latency: a group taken on a cycle is worked on CompStages + 1 cycles
// later (when the group register is free); a group whose operations form
// one segment (all chained, one layout, in bounds) finishes in that cycle
// when the buffers have room, and its result is offered on the cycle
// after. Throughput: one group (P vectors) per cycle, whatever CompStages,
// until the L1 port (one line per cycle) is the limit.
// Guarantees: no byte outside the areas of in-bounds ZCOMPS operations is
// ever written; each such byte is written once per operation; results come
// in order, one per group; every res_* field is 0 while res_valid_o is 0.
module zcomp_store_engine
  import zcomp_pkg::*;
#(
  parameter int unsigned  N              = 16,
  parameter int unsigned  EW             = 32,
  parameter int unsigned  P              = 4,
  parameter int unsigned  LineBytes      = 64,
  parameter int unsigned  AddrW          = 32,
  parameter int unsigned  MaxOutstanding = 32,
  parameter int unsigned  CompStages     = 0,
  localparam int unsigned NumW           = $clog2(P + 1)
) (
  input  logic                         clk_i,
  input  logic                         rst_ni,
  // Operations: a group of op_num_i (1..P) in slots 0.., program order
  input  logic                         op_valid_i,
  output logic                         op_ready_o,
  input  logic [NumW-1:0]              op_num_i,
  input  logic [P-1:0]                 op_fence_i,
  input  logic [P-1:0]                 op_sep_i,
  input  logic [P-1:0]                 op_chain_i,
  input  ccf_e [P-1:0]                 op_ccf_i,
  input  logic [P-1:0][EW-1:0]         op_thresh_i,
  input  logic [P-1:0][AddrW-1:0]      op_dptr_i,
  input  logic [P-1:0][AddrW-1:0]      op_hptr_i,
  input  logic [P-1:0][AddrW-1:0]      op_limit_i,
  input  logic [P-1:0][N-1:0][EW-1:0]  op_data_i,
  // Results: one per group
  output logic                         res_valid_o,
  input  logic                         res_ready_i,
  output logic [NumW-1:0]              res_num_o,
  output logic [P-1:0][AddrW-1:0]      res_dptr_o,
  output logic [P-1:0][AddrW-1:0]      res_hptr_o,
  output logic [P-1:0][1:0]            res_err_o,
  // L1 port (docs/l1-interface.md); this engine only writes
  output logic                         req_valid_o,
  input  logic                         req_ready_i,
  output logic [AddrW-1:0]             req_addr_o,
  output logic                         req_write_o,
  output logic [LineBytes*8-1:0]       req_wdata_o,
  output logic [LineBytes-1:0]         req_wstrb_o,
  input  logic                         rsp_valid_i,
  output logic                         rsp_ready_o,
  input  logic [LineBytes*8-1:0]       rsp_rdata_i,
  input  logic                         rsp_error_i
);
  localparam int unsigned HB      = (N + 7) / 8;         // header bytes
  localparam int unsigned EB      = EW / 8;              // element bytes
  localparam int unsigned VecMax  = HB + N * EB;         // largest compressed vector
  localparam int unsigned DSizeW  = $clog2(VecMax + 1);
  localparam int unsigned HSizeW  = $clog2(HB + 1);
  localparam int unsigned DRun    = P * VecMax;          // bytes per data run
  localparam int unsigned HRun    = P * HB;              // bytes per header run
  localparam int unsigned DSumW   = $clog2(DRun + 1);
  localparam int unsigned HSumW   = $clog2(HRun + 1);
  localparam int unsigned SlotW   = (P > 1) ? $clog2(P) : 1;
  localparam int unsigned OutW    = $clog2(MaxOutstanding + 1);
  localparam logic [1:0]  ErrNone = 2'd0;
  localparam logic [1:0]  ErrOob  = 2'd1;
  localparam logic [1:0]  ErrL1   = 2'd2;

  if (P != 1 && P != 2 && P != 4) begin : gen_bad_p
    $error("zcomp_store_engine: P must be 1, 2 or 4");
  end
  if (MaxOutstanding < 1 || MaxOutstanding > 63) begin : gen_bad_out
    $error("zcomp_store_engine: MaxOutstanding must be 1 to 63");
  end
  if (!is_pow2(N) || N < 4 || N > 64) begin : gen_bad_n
    $error("zcomp_store_engine: N must be a power of two from 4 to 64");
  end
  if (EW != 8 && EW != 16 && EW != 32) begin : gen_bad_ew
    $error("zcomp_store_engine: EW must be 8, 16 or 32");
  end
  if (CompStages > 1 + $clog2(N)) begin : gen_bad_stages
    $error("zcomp_store_engine: CompStages must be 0 to %0d (1 + log2(N))", 1 + $clog2(N));
  end

  // ------------------------------------------------- compress every slot
  // The compress units work on the group as it is offered (op_*_i), and the
  // group register keeps what they made: the slot's bytes and sizes. So the
  // group register cuts the path from the comparison to the placement.
  // With CompStages > 0 the units' own registers (InReg, then PrefixStages)
  // sit in between, and the group's other fields go through a delay of the
  // same depth with the same enable (p_*), so that the group register sees
  // a group and its compressed slots together.
  localparam int unsigned CompInReg  = (CompStages > 0) ? 1 : 0;
  localparam int unsigned CompPrefix = (CompStages > 0) ? CompStages - 1 : 0;
  localparam int unsigned SideW      = NumW + P * (3 + 3 * AddrW);

  logic g_ready;   // the group register takes a group this cycle
  logic p_valid;   // a group at the end of the stall pipeline
  logic p_en;      // the stall pipeline advances
  zcomp_pipe_ctrl #(
    .Latency(CompStages)
  ) u_pipe (
    .clk_i  (clk_i),
    .rst_ni (rst_ni),
    .valid_i(op_valid_i),
    .ready_o(op_ready_o),
    .valid_o(p_valid),
    .ready_i(g_ready),
    .en_o   (p_en)
  );

  logic [NumW-1:0] num_in;
  // A group of 0 is taken as 1; above P (possible when P is not 2^k - 1) as P.
  if ((1 << NumW) - 1 > P) begin : gen_num_clamp
    assign num_in = (op_num_i == '0) ? NumW'(1) : (op_num_i > NumW'(P)) ? NumW'(P) : op_num_i;
  end else begin : gen_num_plain
    assign num_in = (op_num_i == '0) ? NumW'(1) : op_num_i;
  end

  logic [NumW-1:0]          p_num;
  logic [P-1:0]             p_fence, p_sep, p_chain;
  logic [P-1:0][AddrW-1:0]  p_dptr, p_hptr, p_limit;
  zcomp_delay #(
    .Width(SideW),
    .Depth(CompStages)
  ) u_side (
    .clk_i (clk_i),
    .rst_ni(rst_ni),
    .en_i  (p_en),
    .d_i   ({num_in, op_fence_i, op_sep_i, op_chain_i, op_dptr_i, op_hptr_i, op_limit_i}),
    .q_o   ({p_num, p_fence, p_sep, p_chain, p_dptr, p_hptr, p_limit})
  );

  logic [P-1:0][DSizeW-1:0]    in_dsize;
  logic [P-1:0][HSizeW-1:0]    in_hsize;
  logic [P-1:0][VecMax*8-1:0]  in_dbytes;   // what the slot writes at D
  logic [P-1:0][HB*8-1:0]      in_hbytes;   // what it writes at H (separate layout)

  for (genvar k = 0; k < P; k++) begin : gen_slot
    logic [N-1:0]           keep;
    logic [N-1:0][EW-1:0]   payload;
    logic [$clog2(N+1)-1:0] cnt;
    // The units' handshakes are those of u_pipe (same inputs, same depth).
    // With no stage the unit is combinational and its valid only gates its
    // outputs, which the group register takes only with a group anyway.
    logic                   unused_ready, unused_valid, unit_valid;
    assign unit_valid = (CompStages == 0) ? 1'b1 : op_valid_i;
    zcomp_compress #(
      .N           (N),
      .EW          (EW),
      .Topology    (TopoSklansky),
      .Network     (NetMux),
      .InReg       (CompInReg),
      .PrefixStages(CompPrefix),
      .OutReg      (0)
    ) u_compress (
      .clk_i    (clk_i),
      .rst_ni   (rst_ni),
      .valid_i  (unit_valid),
      .ready_o  (unused_ready),
      .data_i   (op_data_i[k]),
      .ccf_i    (op_ccf_i[k]),
      .thresh_i (op_thresh_i[k]),
      .valid_o  (unused_valid),
      .ready_i  (g_ready),
      .keep_o   (keep),
      .count_o  (cnt),
      .payload_o(payload)
    );

    logic [HB*8-1:0]    hdr;
    logic [N*EW-1:0]    pay_flat;
    logic [DSizeW-1:0]  pay_bytes;
    assign hdr       = (HB * 8)'(keep);
    assign pay_flat  = payload;
    assign pay_bytes = DSizeW'(cnt) * DSizeW'(EB);
    // Fields of a FENCE are ignored: it has no size.
    always_comb begin
      if (p_fence[k]) begin
        in_dsize[k]  = '0;
        in_hsize[k]  = '0;
        in_dbytes[k] = '0;
        in_hbytes[k] = '0;
      end else if (p_sep[k]) begin
        in_dsize[k]  = pay_bytes;
        in_hsize[k]  = HSizeW'(HB);
        in_dbytes[k] = (VecMax * 8)'(pay_flat);
        in_hbytes[k] = hdr;
      end else begin
        in_dsize[k]  = DSizeW'(HB) + pay_bytes;
        in_hsize[k]  = '0;
        in_dbytes[k] = {pay_flat, hdr};
        in_hbytes[k] = '0;
      end
    end
  end

  // ------------------------------------------------------------ group register
  typedef struct packed {
    logic                 fence;
    logic                 sep;
    logic                 chain;
    logic [AddrW-1:0]     dptr;
    logic [AddrW-1:0]     hptr;
    logic [AddrW-1:0]     limit;
    logic [DSizeW-1:0]    dsize;
    logic [HSizeW-1:0]    hsize;
    logic [VecMax*8-1:0]  dbytes;
    logic [HB*8-1:0]      hbytes;
  } slot_t;

  logic                g_valid_q;
  logic [NumW-1:0]     g_num_q;
  logic [NumW-1:0]     g_next_q;
  slot_t [P-1:0]       g_slot_q;
  logic [P-1:0][1:0]   g_fence_err_q;   // error codes of completed FENCEs
  logic [AddrW-1:0]    carry_d_q, carry_h_q;

  logic [P-1:0][DSizeW-1:0]    dsize;
  logic [P-1:0][HSizeW-1:0]    hsize;
  logic [P-1:0][VecMax*8-1:0]  dbytes;
  logic [P-1:0][HB*8-1:0]      hbytes;
  always_comb begin
    for (int k = 0; k < P; k++) begin
      dsize[k]  = g_slot_q[k].dsize;
      hsize[k]  = g_slot_q[k].hsize;
      dbytes[k] = g_slot_q[k].dbytes;
      hbytes[k] = g_slot_q[k].hbytes;
    end
  end

  // ------------------------------------- inter-vector prefix sums (N = P)
  logic [P-1:0][DSumW-1:0] dexcl;
  logic [P-1:0][HSumW-1:0] hexcl;
  logic [DSumW-1:0]        dtotal;
  logic [HSumW-1:0]        htotal;
  zcomp_prefix_sum #(
    .N(P), .Topology(TopoSklansky), .Stages(0), .InW(DSizeW), .SumW(DSumW)
  ) u_dsum (
    .clk_i(clk_i), .rst_ni(rst_ni), .en_i(1'b1),
    .bits_i(dsize), .excl_o(dexcl), .total_o(dtotal)
  );
  zcomp_prefix_sum #(
    .N(P), .Topology(TopoSklansky), .Stages(0), .InW(HSizeW), .SumW(HSumW)
  ) u_hsum (
    .clk_i(clk_i), .rst_ni(rst_ni), .en_i(1'b1),
    .bits_i(hsize), .excl_o(hexcl), .total_o(htotal)
  );

  // Pointers: base_k = chain ? base_{k-1} : ptr_k - excl_k; ptr_in = base + excl.
  logic [P-1:0][AddrW-1:0] d_in, h_in, d_out, h_out;
  logic [P-1:0]            oob;
  always_comb begin
    logic [AddrW-1:0] dbase, hbase;
    dbase = carry_d_q;
    hbase = carry_h_q;
    for (int k = 0; k < P; k++) begin
      if (!g_slot_q[k].chain) begin
        dbase = g_slot_q[k].dptr - AddrW'(dexcl[k]);
        hbase = g_slot_q[k].hptr - AddrW'(hexcl[k]);
      end
      d_in[k]  = dbase + AddrW'(dexcl[k]);
      h_in[k]  = hbase + AddrW'(hexcl[k]);
      d_out[k] = d_in[k] + AddrW'(dsize[k]);
      h_out[k] = h_in[k] + AddrW'(hsize[k]);
    end
  end

  for (genvar k = 0; k < P; k++) begin : gen_bounds
    logic [AddrW:0] d_end, h_end;
    assign d_end  = {1'b0, d_in[k]} + (AddrW + 1)'(dsize[k]);
    assign h_end  = {1'b0, h_in[k]} + (AddrW + 1)'(hsize[k]);
    assign oob[k] = !g_slot_q[k].fence &&
                    ((d_end > {1'b0, g_slot_q[k].limit}) ||
                     (g_slot_q[k].sep && (h_end > {1'b0, g_slot_q[k].limit})));
  end

  // ------------------------------------------------------------ segment
  // seg[k]: slot k belongs to the segment that starts at g_next_q.
  logic [P-1:0] seg;
  logic [NumW-1:0] seg_end;      // first slot after the segment
  always_comb begin
    logic open;
    seg     = '0;
    seg_end = g_num_q;
    open    = 1'b0;
    for (int k = 0; k < P; k++) begin
      if (NumW'(k) == g_next_q) begin
        seg[k] = 1'b1;
        open   = 1'b1;
      end else if (open) begin
        if (NumW'(k) < g_num_q && k > 0 && !g_slot_q[k].fence && !g_slot_q[k-1].fence &&
            g_slot_q[k].sep == g_slot_q[k-1].sep && !oob[k] && !oob[k-1] &&
            d_in[k] == d_out[k-1] && (!g_slot_q[k].sep || h_in[k] == h_out[k-1])) begin
          seg[k] = 1'b1;
        end else begin
          open    = 1'b0;
          seg_end = NumW'(k);
        end
      end
    end
  end

  logic [SlotW-1:0] first;
  assign first = SlotW'(g_next_q);
  logic seg_fence, seg_oob, seg_last;
  assign seg_fence = g_slot_q[first].fence;
  assign seg_oob   = oob[first];
  assign seg_last  = (seg_end == g_num_q);

  // Runs: each slot's bytes at its offset from the segment's first slot.
  logic [DRun*8-1:0] drun;
  logic [HRun*8-1:0] hrun;
  logic [DSumW-1:0]  dlen;
  logic [HSumW-1:0]  hlen;
  // The segment's length comes from the same prefix sums: the start of the
  // first slot after it (or the total) minus the start of its first slot.
  logic [DSumW-1:0]  dend;
  logic [HSumW-1:0]  hend;
  always_comb begin
    dend = dtotal;
    hend = htotal;
    for (int k = 0; k < P; k++) begin
      if (NumW'(k) == seg_end) begin
        dend = dexcl[k];
        hend = hexcl[k];
      end
    end
  end
  assign dlen = dend - dexcl[first];
  assign hlen = hend - hexcl[first];
  always_comb begin
    drun = '0;
    hrun = '0;
    for (int k = 0; k < P; k++) begin
      if (seg[k]) begin
        drun = drun | ((DRun * 8)'(dbytes[k]) << (32'(DSumW'(dexcl[k] - dexcl[first])) * 8));
        hrun = hrun | ((HRun * 8)'(hbytes[k]) << (32'(HSumW'(hexcl[k] - hexcl[first])) * 8));
      end
    end
  end

  // -------------------------------------------------- write-combining buffers
  logic wd_run_valid, wd_run_ready, wd_idle, wd_req_valid, wd_req_ready;
  logic wh_run_valid, wh_run_ready, wh_idle, wh_req_valid, wh_req_ready;
  logic [AddrW-1:0]       wd_req_addr, wh_req_addr;
  logic [LineBytes*8-1:0] wd_req_wdata, wh_req_wdata;
  logic [LineBytes-1:0]   wd_req_wstrb, wh_req_wstrb;
  logic                   flush;

  logic work;  // a ZCOMPS segment in bounds
  logic r_free;
  logic wd_en, wh_en;
  assign work         = g_valid_q && !seg_fence && !seg_oob;
  assign wd_run_valid = work && (dlen != '0);
  assign wh_run_valid = work && (hlen != '0);
  assign flush        = g_valid_q && seg_fence;
  // Both buffers see the run (a jump starts a flush), but neither takes it
  // until the other can too and, for the group's last segment, R is free:
  // a run taken by one buffer only would be offered, and taken, again.
  assign wd_en = (!wh_run_valid || wh_run_ready) && (!seg_last || r_free);
  assign wh_en = (!wd_run_valid || wd_run_ready) && (!seg_last || r_free);

  zcomp_wc_buffer #(
    .LineBytes(LineBytes), .AddrW(AddrW), .RunBytes(DRun)
  ) u_wd (
    .clk_i(clk_i), .rst_ni(rst_ni),
    .run_valid_i(wd_run_valid), .run_en_i(wd_en), .run_ready_o(wd_run_ready),
    .run_addr_i(d_in[first]), .run_len_i(dlen), .run_data_i(drun),
    .flush_i(flush), .idle_o(wd_idle),
    .req_valid_o(wd_req_valid), .req_ready_i(wd_req_ready),
    .req_addr_o(wd_req_addr), .req_wdata_o(wd_req_wdata), .req_wstrb_o(wd_req_wstrb)
  );
  zcomp_wc_buffer #(
    .LineBytes(LineBytes), .AddrW(AddrW), .RunBytes(HRun)
  ) u_wh (
    .clk_i(clk_i), .rst_ni(rst_ni),
    .run_valid_i(wh_run_valid), .run_en_i(wh_en), .run_ready_o(wh_run_ready),
    .run_addr_i(h_in[first]), .run_len_i(hlen), .run_data_i(hrun),
    .flush_i(flush), .idle_o(wh_idle),
    .req_valid_o(wh_req_valid), .req_ready_i(wh_req_ready),
    .req_addr_o(wh_req_addr), .req_wdata_o(wh_req_wdata), .req_wstrb_o(wh_req_wstrb)
  );

  // ------------------------------------------------------------ L1 port
  logic [OutW-1:0] outstanding_q;
  logic            sticky_err_q;
  logic            can_issue, req_fire, rsp_fire;
  assign can_issue    = (outstanding_q < OutW'(MaxOutstanding));
  assign wh_req_ready = req_ready_i && can_issue;
  assign wd_req_ready = req_ready_i && can_issue && !wh_req_valid;
  assign req_valid_o  = can_issue && (wh_req_valid || wd_req_valid);
  assign req_write_o  = req_valid_o;
  assign req_addr_o   = !can_issue ? '0 : wh_req_valid ? wh_req_addr  : wd_req_addr;
  assign req_wdata_o  = !can_issue ? '0 : wh_req_valid ? wh_req_wdata : wd_req_wdata;
  assign req_wstrb_o  = !can_issue ? '0 : wh_req_valid ? wh_req_wstrb : wd_req_wstrb;
  assign rsp_ready_o  = 1'b1;
  assign req_fire     = req_valid_o && req_ready_i;
  assign rsp_fire     = rsp_valid_i;
  logic unused_rdata;
  assign unused_rdata = ^rsp_rdata_i;

  // --------------------------------------------------------- completion
  logic r_valid_q;
  logic seg_done, group_done;
  assign r_free = !r_valid_q || res_ready_i;
  always_comb begin
    if (!g_valid_q) begin
      seg_done = 1'b0;
    end else if (seg_fence) begin
      seg_done = wd_idle && wh_idle && (outstanding_q == '0) && !req_fire;
    end else if (seg_oob) begin
      seg_done = 1'b1;
    end else begin
      seg_done = (!wd_run_valid || wd_run_ready) && (!wh_run_valid || wh_run_ready);
    end
    if (seg_last && !r_free) seg_done = 1'b0;
  end
  assign group_done = seg_done && seg_last;
  assign g_ready    = !g_valid_q || group_done;

  // Error codes of the group's slots, as they stand this cycle.
  logic [P-1:0][1:0] err_now;
  always_comb begin
    for (int k = 0; k < P; k++) begin
      if (oob[k]) err_now[k] = ErrOob;
      else if (g_slot_q[k].fence)
        err_now[k] = (seg_fence && NumW'(k) == g_next_q) ? (sticky_err_q ? ErrL1 : ErrNone)
                                                        : g_fence_err_q[k];
      else err_now[k] = ErrNone;
    end
  end

  // ---------------------------------------------------------- registers
  logic [NumW-1:0]          r_num_q;
  logic [P-1:0][AddrW-1:0]  r_dptr_q, r_hptr_q;
  logic [P-1:0][1:0]        r_err_q;
  logic [SlotW-1:0]         last_slot;
  assign last_slot = SlotW'(g_num_q - NumW'(1));

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      g_valid_q     <= 1'b0;
      g_num_q       <= '0;
      g_next_q      <= '0;
      g_fence_err_q <= '0;
      carry_d_q     <= '0;
      carry_h_q     <= '0;
      r_valid_q     <= 1'b0;
      r_num_q       <= '0;
      r_dptr_q      <= '0;
      r_hptr_q      <= '0;
      r_err_q       <= '0;
      outstanding_q <= '0;
      sticky_err_q  <= 1'b0;
    end else begin
      outstanding_q <= outstanding_q + OutW'(req_fire) - OutW'(rsp_fire);
      if (seg_done && seg_fence) begin
        g_fence_err_q[first] <= sticky_err_q ? ErrL1 : ErrNone;
        sticky_err_q <= 1'b0;
      end else if (rsp_fire && rsp_error_i) begin
        sticky_err_q <= 1'b1;
      end
      if (seg_done) g_next_q <= seg_end;
      // Results.
      if (group_done) begin
        r_valid_q <= 1'b1;
        r_num_q   <= g_num_q;
        for (int k = 0; k < P; k++) begin
          r_dptr_q[k] <= (NumW'(k) < g_num_q) ? d_out[k] : '0;
          r_hptr_q[k] <= (NumW'(k) < g_num_q) ? h_out[k] : '0;
          r_err_q[k]  <= (NumW'(k) < g_num_q) ? err_now[k] : ErrNone;
        end
        carry_d_q <= d_out[last_slot];
        carry_h_q <= h_out[last_slot];
      end else if (res_ready_i) begin
        r_valid_q <= 1'b0;
      end
      // The group register.
      if (g_ready) begin
        g_valid_q     <= p_valid;
        g_num_q       <= p_valid ? p_num : '0;
        g_next_q      <= '0;
        g_fence_err_q <= '0;
      end
    end
  end

  // Slot contents are data only: loaded with the group, no reset needed.
  always_ff @(posedge clk_i) begin
    if (g_ready && p_valid) begin
      for (int k = 0; k < P; k++) begin
        g_slot_q[k].fence  <= p_fence[k];
        g_slot_q[k].sep    <= p_sep[k];
        g_slot_q[k].chain  <= p_chain[k];
        g_slot_q[k].dptr   <= p_dptr[k];
        g_slot_q[k].hptr   <= p_hptr[k];
        g_slot_q[k].limit  <= p_limit[k];
        g_slot_q[k].dsize  <= in_dsize[k];
        g_slot_q[k].hsize  <= in_hsize[k];
        g_slot_q[k].dbytes <= in_dbytes[k];
        g_slot_q[k].hbytes <= in_hbytes[k];
      end
    end
  end

  assign res_valid_o = r_valid_q;
  assign res_num_o   = r_valid_q ? r_num_q : '0;
  assign res_dptr_o  = r_valid_q ? r_dptr_q : '0;
  assign res_hptr_o  = r_valid_q ? r_hptr_q : '0;
  assign res_err_o   = r_valid_q ? r_err_q : '0;

endmodule
