// zcomp_load_engine: carries out ZCOMPL (load and expand) and FENCE
// operations in groups of up to P, up to P operations per cycle. Each stream (the
// data stream D, and the header stream H of the separate layout) has a
// window of WindowLines lines that is filled ahead of the parser, up to
// MaxOutstanding reads in flight. The parser takes the header, checks the
// bounds and the reserved bits, takes the payload out of the window (a
// funnel shift across line boundaries) and expands it with zcomp_expand.
// The full contract (pointers, errors, windows, prefetch, timing) is the
// load-engine part of docs/engines.md. The C++ cycle model
// verif/model/load_engine_model.hpp is written from that page.
//
// Parameters:
// - N, EW: vector format. P: operations per handshake (1, 2, 4).
// - LineBytes, AddrW, MaxOutstanding: the L1 port (docs/l1-interface.md).
// - WindowLines: lines per stream window, a power of two, at least the
//   lines of one vector at the worst alignment plus one.
//
// Latency: an operation whose lines are in the window completes in the
// cycle the engine works on it; the group's result is offered on the next
// cycle. Throughput: the operation worked on, plus the ones after it whose
// lines are all in the windows (lanes 1..P-1, one zcomp_expand each), so up
// to P per cycle while the window keeps up (the port gives a line a cycle).
// The lanes pass pointers on within the cycle: with the interleaved layout
// each lane's header address waits for the lane before it (a chain of P
// header reads, popcounts and adds), which sets the clock for P > 1.
// Guarantees: no read of a line that starts at or above the limit of the
// operation being worked on; a corrupt header ends in an error result, never
// a hang; results in order, one per group; res_* fields are 0 while
// res_valid_o is 0; request fields are stable while a request waits.
module zcomp_load_engine
  import zcomp_pkg::*;
#(
  parameter int unsigned  N              = 16,
  parameter int unsigned  EW             = 32,
  parameter int unsigned  P              = 4,
  parameter int unsigned  LineBytes      = 64,
  parameter int unsigned  AddrW          = 32,
  parameter int unsigned  MaxOutstanding = 32,
  parameter int unsigned  WindowLines    = 8,
  localparam int unsigned NumW           = $clog2(P + 1)
) (
  input  logic                         clk_i,
  input  logic                         rst_ni,
  // Window control: flush_i empties both windows at the end of the cycle
  // (for use while idle_o is high: memory may have changed under them).
  // idle_o: no group, no result, no read in flight or waiting.
  input  logic                         flush_i,
  output logic                         idle_o,
  // Operations: a group of op_num_i (1..P) in slots 0.., program order
  input  logic                         op_valid_i,
  output logic                         op_ready_o,
  input  logic [NumW-1:0]              op_num_i,
  input  logic [P-1:0]                 op_fence_i,
  input  logic [P-1:0]                 op_sep_i,
  input  logic [P-1:0]                 op_chain_i,
  input  logic [P-1:0][AddrW-1:0]      op_dptr_i,
  input  logic [P-1:0][AddrW-1:0]      op_hptr_i,
  input  logic [P-1:0][AddrW-1:0]      op_limit_i,
  // Results: one per group
  output logic                         res_valid_o,
  input  logic                         res_ready_i,
  output logic [NumW-1:0]              res_num_o,
  output logic [P-1:0][AddrW-1:0]      res_dptr_o,
  output logic [P-1:0][AddrW-1:0]      res_hptr_o,
  output logic [P-1:0][1:0]            res_err_o,
  output logic [P-1:0][N-1:0][EW-1:0]  res_data_o,
  // L1 port (docs/l1-interface.md); this engine only reads
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
  localparam int unsigned HB      = (N + 7) / 8;
  localparam int unsigned EB      = EW / 8;
  localparam int unsigned VecMax  = HB + N * EB;
  localparam int unsigned W       = WindowLines;
  localparam int unsigned LB      = LineBytes;
  localparam int unsigned OffW    = $clog2(LB);
  localparam int unsigned SlotW   = $clog2(W);
  localparam int unsigned WinB    = W * LB;                  // bytes in a window
  localparam int unsigned Span    = (VecMax + LB - 1 + LB - 1) / LB;
  localparam int unsigned SpanB   = Span * LB;               // bytes a funnel sees
  localparam int unsigned OutW    = $clog2(MaxOutstanding + 1);
  localparam int unsigned TagW    = (MaxOutstanding > 1) ? $clog2(MaxOutstanding) : 1;
  localparam int unsigned GSlotW  = (P > 1) ? $clog2(P) : 1;
  localparam int unsigned CntW    = $clog2(N + 1);
  localparam logic [1:0]  Empty   = 2'd0;
  localparam logic [1:0]  Pending = 2'd1;
  localparam logic [1:0]  Full    = 2'd2;
  localparam logic [1:0]  ErrNone = 2'd0;
  localparam logic [1:0]  ErrOob  = 2'd1;
  localparam logic [1:0]  ErrL1   = 2'd2;
  localparam logic [1:0]  ErrHdr  = 2'd3;

  if (P != 1 && P != 2 && P != 4) begin : gen_bad_p
    $error("zcomp_load_engine: P must be 1, 2 or 4");
  end
  if (!is_pow2(W) || W < Span + 1) begin : gen_bad_window
    $error("zcomp_load_engine: WindowLines must be a power of two of at least %0d", Span + 1);
  end
  if (MaxOutstanding < 1 || MaxOutstanding > 63) begin : gen_bad_out
    $error("zcomp_load_engine: MaxOutstanding must be 1 to 63");
  end
  if (!is_pow2(LB) || LB < 16 || LB > 256) begin : gen_bad_line
    $error("zcomp_load_engine: LineBytes must be a power of two from 16 to 256");
  end

  // These two take an address and use only some of its bits, by design.
  /* verilator lint_off UNUSEDSIGNAL */
  function automatic logic [AddrW-1:0] line_of(logic [AddrW-1:0] a);
    return {a[AddrW-1:OffW], OffW'(0)};
  endfunction
  function automatic logic [SlotW-1:0] slot_of(logic [AddrW-1:0] a);
    return a[OffW+:SlotW];
  endfunction
  /* verilator lint_on UNUSEDSIGNAL */

  // --------------------------------------------------------------- state
  logic                        g_valid_q;
  logic [NumW-1:0]             g_num_q, g_next_q;
  logic [P-1:0]                g_fence_q, g_sep_q, g_chain_q;
  logic [P-1:0][AddrW-1:0]     g_dptr_q, g_hptr_q, g_limit_q;
  logic [P-1:0][AddrW-1:0]     gr_dptr_q, gr_hptr_q;       // results so far
  logic [P-1:0][1:0]           gr_err_q;
  logic [P-1:0][N-1:0]         gr_keep_q;                  // the expand's inputs
  logic [P-1:0][N*EW-1:0]      gr_pay_q;
  logic [AddrW-1:0]            carry_d_q, carry_h_q;

  // Windows: index 0 = D stream, 1 = H stream.
  logic [1:0]                    win_valid_q;
  logic [1:0][AddrW-1:0]         win_base_q;
  logic [1:0][W-1:0][1:0]        slot_state_q;
  logic [1:0][W-1:0]             slot_err_q;
  logic [1:0][W-1:0][LB*8-1:0]   slot_data_q;
  logic [1:0][W-1:0][LB*4-1:0]   slot_cnt_q;    // bits set in each byte's keep bits

  // Reads in flight: stream and line, oldest first.
  logic [MaxOutstanding-1:0]             tag_stream_q;
  logic [MaxOutstanding-1:0][AddrW-1:0]  tag_line_q;
  logic [TagW-1:0]                       tag_head_q, tag_tail_q;
  logic [OutW-1:0]                       outstanding_q;
  // A request offered and not yet taken stays as it is.
  logic                                  hold_valid_q, hold_stream_q;
  logic [AddrW-1:0]                      hold_line_q;

  logic r_valid_q;
  logic [NumW-1:0]             r_num_q;
  logic [P-1:0][AddrW-1:0]     r_dptr_q, r_hptr_q;
  logic [P-1:0][1:0]           r_err_q;
  logic [P-1:0][N-1:0]         r_keep_q;
  logic [P-1:0][N*EW-1:0]      r_pay_q;

  // ------------------------------------------------- the op worked on
  logic [GSlotW-1:0] k;
  assign k = GSlotW'(g_next_q);
  logic             op_fence, op_sep;
  logic [AddrW-1:0] d_in, h_in, limit;
  always_comb begin
    logic [AddrW-1:0] prev_d, prev_h;
    prev_d   = (g_next_q == '0) ? carry_d_q : gr_dptr_q[GSlotW'(g_next_q - NumW'(1))];
    prev_h   = (g_next_q == '0) ? carry_h_q : gr_hptr_q[GSlotW'(g_next_q - NumW'(1))];
    op_fence = g_fence_q[k];
    op_sep   = g_sep_q[k];
    d_in     = g_chain_q[k] ? prev_d : g_dptr_q[k];
    h_in     = g_chain_q[k] ? prev_h : g_hptr_q[k];
    limit    = g_limit_q[k];
  end

  // In-window test: offset from the base, wrapping, below the window size.
  function automatic logic in_window(logic valid, logic [AddrW-1:0] base,
                                     logic [AddrW-1:0] line);
    logic [AddrW-1:0] off;
    off = line - base;
    return valid && (off < AddrW'(WinB));
  endfunction

  // An area [a, a + size) ends above lim, computed without wrapping.
  function automatic logic beyond(logic [AddrW-1:0] a, logic [AddrW-1:0] size,
                                  logic [AddrW-1:0] lim);
    return ({1'b0, a} + {1'b0, size}) > {1'b0, lim};
  endfunction

  // Lines first and last are both in the window.
  function automatic logic span_in_window(logic valid, logic [AddrW-1:0] base,
                                          logic [AddrW-1:0] first, logic [AddrW-1:0] last);
    return in_window(valid, base, first) && in_window(valid, base, last);
  endfunction

  // The pointers an op returns: unchanged for a FENCE or an error (keep),
  // else past its header and its payload of psize bytes.
  function automatic logic [2*AddrW-1:0] advance(logic keep, logic sep, logic [AddrW-1:0] d,
                                                 logic [AddrW-1:0] h, logic [AddrW-1:0] psize);
    if (keep) return {d, h};
    if (sep) return {d + psize, h + AddrW'(HB)};
    return {d + AddrW'(HB) + psize, h};
  endfunction

  // ------------------------------------------------------- header step
  logic             hs;             // header stream
  logic [AddrW-1:0] a_hdr, l0, l1;
  logic             hdr_oob, hdr_rebase, hdr_slide;
  assign hs      = op_sep;
  assign a_hdr   = op_sep ? h_in : d_in;
  assign l0      = line_of(a_hdr);
  assign l1      = line_of(a_hdr + AddrW'(HB - 1));
  assign hdr_oob = beyond(a_hdr, AddrW'(HB), limit);
  assign hdr_rebase = !hdr_oob && !span_in_window(win_valid_q[hs], win_base_q[hs], l0, l1);
  assign hdr_slide  = !hdr_oob && !hdr_rebase && (l0 != win_base_q[hs]);

  // Empties the slots of lines that leave the window when the base moves.
  function automatic logic [W-1:0][1:0] slide_states(logic [W-1:0][1:0] st,
                                                     logic [AddrW-1:0] old_base,
                                                     logic [AddrW-1:0] new_base);
    logic [W-1:0][1:0] r;
    r = st;
    for (int unsigned j = 0; j < W; j++) begin
      logic [AddrW-1:0] line;
      line = old_base + AddrW'(j * LB);
      if ((line - old_base) < (new_base - old_base)) r[slot_of(line)] = Empty;
    end
    return r;
  endfunction

  // The bytes from address a on: the Span lines from line_of(a), picked by
  // slot, then shifted by a's offset in its line. Only the Span lines an
  // access can touch are selected, so the shifter is Span*LB bytes wide and
  // takes an OffW-bit byte offset, not the whole window. The result is
  // meaningful when those lines are full (the callers check that first).
  function automatic logic [SpanB*8-1:0] funnel(logic [W-1:0][LB*8-1:0] data,
                                                logic [AddrW-1:0] a);
    logic [SpanB*8-1:0] lines;
    for (int unsigned j = 0; j < Span; j++) begin
      lines[j*LB*8+:LB*8] = data[SlotW'(slot_of(a) + SlotW'(j))];
    end
    return lines >> (32'(a[OffW-1:0]) * 8);
  endfunction

  // The header's element count from the byte counts kept beside the window
  // (slot_cnt_q, written with each line): the HB counts from address a on,
  // picked like funnel() picks bytes, and added. It equals the popcount of
  // the header's N keep bits, without the byte funnel and the popcount in
  // the path from one operation's pointer to the next one's.
  function automatic logic [CntW-1:0] header_count(logic [W-1:0][LB*4-1:0] cnts,
                                                   logic [AddrW-1:0] a);
    logic [2*LB*4-1:0] lines;
    logic [HB*4-1:0]   c;
    logic [CntW-1:0]   sum;
    // A header (HB <= 8 bytes) touches at most two lines.
    for (int unsigned j = 0; j < 2; j++) begin
      lines[j*LB*4+:LB*4] = cnts[SlotW'(slot_of(a) + SlotW'(j))];
    end
    c   = (HB * 4)'(lines >> (32'(a[OffW-1:0]) * 4));
    sum = '0;
    for (int unsigned b = 0; b < HB; b++) sum = sum + CntW'(c[b*4+:4]);
    return sum;
  endfunction

  // Bits set in each byte of a line, counting a byte's low min(N, 8) bits:
  // a header byte holds 8 keep bits, or 4 and 4 reserved bits when N = 4.
  function automatic logic [LB*4-1:0] byte_counts(logic [LB*8-1:0] line);
    logic [LB*4-1:0] r;
    for (int unsigned b = 0; b < LB; b++) begin
      r[b*4+:4] = 4'($countones(line[b*8+:((N < 8) ? N : 8)]));
    end
    return r;
  endfunction

  // All slots of lines first..last (in the window from base) are full; any error.
  function automatic logic [1:0] lines_status(logic [W-1:0][1:0] st, logic [W-1:0] er,
                                              logic [AddrW-1:0] base, logic [AddrW-1:0] first,
                                              logic [AddrW-1:0] last);
    logic full, err;
    full = 1'b1;
    err  = 1'b0;
    for (int unsigned j = 0; j < W; j++) begin
      logic [AddrW-1:0] off;
      off = AddrW'(j * LB);
      if (off >= (first - base) && off <= (last - base)) begin
        full = full && (st[slot_of(base + off)] == Full);
        err  = err || er[slot_of(base + off)];
      end
    end
    return {err, full};
  endfunction

  // Header bits above N (only N = 4 has them) must be 0.
  function automatic logic reserved_bits(logic [HB*8-1:0] h);
    logic r;
    r = 1'b0;
    for (int unsigned b = N; b < HB * 8; b++) r = r | h[b];
    return r;
  endfunction

  // The header's lines are l0 and, when it crosses a line end, the next
  // one. They matter only when the window is not rebased: then they are in
  // it, and a slide to l0 empties only lines below l0, so the slots as they
  // stand say whether they are full (no window arithmetic on this path).
  logic             hdr_cross, hdr_full, hdr_err;
  logic [SlotW-1:0] hslot0, hslot1;
  assign hdr_cross = (32'(a_hdr[OffW-1:0]) + HB - 1) >= LB;
  assign hslot0    = slot_of(a_hdr);
  assign hslot1    = hslot0 + SlotW'(1);
  assign hdr_full  = (slot_state_q[hs][hslot0] == Full) &&
                     (!hdr_cross || slot_state_q[hs][hslot1] == Full);
  assign hdr_err   = slot_err_q[hs][hslot0] || (hdr_cross && slot_err_q[hs][hslot1]);

  logic [HB*8-1:0]  hdr_bytes;
  logic [N-1:0]     keep;
  logic             reserved;
  logic [CntW-1:0]  cnt;
  always_comb begin
    hdr_bytes = (HB * 8)'(funnel(slot_data_q[hs], a_hdr));
    keep      = N'(hdr_bytes);
    reserved  = reserved_bits(hdr_bytes);
    cnt       = header_count(slot_cnt_q[hs], a_hdr);
  end

  // ------------------------------------------------------ payload step
  // Only the payload's size comes from the header count; the rest of the
  // step (its first line, the state of the Span lines from there, the room
  // to the limit) is worked out beside the count, so that the count only
  // picks among results. Each use of the count is a compare of cnt
  // (CntW bits) with a threshold made from the registers: the bound and
  // the number of payload lines need no adder after the count.
  localparam int unsigned EbSh = $clog2(EB);
  localparam int unsigned TW   = $clog2(Span * LB + EB + 1);
  logic [AddrW-1:0] b_pay, psize, dl;
  logic             pcross;     // the interleaved payload starts on the line after d_in's
                                // (the payload's first line, line_of(b_pay), is dl or dl + LB)
  logic [AddrW:0]   room;       // bytes from d_in to the limit; bit AddrW: below 0
  logic [AddrW:0]   avail;      // room for the payload: room less the header when
                                // interleaved; bit AddrW: below 0
  logic [CntW-1:0]  cmax;       // the largest count in bounds, at most N
  logic [Span:0]    dl_in;      // line dl + i is in the D window
  logic [Span-1:0]  pl_in, pl_full, pl_err;   // line p0 + i: in the window, full, error
  logic [Span-1:0]  pl_used;    // line p0 + i holds a payload byte (for cnt != 0)
  logic             pay_oob, pay_in, pay_full, pay_err, pay_rebase, pay_slide;
  assign psize   = AddrW'(cnt) * AddrW'(EB);
  assign b_pay   = op_sep ? d_in : a_hdr + AddrW'(HB);
  assign dl      = line_of(d_in);
  assign pcross  = !op_sep && ((32'(d_in[OffW-1:0]) + HB) >= LB);
  // b_pay + psize > limit, as d_in + (HB when interleaved) + cnt * EB >
  // limit, that is cnt * EB > avail, or cnt > avail / EB. (Where d_in + HB
  // wraps, the header is out of bounds, which decides first.)
  assign room    = {1'b0, limit} - {1'b0, d_in};
  assign avail   = {1'b0, room[AddrW-1:0]} - (op_sep ? '0 : (AddrW + 1)'(HB));
  assign cmax    = ((avail >> EbSh) >= (AddrW + 1)'(N)) ? CntW'(N) : CntW'(avail >> EbSh);
  assign pay_oob = room[AddrW] || avail[AddrW] || (cnt > cmax);
  // Line p0 + i (i >= 1) holds a payload byte when the payload's last byte,
  // b_pay's offset + cnt * EB - 1, is at or past i * LB: when cnt is at
  // least ceil((i * LB - offset + 1) / EB). Line p0 always does.
  assign pl_used[0] = 1'b1;
  for (genvar i = 1; i < Span; i++) begin : gen_pay_used
    logic [TW-1:0] t;
    assign t          = (TW'(i * LB + EB) - TW'(b_pay[OffW-1:0])) >> EbSh;
    assign pl_used[i] = TW'(cnt) >= t;
  end
  for (genvar i = 0; i <= Span; i++) begin : gen_dl_line
    assign dl_in[i] = in_window(win_valid_q[0], win_base_q[0], dl + AddrW'(i * LB));
  end
  for (genvar i = 0; i < Span; i++) begin : gen_pay_line
    logic [SlotW-1:0] ps;
    assign ps         = SlotW'(slot_of(d_in) + SlotW'(pcross) + SlotW'(i));
    assign pl_in[i]   = pcross ? dl_in[i+1] : dl_in[i];
    assign pl_full[i] = slot_state_q[0][ps] == Full;
    assign pl_err[i]  = slot_err_q[0][ps];
  end
  // Over the payload's lines (meaningful when cnt != 0). The window
  // is that of the cycle's start: the separate layout's header step works
  // on the other stream, and the interleaved layout's slide to l0 keeps
  // every payload line that was in the window and empties the others.
  always_comb begin
    pay_in   = 1'b1;
    pay_full = 1'b1;
    pay_err  = 1'b0;
    for (int unsigned i = 0; i < Span; i++) begin
      if (pl_used[i]) begin
        pay_in   = pay_in && pl_in[i];
        pay_full = pay_full && pl_full[i];
        pay_err  = pay_err || pl_err[i];
      end
    end
  end
  assign pay_rebase = op_sep && (cnt != '0) && !pay_in;
  assign pay_slide  = op_sep && (cnt != '0) && pay_in && (dl != win_base_q[0]);

  // Which step decides this cycle.
  logic at_header;   // the payload step is reached
  assign at_header = g_valid_q && !op_fence && !hdr_oob && !hdr_rebase && hdr_full &&
                     !hdr_err && !reserved && !pay_oob && (cnt != '0);

  // The windows after this cycle's step. Each stream moves at most once, to
  // the line of its access: stream D to line_of(d_in) (the interleaved
  // header, or the separate layout's payload), stream H to line_of(h_in)
  // (the separate layout's header). Every option is worked out from the
  // registers; the step only selects one (mv_rebase, mv_slide).
  logic [1:0]                mv_rebase, mv_slide;
  logic [1:0][AddrW-1:0]     mv_line;
  logic [1:0][W-1:0][1:0]    slid;        // the slots after a slide to mv_line
  logic [1:0]                v2_valid;
  logic [1:0][AddrW-1:0]     v2_base;
  logic [1:0][W-1:0][1:0]    v2_state;
  logic [N*EW-1:0]           pay_bytes;
  assign mv_line[0]   = dl;
  assign mv_line[1]   = line_of(h_in);
  assign mv_rebase[0] = op_sep ? (at_header && pay_rebase) : (g_valid_q && !op_fence && hdr_rebase);
  assign mv_slide[0]  = op_sep ? (at_header && pay_slide) : (g_valid_q && !op_fence && hdr_slide);
  assign mv_rebase[1] = op_sep && g_valid_q && !op_fence && hdr_rebase;
  assign mv_slide[1]  = op_sep && g_valid_q && !op_fence && hdr_slide;
  always_comb begin
    for (int unsigned st = 0; st < 2; st++) begin
      slid[st]     = slide_states(slot_state_q[st], win_base_q[st], mv_line[st]);
      v2_valid[st] = mv_rebase[st] || win_valid_q[st];
      v2_base[st]  = (mv_rebase[st] || mv_slide[st]) ? mv_line[st] : win_base_q[st];
      v2_state[st] = mv_rebase[st] ? '0 : mv_slide[st] ? slid[st] : slot_state_q[st];
    end
    pay_bytes = (N * EW)'(funnel(slot_data_q[0], b_pay));
  end

  // Outcome of the op this cycle.
  logic       ready_op;    // the op can finish this cycle (results aside)
  logic [1:0] op_err;
  logic       op_ok_data;  // done with the expanded vector
  always_comb begin
    ready_op   = 1'b0;
    op_err     = ErrNone;
    op_ok_data = 1'b0;
    if (g_valid_q) begin
      if (op_fence) begin
        ready_op = 1'b1;
      end else if (hdr_oob) begin
        ready_op = 1'b1;
        op_err   = ErrOob;
      end else if (hdr_rebase || !hdr_full) begin
        ready_op = 1'b0;
      end else if (hdr_err) begin
        ready_op = 1'b1;
        op_err   = ErrL1;
      end else if (reserved) begin
        ready_op = 1'b1;
        op_err   = ErrHdr;
      end else if (pay_oob) begin
        ready_op = 1'b1;
        op_err   = ErrOob;
      end else if (cnt == '0) begin
        ready_op = 1'b1;
      end else if (!pay_in || !pay_full) begin
        ready_op = 1'b0;
      end else if (pay_err) begin
        ready_op = 1'b1;
        op_err   = ErrL1;
      end else begin
        ready_op   = 1'b1;
        op_ok_data = 1'b1;
      end
    end
  end

  logic last, r_free, op_done, group_done;
  assign last       = (g_next_q + NumW'(1)) == g_num_q;
  assign r_free     = !r_valid_q || res_ready_i;
  // An op finishes only when no read waits: a waiting read was judged
  // against this op's limit and must not go out under the next op's.
  assign op_done    = ready_op && (!last || r_free) && !(req_valid_o && !req_ready_i);

  logic [AddrW-1:0] d_out, h_out;
  assign {d_out, h_out} = advance(op_fence || op_err != ErrNone, op_sep, d_in, h_in, psize);

  // ------------------------------------- more ops in the same cycle (P > 1)
  // Lane 0 is the op worked on; lane j is slot next + j. Lane j finishes in
  // this cycle when every lane before it does and its own op is a FENCE, or
  // a ZCOMPL whose lines are all in the windows as lane 0 left them, full,
  // without error, in bounds and well formed (docs/engines.md, step 8).
  // The pointers pass from lane to lane within the cycle.
  // The ln_* arrays collect the lanes for the registers; the lanes pass
  // their pointers on through their own signals (go_l, dout_l, hout_l).
  logic [P-1:0]                ln_go;
  logic [P-1:0][AddrW-1:0]     ln_dout, ln_hout;
  logic [P-1:0][1:0]           ln_err;
  logic [P-1:0][N-1:0]         ln_keep;   // 0 for a FENCE or an error: all lanes 0
  logic [P-1:0][N*EW-1:0]      ln_pay;
  assign ln_go[0]   = op_done;
  assign ln_dout[0] = d_out;
  assign ln_hout[0] = h_out;
  assign ln_err[0]  = op_err;
  assign ln_keep[0] = op_ok_data ? keep : '0;
  assign ln_pay[0]  = pay_bytes;

  for (genvar j = 1; j < P; j++) begin : gen_lane
    logic [GSlotW-1:0]    kj;
    logic                 exists, is_last, fence, sep, chain;
    logic [AddrW-1:0]     din, hin, lim, a, hl0, hl1, b, psz, pl0, pl1;
    logic                 hok, pok, ok, herr, hfull, perr, pfull, resv;
    logic [HB*8-1:0]      hbytes;
    logic [N-1:0]         kp;
    logic [CntW-1:0]      cn;
    logic [N*EW-1:0]      pbytes;
    logic                 pgo, go_l;
    logic [AddrW-1:0]     pd, ph, dout_l, hout_l;
    if (j == 1) begin : gen_after_main
      assign pgo = op_done;
      assign pd  = d_out;
      assign ph  = h_out;
    end else begin : gen_after_lane
      assign pgo = gen_lane[j-1].go_l;
      assign pd  = gen_lane[j-1].dout_l;
      assign ph  = gen_lane[j-1].hout_l;
    end
    assign kj      = GSlotW'(g_next_q + NumW'(j));
    assign exists  = (g_next_q + NumW'(j)) < g_num_q;
    assign is_last = (g_next_q + NumW'(j + 1)) == g_num_q;
    assign fence   = g_fence_q[kj];
    assign sep     = g_sep_q[kj];
    assign chain   = g_chain_q[kj];
    assign lim     = g_limit_q[kj];
    assign din     = chain ? pd : g_dptr_q[kj];
    assign hin     = chain ? ph : g_hptr_q[kj];
    assign a       = sep ? hin : din;
    assign hl0     = line_of(a);
    assign hl1     = line_of(a + AddrW'(HB - 1));
    assign hbytes  = (HB * 8)'(funnel(slot_data_q[sep], a));
    assign kp      = N'(hbytes);
    assign resv    = reserved_bits(hbytes);
    assign cn      = header_count(slot_cnt_q[sep], a);
    assign psz     = AddrW'(cn) * AddrW'(EB);
    assign b       = sep ? din : a + AddrW'(HB);
    assign pl0     = line_of(b);
    assign pl1     = line_of(b + psz - AddrW'(1));
    assign pbytes  = (N * EW)'(funnel(slot_data_q[0], b));
    always_comb begin
      {herr, hfull} = lines_status(v2_state[sep], slot_err_q[sep], v2_base[sep], hl0, hl1);
      {perr, pfull} = lines_status(v2_state[0], slot_err_q[0], v2_base[0], pl0, pl1);
    end
    assign hok = !beyond(a, AddrW'(HB), lim) &&
                 span_in_window(v2_valid[sep], v2_base[sep], hl0, hl1) && hfull && !herr && !resv;
    assign pok = !beyond(b, psz, lim) &&
                 ((cn == '0) || (span_in_window(v2_valid[0], v2_base[0], pl0, pl1) && pfull &&
                                 !perr));
    assign ok  = exists && (fence || (hok && pok)) && (!is_last || r_free);

    assign go_l       = pgo && ok;
    assign ln_go[j]   = go_l;
    assign ln_dout[j] = dout_l;
    assign ln_hout[j] = hout_l;
    assign ln_err[j]  = ErrNone;
    assign ln_keep[j] = fence ? '0 : kp;
    assign ln_pay[j]  = pbytes;
    assign {dout_l, hout_l} = advance(fence, sep, din, hin, psz);
  end

  // Ops done this cycle, and the last of them.
  logic [NumW-1:0]  ndone;
  logic [AddrW-1:0] fin_d, fin_h;
  always_comb begin
    ndone = '0;
    fin_d = ln_dout[0];
    fin_h = ln_hout[0];
    for (int unsigned j = 0; j < P; j++) begin
      if (ln_go[j]) begin
        ndone = NumW'(j + 1);
        fin_d = ln_dout[j];
        fin_h = ln_hout[j];
      end
    end
  end
  assign group_done = op_done && ((g_next_q + ndone) == g_num_q);
  assign op_ready_o = !g_valid_q || group_done;

  // ------------------------------------------------- response and prefetch
  logic             rsp_match;
  logic             rsp_stream;
  logic [AddrW-1:0] rsp_line;
  assign rsp_stream = tag_stream_q[tag_head_q];
  assign rsp_line   = tag_line_q[tag_head_q];
  // Per stream, for the window kept or slid (a rebased window has no
  // pending line), then selected.
  logic [1:0] m_keep, m_slide;
  always_comb begin
    for (int unsigned st = 0; st < 2; st++) begin
      m_keep[st]  = in_window(win_valid_q[st], win_base_q[st], rsp_line) &&
                    (slot_state_q[st][slot_of(rsp_line)] == Pending);
      m_slide[st] = in_window(win_valid_q[st], mv_line[st], rsp_line) &&
                    (slid[st][slot_of(rsp_line)] == Pending);
    end
  end
  assign rsp_match = rsp_valid_i && !mv_rebase[rsp_stream] &&
                     (mv_slide[rsp_stream] ? m_slide[rsp_stream] : m_keep[rsp_stream]);
  assign rsp_ready_o = 1'b1;
  // The line's bytes are written when its slot is pending in the window as
  // it stands. That is rsp_match, and also the cases where this cycle's
  // step empties the slot (rebase, or the line slides out): an empty slot's
  // bytes are never read, and it becomes full only with a new response.
  // So the wide write enable comes from registers only.
  logic rsp_write;
  assign rsp_write = rsp_valid_i && m_keep[rsp_stream];

  // Lowest empty line of a window below the limit.
  function automatic logic [AddrW:0] candidate(logic valid, logic [AddrW-1:0] base,
                                               logic [W-1:0][1:0] st, logic [AddrW-1:0] lim);
    for (int unsigned j = 0; j < W; j++) begin
      logic [AddrW-1:0] line;
      line = base + AddrW'(j * LB);
      if (valid && st[slot_of(line)] == Empty) begin
        return (line < lim) ? {1'b1, line} : '0;
      end
    end
    return '0;
  endfunction

  // Each stream's candidate for the window kept, rebased (its first line)
  // or slid, then selected.
  logic [1:0][AddrW:0] cand;
  always_comb begin
    for (int unsigned st = 0; st < 2; st++) begin
      if (mv_rebase[st]) begin
        cand[st] = (mv_line[st] < limit) ? {1'b1, mv_line[st]} : '0;
      end else if (mv_slide[st]) begin
        cand[st] = candidate(win_valid_q[st], mv_line[st], slid[st], limit);
      end else begin
        cand[st] = candidate(win_valid_q[st], win_base_q[st], slot_state_q[st], limit);
      end
    end
  end

  logic [AddrW:0] cand_h, cand_d;
  logic           new_req, new_stream;
  logic [AddrW-1:0] new_line;
  assign cand_h     = cand[1];
  assign cand_d     = cand[0];
  assign new_req    = g_valid_q && !op_fence && (outstanding_q < OutW'(MaxOutstanding)) &&
                      (cand_h[AddrW] || cand_d[AddrW]);
  assign new_stream = cand_h[AddrW];
  assign new_line   = cand_h[AddrW] ? cand_h[AddrW-1:0] : cand_d[AddrW-1:0];

  logic             req_stream;
  logic [AddrW-1:0] req_line;
  logic             req_fire;
  assign req_valid_o = hold_valid_q || new_req;
  assign req_stream  = hold_valid_q ? hold_stream_q : new_stream;
  assign req_line    = hold_valid_q ? hold_line_q : new_line;
  assign req_addr_o  = req_valid_o ? req_line : '0;
  assign req_write_o = 1'b0;
  assign req_wdata_o = '0;
  assign req_wstrb_o = '0;
  assign req_fire    = req_valid_o && req_ready_i;

  // Slot states after the response and the request of this cycle.
  logic [1:0][W-1:0][1:0] state_d;
  always_comb begin
    state_d = v2_state;
    if (rsp_match) state_d[rsp_stream][slot_of(rsp_line)] = Full;
    if (req_fire && in_window(v2_valid[req_stream], v2_base[req_stream], req_line) &&
        state_d[req_stream][slot_of(req_line)] == Empty) begin
      state_d[req_stream][slot_of(req_line)] = Pending;
    end
  end

  // ------------------------------------------------------ the group's result
  // The result the group has if it is done this cycle, worked out from
  // g_next_q and g_num_q only: slot j holds an earlier op's result (j <
  // g_next_q), or lane j - g_next_q's up to the group's end, or zeros beyond
  // it. When the group is done, every lane up to its end went (ln_go is a
  // prefix), so this is its result; the selection does not wait for ln_go.
  logic [P-1:0][AddrW-1:0] nr_dptr, nr_hptr;
  logic [P-1:0][1:0]       nr_err;
  logic [P-1:0][N-1:0]     nr_keep;
  logic [P-1:0][N*EW-1:0]  nr_pay;
  logic [P-1:0][GSlotW-1:0] slot_lane;   // the lane that works on slot j
  always_comb begin
    for (int unsigned j = 0; j < P; j++) begin
      slot_lane[j] = (P > 1) ? GSlotW'(NumW'(j) - g_next_q) : '0;   // g_next_q is 0 at P = 1
      nr_pay[j] = ln_pay[slot_lane[j]];   // beyond the group: keep 0 expands it to 0
      if (P > 1 && NumW'(j) < g_next_q) begin
        nr_dptr[j] = gr_dptr_q[j];
        nr_hptr[j] = gr_hptr_q[j];
        nr_err[j]  = gr_err_q[j];
        nr_keep[j] = gr_keep_q[j];
        nr_pay[j]  = gr_pay_q[j];
      end else if (NumW'(j) < g_num_q) begin
        nr_dptr[j] = ln_dout[slot_lane[j]];
        nr_hptr[j] = ln_hout[slot_lane[j]];
        nr_err[j]  = ln_err[slot_lane[j]];
        nr_keep[j] = ln_keep[slot_lane[j]];
      end else begin
        nr_dptr[j] = '0;
        nr_hptr[j] = '0;
        nr_err[j]  = '0;
        nr_keep[j] = '0;
      end
    end
  end

  // ----------------------------------------------------------- registers
  logic [NumW-1:0] num_in;
  if ((1 << NumW) - 1 > P) begin : gen_num_clamp
    assign num_in = (op_num_i == '0) ? NumW'(1) : (op_num_i > NumW'(P)) ? NumW'(P) : op_num_i;
  end else begin : gen_num_plain
    assign num_in = (op_num_i == '0) ? NumW'(1) : op_num_i;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      g_valid_q     <= 1'b0;
      g_num_q       <= '0;
      g_next_q      <= '0;
      carry_d_q     <= '0;
      carry_h_q     <= '0;
      win_valid_q   <= '0;
      win_base_q    <= '0;
      slot_state_q  <= '0;
      tag_head_q    <= '0;
      tag_tail_q    <= '0;
      outstanding_q <= '0;
      hold_valid_q  <= 1'b0;
      hold_stream_q <= 1'b0;
      hold_line_q   <= '0;
      r_valid_q     <= 1'b0;
      r_num_q       <= '0;
      r_dptr_q      <= '0;
      r_hptr_q      <= '0;
      r_err_q       <= '0;
      r_keep_q      <= '0;
    end else begin
      // Windows: the step's change, then the response, then the prefetch.
      win_valid_q  <= flush_i ? '0 : v2_valid;
      win_base_q   <= v2_base;
      slot_state_q <= state_d;
      // Reads in flight.
      if (req_fire) tag_tail_q <= (tag_tail_q == TagW'(MaxOutstanding - 1)) ? '0
                                                                            : tag_tail_q + 1'b1;
      if (rsp_valid_i) tag_head_q <= (tag_head_q == TagW'(MaxOutstanding - 1)) ? '0
                                                                               : tag_head_q + 1'b1;
      outstanding_q <= outstanding_q + OutW'(req_fire) - OutW'(rsp_valid_i);
      hold_valid_q  <= req_valid_o && !req_ready_i;
      hold_stream_q <= req_stream;
      hold_line_q   <= req_line;
      // The op.
      if (op_done) g_next_q <= g_next_q + ndone;
      if (group_done) begin
        r_valid_q <= 1'b1;
        carry_d_q <= fin_d;
        carry_h_q <= fin_h;
      end else if (res_ready_i) begin
        r_valid_q <= 1'b0;
      end
      // The result's fields are written whenever the result register is
      // free, not only when the group is done: while r_valid_q is 0 they
      // are not seen (res_* are 0, a keep of 0 expands to 0), r_valid_q
      // rises only with group_done, and group_done implies r_free. So the
      // enable of these (P x (N*EW + ...) bits) does not wait for the
      // operation's outcome.
      if (r_free) begin
        r_num_q  <= g_num_q;
        r_dptr_q <= nr_dptr;
        r_hptr_q <= nr_hptr;
        r_err_q  <= nr_err;
        r_keep_q <= nr_keep;
      end
      if (op_ready_o) begin
        g_valid_q <= op_valid_i;
        g_num_q   <= op_valid_i ? num_in : '0;
        g_next_q  <= '0;
      end
    end
  end

  // Data registers: no reset needed (their valid bits are reset).
  always_ff @(posedge clk_i) begin
    if (rsp_write) begin
      slot_data_q[rsp_stream][slot_of(rsp_line)] <= rsp_rdata_i;
      slot_err_q[rsp_stream][slot_of(rsp_line)]  <= rsp_error_i;
      slot_cnt_q[rsp_stream][slot_of(rsp_line)]  <= byte_counts(rsp_rdata_i);
    end
    if (req_fire) begin
      tag_stream_q[tag_tail_q] <= req_stream;
      tag_line_q[tag_tail_q]   <= req_line;
    end
    // The payload bytes of the result: no reset, as a slot with keep 0
    // expands to 0 whatever its bytes. Enabled like the fields above.
    if (r_free) r_pay_q <= nr_pay;
    // A group's results so far: a slot not yet done takes its lane's
    // outcome on every cycle, so its last write is the cycle it is done
    // (g_next_q then moves past it). At P = 1 they are never read.
    if (P > 1) begin
      for (int unsigned j = 0; j < P; j++) begin
        if (NumW'(j) >= g_next_q) begin
          gr_dptr_q[j] <= ln_dout[slot_lane[j]];
          gr_hptr_q[j] <= ln_hout[slot_lane[j]];
          gr_err_q[j]  <= ln_err[slot_lane[j]];
          gr_keep_q[j] <= ln_keep[slot_lane[j]];
          gr_pay_q[j]  <= ln_pay[slot_lane[j]];
        end
      end
    end
    if (op_ready_o && op_valid_i) begin
      g_fence_q <= op_fence_i;
      g_sep_q   <= op_sep_i;
      g_chain_q <= op_chain_i;
      g_dptr_q  <= op_dptr_i;
      g_hptr_q  <= op_hptr_i;
      g_limit_q <= op_limit_i;
    end
  end

  assign idle_o      = !g_valid_q && !r_valid_q && (outstanding_q == '0) && !hold_valid_q;
  assign res_valid_o = r_valid_q;
  assign res_num_o   = r_valid_q ? r_num_q : '0;
  assign res_dptr_o  = r_valid_q ? r_dptr_q : '0;
  assign res_hptr_o  = r_valid_q ? r_hptr_q : '0;
  assign res_err_o   = r_valid_q ? r_err_q : '0;

  // The expand units sit behind the result register: it keeps each slot's
  // keep bits and payload bytes, and res_data_o is their expansion, the
  // same in every cycle as an expansion before the register would give.
  // A slot with keep 0 (FENCE, error, beyond res_num_o) expands to 0.
  for (genvar j = 0; j < P; j++) begin : gen_res_expand
    logic [N-1:0][EW-1:0] xdata;
    logic                 unused_ready, unused_valid;
    zcomp_expand #(
      .N(N), .EW(EW), .Topology(TopoSklansky), .Network(NetMux),
      .InReg(0), .PrefixStages(0), .OutReg(0)
    ) u_expand (
      .clk_i(clk_i), .rst_ni(rst_ni),
      .valid_i(1'b1), .ready_o(unused_ready),
      .keep_i(r_keep_q[j]), .payload_i(r_pay_q[j]),
      .valid_o(unused_valid), .ready_i(1'b1),
      .data_o(xdata)
    );
    assign res_data_o[j] = r_valid_q ? xdata : '0;
  end
endmodule
