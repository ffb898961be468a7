// zcomp_uart_tx: a UART transmitter, 8 data bits, no parity, 1 stop bit
// (8N1), least significant bit first, idle high.
//
// Parameters: ClkHz (the clock), Baud (bits per second). One bit lasts
// round(ClkHz / Baud) cycles, which must be at least 2.
//
// Handshake: a byte is taken when valid_i && ready_o; ready_o is high while
// the transmitter is idle. Latency: the start bit begins on the cycle after
// the byte is taken; a byte takes 10 bit times. Guarantees: tx_o is high
// from reset until the first start bit and between bytes.
module zcomp_uart_tx #(
  parameter int unsigned ClkHz = 25_000_000,
  parameter int unsigned Baud  = 115_200
) (
  input  logic       clk_i,
  input  logic       rst_ni,
  input  logic       valid_i,
  output logic       ready_o,
  input  logic [7:0] data_i,
  output logic       tx_o
);
  localparam int unsigned Div  = (ClkHz + Baud / 2) / Baud;
  localparam int unsigned DivW = $clog2(Div);

  if (Baud == 0 || Div < 2) begin : gen_bad_baud
    $error("zcomp_uart_tx: ClkHz / Baud must be at least 2");
  end

  logic [9:0]      shift_q;  // stop, data[7:0], start; bit 0 is on the line
  logic [3:0]      bits_q;   // bits still to send, 0 when idle
  logic [DivW-1:0] tick_q;

  assign ready_o = bits_q == '0;
  assign tx_o    = ready_o ? 1'b1 : shift_q[0];

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      shift_q <= '1;
      bits_q  <= '0;
      tick_q  <= '0;
    end else if (ready_o) begin
      if (valid_i) begin
        shift_q <= {1'b1, data_i, 1'b0};
        bits_q  <= 4'd10;
        tick_q  <= DivW'(Div - 1);
      end
    end else if (tick_q != '0) begin
      tick_q <= tick_q - 1'b1;
    end else begin
      shift_q <= {1'b1, shift_q[9:1]};
      bits_q  <= bits_q - 1'b1;
      tick_q  <= DivW'(Div - 1);
    end
  end
endmodule
