// zcomp_engine: ZCOMPS, ZCOMPL and FENCE in one operation stream, in program
// order, on one L1 port. A dispatcher splits each group of up to P
// operations into runs (consecutive slots for the same engine), sends each
// run as a group to zcomp_store_engine (ZCOMPS, FENCE) or zcomp_load_engine
// (ZCOMPL), and puts the engines' results back together into one result per
// group. The port belongs to one engine at a time (the phase): before the
// first load after stores, the store engine's writes are drained with an
// implicit FENCE and the load windows are flushed; before the first store
// after loads, the reads in flight are drained. So a ZCOMPL after a ZCOMPS
// that wrote overlapping bytes returns the stored data, and `chain` follows
// the previous operation whatever its kind. The contract (dispatcher,
// switches, FENCE errors) is the last part of docs/engines.md; the C++
// model verif/model/engine_model.hpp is written from it.
//
// Parameters: N, EW (vector format), P (operations per handshake: 1, 2, 4),
// LineBytes, AddrW, MaxOutstanding (the L1 port, docs/l1-interface.md),
// WindowLines (the load engine's stream windows). Both engines take them.
// OpSpill (default 1): an op slice (zcomp_spill) between the dispatcher and
// each engine, which cuts the paths between them for the clock at one cycle
// of latency; 0 connects them directly. CompStages (default 0): the store
// engine's register stages in front of its group register (for the clock;
// each adds a cycle of latency to a ZCOMPS group, no throughput).
//
// Latency: a group taken on cycle t is offered to its engine at t+1 (t+2
// with OpSpill); when the engine finishes it at once, res_valid_o rises at
// t+4 (t+5 with OpSpill). A switch
// between stores and loads adds the drain (the writes acknowledged, or the
// reads in flight returned). Throughput: one group per cycle while the
// operations keep to one kind, at the rate of that engine.
// Guarantees: program order between loads and stores; results in order,
// one per group; every res_* field is 0 while res_valid_o is 0; the
// engines' own guarantees (bounds, no hang on a corrupt stream, reset).
module zcomp_engine
  import zcomp_pkg::*;
#(
  parameter int unsigned  N              = 16,
  parameter int unsigned  EW             = 32,
  parameter int unsigned  P              = 4,
  parameter int unsigned  LineBytes      = 64,
  parameter int unsigned  AddrW          = 32,
  parameter int unsigned  MaxOutstanding = 32,
  parameter int unsigned  WindowLines    = 32,
  parameter bit           OpSpill        = 1'b1,
  parameter int unsigned  CompStages     = 0,
  localparam int unsigned NumW           = $clog2(P + 1)
) (
  input  logic                         clk_i,
  input  logic                         rst_ni,
  // Operations: a group of op_num_i (1..P) in slots 0.., program order
  input  logic                         op_valid_i,
  output logic                         op_ready_o,
  input  logic [NumW-1:0]              op_num_i,
  input  logic [P-1:0]                 op_fence_i,   // 1: FENCE
  input  logic [P-1:0]                 op_load_i,    // 1: ZCOMPL, 0: ZCOMPS
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
  output logic [P-1:0][N-1:0][EW-1:0]  res_data_o,
  // L1 port (docs/l1-interface.md)
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
  localparam int unsigned SlotW  = (P > 1) ? $clog2(P) : 1;
  // Runs sent and not yet answered: as many as the engines can hold (2 in
  // an engine, 2 in its op slice, and the store engine's CompStages), so
  // that F never limits the rate.
  localparam int unsigned FDepth = 4 + CompStages;
  localparam int unsigned FPtrW  = $clog2(FDepth);
  localparam int unsigned FCntW  = $clog2(FDepth + 1);
  localparam logic [1:0]  ErrL1  = 2'd2;
  localparam logic        PhStore = 1'b0;
  localparam logic        PhLoad  = 1'b1;

  // The engines check N, EW, P, LineBytes, MaxOutstanding and WindowLines.
  if (P != 1 && P != 2 && P != 4) begin : gen_bad_p
    $error("zcomp_engine: P must be 1, 2 or 4");
  end

  // A run sent to an engine and not yet answered.
  typedef struct packed {
    logic            load;      // the engine: 1 load, 0 store
    logic            implicit;  // the dispatcher's own FENCE
    logic            last;      // the group's last run
    logic [NumW-1:0] off;       // its first slot in the group
    logic [NumW-1:0] n;         // its slots
    logic [P-1:0]    fence;     // which of its slots (engine order) are FENCE
  } run_t;

  // ------------------------------------------------------------ state
  logic                        q_valid_q;
  logic [NumW-1:0]             q_num_q, q_next_q;
  logic [P-1:0]                q_fence_q, q_load_q, q_sep_q, q_chain_q;
  ccf_e [P-1:0]                q_ccf_q;
  logic [P-1:0][EW-1:0]        q_thresh_q;
  logic [P-1:0][AddrW-1:0]     q_dptr_q, q_hptr_q, q_limit_q;
  logic [P-1:0][N-1:0][EW-1:0] q_data_q;
  logic                        phase_q, clean_q, fix_q, werr_q;
  logic [AddrW-1:0]            ld_q, lh_q;
  run_t [FDepth-1:0]           f_q;
  logic [FPtrW-1:0]            f_head_q, f_tail_q;
  logic [FCntW-1:0]            f_count_q;
  // The group being answered (slots so far) and the output register.
  logic [P-1:0][AddrW-1:0]     a_dptr_q, a_hptr_q;
  logic [P-1:0][1:0]           a_err_q;
  logic [P-1:0][N-1:0][EW-1:0] a_data_q;
  logic                        r_valid_q;
  logic [NumW-1:0]             r_num_q;
  logic [P-1:0][AddrW-1:0]     r_dptr_q, r_hptr_q;
  logic [P-1:0][1:0]           r_err_q;
  logic [P-1:0][N-1:0][EW-1:0] r_data_q;

  // ------------------------------------------------------------ the run
  // A slot's engine: 1 for ZCOMPL, 0 for ZCOMPS and FENCE.
  logic [P-1:0] q_tgt;
  assign q_tgt = q_load_q & ~q_fence_q;

  logic            tgt;        // the run's engine
  logic [NumW-1:0] run_n;      // its length
  logic            run_last;   // it ends the group
  logic            clean_after;
  // The run's slots in the engine's order (slot j = group slot next + j).
  logic [P-1:0]                e_fence, e_sep, e_chain;
  ccf_e [P-1:0]                e_ccf;
  logic [P-1:0][EW-1:0]        e_thresh;
  logic [P-1:0][AddrW-1:0]     e_dptr, e_hptr, e_limit;
  logic [P-1:0][N-1:0][EW-1:0] e_data;
  always_comb begin
    logic             going;
    logic [SlotW-1:0] k;
    k           = '0;
    tgt         = q_tgt[SlotW'(q_next_q)];
    run_n       = '0;
    going       = 1'b1;
    clean_after = clean_q;
    e_fence     = '0;
    e_sep       = '0;
    e_chain     = '0;
    e_ccf       = '{default: CcfZero};
    e_thresh    = '0;
    e_dptr      = '0;
    e_hptr      = '0;
    e_limit     = '0;
    e_data      = '0;
    for (int unsigned j = 0; j < P; j++) begin
      if (q_next_q + NumW'(j) < q_num_q) begin
        k     = SlotW'(q_next_q + NumW'(j));
        going = going && (q_tgt[k] == tgt);
        if (going) begin
          run_n       = run_n + NumW'(1);
          clean_after = q_fence_q[k] ? 1'b1 : (q_tgt[k] ? clean_after : 1'b0);
          e_fence[j]  = q_fence_q[k];
          e_sep[j]    = q_sep_q[k];
          e_chain[j]  = q_chain_q[k];
          e_ccf[j]    = q_ccf_q[k];
          e_thresh[j] = q_thresh_q[k];
          e_dptr[j]   = q_dptr_q[k];
          e_hptr[j]   = q_hptr_q[k];
          e_limit[j]  = q_limit_q[k];
          e_data[j]   = q_data_q[k];
        end
      end
    end
    // The first run after a switch takes the pointers of the other engine.
    if (fix_q && e_chain[0]) begin
      e_chain[0] = 1'b0;
      e_dptr[0]  = ld_q;
      e_hptr[0]  = lh_q;
    end
    run_last = (q_next_q + run_n) == q_num_q;
  end

  // ------------------------------------------------------- dispatching
  logic f_room, f_empty;
  assign f_room  = f_count_q < FCntW'(FDepth);
  assign f_empty = f_count_q == '0;

  logic s_op_valid, s_op_ready, l_op_valid, l_op_ready, l_idle, l_flush;
  logic implicit_fence, same_phase, sw_to_load, sw_to_store, run_sent;
  assign same_phase     = q_valid_q && (tgt == phase_q);
  assign implicit_fence = q_valid_q && (phase_q == PhStore) && tgt && !clean_q;
  assign sw_to_load     = q_valid_q && (phase_q == PhStore) && tgt && clean_q && f_empty;
  assign sw_to_store    = q_valid_q && (phase_q == PhLoad) && !tgt && f_empty && l_idle;
  assign s_op_valid     = f_room && ((same_phase && !tgt) || implicit_fence);
  assign l_op_valid     = f_room && same_phase && tgt;
  assign l_flush        = sw_to_load;
  assign run_sent       = same_phase && (tgt ? (l_op_valid && l_op_ready)
                                             : (s_op_valid && s_op_ready));
  assign op_ready_o     = !q_valid_q || (run_sent && run_last);

  // The store engine gets the run, or the implicit fence (one chained FENCE).
  logic [NumW-1:0] s_num;
  logic [P-1:0]    s_fence, s_chain;
  always_comb begin
    s_num   = run_n;
    s_fence = e_fence;
    s_chain = e_chain;
    if (implicit_fence) begin
      s_num   = NumW'(1);
      s_fence = P'(1);
      s_chain = P'(1);
    end
  end

  // ---------------------------------------------------------- results
  run_t h;
  assign h = f_q[f_head_q];

  logic                        s_res_valid, s_res_ready, l_res_valid, l_res_ready;
  logic [NumW-1:0]             s_res_num, l_res_num;
  logic [P-1:0][AddrW-1:0]     s_res_dptr, s_res_hptr, l_res_dptr, l_res_hptr;
  logic [P-1:0][1:0]           s_res_err, l_res_err;
  logic [P-1:0][N-1:0][EW-1:0] l_res_data;
  logic                        r_free, take;
  assign r_free      = !r_valid_q || res_ready_i;
  assign s_res_ready = !f_empty && !h.load && (h.implicit || !h.last || r_free);
  assign l_res_ready = !f_empty && h.load && (!h.last || r_free);
  assign take        = h.load ? (l_res_valid && l_res_ready) : (s_res_valid && s_res_ready);

  // The head run's result placed at its slots of the group.
  logic [P-1:0][AddrW-1:0]     g_dptr, g_hptr;
  logic [P-1:0][1:0]           g_err;
  logic [P-1:0][N-1:0][EW-1:0] g_data;
  logic                        werr_d;
  logic [AddrW-1:0]            ld_d, lh_d;
  always_comb begin
    logic             werr_left;
    logic [SlotW-1:0] k;
    k         = '0;
    g_dptr    = a_dptr_q;
    g_hptr    = a_hptr_q;
    g_err     = a_err_q;
    g_data    = a_data_q;
    werr_left = werr_q;
    ld_d      = ld_q;
    lh_d      = lh_q;
    for (int unsigned j = 0; j < P; j++) begin
      if (NumW'(j) < h.n) begin
        k         = SlotW'(h.off + NumW'(j));
        g_dptr[k] = h.load ? l_res_dptr[j] : s_res_dptr[j];
        g_hptr[k] = h.load ? l_res_hptr[j] : s_res_hptr[j];
        g_err[k]  = h.load ? l_res_err[j] : s_res_err[j];
        g_data[k] = h.load ? l_res_data[j] : '0;
        if (h.fence[j] && werr_left) begin
          g_err[k]  = ErrL1;
          werr_left = 1'b0;
        end
        ld_d = g_dptr[k];
        lh_d = g_hptr[k];
      end
    end
    // Slots above the run are 0 in the output (a new group starts afresh).
    for (int unsigned j = 0; j < P; j++) begin
      if (NumW'(j) >= h.off + h.n) begin
        g_dptr[j] = '0;
        g_hptr[j] = '0;
        g_err[j]  = '0;
        g_data[j] = '0;
      end
    end
    werr_d = h.implicit ? (werr_q || (s_res_err[0] == ErrL1)) : werr_left;
  end

  // ------------------------------------------------------- op slices
  // With OpSpill, a zcomp_spill between the dispatcher and each engine: the
  // dispatcher's handshake with an engine then waits for no engine logic in
  // the cycle (the engines' op_ready_o is their longest path), and an
  // engine's op inputs come from registers. A run reaches its engine one
  // cycle later; the slice's second entry keeps one run a cycle.
  typedef struct packed {
    logic [NumW-1:0]             num;
    logic [P-1:0]                fence, sep, chain;
    ccf_e [P-1:0]                ccf;
    logic [P-1:0][EW-1:0]        thresh;
    logic [P-1:0][AddrW-1:0]     dptr, hptr, limit;
    logic [P-1:0][N-1:0][EW-1:0] data;
  } store_run_t;
  typedef struct packed {
    logic [NumW-1:0]             num;
    logic [P-1:0]                fence, sep, chain;
    logic [P-1:0][AddrW-1:0]     dptr, hptr, limit;
  } load_run_t;

  logic       se_valid, se_ready, le_valid, le_ready;
  store_run_t s_run, se_run;
  load_run_t  l_run, le_run;
  assign s_run = '{num: s_num, fence: s_fence, sep: e_sep, chain: s_chain, ccf: e_ccf,
                   thresh: e_thresh, dptr: e_dptr, hptr: e_hptr, limit: e_limit, data: e_data};
  assign l_run = '{num: run_n, fence: e_fence, sep: e_sep, chain: e_chain, dptr: e_dptr,
                   hptr: e_hptr, limit: e_limit};

  zcomp_spill #(
    .Width($bits(store_run_t)), .Bypass(!OpSpill)
  ) u_store_slice (
    .clk_i, .rst_ni,
    .valid_i(s_op_valid), .ready_o(s_op_ready), .data_i(s_run),
    .valid_o(se_valid), .ready_i(se_ready), .data_o(se_run)
  );
  zcomp_spill #(
    .Width($bits(load_run_t)), .Bypass(!OpSpill)
  ) u_load_slice (
    .clk_i, .rst_ni,
    .valid_i(l_op_valid), .ready_o(l_op_ready), .data_i(l_run),
    .valid_o(le_valid), .ready_i(le_ready), .data_o(le_run)
  );

  // ------------------------------------------------------------ engines
  logic            s_req_valid, s_req_ready, s_req_write, s_rsp_valid, s_rsp_ready;
  logic            l_req_valid, l_req_ready, l_req_write, l_rsp_valid, l_rsp_ready;
  logic [AddrW-1:0] s_req_addr, l_req_addr;
  logic [LineBytes*8-1:0] s_req_wdata, l_req_wdata;
  logic [LineBytes-1:0]   s_req_wstrb, l_req_wstrb;

  zcomp_store_engine #(
    .N(N), .EW(EW), .P(P), .LineBytes(LineBytes), .AddrW(AddrW),
    .MaxOutstanding(MaxOutstanding), .CompStages(CompStages)
  ) u_store (
    .clk_i, .rst_ni,
    .op_valid_i (se_valid),
    .op_ready_o (se_ready),
    .op_num_i   (se_run.num),
    .op_fence_i (se_run.fence),
    .op_sep_i   (se_run.sep),
    .op_chain_i (se_run.chain),
    .op_ccf_i   (se_run.ccf),
    .op_thresh_i(se_run.thresh),
    .op_dptr_i  (se_run.dptr),
    .op_hptr_i  (se_run.hptr),
    .op_limit_i (se_run.limit),
    .op_data_i  (se_run.data),
    .res_valid_o(s_res_valid),
    .res_ready_i(s_res_ready),
    .res_num_o  (s_res_num),
    .res_dptr_o (s_res_dptr),
    .res_hptr_o (s_res_hptr),
    .res_err_o  (s_res_err),
    .req_valid_o(s_req_valid),
    .req_ready_i(s_req_ready),
    .req_addr_o (s_req_addr),
    .req_write_o(s_req_write),
    .req_wdata_o(s_req_wdata),
    .req_wstrb_o(s_req_wstrb),
    .rsp_valid_i(s_rsp_valid),
    .rsp_ready_o(s_rsp_ready),
    .rsp_rdata_i(rsp_rdata_i),
    .rsp_error_i(rsp_error_i)
  );

  zcomp_load_engine #(
    .N(N), .EW(EW), .P(P), .LineBytes(LineBytes), .AddrW(AddrW),
    .MaxOutstanding(MaxOutstanding), .WindowLines(WindowLines)
  ) u_load (
    .clk_i, .rst_ni,
    .flush_i    (l_flush),
    .idle_o     (l_idle),
    .op_valid_i (le_valid),
    .op_ready_o (le_ready),
    .op_num_i   (le_run.num),
    .op_fence_i (le_run.fence),
    .op_sep_i   (le_run.sep),
    .op_chain_i (le_run.chain),
    .op_dptr_i  (le_run.dptr),
    .op_hptr_i  (le_run.hptr),
    .op_limit_i (le_run.limit),
    .res_valid_o(l_res_valid),
    .res_ready_i(l_res_ready),
    .res_num_o  (l_res_num),
    .res_dptr_o (l_res_dptr),
    .res_hptr_o (l_res_hptr),
    .res_err_o  (l_res_err),
    .res_data_o (l_res_data),
    .req_valid_o(l_req_valid),
    .req_ready_i(l_req_ready),
    .req_addr_o (l_req_addr),
    .req_write_o(l_req_write),
    .req_wdata_o(l_req_wdata),
    .req_wstrb_o(l_req_wstrb),
    .rsp_valid_i(l_rsp_valid),
    .rsp_ready_o(l_rsp_ready),
    .rsp_rdata_i(rsp_rdata_i),
    .rsp_error_i(rsp_error_i)
  );

  // The result counts are known from the runs themselves.
  logic unused_res_num;
  assign unused_res_num = ^{s_res_num, l_res_num};

  // ------------------------------------------------------------- port
  // The phase owns the port; the other engine has nothing in flight.
  assign req_valid_o = (phase_q == PhLoad) ? l_req_valid : s_req_valid;
  assign req_addr_o  = (phase_q == PhLoad) ? l_req_addr : s_req_addr;
  assign req_write_o = (phase_q == PhLoad) ? l_req_write : s_req_write;
  assign req_wdata_o = (phase_q == PhLoad) ? l_req_wdata : s_req_wdata;
  assign req_wstrb_o = (phase_q == PhLoad) ? l_req_wstrb : s_req_wstrb;
  assign rsp_ready_o = (phase_q == PhLoad) ? l_rsp_ready : s_rsp_ready;
  assign s_req_ready = (phase_q == PhStore) && req_ready_i;
  assign l_req_ready = (phase_q == PhLoad) && req_ready_i;
  assign s_rsp_valid = (phase_q == PhStore) && rsp_valid_i;
  assign l_rsp_valid = (phase_q == PhLoad) && rsp_valid_i;

  // -------------------------------------------------------- registers
  logic [NumW-1:0] num_in;
  if ((1 << NumW) - 1 > P) begin : gen_num_clamp
    assign num_in = (op_num_i == '0) ? NumW'(1) : (op_num_i > NumW'(P)) ? NumW'(P) : op_num_i;
  end else begin : gen_num_plain
    assign num_in = (op_num_i == '0) ? NumW'(1) : op_num_i;
  end

  logic push;
  run_t f_new;
  assign push = (s_op_valid && s_op_ready) || (l_op_valid && l_op_ready);
  always_comb begin
    f_new.load     = tgt && !implicit_fence;
    f_new.implicit = implicit_fence;
    f_new.last     = run_last && !implicit_fence;
    f_new.off      = q_next_q;
    f_new.n        = implicit_fence ? NumW'(1) : run_n;
    f_new.fence    = implicit_fence ? P'(1) : e_fence;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      q_valid_q <= 1'b0;
      q_num_q   <= '0;
      q_next_q  <= '0;
      phase_q   <= PhStore;
      clean_q   <= 1'b1;
      fix_q     <= 1'b0;
      werr_q    <= 1'b0;
      ld_q      <= '0;
      lh_q      <= '0;
      f_head_q  <= '0;
      f_tail_q  <= '0;
      f_count_q <= '0;
      r_valid_q <= 1'b0;
      r_num_q   <= '0;
      r_dptr_q  <= '0;
      r_hptr_q  <= '0;
      r_err_q   <= '0;
      r_data_q  <= '0;
    end else begin
      // Dispatch.
      if (sw_to_load) begin
        phase_q <= PhLoad;
        fix_q   <= 1'b1;
      end
      if (sw_to_store) begin
        phase_q <= PhStore;
        fix_q   <= 1'b1;
      end
      if (implicit_fence && s_op_ready && f_room) clean_q <= 1'b1;
      if (run_sent) begin
        q_next_q <= q_next_q + run_n;
        fix_q    <= 1'b0;
        if (!tgt) clean_q <= clean_after;
      end
      if (op_ready_o) begin
        q_valid_q <= op_valid_i;
        q_num_q   <= op_valid_i ? num_in : '0;
        q_next_q  <= '0;
      end
      // Runs in flight.
      if (push) f_tail_q <= (f_tail_q == FPtrW'(FDepth - 1)) ? '0 : f_tail_q + 1'b1;
      if (take) f_head_q <= (f_head_q == FPtrW'(FDepth - 1)) ? '0 : f_head_q + 1'b1;
      f_count_q <= f_count_q + FCntW'(push) - FCntW'(take);
      // Results.
      if (take) begin
        werr_q <= werr_d;
        if (!h.implicit) begin
          ld_q <= ld_d;
          lh_q <= lh_d;
        end
      end
      if (take && h.last) begin
        r_valid_q <= 1'b1;
        r_num_q   <= h.off + h.n;
        r_dptr_q  <= g_dptr;
        r_hptr_q  <= g_hptr;
        r_err_q   <= g_err;
        r_data_q  <= g_data;
      end else if (res_ready_i) begin
        r_valid_q <= 1'b0;
      end
    end
  end

  // Data registers: no reset needed (their valid bits are reset).
  always_ff @(posedge clk_i) begin
    if (push) f_q[f_tail_q] <= f_new;
    if (take && !h.implicit && !h.last) begin
      a_dptr_q <= g_dptr;
      a_hptr_q <= g_hptr;
      a_err_q  <= g_err;
      a_data_q <= g_data;
    end
    if (op_ready_o && op_valid_i) begin
      q_fence_q  <= op_fence_i;
      q_load_q   <= op_load_i;
      q_sep_q    <= op_sep_i;
      q_chain_q  <= op_chain_i;
      q_ccf_q    <= op_ccf_i;
      q_thresh_q <= op_thresh_i;
      q_dptr_q   <= op_dptr_i;
      q_hptr_q   <= op_hptr_i;
      q_limit_q  <= op_limit_i;
      q_data_q   <= op_data_i;
    end
  end

  assign res_valid_o = r_valid_q;
  assign res_num_o   = r_valid_q ? r_num_q : '0;
  assign res_dptr_o  = r_valid_q ? r_dptr_q : '0;
  assign res_hptr_o  = r_valid_q ? r_hptr_q : '0;
  assign res_err_o   = r_valid_q ? r_err_q : '0;
  assign res_data_o  = r_valid_q ? r_data_q : '0;
endmodule
