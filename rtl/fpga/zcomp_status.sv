// zcomp_status: the status reporting of the FPGA self-tests (zcomp_selftest,
// zcomp_unit_selftest): a status line on the UART once a second, and the
// LEDs.
//
// Once a second (ClkHz cycles) it snapshots the totals and sends, 8N1 at
// Baud, hexadecimal with CntW/4 digits each:
//   zcomp pass blocks=... vectors=... in=... out=... cycles=... errors=...\r\n
// "pass" is "FAIL" when errors_i was not 0 at the snapshot. cycles = clock
// cycles since reset (counted here). If a line is still going out when the
// next second starts, that second's line is skipped (the parameter check
// below keeps a line under half a second).
// LEDs: heartbeat_o is high for the first half of each second; pass_o =
// blocks_i != 0 && errors_i == 0; fail_o = errors_i != 0.
//
// Parameters: ClkHz, Baud (zcomp_uart_tx), CntW (counter bits, a multiple of
// 4 from 16 to 64).
// Latency: the snapshot is taken on the last cycle of each second; its line
// starts one cycle later. Guarantees: uart_tx_o is high (idle) from reset to
// the first line; each line is sent whole, characters in order.
module zcomp_status #(
  parameter int unsigned ClkHz = 25_000_000,
  parameter int unsigned Baud  = 115_200,
  parameter int unsigned CntW  = 48
) (
  input  logic            clk_i,
  input  logic            rst_ni,
  input  logic [CntW-1:0] blocks_i,
  input  logic [CntW-1:0] vectors_i,
  input  logic [CntW-1:0] in_i,
  input  logic [CntW-1:0] out_i,
  input  logic [CntW-1:0] errors_i,
  output logic            heartbeat_o,
  output logic            pass_o,
  output logic            fail_o,
  output logic            uart_tx_o
);
  localparam int unsigned Digits  = CntW / 4;
  localparam int unsigned LineLen = 6 + 4 + 6 * Digits + 8 + 9 + 4 + 5 + 8 + 8 + 2;
  localparam int unsigned TickW   = $clog2(ClkHz);
  localparam int unsigned CharW   = $clog2(LineLen);

  if (CntW % 4 != 0 || CntW < 16 || CntW > 64) begin : gen_bad_cnt
    $error("zcomp_status: CntW must be a multiple of 4 from 16 to 64");
  end
  if (ClkHz < 2 * LineLen * 10 * ((ClkHz + Baud / 2) / Baud)) begin : gen_bad_clk
    $error("zcomp_status: at ClkHz / Baud, a status line takes more than half a second");
  end

  logic [TickW-1:0]     tick_q;
  logic [CntW-1:0]      cycles_q;
  logic                 sending_q, fail_snap_q;
  logic [CharW-1:0]     char_q;
  logic [5:0][CntW-1:0] snap_q;
  logic [LineLen*8-1:0] line;
  logic                 tx_ready;

  function automatic logic [Digits*8-1:0] hex(logic [CntW-1:0] x);
    logic [Digits*8-1:0] s;
    for (int unsigned d = 0; d < Digits; d++) begin
      logic [3:0] v;
      v = x[4*d +: 4];
      s[8*d +: 8] = (v < 4'd10) ? (8'h30 + 8'(v)) : (8'h57 + 8'(v));
    end
    return s;
  endfunction

  assign line = {"zcomp ", fail_snap_q ? "FAIL" : "pass",
                 " blocks=", hex(snap_q[0]), " vectors=", hex(snap_q[1]),
                 " in=", hex(snap_q[2]), " out=", hex(snap_q[3]),
                 " cycles=", hex(snap_q[4]), " errors=", hex(snap_q[5]), 8'h0d, 8'h0a};

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      tick_q      <= '0;
      cycles_q    <= '0;
      sending_q   <= 1'b0;
      fail_snap_q <= 1'b0;
      char_q      <= '0;
      snap_q      <= '0;
    end else begin
      cycles_q <= cycles_q + 1'b1;
      tick_q   <= (tick_q == TickW'(ClkHz - 1)) ? '0 : tick_q + 1'b1;
      if (tick_q == TickW'(ClkHz - 1) && !sending_q) begin
        sending_q   <= 1'b1;
        char_q      <= '0;
        fail_snap_q <= errors_i != '0;
        snap_q      <= {errors_i, cycles_q, out_i, in_i, vectors_i, blocks_i};
      end
      if (sending_q && tx_ready) begin
        char_q <= char_q + 1'b1;
        if (char_q == CharW'(LineLen - 1)) sending_q <= 1'b0;
      end
    end
  end

  zcomp_uart_tx #(.ClkHz(ClkHz), .Baud(Baud)) u_uart (
    .clk_i, .rst_ni, .valid_i(sending_q), .ready_o(tx_ready),
    .data_i(line[8*(LineLen-1-32'(char_q)) +: 8]), .tx_o(uart_tx_o)
  );

  assign heartbeat_o = tick_q < TickW'(ClkHz / 2);
  assign pass_o      = blocks_i != '0 && errors_i == '0;
  assign fail_o      = errors_i != '0;
endmodule
